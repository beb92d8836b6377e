// Two real server processes on one PostgreSQL database survive their connections being terminated under load
// (what a PostgreSQL restart, a failover or a pooler restart does): they stay up, fail only with 503, and lose no view.

import assert from 'node:assert/strict'
import { once } from 'node:events'
import { test } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import pg from 'pg'
import { openStore } from '../../src/store/store.ts'
import { startInstance, UA } from '../support/cluster.ts'
import { POSTGRES_ADMIN_URL, postgresUnavailable, scratchDatabase } from '../support/databases.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'

/** Terminates every connection to `database` but the caller's own; returns how many it ended. */
async function terminateAll(database: string): Promise<number> {
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL })
  await admin.connect()
  try {
    const { rows } = await admin.query('select pg_terminate_backend(pid) as ok from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [database])
    return rows.length
  } finally {
    await admin.end()
  }
}

async function listenerCount(database: string): Promise<number> {
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL })
  await admin.connect()
  try {
    const { rows } = await admin.query<{ n: number }>(
      "select count(*)::int as n from pg_stat_activity where datname = $1 and application_name = 'broadsheet-listener'", [database])
    return rows[0]!.n
  } finally {
    await admin.end()
  }
}

test('pg_terminate_backend on every connection leaves both instances serving, with 503 as the only failure and no view lost', async (t) => {
  const reason = await postgresUnavailable()
  if (reason) return t.skip(reason)
  const scratch = await scratchDatabase('postgres')
  const url = (scratch.config as { url: string }).url
  const database = new URL(url).pathname.slice(1)
  t.after(() => scratch.drop())
  const seeded = await openStore(scratch.config)
  await seedTaxonomy(seeded)
  await seedArticle(seeded, { title: 'Wind farms in the steppe', slug: 'wind-farms' }, Date.now())
  await seeded.close()

  // Time-based shedding is off, as in every cluster test: the 503s allowed below are those of lost connections, not of
  // a busy test machine answering 503 at random.
  const instances = [await startInstance(t, url), await startInstance(t, url)]
  const statuses = new Map<number, number>()
  let beaconsCounted = 0
  let visitor = 0
  const note = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1)
  let loading = true
  // Light load on both: pages that read the database (search is never cached) and view beacons, in turn.
  const load = Promise.all(instances.map(async ({ base }) => {
    while (loading) {
      const ip = `10.2.${(visitor >> 8) & 255}.${visitor++ & 255}`
      const beacon = await fetch(`${base}/api/v1/views`, {
        method: 'POST', body: JSON.stringify({ path: '/news/wind-farms' }),
        headers: { 'content-type': 'text/plain;charset=UTF-8', 'user-agent': UA, 'x-forwarded-for': ip },
      }).then((r) => r.status, () => 0)
      note(beacon)
      if (beacon === 204) beaconsCounted++
      for (const page of ['/search?q=wind', '/news/wind-farms', '/api/v1/articles']) {
        note(await fetch(base + page, { headers: { 'user-agent': UA } }).then(async (r) => (await r.arrayBuffer(), r.status), () => 0))
      }
    }
  }))

  await sleep(1_500)
  let terminated = 0
  for (let round = 0; round < 4; round++) {
    terminated += await terminateAll(database)
    await sleep(700)
  }
  await sleep(2_000)
  loading = false
  await load
  assert.ok(terminated >= 4, `connections terminated: ${terminated}`)

  for (const { child, output } of instances) assert.equal(child.exitCode, null, `an instance exited:\n${output()}`)
  for (const { base, output } of instances) {
    for (const page of ['/news/wind-farms', '/search?q=wind', '/readyz']) {
      assert.equal((await fetch(base + page, { headers: { 'user-agent': UA } })).status, 200, `${base}${page}\n${output()}`)
    }
  }
  const failures = [...statuses].filter(([status]) => status >= 300)
  assert.deepEqual(failures.filter(([status]) => status !== 503), [], `every failure is a 503: ${JSON.stringify([...statuses])}`)
  assert.ok((statuses.get(200) ?? 0) > 50, JSON.stringify([...statuses]))
  // Each instance listens again for other instances' invalidations.
  for (let i = 0; (await listenerCount(database)) < 2; i++) {
    if (i > 50) assert.fail('the invalidation listeners did not reconnect')
    await sleep(100)
  }

  for (const { child } of instances) child.kill('SIGTERM')
  for (const { child, output } of instances) {
    const [code] = child.exitCode === null ? await once(child, 'exit') : [child.exitCode]
    assert.equal(code, 0, output())
  }
  const flushFailures = instances.reduce((n, i) => n + (i.output().match(/view flush failed/g) ?? []).length, 0)
  t.diagnostic(`statuses ${JSON.stringify([...statuses])}; connections terminated ${terminated}; failed view flushes ${flushFailures}`)
  const store = await openStore(scratch.config)
  try {
    // Every beacon answered 204 was written, including those buffered while their flush failed.
    assert.equal(await store.views.total(), beaconsCounted)
  } finally {
    await store.close()
  }
})

// Two app instances over one PostgreSQL database: a publish through one invalidates the other's cache (LISTEN/NOTIFY).

import { test, type TestContext } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import type { FastifyInstance } from 'fastify'
import { loadConfig } from '../../src/config.ts'
import { createLogger } from '../../src/log.ts'
import { createServices } from '../../src/services.ts'
import { openStore, type Store } from '../../src/store/store.ts'
import { startPostgresListener, type PostgresListener } from '../../src/store/postgres-listener.ts'
import { buildApp } from '../../src/web/app.ts'
import { POSTGRES_ADMIN_URL, postgresUnavailable, scratchDatabase } from '../support/databases.ts'
import { fixedClock } from '../support/build-test-app.ts'
import { seedNewsroom } from '../support/web.ts'
import { seedArticle } from '../support/seed.ts'
import { editArticle, republish, NOW } from '../support/editing.ts'

interface Instance {
  readonly app: FastifyInstance
  readonly store: Store
  readonly listener: PostgresListener
}

/** Two instances (store, services, app, listener each) on one scratch database, or null after skipping with the reason. */
async function twoInstances(t: TestContext): Promise<[Instance, Instance] | null> {
  const reason = await postgresUnavailable()
  if (reason) {
    t.skip(reason)
    return null
  }
  const db = await scratchDatabase('postgres', { migrated: true })
  if (db.config.engine !== 'postgres') throw new Error('expected PostgreSQL')
  const url = db.config.url
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-two-'))
  const instances: Instance[] = []
  t.after(async () => {
    for (const i of instances) {
      await i.listener.close()
      await i.app.close()
      await i.store.close()
    }
    await db.drop()
    await rm(dataDir, { recursive: true, force: true })
  })
  for (let n = 0; n < 2; n++) {
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', SITE_URL: 'https://news.example', DATABASE_URL: url })
    const store = await openStore(config.database, { poolSize: 3 })
    const log = createLogger(config)
    const services = createServices({ store, config, log, clock: fixedClock() })
    const app = await buildApp({ services, config, log })
    const listener = startPostgresListener({
      url, origin: store.invalidated.origin, onInvalidation: (e) => store.invalidated.emit(e), log, backoffMs: { min: 50, max: 400 },
    })
    instances.push({ app, store, listener })
    await listener.ready
  }
  return [instances[0]!, instances[1]!]
}

/** Requests `url` until it is served from the cache: the seeding's own NOTIFYs may still be arriving. */
async function cachedOn(app: FastifyInstance, url: string): Promise<string> {
  let cache = ''
  for (const started = Date.now(); cache !== 'hit' && Date.now() - started < 2_000;) {
    cache = String((await app.inject(url)).headers['x-cache'])
    if (cache !== 'hit') await new Promise((resolve) => setTimeout(resolve, 25))
  }
  return cache
}

/** Requests `url` until its body matches `re` (NOTIFY arrives asynchronously) or two seconds pass. */
async function eventually(app: FastifyInstance, url: string, re: RegExp): Promise<{ body: string; cache: string }> {
  let last = { body: '', cache: '' }
  for (const started = Date.now(); Date.now() - started < 2_000;) {
    const res = await app.inject(url)
    last = { body: res.body, cache: String(res.headers['x-cache']) }
    if (re.test(res.body)) return last
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  return last
}

test('on PostgreSQL a publish through one instance invalidates the pages the other has cached, and only those', async (t) => {
  const pair = await twoInstances(t)
  if (!pair) return
  const [a, b] = pair
  const { opinion } = await seedNewsroom(a.store)
  for (const url of ['/news', '/tag/energy', '/opinion/energy-deal-matters']) assert.equal(await cachedOn(b.app, url), 'hit', url)

  await seedArticle(a.store, { title: 'Turnout hits a record', slug: 'turnout-record', section: 'news', tags: ['elections'], publishedAt: NOW })
  assert.match((await eventually(b.app, '/news', /turnout-record/)).body, /turnout-record/, 'the second instance shows the new article')
  assert.equal((await b.app.inject('/tag/energy')).headers['x-cache'], 'hit', 'an unrelated tag page stays cached there')

  await editArticle(a.store, opinion, { title: 'Why the energy deal matters more than ever' })
  await republish(a.store, opinion, NOW + 60_000)
  assert.match((await eventually(b.app, '/opinion/energy-deal-matters', /more than ever/)).body, /more than ever/)
})

test('on PostgreSQL a listener whose connection is killed reconnects, listens again and flushes the cache', async (t) => {
  const pair = await twoInstances(t)
  if (!pair) return
  const [a, b] = pair
  await seedNewsroom(a.store)
  assert.equal(await cachedOn(b.app, '/tag/energy'), 'hit')

  const pid = b.listener.backendPid()
  assert.ok(pid)
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL })
  await admin.connect()
  try {
    await admin.query('select pg_terminate_backend($1)', [pid])
  } finally {
    await admin.end()
  }
  for (const started = Date.now(); b.listener.connections() < 2 && Date.now() - started < 5_000;) await new Promise((resolve) => setTimeout(resolve, 20))
  assert.equal(b.listener.connections(), 2, 'reconnected')
  assert.notEqual(b.listener.backendPid(), pid)
  assert.equal((await b.app.inject('/tag/energy')).headers['x-cache'], 'miss', 'flushed: what was published meanwhile is unknown')

  // It listens again: a publish through the other instance still reaches it.
  await seedArticle(a.store, { title: 'Power grid upgrade', slug: 'power-grid', section: 'news', tags: ['energy'], publishedAt: NOW })
  assert.match((await eventually(b.app, '/tag/energy', /power-grid/)).body, /power-grid/)
})

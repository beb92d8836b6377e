// Jobs one instance at a time runs, under a lease in the database (src/jobs/exclusive.ts, src/store/job-leases.ts).

import assert from 'node:assert/strict'
import { forEachEngine, scratchDatabase } from '../support/databases.ts'
import { fixedClock } from '../support/build-test-app.ts'
import { NOW } from '../support/editing.ts'
import { createLogger } from '../../src/log.ts'
import { exclusive } from '../../src/jobs/exclusive.ts'
import type { Job, JobContext } from '../../src/jobs/runner.ts'
import { openStore } from '../../src/store/store.ts'

const LEASE = 60_000

forEachEngine('while one instance runs an exclusive job the others skip it; a dead holder\'s lease runs out and another takes over', async (t, engine) => {
  const db = await scratchDatabase(engine, { migrated: true })
  // Two instances: two stores on one database, each with its own runner of the same job.
  const stores = [await openStore(db.config, { poolSize: 2 }), await openStore(db.config, { poolSize: 2 })]
  t.after(async () => {
    for (const s of stores) await s.close()
    await db.drop()
  })
  const clock = fixedClock(NOW)
  const ctx = (n: number): JobContext => ({ store: stores[n]!, clock, log: createLogger({ logLevel: 'silent' }) })
  const runs: string[] = []
  let finish = () => {}
  const job = (who: string): Job => ({
    name: 'walk-cursor', everyMs: 1_000,
    run: () => {
      runs.push(who)
      return who === 'a' && runs.length === 1 ? new Promise<void>((resolve) => { finish = resolve }) : Promise.resolve()
    },
  })
  const a = exclusive(job('a'), { leaseMs: LEASE, holder: 'instance-a' })
  const b = exclusive(job('b'), { leaseMs: LEASE, holder: 'instance-b' })

  const running = a.run(ctx(0))
  for (let i = 0; runs.length === 0; i++) await new Promise((r) => setTimeout(r, 5))
  await b.run(ctx(1))
  assert.deepEqual(runs, ['a'], 'b skips its turn while a runs')
  finish()
  await running
  await b.run(ctx(1))
  assert.deepEqual(runs, ['a', 'b'], 'the lease is given back when the run ends')

  // A third instance takes the lease and dies mid-run: it never gives the lease back.
  assert.equal(await stores[0]!.jobLeases.acquire('walk-cursor', 'instance-dead', NOW, NOW + LEASE), true)
  await a.run(ctx(0))
  await b.run(ctx(1))
  assert.deepEqual(runs, ['a', 'b'], 'held by the dead instance until its lease runs out')
  clock.set(NOW + LEASE)
  await b.run(ctx(1))
  assert.deepEqual(runs, ['a', 'b', 'b'], 'taken over once the lease has run out')
  assert.equal((await stores[1]!.jobLeases.holderOf('walk-cursor'))?.holder, 'instance-b')
})

forEachEngine('two instances asking for a free lease at the same moment: exactly one gets it', async (t, engine) => {
  const db = await scratchDatabase(engine, { migrated: true })
  const stores = [await openStore(db.config, { poolSize: 2 }), await openStore(db.config, { poolSize: 2 })]
  t.after(async () => {
    for (const s of stores) await s.close()
    await db.drop()
  })
  for (let round = 0; round < 10; round++) {
    const name = `job-${round}`
    const got = await Promise.all(stores.map((s, n) => s.jobLeases.acquire(name, `holder-${n}`, NOW, NOW + LEASE)))
    assert.equal(got.filter(Boolean).length, 1, `round ${round}: ${got.join(', ')}`)
  }
})

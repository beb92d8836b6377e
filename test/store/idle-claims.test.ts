// A queue with nothing due is claimed by a read alone (src/store/claims.ts), and an exclusive job with nothing to do
// takes no lease (src/jobs/exclusive.ts): neither waits for another connection that is writing, as an import does.

import assert from 'node:assert/strict'
import SQLite from 'better-sqlite3'
import pg from 'pg'
import { forEachEngine, scratchDatabase } from '../support/databases.ts'
import { fixedClock } from '../support/build-test-app.ts'
import { NOW } from '../support/editing.ts'
import { createLogger } from '../../src/log.ts'
import { exclusive } from '../../src/jobs/exclusive.ts'
import { openStore } from '../../src/store/store.ts'

/** Tables the claims and the lease write to. */
const WRITTEN = ['webhook_deliveries', 'mail_outbox', 'media_variant_queue', 'cdn_purges', 'newsletter_deliveries', 'import_jobs', 'job_leases']

/** A claim that has not answered by then is waiting for the writer. */
const WAIT_MS = 3_000

forEachEngine('idle queues are claimed without waiting for a writer, and an exclusive job with no work takes no lease', async (t, engine) => {
  const db = await scratchDatabase(engine, { migrated: true })
  const store = await openStore(db.config, { poolSize: 2 })
  // Another connection holds the right to write, as an import's batch does: SQLite's one write lock, or on PostgreSQL
  // a lock on each table that lets readers in and keeps writers out.
  let release: () => Promise<void>
  if (db.config.engine === 'sqlite') {
    const writer = new SQLite(db.config.file)
    writer.prepare('begin immediate').run()
    release = async () => {
      writer.prepare('rollback').run()
      writer.close()
    }
  } else {
    const writer = new pg.Client({ connectionString: db.config.url })
    await writer.connect()
    await writer.query('begin')
    await writer.query(`lock table ${WRITTEN.join(', ')} in exclusive mode`)
    release = async () => {
      await writer.query('rollback')
      await writer.end()
    }
  }
  t.after(async () => {
    await release()
    await store.close()
    await db.drop()
  })

  // On SQLite a write would wait out busy_timeout holding the event loop and then fail; on PostgreSQL it would wait.
  const within = async <T>(what: string, work: Promise<T>): Promise<T> => {
    let timer: NodeJS.Timeout | undefined
    const late = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} waited for the writer`)), WAIT_MS) })
    try {
      return await Promise.race([work, late])
    } finally {
      clearTimeout(timer)
    }
  }
  const skipLocked = engine === 'postgres'
  assert.deepEqual(await within('webhooks', store.webhooks.claimDue(NOW, 10, NOW + 60_000)), [])
  assert.deepEqual(await within('mail', store.mailOutbox.claimDue(NOW, 10, NOW + 60_000)), [])
  assert.deepEqual(await within('media variants', store.media.claimVariantTasks(NOW, 10, NOW + 60_000, skipLocked)), [])
  assert.deepEqual(await within('CDN purges', store.cdnPurges.claimDue(NOW, 10, NOW + 60_000)), [])
  assert.deepEqual(await within('newsletters', store.newsletterIssues.claimDue(NOW, 10, NOW + 60_000)), [])
  assert.equal(await within('imports', store.importJobs.claim(NOW, NOW + 60_000)), undefined)

  let runs = 0
  const job = (work: boolean) => exclusive({ name: 'reindex', everyMs: 1_000, hasWork: async () => work, run: async () => { runs++ } }, { leaseMs: 60_000, holder: 'here' })
  const ctx = { store, clock: fixedClock(NOW), log: createLogger({ logLevel: 'silent' }) }
  await within('an idle exclusive job', job(false).run(ctx))
  assert.equal(runs, 0)
  assert.equal(await store.jobLeases.holderOf('reindex'), undefined, 'no lease was written')

  // Once the writer is done, a job with work takes its lease and runs as before.
  await release()
  release = async () => {}
  await job(true).run(ctx)
  assert.equal(runs, 1)
  assert.equal((await store.jobLeases.holderOf('reindex'))?.holder, 'here')
})

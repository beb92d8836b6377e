// Desk imports run as jobs: claimed by one runner only, taken up again after a runner dies, run as their creator.

import assert from 'node:assert/strict'
import { copyFile, mkdtemp, rm, access } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { TestContext } from 'node:test'
import { fixedClock } from '../support/build-test-app.ts'
import { forEachDatabase } from '../support/databases.ts'
import { runNextImportJob, IMPORT_MAX_ATTEMPTS } from '../../src/importers/import-job-run.ts'
import type { Store } from '../../src/store/store.ts'
import { FIXTURE } from './wordpress/fixtures.ts'
import { createImportDesk } from '../../src/editorial/import-desk.ts'
import { createFsMediaStore } from '../../src/media/storage/fs.ts'
import { importProgress } from '../../src/domain/import-job.ts'
import { importJobPage } from '../../src/render/desk/import-page.ts'
import { articleOf, POSTS } from './wordpress/support.ts'

const LEASE = 60_000
const SILENT = { info: () => {}, warn: () => {}, error: () => {} }

async function dataDir(t: TestContext): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-import-job-'))
  t.after(() => rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }))
  return dir
}

/** An admin and a queued job on a copy of the WXR fixture. */
async function queued(store: Store, dir: string, now: number, opts: { dryRun?: boolean; role?: 'admin' | 'editor' } = {}) {
  const userId = await store.users.insert({ email: `${opts.role ?? 'admin'}-${now}@news.example`, name: 'Ada Admin', role: opts.role ?? 'admin', passwordHash: 'x', createdAt: now })
  const file = path.join(dir, `upload-${now}.xml`)
  await copyFile(FIXTURE, file)
  const id = await store.importJobs.insert({ source: 'wordpress', filePath: file, fileName: 'site.wxr', fileBytes: 1, options: { section: null, siteUrl: null, media: false, permalink: null, routesYaml: null }, dryRun: opts.dryRun ?? false, createdBy: userId }, now)
  return { id, file }
}

const imported = async (store: Store) => (await Promise.all(POSTS.map((p) => articleOf(store, p)))).filter((x) => x !== undefined).length

forEachDatabase('a queued import is claimed by one runner only, even when two claim at once', async (store, t) => {
  const clock = fixedClock()
  const { id } = await queued(store, await dataDir(t), clock.now())
  const claims = await Promise.all([1, 2, 3].map(() => store.importJobs.claim(clock.now(), clock.now() + LEASE)))
  const won = claims.filter((c) => c !== undefined)
  assert.equal(won.length, 1)
  assert.equal(won[0]!.job.id, id)
  assert.equal(won[0]!.attempt, 1)
  assert.equal((await store.importJobs.get(id))!.status, 'running')
  // While the lease holds, nobody else gets it.
  clock.set(clock.now() + LEASE - 1)
  assert.equal(await store.importJobs.claim(clock.now(), clock.now() + LEASE), undefined)
})

forEachDatabase('only one import may be active on a site at a time', async (store, t) => {
  const dir = await dataDir(t)
  const now = Date.UTC(2026, 10, 27, 9)
  await queued(store, dir, now)
  await assert.rejects(queued(store, dir, now + 1), (err: unknown) => /unique|duplicate/i.test(String((err as Error).message)))
})

forEachDatabase('an import whose runner died is taken up again after its lease and ends once, with nothing doubled', async (store, t) => {
  const clock = fixedClock()
  const dir = await dataDir(t)
  const { id, file } = await queued(store, dir, clock.now())
  const deps = { store, clock, log: SILENT, timeZone: 'UTC', dataDir: dir, allowPrivate: false, leaseMs: LEASE }
  // The first runner claims the job and writes part of the file, then dies: its lease is never renewed.
  const first = (await store.importJobs.claim(clock.now(), clock.now() + LEASE))!
  assert.equal(await store.importJobs.renew(id, first.attempt, { leaseUntil: clock.now() + LEASE, doneItems: 4, progress: 0.3 }, clock.now()), true)
  assert.deepEqual(await runNextImportJob(deps), { ran: null }, 'nothing to claim while the lease holds')
  clock.set(clock.now() + LEASE + 1)
  const outcome = await runNextImportJob(deps)
  assert.deepEqual(outcome, { ran: id, status: 'done' })
  const job = (await store.importJobs.get(id))!
  assert.equal(job.status, 'done')
  assert.equal(job.attempts, 2)
  assert.equal(job.report?.articles.imported, 11)
  assert.equal(await imported(store), 11)
  // The dead runner's late writes change nothing: the job belongs to the second attempt.
  assert.equal(await store.importJobs.renew(id, first.attempt, { leaseUntil: clock.now() + LEASE }, clock.now()), false)
  assert.equal(await store.importJobs.finish(id, first.attempt, { status: 'failed', report: null, error: 'late' }, clock.now()), false)
  assert.equal((await store.importJobs.get(id))!.status, 'done')
  // An import's upload is removed once it ends; the site is free for the next import.
  await assert.rejects(access(file))
  assert.equal(await store.importJobs.active(), undefined)
  // Run again from a new upload: everything is skipped, nothing doubled.
  const again = await queued(store, dir, clock.now() + 1)
  assert.deepEqual(await runNextImportJob(deps), { ran: again.id, status: 'done' })
  assert.deepEqual((await store.importJobs.get(again.id))!.report?.articles, { imported: 0, updated: 0, skipped: 11, refused: 0 })
  assert.equal(await imported(store), 11)
})

forEachDatabase('a dry run writes nothing and keeps its upload for the import that follows', async (store, t) => {
  const clock = fixedClock()
  const dir = await dataDir(t)
  const { id, file } = await queued(store, dir, clock.now(), { dryRun: true })
  assert.deepEqual(await runNextImportJob({ store, clock, log: SILENT, timeZone: 'UTC', dataDir: dir, allowPrivate: false }), { ran: id, status: 'done' })
  const job = (await store.importJobs.get(id))!
  assert.equal(job.report?.dryRun, true)
  assert.equal(job.report?.articles.imported, 11)
  assert.equal(await imported(store), 0)
  await access(file)
})

forEachDatabase('a runner that is stopping gives the import back at its next batch, and the next claim takes it at once', async (store, t) => {
  const clock = fixedClock()
  const dir = await dataDir(t)
  const { id } = await queued(store, dir, clock.now())
  const stopping = new AbortController()
  stopping.abort()
  const deps = { store, clock, log: SILENT, timeZone: 'UTC', dataDir: dir, allowPrivate: false }
  assert.deepEqual(await runNextImportJob({ ...deps, signal: stopping.signal }), { ran: id, status: 'released' })
  assert.equal((await store.importJobs.get(id))!.status, 'running')
  assert.deepEqual(await runNextImportJob(deps), { ran: id, status: 'done' })
  assert.equal(await imported(store), 11)
})

forEachDatabase('an import that keeps losing its runner is given up, and one whose creator may no longer import fails', async (store, t) => {
  const clock = fixedClock()
  const dir = await dataDir(t)
  const { id } = await queued(store, dir, clock.now())
  for (let i = 0; i < IMPORT_MAX_ATTEMPTS; i++) {
    assert.ok(await store.importJobs.claim(clock.now(), clock.now() + LEASE))
    clock.set(clock.now() + LEASE + 1)
  }
  const deps = { store, clock, log: SILENT, timeZone: 'UTC', dataDir: dir, allowPrivate: false }
  assert.deepEqual(await runNextImportJob(deps), { ran: id, status: 'failed' })
  assert.match((await store.importJobs.get(id))!.error ?? '', /stopped 3 times/)
  const editors = await queued(store, dir, clock.now() + 5, { role: 'editor' })
  assert.deepEqual(await runNextImportJob(deps), { ran: editors.id, status: 'failed' })
  assert.match((await store.importJobs.get(editors.id))!.error ?? '', /may no longer import/)
  assert.equal(await imported(store), 0)
})

forEachDatabase('a running import asked to stop ends at its next batch with a report that says so; resuming imports the rest', async (store, t) => {
  const clock = fixedClock()
  const dir = await dataDir(t)
  const { id, file } = await queued(store, dir, clock.now())
  const desk = createImportDesk({ store, clock, uploadDir: dir, mediaStore: createFsMediaStore(path.join(dir, 'media')) })
  const admin = { userId: (await store.importJobs.get(id))!.createdBy!, role: 'admin' as const }
  // The Stop button is pressed once the second batch is recorded: the desk's own use-case, while the job runs.
  const renew = store.importJobs.renew
  store.importJobs.renew = async (...args) => {
    const held = await renew(...args)
    if (args[2].doneItems === 4) await desk.stop(admin, id)
    return held
  }
  t.after(() => { store.importJobs.renew = renew })
  const deps = { store, clock, log: SILENT, timeZone: 'UTC', dataDir: dir, allowPrivate: false, batchSize: 2 }
  assert.deepEqual(await runNextImportJob(deps), { ran: id, status: 'done' })
  const stopped = (await store.importJobs.get(id))!
  assert.equal(stopped.report?.stopped, true)
  const written = await imported(store)
  assert.ok(written >= 4 && written < 11, `stopped at a batch boundary after the request, not at the end (${written} written)`)
  assert.equal(written % 2, 0, 'whole batches only')
  await access(file)
  await assert.rejects(desk.stop(admin, id), /not running/)
  const page = importJobPage({ siteName: 'News', css: '/assets/desk.css', viewer: { name: 'Ada', role: 'admin' }, csrf: 'token' }, { job: stopped, progress: importProgress(stopped, clock.now()), timeZone: 'UTC', refreshSeconds: 2, status: null })
  assert.match(page.value, /Stopped on request after \d+ articles/)
  assert.match(page.value, /action="\/desk\/import\/\d+\/resume"/)

  store.importJobs.renew = renew
  const resumed = await desk.resume(admin, id)
  assert.deepEqual(await runNextImportJob(deps), { ran: resumed, status: 'done' })
  const report = (await store.importJobs.get(resumed))!.report!
  assert.equal(report.stopped, undefined)
  assert.deepEqual(report.articles, { imported: 11 - written, updated: 0, skipped: written, refused: 0 })
  assert.equal(await imported(store), 11)
  await assert.rejects(desk.resume(admin, id), /upload the file again|only an import that was stopped/)
})

// Carries out the desk's queued imports: claims the active job under a lease, runs it through the same use-cases as the
// command line (run-import.ts), renews the lease while it runs, and records the report. A runner that dies leaves the
// job to the next claim once its lease runs out; imports are safe to run again, so the next attempt starts over.

import { access, mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import type { ImportJob } from '../domain/import-job.ts'
import { can } from '../domain/roles.ts'
import { UnavailableError } from '../errors.ts'
import type { Log } from '../log.ts'
import { fetchImportUpload, isStoredUpload, removeImportUpload } from '../media/import-uploads.ts'
import type { MediaStore } from '../media/storage/media-store.ts'
import { mediaStoreOf } from '../media/storage/open.ts'
import { runImport, type ImportRunDeps } from './run-import.ts'

/** How long a claim holds a job without renewal; a runner renews it far more often. */
export const IMPORT_LEASE_MS = 120_000
/** An import whose runner stopped this many times is given up rather than taken over again. */
export const IMPORT_MAX_ATTEMPTS = 3

export interface ImportJobRunDeps extends ImportRunDeps {
  readonly log: Pick<Log, 'info' | 'warn' | 'error'>
  /** Aborted when this instance shuts down: the job is released at its next batch and taken up again by a later claim. */
  readonly signal?: AbortSignal
  readonly leaseMs?: number
  /** How often the lease is renewed while a batch (its images fetched) takes long; default a sixth of the lease. */
  readonly renewEveryMs?: number
  /** Articles per transaction; the importers' default when absent (tests make batches small so that they matter). */
  readonly batchSize?: number
}

/** The run gave the job up: this instance is stopping, or another runner took it over after the lease ran out. */
class GaveUp extends Error {
  readonly why: 'stopping' | 'lost'
  constructor(why: 'stopping' | 'lost') {
    super(why)
    this.why = why
  }
}

const exists = (file: string) => access(file).then(() => true, () => false)

/** What ended the run: finished (done or failed) with the job's id, nothing to claim, or given back. */
export type ImportJobOutcome = { readonly ran: number; readonly status: 'done' | 'failed' } | { readonly ran: null } | { readonly ran: number; readonly status: 'released' | 'lost' }

/** Why a job cannot run as its creator now, or null when it can. */
async function refusal(deps: ImportJobRunDeps, uploads: MediaStore, job: ImportJob, attempt: number): Promise<string | null> {
  if (attempt > IMPORT_MAX_ATTEMPTS) return `the import stopped ${attempt - 1} times before it ended (the instance running it went away); upload the file again to retry`
  const user = job.createdBy === null ? undefined : await deps.store.users.get(job.createdBy)
  if (!user || user.disabled || !can(user.role, 'site.import')) return 'the administrator who started the import may no longer import'
  if (isStoredUpload(job.filePath)) {
    if (!job.fileSecret || !(await uploads.head(job.filePath))) return 'the uploaded file is no longer in the media store; upload the file again'
  } else if (!job.filePath || !(await exists(job.filePath))) {
    // An upload kept on one instance's disk, from before uploads went to the media store.
    return 'the uploaded file is not in this instance\'s DATA_DIR (each instance must share it); upload the file again'
  }
  return null
}

/**
 * The job's upload as a file on this instance's disk, for the importers (which stream or read a file): a stored
 * upload is decrypted into DATA_DIR/imports for this attempt and removed after it (`scratch`); an old one on disk is
 * read where it is.
 */
async function localCopy(deps: ImportJobRunDeps, uploads: MediaStore, job: ImportJob, attempt: number): Promise<{ file: string; scratch: boolean } | null> {
  if (!isStoredUpload(job.filePath)) return { file: job.filePath, scratch: false }
  const dir = path.join(deps.dataDir, 'imports')
  await mkdir(dir, { recursive: true })
  const file = path.join(dir, `run-${job.id}-${attempt}${path.extname(job.filePath)}`)
  try {
    return (await fetchImportUpload(uploads, job.filePath, job.fileSecret ?? '', file)) ? { file, scratch: true } : null
  } catch (err) {
    await rm(file, { force: true })
    throw err
  }
}

/** Claims the queued (or abandoned) import, if any, and runs it to its end. */
export async function runNextImportJob(deps: ImportJobRunDeps): Promise<ImportJobOutcome> {
  const { store, clock, log } = deps
  const leaseMs = deps.leaseMs ?? IMPORT_LEASE_MS
  const claimed = await store.importJobs.claim(clock.now(), clock.now() + leaseMs)
  if (!claimed) return { ran: null }
  const { job, attempt } = claimed
  const uploads = mediaStoreOf(deps.mediaStore ? { mediaStore: deps.mediaStore } : { mediaDir: path.join(deps.dataDir, 'media') })
  const finish = async (status: 'done' | 'failed', report: Parameters<typeof store.importJobs.finish>[2]['report'], error: string | null) => {
    if (!(await store.importJobs.finish(job.id, attempt, { status, report, error }, clock.now()))) return { ran: job.id, status: 'lost' } as const
    // The import's file is read by nothing after it; a dry run's is kept for the import that may follow, and a stopped
    // import's for the run that resumes it.
    if (!job.dryRun && job.filePath && !report?.stopped) {
      await removeImportUpload(uploads, job.filePath)
      await store.importJobs.clearFiles([job.id], clock.now())
    }
    log.info({ importJob: job.id, status, dryRun: job.dryRun, attempt, stopped: report?.stopped === true }, 'import job ended')
    return { ran: job.id, status }
  }
  const refused = await refusal(deps, uploads, job, attempt)
  if (refused) return finish('failed', null, refused)
  const user = (await store.users.get(job.createdBy!))!
  let local: Awaited<ReturnType<typeof localCopy>>
  try {
    local = await localCopy(deps, uploads, job, attempt)
  } catch (err) {
    if (err instanceof UnavailableError) {
      // The store is unreachable just now, and the upload still in it: the next claim tries again.
      await store.importJobs.release(job.id, attempt, clock.now())
      log.warn({ importJob: job.id, attempt, err }, 'import upload not fetched: the media store is unavailable')
      return { ran: job.id, status: 'released' }
    }
    log.error({ importJob: job.id, err }, 'import upload unreadable')
    return finish('failed', null, 'the uploaded file could not be read back from the media store as it was stored; upload the file again')
  }
  if (!local) return finish('failed', null, 'the uploaded file is no longer in the media store; upload the file again')

  let lost = false
  // Read from the job after each batch's progress is recorded: the desk's Stop button sets it (import-desk.ts stop).
  let stop = job.stopRequestedAt !== null
  const renew = async (p: { doneItems?: number; progress?: number } = {}) => {
    const now = clock.now()
    if (!(await store.importJobs.renew(job.id, attempt, { leaseUntil: now + leaseMs, ...p }, now))) lost = true
  }
  // Renewed on a timer too: one batch whose images are fetched may take longer than the lease.
  const timer = setInterval(() => void renew().catch((err: unknown) => log.warn({ importJob: job.id, err }, 'import lease renewal failed')), deps.renewEveryMs ?? leaseMs / 6)
  timer.unref()
  // Progress is written after each batch without holding the import up; the writes are chained so they land in order.
  let recorded = Promise.resolve()
  const record = (doneItems: number, progress: number) => {
    recorded = recorded.then(async () => {
      await renew({ doneItems, progress })
      if (await store.importJobs.stopRequested(job.id)) stop = true
    }).catch((err: unknown) => log.warn({ importJob: job.id, err }, 'import progress not recorded'))
  }
  try {
    const report = await runImport(deps, {
      source: job.source, file: local.file, dryRun: job.dryRun, actor: { kind: 'user', userId: user.id, role: user.role },
      siteUrl: job.options.siteUrl, section: job.options.section, media: job.options.media ? { mediaDir: null } : null,
      routesYaml: job.options.routesYaml, permalink: job.options.permalink,
      ...(deps.batchSize !== undefined && { batchSize: deps.batchSize }),
      onProgress: (done, fraction) => {
        // Thrown between batches, after one committed: the next attempt runs the file again and skips what is in.
        if (deps.signal?.aborted) throw new GaveUp('stopping')
        if (lost) throw new GaveUp('lost')
        record(done, fraction)
      },
      stopRequested: () => stop,
    })
    await recorded
    return await finish('done', report, null)
  } catch (err) {
    await recorded
    if (err instanceof GaveUp) {
      if (err.why === 'stopping') await store.importJobs.release(job.id, attempt, clock.now())
      log.warn({ importJob: job.id, attempt, why: err.why }, 'import job given back before its end')
      return { ran: job.id, status: err.why === 'stopping' ? 'released' : 'lost' }
    }
    log.error({ importJob: job.id, err }, 'import job failed')
    return finish('failed', null, err instanceof Error && 'kind' in err ? err.message : 'the import failed on an error of the server; the log has its details, and running it again is safe')
  } finally {
    clearInterval(timer)
    if (local.scratch) await rm(local.file, { force: true })
  }
}

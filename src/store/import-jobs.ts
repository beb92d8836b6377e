// Imports run as jobs (import_jobs, 0020): created by the desk, claimed under a lease by one runner at a time, renewed
// while they run, and taken over by another runner when the one holding them stops renewing (an instance that died).

import type { Kysely, Selectable, QueryCreator } from 'kysely'
import { anyDue } from './claims.ts'
import type { ImportJob, ImportJobOptions, ImportJobStatus, ImportSourceKind } from '../domain/import-job.ts'
import type { ImportReport } from '../domain/import-report.ts'
import type { StoreDialect } from './dialect.ts'
import type { Database, ImportJobsTable } from './schema.ts'

/** What a new job needs. */
export interface NewImportJob {
  readonly source: ImportSourceKind
  readonly filePath: string
  /** What decrypts the upload in the media store; absent or null for a file on disk. */
  readonly fileSecret?: string | null
  readonly fileName: string
  readonly fileBytes: number
  readonly options: ImportJobOptions
  readonly dryRun: boolean
  readonly createdBy: number
}

/** A claimed job: its row, and the attempt number every later write of this runner names (its fencing token). */
export interface ClaimedImportJob {
  readonly job: ImportJob
  readonly attempt: number
}

function parseJson<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback
  try {
    return JSON.parse(text) as T
  } catch {
    return fallback
  }
}

const NO_OPTIONS: ImportJobOptions = { section: null, siteUrl: null, media: false, permalink: null, routesYaml: null }

const toJob = (r: Selectable<ImportJobsTable>): ImportJob => ({
  id: r.id, source: r.source as ImportSourceKind, filePath: r.file_path, fileSecret: r.file_secret ?? null, fileName: r.file_name, fileBytes: r.file_bytes,
  // Jobs queued before an option existed lack it: its default fills in.
  options: { ...NO_OPTIONS, ...parseJson<Partial<ImportJobOptions>>(r.options, {}) }, dryRun: r.dry_run === 1,
  status: r.status as ImportJobStatus, createdBy: r.created_by, createdAt: r.created_at, updatedAt: r.updated_at,
  startedAt: r.started_at, finishedAt: r.finished_at, leaseUntil: r.lease_until, attempts: r.attempts, doneItems: r.done_items,
  progress: r.progress / 1000, report: parseJson<ImportReport | null>(r.report, null), error: r.error,
  stopRequestedAt: r.stop_requested_at ?? null,
})

export function createImportJobs(db: Kysely<Database>, dialect: StoreDialect) {
  return {
    /** Adds a queued job. Throws the driver's unique violation (import_jobs_active) when another one is active. */
    async insert(j: NewImportJob, now: number): Promise<number> {
      const row = await db.insertInto('import_jobs').values({
        source: j.source, file_path: j.filePath, file_secret: j.fileSecret ?? null, file_name: j.fileName, file_bytes: j.fileBytes, options: JSON.stringify(j.options),
        dry_run: j.dryRun ? 1 : 0, status: 'queued', active: 1, created_by: j.createdBy, created_at: now, updated_at: now,
      }).returning('id').executeTakeFirstOrThrow()
      return row.id
    },

    async get(id: number): Promise<ImportJob | undefined> {
      const row = await db.selectFrom('import_jobs').selectAll().where('id', '=', id).executeTakeFirst()
      return row && toJob(row)
    },

    /** The newest jobs first. */
    async list(limit: number): Promise<ImportJob[]> {
      return (await db.selectFrom('import_jobs').selectAll().orderBy('id', 'desc').limit(limit).execute()).map(toJob)
    },

    /** The queued or running job, if any (there is at most one). */
    async active(): Promise<ImportJob | undefined> {
      const row = await db.selectFrom('import_jobs').selectAll().where('active', '=', 1).executeTakeFirst()
      return row && toJob(row)
    },

    /** Finished jobs whose upload is still on disk and not `keep`: the files a new upload may remove. */
    async filesOfFinished(): Promise<{ id: number; filePath: string }[]> {
      const rows = await db.selectFrom('import_jobs').select(['id', 'file_path']).where('active', 'is', null).where('file_path', '<>', '').execute()
      return rows.map((r) => ({ id: r.id, filePath: r.file_path }))
    },

    /** Forgets the upload of finished jobs (their file was removed). */
    async clearFiles(ids: readonly number[], now: number): Promise<void> {
      if (!ids.length) return
      await db.updateTable('import_jobs').set({ file_path: '', file_secret: null, updated_at: now }).where('id', 'in', ids).where('active', 'is', null).execute()
    },

    /**
     * Claims the active job when it is queued, or running under a lease that has run out (its runner died): counts the
     * attempt, restarts its progress and holds it until `leaseUntil`. On PostgreSQL FOR UPDATE SKIP LOCKED lets two
     * instances claim at once without waiting, and the re-checked `where` of the update lets only one of them have it;
     * SQLite runs one statement at a time. The same materialized-CTE statement as mail_outbox.claimDue.
     */
    async claim(now: number, leaseUntil: number): Promise<ClaimedImportJob | undefined> {
      const due = (q: QueryCreator<Database>) => q.selectFrom('import_jobs').select('id')
        .where('active', '=', 1).where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', now)]))
      if (!await anyDue(due(db))) return undefined
      const row = await db.with((w) => w('due').materialized(), (q) => due(q)
        .orderBy('id').limit(1)
        .$if(dialect.skipLocked, (sq) => sq.forUpdate().skipLocked()))
        .updateTable('import_jobs')
        .set((eb) => ({ status: 'running', attempts: eb('attempts', '+', 1), lease_until: leaseUntil, started_at: now, updated_at: now, done_items: 0, progress: 0 }))
        .where('id', 'in', (eb) => eb.selectFrom('due').select('due.id'))
        .where('active', '=', 1).where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', now)]))
        .returningAll().executeTakeFirst()
      return row && { job: toJob(row), attempt: row.attempts }
    },

    /**
     * Renews the lease of attempt `attempt` and records its progress; false when the job is no longer this attempt's
     * (its lease ran out and another runner claimed it, or it was ended): the runner must then stop.
     */
    async renew(id: number, attempt: number, p: { readonly leaseUntil: number; readonly doneItems?: number; readonly progress?: number }, now: number): Promise<boolean> {
      const res = await db.updateTable('import_jobs').set({
        lease_until: p.leaseUntil, updated_at: now,
        ...(p.doneItems !== undefined && { done_items: p.doneItems }),
        ...(p.progress !== undefined && { progress: Math.max(0, Math.min(1000, Math.round(p.progress * 1000))) }),
      }).where('id', '=', id).where('attempts', '=', attempt).where('status', '=', 'running').executeTakeFirst()
      return Number(res.numUpdatedRows) === 1
    },

    /** Asks the running job to stop at its next batch; false when it is not running (it has ended, or not started). */
    async requestStop(id: number, now: number): Promise<boolean> {
      const res = await db.updateTable('import_jobs').set({ stop_requested_at: now, updated_at: now })
        .where('id', '=', id).where('status', '=', 'running').where('stop_requested_at', 'is', null).executeTakeFirst()
      return Number(res.numUpdatedRows) === 1
    },

    /** Whether someone asked the job to stop. */
    async stopRequested(id: number): Promise<boolean> {
      const row = await db.selectFrom('import_jobs').select('stop_requested_at').where('id', '=', id).executeTakeFirst()
      return row?.stop_requested_at != null
    },

    /** Gives the job back before its lease runs out (this instance is shutting down): the next claim takes it at once. */
    async release(id: number, attempt: number, now: number): Promise<void> {
      await db.updateTable('import_jobs').set({ lease_until: now, updated_at: now })
        .where('id', '=', id).where('attempts', '=', attempt).where('status', '=', 'running').execute()
    },

    /** Ends attempt `attempt` with its report (done) or its error (failed); false when the attempt no longer holds the job. */
    async finish(id: number, attempt: number, end: { readonly status: 'done' | 'failed'; readonly report: ImportReport | null; readonly error: string | null }, now: number): Promise<boolean> {
      const res = await db.updateTable('import_jobs').set({
        status: end.status, active: null, lease_until: null, finished_at: now, updated_at: now,
        report: end.report && JSON.stringify(end.report), error: end.error && end.error.slice(0, 2000),
        ...(end.report && { progress: 1000 }),
      }).where('id', '=', id).where('attempts', '=', attempt).where('active', '=', 1).executeTakeFirst()
      return Number(res.numUpdatedRows) === 1
    },

    /** Ends a job nobody runs (queued, or a finished dry run) as discarded; false when it had already ended or is running. */
    async discard(id: number, now: number): Promise<boolean> {
      const res = await db.updateTable('import_jobs').set({ status: 'discarded', active: null, lease_until: null, finished_at: now, updated_at: now })
        .where('id', '=', id).where('status', '=', 'queued').executeTakeFirst()
      return Number(res.numUpdatedRows) === 1
    },
  }
}

export type ImportJobs = ReturnType<typeof createImportJobs>

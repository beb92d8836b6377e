// An import started from the desk: what was uploaded, with which options, and how far its run has come.

import type { ImportReport } from './import-report.ts'

/** The importers the desk offers; `broadsheet import broadsheet DIR` reads a folder and stays on the command line. */
export const IMPORT_SOURCES = ['wordpress', 'ghost'] as const
export type ImportSourceKind = (typeof IMPORT_SOURCES)[number]

export type ImportJobStatus = 'queued' | 'running' | 'done' | 'failed' | 'discarded'

/** The command line's options, as the desk form gives them. */
export interface ImportJobOptions {
  /** (ghost) the section of posts whose primary tag is not a section here; null for the importer's default. */
  readonly section: string | null
  /** (ghost) the old site's address, for its images and to name the source on later runs. */
  readonly siteUrl: string | null
  /** Bring images into the media library (fetched from the old site); off leaves them at their old addresses. */
  readonly media: boolean
  /** (ghost) the old site's permalink template in Ghost's form (`/{year}/{month}/{slug}/`), or null. */
  readonly permalink: string | null
  /** (ghost) the text of the old site's routes.yaml (a few KiB at most), or null. */
  readonly routesYaml: string | null
}

export interface ImportJob {
  readonly id: number
  readonly source: ImportSourceKind
  /**
   * The upload: its key in the media store's private area (media/import-uploads.ts), or, for one kept before uploads
   * moved there, a path under DATA_DIR/imports; empty once removed. Never shown.
   */
  readonly filePath: string
  /** What decrypts the stored upload; null for a path on disk. Never shown. */
  readonly fileSecret: string | null
  /** The name the file had on the uploader's computer. */
  readonly fileName: string
  readonly fileBytes: number
  readonly options: ImportJobOptions
  readonly dryRun: boolean
  readonly status: ImportJobStatus
  readonly createdBy: number | null
  readonly createdAt: number
  readonly updatedAt: number
  readonly startedAt: number | null
  readonly finishedAt: number | null
  readonly leaseUntil: number | null
  /** How many times a runner has claimed it: more than one means an instance stopped while running it. */
  readonly attempts: number
  /** Articles handled so far in this attempt. */
  readonly doneItems: number
  /** Share of the file read in this attempt, 0–1. */
  readonly progress: number
  readonly report: ImportReport | null
  readonly error: string | null
  /** When an administrator asked the running import to stop (it ends at its next batch); null otherwise. */
  readonly stopRequestedAt: number | null
}

/** Where a running import stands, for the progress display: rate in articles a second, time left in seconds. */
export interface ImportProgress {
  readonly doneItems: number
  /** Articles in the whole file, estimated from the share read so far; null until something is read. */
  readonly totalItems: number | null
  readonly percent: number
  readonly ratePerSecond: number | null
  readonly secondsLeft: number | null
}

/** Progress of `job` at `now`, estimated from what this attempt has done since it started. */
export function importProgress(job: ImportJob, now: number): ImportProgress {
  const percent = Math.round(job.progress * 1000) / 10
  const elapsed = job.startedAt === null ? 0 : (job.updatedAt - job.startedAt) / 1000
  const rate = elapsed > 0 && job.doneItems > 0 ? job.doneItems / elapsed : null
  const totalItems = job.progress > 0 ? Math.max(job.doneItems, Math.round(job.doneItems / job.progress)) : null
  const secondsLeft = job.progress > 0 && job.progress < 1 && elapsed > 0
    ? Math.max(0, Math.round((elapsed * (1 - job.progress)) / job.progress - (now - job.updatedAt) / 1000))
    : null
  return { doneItems: job.doneItems, totalItems, percent, ratePerSecond: rate === null ? null : Math.round(rate * 10) / 10, secondsLeft }
}

/** Whether the job still waits or runs (and one more cannot start). */
export const isActive = (job: Pick<ImportJob, 'status'>): boolean => job.status === 'queued' || job.status === 'running'

// The import-jobs job: runs the imports queued on the desk, one at a time per site, on whichever instance claims them.

import { runNextImportJob } from '../importers/import-job-run.ts'
import type { Job } from './runner.ts'
import type { MediaStore } from '../media/storage/media-store.ts'

/** What a run needs beyond the job context: where the site's files are, its time zone, whether private addresses are allowed. */
export interface ImportJobsOptions {
  readonly dataDir: string
  /** The site's media store, where imported images go (DATA_DIR/media when absent). */
  readonly mediaStore?: MediaStore
  readonly timeZone: string
  readonly allowPrivate: boolean
  readonly everyMs?: number
}

/**
 * Every 3 s: claims the queued import (or one whose runner died) and runs it to its end. The runner never overlaps
 * two runs of this job, and the claim (SKIP LOCKED on PostgreSQL) lets only one instance have a job.
 */
export function createImportJobsJob(o: ImportJobsOptions): Job {
  return {
    name: 'import-jobs',
    everyMs: o.everyMs ?? 3_000,
    async run({ store, clock, log, signal }) {
      await runNextImportJob({ store, clock, log, timeZone: o.timeZone, dataDir: o.dataDir, ...(o.mediaStore && { mediaStore: o.mediaStore }), allowPrivate: o.allowPrivate, ...(signal && { signal }) })
    },
  }
}

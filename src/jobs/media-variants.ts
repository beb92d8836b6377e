// The media-variants job: makes the responsive sizes of new uploads in the background, so uploads return at once.

import { makeDueVariants } from '../media/variant-queue.ts'
import type { MediaPlace } from '../media/storage/open.ts'
import type { Job } from './runner.ts'

/** Every 2 s: up to 4 queued images, one at a time (sharp.concurrency(1)). On PostgreSQL each instance may run it (SKIP LOCKED). */
export function createMediaVariantsJob(opts: MediaPlace & { readonly everyMs?: number }): Job {
  return {
    name: 'media-variants',
    everyMs: opts.everyMs ?? 2_000,
    async run({ store, clock, log }) {
      const report = await makeDueVariants({ store, clock, ...opts })
      if (report.made || report.failed) log.info({ job: 'media-variants', ...report }, 'media variants made')
    },
  }
}

// The related-refresh job: older articles gain newer relatives, and term weights follow the growing collection.

import { refreshRelated } from '../related/refresh.ts'
import type { Job } from './runner.ts'

/** Every minute: recompute the lists near newly published articles, then re-weigh the next slice of the collection. */
export const relatedRefresh: Job = {
  name: 'related-refresh',
  everyMs: 60_000,
  async run({ store, clock, log }) {
    const report = await refreshRelated(store, clock.now())
    if (report.recomputed || report.recent) log.info({ job: 'related-refresh', ...report }, 'related lists refreshed')
  },
}

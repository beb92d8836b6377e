// The search-reindex job: brings an index analysed by an older version up to date, a slice at a time.

import { reindexDue, reindexSearch } from '../search/rebuild.ts'
import type { Job } from './runner.ts'

/**
 * Every ten seconds, about a second of re-indexing until none is left; then a single read of search_state a run, before
 * exclusive() would take its lease.
 */
export const searchReindex: Job = {
  name: 'search-reindex',
  everyMs: 10_000,
  hasWork: ({ store }) => reindexDue(store),
  async run({ store, log }) {
    const report = await reindexSearch(store)
    if (report.reindexed) log.info({ job: 'search-reindex', ...report }, 'search index re-analysed')
  },
}

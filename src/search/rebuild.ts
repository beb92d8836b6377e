// The background re-index: after an upgrade changed how documents are analysed, every live article is indexed again.

import { indexText } from '../content/index-text.ts'
import { SEARCH_ANALYSIS } from '../store/search-analysis.ts'
import type { Store } from '../store/store.ts'

/**
 * Articles per transaction. Each batch reads, converts and indexes its articles inside one transaction, so an article
 * unpublished or edited meanwhile is never written back stale; on SQLite that holds the writer for a few milliseconds.
 */
const BATCH = 50

export interface ReindexReport { readonly reindexed: number; readonly done: boolean }

/** Whether the index was analysed by an older version than this one (one read of search_state). */
export async function reindexDue(store: Pick<Store, 'search'>): Promise<boolean> {
  return (await store.search.state.analysisVersion()) < SEARCH_ANALYSIS
}

/**
 * Re-indexes live articles in id order from where the last run stopped (search_state), for up to `budgetMs`, and marks
 * the index current when none is left. Idempotent: a run interrupted anywhere resumes after the last committed batch.
 */
export async function reindexSearch(store: Pick<Store, 'search' | 'transaction'>, budgetMs = 1000): Promise<ReindexReport> {
  if (!(await reindexDue(store))) return { reindexed: 0, done: true }
  const started = performance.now()
  let reindexed = 0
  for (;;) {
    const count = await store.transaction(async (tx) => {
      const through = await tx.search.state.reindexedThrough()
      const sources = await tx.search.state.liveAfter(through, BATCH)
      if (sources.length === 0) {
        await tx.search.state.finishReindex()
        return 0
      }
      for (const s of sources) {
        await tx.search.index(s.articleId, {
          title: s.title, standfirst: s.standfirst, body: await indexText(s.bodyHtml), language: s.language,
          sectionId: s.sectionId, publishedAt: s.publishedAt,
        })
      }
      await tx.search.state.setReindexedThrough(sources.at(-1)!.articleId)
      return sources.length
    })
    reindexed += count
    if (count === 0) return { reindexed, done: true }
    if (performance.now() - started > budgetMs) return { reindexed, done: false }
  }
}

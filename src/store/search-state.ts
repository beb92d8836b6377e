// search_state: the analysis version of the index and where its background re-index has got to.

import type { Kysely } from 'kysely'
import { SEARCH_ANALYSIS } from './search-analysis.ts'

export function createSearchState(db: Kysely<any>) {
  const read = async (key: string): Promise<number | undefined> => {
    const r = await db.selectFrom('search_state').select('value').where('key', '=', key).executeTakeFirst()
    return r === undefined ? undefined : Number(r.value)
  }
  const write = async (key: string, value: number): Promise<void> => {
    await db.insertInto('search_state').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute()
  }
  return {
    /** The analysis version the documents were indexed at; no row means a site indexed at the current one from the start. */
    analysisVersion: async (): Promise<number> => (await read('analysis_version')) ?? SEARCH_ANALYSIS,
    /** The highest article id the running re-index has done (0 before it starts). */
    reindexedThrough: async (): Promise<number> => (await read('reindexed_through')) ?? 0,
    setReindexedThrough: (id: number) => write('reindexed_through', id),
    /** The next live articles for the re-index to analyse. */
    liveAfter: (afterId: number, limit: number) => liveSourcesAfter(db, afterId, limit),
    /** Records the re-index as finished: the index is at SEARCH_ANALYSIS. */
    async finishReindex(): Promise<void> {
      await write('analysis_version', SEARCH_ANALYSIS)
      await db.deleteFrom('search_state').where('key', '=', 'reindexed_through').execute()
    },
  }
}

/** What a re-index reads of a live article: its texts as stored (the body as HTML) and where it is filed. */
export interface LiveSource {
  readonly articleId: number
  readonly title: string
  readonly standfirst: string
  readonly bodyHtml: string
  readonly language: string
  readonly sectionId: number
  readonly publishedAt: number
}

/** Live articles with ids above `afterId`, in id order, `limit` of them: one keyset page of the re-index. */
export async function liveSourcesAfter(db: Kysely<any>, afterId: number, limit: number): Promise<LiveSource[]> {
  const rows = await db.selectFrom('article_live')
    .select(['article_id', 'title', 'standfirst', 'body_html', 'language', 'section_id', 'published_at'])
    .where('article_id', '>', afterId).orderBy('article_id').limit(limit).execute()
  return rows.map((r) => ({
    articleId: Number(r.article_id), title: r.title, standfirst: r.standfirst, bodyHtml: r.body_html, language: r.language,
    sectionId: Number(r.section_id), publishedAt: Number(r.published_at),
  }))
}

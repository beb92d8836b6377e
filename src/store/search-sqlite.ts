// The search index on SQLite: an FTS5 table (unicode61, diacritics removed) of exact words and stems, ranked by bm25.

import { sql, type Kysely } from 'kysely'
import { SEARCH_ANALYSIS, stemText } from './search-analysis.ts'
import { RANKED_CANDIDATES, type IndexedDocument, type SearchDocument, type SearchEngine, type SearchQuery } from './search-index.ts'

/**
 * bm25 column weights: title, standfirst, body, then their stems at half weight (the unindexed columns take none). An
 * exact form matches both its column and the stem column, so it outranks another form of the same word.
 */
const RANK = sql`bm25(search_fts, 10.0, 5.0, 1.0, 5.0, 2.5, 0.5)`

/**
 * FTS5's unicode61 folds Latin diacritics but not ё, which Russian writes or leaves out at will: the index holds е for
 * it, as PostgreSQL's unaccent and src/text fold it. Snippets, read from the same columns, show е too.
 */
export const foldYo = (text: string): string => (text.includes('ё') || text.includes('Ё') ? text.replace(/ё/g, 'е').replace(/Ё/g, 'Е') : text)

interface FtsRow { title: string; standfirst: string; body: string; language: string; section_id: number; published_at: number; analysis: number }

export function createSqliteSearch(db: Kysely<any>): SearchEngine {
  return {
    async write(articleId: number, d: SearchDocument) {
      const [title, standfirst, body] = [d.title, d.standfirst, d.body].map((t) => foldYo(t.normalize('NFC'))) as [string, string, string]
      // FTS5 has no upsert: delete, then insert under the same rowid.
      await sql`delete from search_fts where rowid = ${articleId}`.execute(db)
      await sql`insert into search_fts (rowid, title, standfirst, body, title_stems, standfirst_stems, body_stems, language, section_id, published_at, analysis)
        values (${articleId}, ${title}, ${standfirst}, ${body}, ${stemText(title, d.language)}, ${stemText(standfirst, d.language)}, ${stemText(body, d.language)},
          ${d.language}, ${d.sectionId}, ${d.publishedAt}, ${SEARCH_ANALYSIS})`.execute(db)
    },

    async delete(articleId: number) {
      await sql`delete from search_fts where rowid = ${articleId}`.execute(db)
    },

    // One rowid lookup an article: FTS5 answers equality on rowid from its index, and the statements run in-process.
    async previous(articleIds: readonly number[]) {
      const found = new Map<number, IndexedDocument>()
      for (const articleId of articleIds) {
        const { rows } = await sql<FtsRow>`select title, standfirst, body, language, section_id, published_at, analysis
          from search_fts where rowid = ${articleId}`.execute(db)
        const r = rows[0]
        if (r) found.set(articleId, {
          title: r.title, standfirst: r.standfirst, body: r.body, language: r.language, sectionId: Number(r.section_id),
          publishedAt: Number(r.published_at), analysed: Number(r.analysis) >= SEARCH_ANALYSIS,
        })
      }
      return found
    },

    async query(q: SearchQuery) {
      if (q.expression.sqlite.trim() === '') return []
      const filters = [sql`search_fts match ${q.expression.sqlite}`]
      if (q.sectionIds.length) filters.push(sql`section_id in (${sql.join(q.sectionIds)})`)
      if (q.fromMs !== null) filters.push(sql`published_at >= ${q.fromMs}`)
      if (q.toMs !== null) filters.push(sql`published_at < ${q.toMs}`)
      if (q.language) filters.push(sql`(language = ${q.language} or language like ${`${q.language}-%`})`)
      if (q.tagId !== null) filters.push(sql`rowid in (select article_id from live_tags where tag_id = ${q.tagId})`)
      if (q.authorId != null) filters.push(sql`rowid in (select article_id from live_authors where author_id = ${q.authorId})`)
      // FTS5 walks matches by rowid, so the inner LIMIT stops the scan: bm25 runs only for the newest candidates.
      const { rows } = await sql<{ article_id: number; score: number }>`
        select article_id, score from (
          select rowid as article_id, ${RANK} as score, published_at from search_fts
          where ${sql.join(filters, sql` and `)}
          order by rowid desc limit ${RANKED_CANDIDATES})
        order by score, published_at desc, article_id desc
        limit ${q.limit} offset ${q.offset}`.execute(db)
      // bm25 is lower-is-better; the interface promises higher-is-better.
      return rows.map((r) => ({ articleId: Number(r.article_id), score: -r.score }))
    },

    async texts(articleIds: readonly number[]) {
      const map = new Map<number, { standfirst: string; body: string }>()
      if (articleIds.length === 0) return map
      const { rows } = await sql<{ article_id: number; standfirst: string; body: string }>`
        select rowid as article_id, standfirst, body from search_fts where rowid in (${sql.join(articleIds)})`.execute(db)
      for (const r of rows) map.set(Number(r.article_id), { standfirst: r.standfirst, body: r.body })
      return map
    },
  }
}

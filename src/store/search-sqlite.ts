// The search index on SQLite: an FTS5 table (unicode61, diacritics removed) ranked by bm25 with column weights.

import { sql, type Kysely } from 'kysely'
import { RANKED_CANDIDATES, type SearchDocument, type SearchIndex, type SearchQuery } from './search-index.ts'

/** bm25 column weights: title, standfirst, body (the unindexed columns take none). */
const RANK = sql`bm25(search_fts, 10.0, 5.0, 1.0)`

/**
 * FTS5's unicode61 folds Latin diacritics but not ё, which Russian writes or leaves out at will: the index holds е for
 * it, as PostgreSQL's unaccent and src/text fold it. Snippets, read from the same columns, show е too.
 */
export const foldYo = (text: string): string => (text.includes('ё') || text.includes('Ё') ? text.replace(/ё/g, 'е').replace(/Ё/g, 'Е') : text)

export function createSqliteSearch(db: Kysely<any>): SearchIndex {
  return {
    async index(articleId: number, d: SearchDocument) {
      // FTS5 has no upsert: delete, then insert under the same rowid.
      await sql`delete from search_fts where rowid = ${articleId}`.execute(db)
      await sql`insert into search_fts (rowid, title, standfirst, body, language, section_id, published_at)
        values (${articleId}, ${foldYo(d.title.normalize('NFC'))}, ${foldYo(d.standfirst.normalize('NFC'))}, ${foldYo(d.body.normalize('NFC'))},
          ${d.language}, ${d.sectionId}, ${d.publishedAt})`.execute(db)
    },

    async remove(articleId: number) {
      await sql`delete from search_fts where rowid = ${articleId}`.execute(db)
    },

    async query(q: SearchQuery) {
      if (q.expression.sqlite.trim() === '') return []
      const filters = [sql`search_fts match ${q.expression.sqlite}`]
      if (q.sectionIds.length) filters.push(sql`section_id in (${sql.join(q.sectionIds)})`)
      if (q.fromMs !== null) filters.push(sql`published_at >= ${q.fromMs}`)
      if (q.toMs !== null) filters.push(sql`published_at < ${q.toMs}`)
      if (q.language) filters.push(sql`(language = ${q.language} or language like ${`${q.language}-%`})`)
      if (q.tagId !== null) filters.push(sql`rowid in (select article_id from live_tags where tag_id = ${q.tagId})`)
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

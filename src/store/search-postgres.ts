// The search index on PostgreSQL: a weighted tsvector (simple config, diacritics folded) behind a GIN index.

import { sql, type Kysely } from 'kysely'
import { PLAN_EACH_CALL } from './dialect.ts'
import { RANKED_CANDIDATES, type SearchDocument, type SearchIndex, type SearchQuery } from './search-index.ts'

/** ts_rank weights for D, C, B, A: body (C) 1, standfirst (B) 5, title (A) 10, as bm25's column weights on SQLite. */
const WEIGHTS = sql.lit('{0.01, 0.1, 0.5, 1.0}')

export function createPostgresSearch(db: Kysely<any>): SearchIndex {
  return {
    async index(articleId: number, d: SearchDocument) {
      // The tsvector is a generated column: writing the texts is enough.
      const row = {
        language: d.language, section_id: d.sectionId, published_at: d.publishedAt,
        title: d.title.normalize('NFC'), standfirst: d.standfirst.normalize('NFC'), body: d.body.normalize('NFC'),
      }
      await db.insertInto('search_documents').values({ article_id: articleId, ...row })
        .onConflict((oc) => oc.column('article_id').doUpdateSet(row)).execute()
    },

    async remove(articleId: number) {
      await db.deleteFrom('search_documents').where('article_id', '=', articleId).execute()
    },

    async query(q: SearchQuery) {
      if (q.expression.postgres.trim() === '') return []
      const filters = [sql`d.document @@ q.query`]
      if (q.sectionIds.length) filters.push(sql`d.section_id in (${sql.join(q.sectionIds)})`)
      if (q.fromMs !== null) filters.push(sql`d.published_at >= ${q.fromMs}`)
      if (q.toMs !== null) filters.push(sql`d.published_at < ${q.toMs}`)
      if (q.language) filters.push(sql`(d.language = ${q.language} or d.language like ${`${q.language}-%`})`)
      if (q.tagId !== null) filters.push(sql`d.article_id in (select article_id from live_tags where tag_id = ${q.tagId})`)
      // websearch_to_tsquery never throws on user syntax; broadsheet_fold matches what the index folded.
      // ts_rank (which reads each document) runs only on the newest candidates. The planner picks how to find them by
      // the term's frequency: a rare term through the GIN index, a common one (in most articles) by walking the newest
      // articles backwards until enough match. Fencing the CTE (MATERIALIZED) would force the first way on every term:
      // at 100,000 articles a common word then read 80,000 matches to keep 1,000 (125 ms instead of 11).
      const { rows } = await sql<{ article_id: number; score: number }>`${sql.raw(PLAN_EACH_CALL)}
        with matches as (
          select d.article_id, d.published_at, q.query
          from search_documents d, websearch_to_tsquery('simple'::regconfig, broadsheet_fold(${q.expression.postgres})) as q(query)
          where ${sql.join(filters, sql` and `)})
        select c.article_id, ts_rank(${WEIGHTS}::float4[], d.document, c.query) as score
        from (select * from matches order by article_id desc limit ${RANKED_CANDIDATES}) c
        join search_documents d on d.article_id = c.article_id
        order by score desc, c.published_at desc, c.article_id desc
        limit ${q.limit} offset ${q.offset}`.execute(db)
      return rows.map((r) => ({ articleId: Number(r.article_id), score: Number(r.score) }))
    },

    async texts(articleIds: readonly number[]) {
      const map = new Map<number, { standfirst: string; body: string }>()
      if (articleIds.length === 0) return map
      const rows = await db.selectFrom('search_documents').select(['article_id', 'standfirst', 'body'])
        .where('article_id', 'in', articleIds).execute()
      for (const r of rows) map.set(Number(r.article_id), { standfirst: r.standfirst, body: r.body })
      return map
    },
  }
}

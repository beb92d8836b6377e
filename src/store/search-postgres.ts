// The search index on PostgreSQL: a weighted tsvector of exact words and their stems behind a GIN index.

import { sql, type Kysely } from 'kysely'
import { PLAN_EACH_CALL } from './dialect.ts'
import { tsvectorLiteral } from './search-analysis.ts'
import { RANKED_CANDIDATES, type SearchDocument, type SearchEngine, type SearchQuery } from './search-index.ts'

/** ts_rank weights for D, C, B, A: body (C) 1, standfirst (B) 5, title (A) 10, as bm25's column weights on SQLite. */
const WEIGHTS = sql.lit('{0.01, 0.1, 0.5, 1.0}')

const nfc = (d: SearchDocument) => ({ title: d.title.normalize('NFC'), standfirst: d.standfirst.normalize('NFC'), body: d.body.normalize('NFC') })

export function createPostgresSearch(db: Kysely<any>): SearchEngine {
  /**
   * Whether some documents still wait for the background re-index (terms null, migration 0026): one probe of a partial
   * index that is empty once the re-index is done. While it is not, those documents are searched by their old tsvector.
   */
  async function unanalysedLeft(): Promise<boolean> {
    const { rows } = await sql`select 1 from search_documents where terms is null limit 1`.execute(db)
    return rows.length > 0
  }

  return {
    async write(articleId: number, d: SearchDocument) {
      const text = nfc(d)
      // The old document column is generated from the texts; terms are analysed here, by the same code as the query.
      const terms = tsvectorLiteral([[text.title, 'A'], [text.standfirst, 'B'], [text.body, 'C']], d.language)
      const row = { language: d.language, section_id: d.sectionId, published_at: d.publishedAt, ...text, terms: sql`${terms}::tsvector` }
      await db.insertInto('search_documents').values({ article_id: articleId, ...row })
        .onConflict((oc) => oc.column('article_id').doUpdateSet(row)).execute()
    },

    async delete(articleId: number) {
      await db.deleteFrom('search_documents').where('article_id', '=', articleId).execute()
    },

    async previous(articleId: number) {
      const r = await db.selectFrom('search_documents')
        .select(['title', 'standfirst', 'body', 'language', 'section_id', 'published_at', sql<boolean>`terms is not null`.as('analysed')])
        .where('article_id', '=', articleId).executeTakeFirst()
      return r && {
        title: r.title, standfirst: r.standfirst, body: r.body, language: r.language, sectionId: Number(r.section_id),
        publishedAt: Number(r.published_at), analysed: Boolean(r.analysed),
      }
    },

    async query(q: SearchQuery) {
      if (q.expression.postgres.terms.trim() === '') return []
      const old = await unanalysedLeft()
      const matched = old
        ? sql`(d.terms @@ q.terms or (d.terms is null and d.document @@ q.old))`
        : sql`d.terms @@ q.terms`
      const filters = [matched]
      if (q.sectionIds.length) filters.push(sql`d.section_id in (${sql.join(q.sectionIds)})`)
      if (q.fromMs !== null) filters.push(sql`d.published_at >= ${q.fromMs}`)
      if (q.toMs !== null) filters.push(sql`d.published_at < ${q.toMs}`)
      if (q.language) filters.push(sql`(d.language = ${q.language} or d.language like ${`${q.language}-%`})`)
      if (q.tagId !== null) filters.push(sql`d.article_id in (select article_id from live_tags where tag_id = ${q.tagId})`)
      if (q.authorId != null) filters.push(sql`d.article_id in (select article_id from live_authors where author_id = ${q.authorId})`)
      const rank = old
        ? sql`case when d.terms is null then ts_rank(${WEIGHTS}::float4[], d.document, c.old) else ts_rank(${WEIGHTS}::float4[], d.terms, c.terms) end`
        : sql`ts_rank(${WEIGHTS}::float4[], d.terms, c.terms)`
      // The tsquery text is built by search/query.ts from quoted lexemes only, so the cast cannot fail on user input.
      // ts_rank (which reads each document) runs only on the newest candidates. The planner picks how to find them by
      // the term's frequency: a rare term through the GIN index, a common one (in most articles) by walking the newest
      // articles backwards until enough match. Fencing the CTE (MATERIALIZED) would force the first way on every term.
      const { rows } = await sql<{ article_id: number; score: number }>`${sql.raw(PLAN_EACH_CALL)}
        with matches as (
          select d.article_id, d.published_at, q.terms, q.old
          from search_documents d,
            (select ${q.expression.postgres.terms}::tsquery as terms,
              websearch_to_tsquery('simple'::regconfig, broadsheet_fold(${q.expression.postgres.websearch})) as old) as q
          where ${sql.join(filters, sql` and `)})
        select c.article_id, ${rank} as score
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

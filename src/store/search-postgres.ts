// The search index on PostgreSQL: a weighted tsvector of exact words and their stems behind a GIN index.

import { sql, type Kysely, type RawBuilder } from 'kysely'
import { stemmerOf } from '../text/stem.ts'
import { PLAN_EACH_CALL } from './dialect.ts'
import { postgresTerms } from './search-analysis.ts'
import { RANKED_CANDIDATES, type IndexedDocument, type SearchDocument, type SearchEngine, type SearchExpression, type SearchQuery } from './search-index.ts'
import { choosePath, partShares, ranksWordByWord, vocabularyRanges, type SearchPath } from './search-plan.ts'

/** ts_rank weights for D, C, B, A: body (C) 1, standfirst (B) 5, title (A) 10, as bm25's column weights on SQLite. */
const WEIGHTS = sql.lit('{0.01, 0.1, 0.5, 1.0}')
/**
 * How much more than its title and standfirst a document's body can add to a word-by-word score: less than the body's
 * weight (0.1 above). ts_rank scores each word of the query as w₁ + Σ wⱼ/j² over its positions in order, divided by
 * π²/6, and averages the words; a document's positions run title, standfirst, body, so the body's are the last terms
 * of that sum, each at most 0.1/j², together under 0.1 (π²/6)/(π²/6). A little over it covers float rounding.
 */
const BODY_BOUND = 0.1001

const nfc = (d: SearchDocument) => ({ title: d.title.normalize('NFC'), standfirst: d.standfirst.normalize('NFC'), body: d.body.normalize('NFC') })

type Plan = NonNullable<SearchExpression['postgres']['plan']>

/** The filters besides the words: none of them reads a document's tsvector. */
function filtersOf(q: SearchQuery): RawBuilder<unknown>[] {
  const filters: RawBuilder<unknown>[] = []
  if (q.sectionIds.length) filters.push(sql`d.section_id in (${sql.join(q.sectionIds)})`)
  if (q.fromMs !== null) filters.push(sql`d.published_at >= ${q.fromMs}`)
  if (q.toMs !== null) filters.push(sql`d.published_at < ${q.toMs}`)
  if (q.language) filters.push(sql`(d.language = ${q.language} or d.language like ${`${q.language}-%`})`)
  if (q.tagId !== null) filters.push(sql`d.article_id in (select article_id from live_tags where tag_id = ${q.tagId})`)
  if (q.authorId != null) filters.push(sql`d.article_id in (select article_id from live_authors where author_id = ${q.authorId})`)
  return filters
}

const and = (conditions: readonly RawBuilder<unknown>[]) => sql.join(conditions, sql` and `)

/** The tsquery and ts_rank weights of a query, for the score of a document read once as `t`. */
const score = (q: SearchQuery, t: RawBuilder<unknown>) => sql`ts_rank(${WEIGHTS}::float4[], ${t}, ${q.expression.postgres.terms}::tsquery)`

/**
 * The newest matches with their scores, by walking the documents newest first. Documents are read from search_vectors
 * (migration 0043), whose tsvector is kept in the row: one page read per document, checked and ranked from that page. The
 * same value out of line in search_documents costs a TOAST fetch, once per reference to it.
 */
function walk(q: SearchQuery, filters: readonly RawBuilder<unknown>[]) {
  const where = filters.length ? sql`where ${and(filters)}` : sql``
  return sql`select s.article_id, s.published_at, ${score(q, sql`s.terms`)} as score
    from (select d.article_id, d.published_at, d.terms from search_vectors d ${where} order by d.article_id desc offset 0) s
    where s.terms @@ ${q.expression.postgres.terms}::tsquery limit ${RANKED_CANDIDATES}`
}

/**
 * The newest matches with their scores, from the GIN index over search_keys (migration 0044): every document holding
 * the words and word pairs (`driver`, answered by the index alone, from narrow rows), then, when the driver is only a
 * superset, newest first, each one's row in search_vectors, checked until enough pass; a lateral join cannot become a
 * hash join, so the LIMIT stops the checks.
 */
function fromIndex(q: SearchQuery, driver: string, checked: boolean, filters: readonly RawBuilder<unknown>[]) {
  const holding = sql`select d.article_id, d.published_at from search_keys d where ${and([sql`d.terms @@ ${driver}::tsquery`, ...filters])}`
  if (!checked) {
    const candidates = sql`${holding} order by d.article_id desc limit ${RANKED_CANDIDATES}`
    if (ranksWordByWord(q.expression.postgres.terms)) return rankFromHeads(q, candidates)
    return sql`select c.article_id, c.published_at, ${score(q, sql`v.terms`)} as score
      from (${candidates}) c join search_vectors v on v.article_id = c.article_id`
  }
  // Candidates come sorted into the lateral join, which keeps their order: no sort after it waits for every check.
  return sql`select h.article_id, h.published_at, ${score(q, sql`x.terms`)} as score from (${holding} order by d.article_id desc offset 0) h
    join lateral (select m.terms from search_vectors m where m.article_id = h.article_id offset 0) x
      on x.terms @@ ${q.expression.postgres.terms}::tsquery
    order by h.article_id desc limit ${RANKED_CANDIDATES}`
}

/**
 * The candidates with their scores, for a query scored word by word, reading whole documents only for those that can
 * reach the page: a score from the title and standfirst (search_heads, a few hundred bytes) is at most BODY_BOUND
 * below the whole document's, so a candidate whose head score plus that is under the page's last head score cannot be on
 * the page (offset + limit): it keeps its head score, which sorts it after every candidate scored in full. The page is
 * the one a full ranking gives, ties included; a word in most documents has a page of title hits, and the body of
 * some tens of candidates is read instead of a thousand. A candidate without a head is scored in full.
 */
function rankFromHeads(q: SearchQuery, candidates: RawBuilder<unknown>) {
  const page = q.offset + q.limit
  return sql`with c as materialized (${candidates}),
      b as materialized (select c.article_id, c.published_at, h.article_id is null as headless,
        coalesce(${score(q, sql`h.head`)}, 0) as low from c left join search_heads h on h.article_id = c.article_id),
      bar as (select coalesce(min(low), 0) as low from (select low from b order by low desc limit ${page}) t)
    select b.article_id, b.published_at,
      case when b.headless or b.low + ${BODY_BOUND} >= bar.low
        then coalesce((select ${score(q, sql`v.terms`)} from search_vectors v where v.article_id = b.article_id), b.low)
        else b.low end as score
    from b, bar`
}

/**
 * Planner switches for each path, set for one transaction: the index path may not scan the table (which reads every
 * tsvector) nor walk the primary key; the walk may not take the GIN index.
 */
const SWITCHES: Readonly<Record<SearchPath, readonly string[]>> = {
  index: ['enable_seqscan', 'enable_indexscan'],
  walk: ['enable_seqscan', 'enable_bitmapscan'],
}

export function createPostgresSearch(db: Kysely<any>): SearchEngine {
  /**
   * Whether some documents still wait for the background re-index (terms null, migration 0026): one probe of a partial
   * index that is empty once the re-index is done. While it is not, those documents are searched by their old tsvector.
   */
  async function unanalysedLeft(): Promise<boolean> {
    const { rows } = await sql`select 1 from search_documents where terms is null limit 1`.execute(db)
    return rows.length > 0
  }

  /** The share of the documents each wanted part is in, from the vocabulary and the table's size, and the path it makes cheaper. */
  async function choose(plan: Plan, checked: boolean): Promise<SearchPath> {
    const ranges = vocabularyRanges(plan.parts)
    const inRange = ranges.map(([from, to]) => sql`(term >= ${from} and term < ${to})`)
    const { rows } = await sql<{ term: string | null; docs: number }>`
      select null as term, greatest(reltuples, 0)::bigint as docs from pg_class where oid = 'search_documents'::regclass
      ${inRange.length ? sql`union all select term, docs from search_terms where ${sql.join(inRange, sql` or `)}` : sql``}`.execute(db)
    const terms = rows.filter((r) => r.term !== null).map((r) => ({ term: r.term!, docs: Number(r.docs) }))
    // Statistics lag behind a fresh table; no document can be in more documents than there are.
    const total = Math.max(0, ...rows.map((r) => Number(r.docs)))
    const shares = partShares(plan.parts, terms, total, stemmerOf(plan.language))
    return choosePath(shares, total, RANKED_CANDIDATES, checked)
  }

  /** Runs `fn` with the path's planner switches off: in a transaction of its own, or in the caller's, restored after. */
  async function withPlanner<T>(path: SearchPath, fn: (conn: Kysely<any>) => Promise<T>): Promise<T> {
    const off = async (conn: Kysely<any>, value: 'off' | 'on') => {
      await sql`select ${sql.join(SWITCHES[path].map((name) => sql`set_config(${name}, ${value}, true)`))}`.execute(conn)
    }
    if (db.isTransaction) {
      await off(db, 'off')
      try {
        return await fn(db)
      } finally {
        await off(db, 'on')
      }
    }
    return db.transaction().execute(async (tx) => {
      await off(tx, 'off')
      return fn(tx)
    })
  }

  /**
   * The planner's own choice of path, for the documents a re-index has not reached yet (migration 0026). Their old
   * tsvector has its GIN index; the analysed ones are checked one by one, since their index is over search_keys.
   */
  async function plannersChoice(q: SearchQuery, filters: readonly RawBuilder<unknown>[], old: boolean) {
    const matched = old
      ? sql`(d.terms @@ q.terms or (d.terms is null and d.document @@ q.old))`
      : sql`d.terms @@ q.terms`
    const rank = old
      ? sql`case when d.terms is null then ts_rank(${WEIGHTS}::float4[], d.document, c.old) else ts_rank(${WEIGHTS}::float4[], d.terms, c.terms) end`
      : sql`ts_rank(${WEIGHTS}::float4[], d.terms, c.terms)`
    // The tsquery text is built by search/query.ts from quoted lexemes only, so the cast cannot fail on user input.
    const { rows } = await sql<{ article_id: number; score: number }>`${sql.raw(PLAN_EACH_CALL)}
      with matches as (
        select d.article_id, d.published_at, q.terms, q.old
        from search_documents d,
          (select ${q.expression.postgres.terms}::tsquery as terms,
            websearch_to_tsquery('simple'::regconfig, broadsheet_fold(${q.expression.postgres.websearch})) as old) as q
        where ${and([matched, ...filters])})
      select c.article_id, ${rank} as score
      from (select * from matches order by article_id desc limit ${RANKED_CANDIDATES}) c
      join search_documents d on d.article_id = c.article_id
      order by score desc, c.published_at desc, c.article_id desc
      limit ${q.limit} offset ${q.offset}`.execute(db)
    return rows.map((r) => ({ articleId: Number(r.article_id), score: Number(r.score) }))
  }

  return {
    async write(articleId: number, d: SearchDocument) {
      const text = nfc(d)
      // Terms are analysed here, by the same code as the query. The old document column (migration 0044) is cleared: it
      // serves only documents not analysed yet.
      const { terms, pairs } = postgresTerms([[text.title, 'A'], [text.standfirst, 'B'], [text.body, 'C']], d.language)
      // One statement writes the document, the copies that checks and ranks read (migration 0043) and the keys that the
      // GIN index finds documents by (0044), in one round trip: the terms literal is sent and parsed once. The keys
      // are made here rather than by broadsheet_search_keys(terms), which costs the database 0.4 ms a document.
      // Deleting the document deletes the rest.
      await sql`with d as (
          insert into search_documents (article_id, language, section_id, published_at, title, standfirst, body, terms)
          values (${articleId}, ${d.language}, ${d.sectionId}, ${d.publishedAt}, ${text.title}, ${text.standfirst}, ${text.body}, ${terms}::tsvector)
          on conflict (article_id) do update set language = excluded.language, section_id = excluded.section_id,
            published_at = excluded.published_at, title = excluded.title, standfirst = excluded.standfirst, body = excluded.body,
            terms = excluded.terms, document = null
          returning article_id, language, section_id, published_at, terms),
        k as (
          insert into search_keys (article_id, language, section_id, published_at, terms)
          select article_id, language, section_id, published_at, strip(terms) || ${pairs}::tsvector from d
          on conflict (article_id) do update set language = excluded.language, section_id = excluded.section_id,
            published_at = excluded.published_at, terms = excluded.terms),
        v as (
          insert into search_vectors (article_id, language, section_id, published_at, terms)
          select article_id, language, section_id, published_at, terms from d
          on conflict (article_id) do update set language = excluded.language, section_id = excluded.section_id,
            published_at = excluded.published_at, terms = excluded.terms)
        insert into search_heads (article_id, head) select article_id, ts_filter(terms, '{a,b}') from d
        on conflict (article_id) do update set head = excluded.head`.execute(db)
    },

    async delete(articleId: number) {
      await db.deleteFrom('search_documents').where('article_id', '=', articleId).execute()
    },

    // One statement for a batch's documents: the ids are one array parameter, so its text never changes.
    async previous(articleIds: readonly number[]) {
      const found = new Map<number, IndexedDocument>()
      if (articleIds.length === 0) return found
      const rows = await db.selectFrom('search_documents')
        .select(['article_id', 'title', 'standfirst', 'body', 'language', 'section_id', 'published_at', sql<boolean>`terms is not null`.as('analysed')])
        .where(sql<boolean>`article_id = any(${[...articleIds]}::bigint[])`).execute()
      for (const r of rows) {
        found.set(Number(r.article_id), {
          title: r.title, standfirst: r.standfirst, body: r.body, language: r.language, sectionId: Number(r.section_id),
          publishedAt: Number(r.published_at), analysed: Boolean(r.analysed),
        })
      }
      return found
    },

    async query(q: SearchQuery) {
      if (q.expression.postgres.terms.trim() === '') return []
      const old = await unanalysedLeft()
      const plan = q.expression.postgres.plan
      const filters = filtersOf(q)
      // While a re-index is under way some documents match by their old tsvector, which the index path does not read.
      if (old || !plan || plan.driver === '') return plannersChoice(q, filters, old)
      const path = q.path ?? await choose(plan, plan.checked)
      const ranked = path === 'walk' ? walk(q, filters) : fromIndex(q, plan.driver, plan.checked, filters)
      // The planner is told which way to take: its estimate of how many documents match is what misled it.
      const { rows } = await withPlanner(path, async (conn) => sql<{ article_id: number; score: number }>`${sql.raw(PLAN_EACH_CALL)}
        with ranked as materialized (${ranked})
        select article_id, score from ranked order by score desc, published_at desc, article_id desc
        limit ${q.limit} offset ${q.offset}`.execute(conn))
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

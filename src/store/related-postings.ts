// Reading posting lists of related_terms: each term's strongest articles, straight into typed arrays.

import { sql, type Kysely } from 'kysely'
import type { Database } from './schema.ts'
import type { StoreDialect } from './dialect.ts'
import { statementChunks } from './statement-chunks.ts'

/** A posting list, strongest first (ties: the higher id first): `ids[i]` keeps the term with `weights[i]`. */
export interface TopPostings {
  readonly ids: Int32Array
  readonly weights: Float64Array
}

/** Terms per SQLite statement: each is its own `limit` subquery. */
const TERMS_PER_STATEMENT = 100

/** A term's list as PostgreSQL sends it (postingListsOnPostgres). */
interface AggregatedRow {
  readonly term: string
  readonly ids: string | null
  readonly weights: string | null
}

/** Reads "12,7,30" into a new Int32Array of `count` numbers, without making a string of each. */
function parseIds(text: string, count: number): Int32Array {
  const out = new Int32Array(count)
  let n = 0, value = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 44) {
      out[n++] = value
      value = 0
    } else {
      value = value * 10 + (c - 48)
    }
  }
  out[n] = value
  return out
}

/**
 * `postingLists(terms, limit, exceptId?)`: each term's `limit` strongest postings, leaving out `exceptId`'s own, one
 * range scan of the (term, weight, article_id) index a term, so a common term costs no more than a rare one. A term
 * without postings maps to empty arrays.
 */
export function createPostingReader(db: Kysely<Database>, dialect: Pick<StoreDialect, 'name'>) {
  // On SQLite rows cost little (the database is in the process): one `limit` subquery a term, their rows decoded.
  async function postingListsOnSqlite(terms: readonly string[], limit: number, exceptId?: number): Promise<Map<string, TopPostings>> {
    const out = new Map<string, TopPostings>()
    const except = exceptId === undefined ? sql`` : sql`and article_id <> ${exceptId}`
    for (const part of statementChunks(terms, TERMS_PER_STATEMENT)) {
      const parts = part.map((t) => sql`select * from (select term, article_id, weight from related_terms
        where term = ${t} ${except} order by weight desc, article_id desc limit ${limit}) as p`)
      const { rows } = await sql<{ term: string; article_id: number; weight: number }>`${sql.join(parts, sql` union all `)}`.execute(db)
      // The rows go straight into typed arrays of their final size: lists of numbers for all the terms of a call (a
      // list pass's first batches read a million postings) lived long enough to fill the old space.
      const sizes = new Map<string, number>()
      for (const r of rows) sizes.set(r.term, (sizes.get(r.term) ?? 0) + 1)
      for (const t of part) out.set(t, { ids: new Int32Array(sizes.get(t) ?? 0), weights: new Float64Array(sizes.get(t) ?? 0) })
      const filled = new Map<string, number>()
      for (const r of rows) {
        const list = out.get(r.term)!
        const i = filled.get(r.term) ?? 0
        list.ids[i] = r.article_id
        list.weights[i] = r.weight
        filled.set(r.term, i + 1)
      }
    }
    return out
  }

  // On PostgreSQL each row costs the driver a message to decode, a string per column and an object: at some 4,000
  // posting rows a list that was half of the process's time on it. One row a term, its ids and weights joined into two
  // strings by the server, costs the driver a few strings; one fixed text (the terms an array) is prepared once. The
  // aggregates take the rows in the order the limited subquery gives them, strongest first, as PostgreSQL documents
  // for input from a sorted subquery: an `order by` inside each aggregate sorted them twice more, 7 ms a list.
  const onPostgres = (terms: readonly string[], limit: number, exceptId?: number) => sql<AggregatedRow>`select q.term, p.ids, p.weights
    from unnest(${[...terms]}::text[]) as q(term)
    cross join lateral (select string_agg(s.article_id::text, ',') as ids, string_agg(s.weight::text, ',') as weights
      from (select article_id, weight from related_terms where term = q.term ${exceptId === undefined ? sql`` : sql`and article_id <> ${exceptId}`}
        order by weight desc, article_id desc limit ${limit}) as s) as p`
  async function postingListsOnPostgres(terms: readonly string[], limit: number, exceptId?: number): Promise<Map<string, TopPostings>> {
    const out = new Map<string, TopPostings>()
    if (terms.length === 0) return out
    const { rows } = await onPostgres(terms, limit, exceptId).execute(db)
    for (const r of rows) {
      if (r.ids === null || r.weights === null) {
        out.set(r.term, { ids: new Int32Array(0), weights: new Float64Array(0) })
        continue
      }
      const weights = r.weights.split(',')
      const list = { ids: parseIds(r.ids, weights.length), weights: new Float64Array(weights.length) }
      for (let i = 0; i < weights.length; i++) list.weights[i] = Number(weights[i])
      out.set(r.term, list)
    }
    return out
  }

  return { postingLists: dialect.name === 'postgres' ? postingListsOnPostgres : postingListsOnSqlite }
}

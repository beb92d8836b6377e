// The full-text search index as a repository: one interface, one file per engine, chosen by the dialect.

import type { Kysely } from 'kysely'
import type { StoreDialect } from './dialect.ts'
import { createPostgresSearch } from './search-postgres.ts'
import { createSqliteSearch } from './search-sqlite.ts'

/** What the index holds of a live article; texts are plain text, never HTML. */
export interface SearchDocument {
  readonly title: string
  readonly standfirst: string
  readonly body: string
  readonly language: string
  readonly sectionId: number
  readonly publishedAt: number
}

/**
 * A search expression for each engine, built by search/query.ts from the reader's words: an FTS5 MATCH
 * expression made only of quoted tokens for SQLite, a `websearch_to_tsquery` string for PostgreSQL.
 */
export type SearchExpression = Readonly<Record<StoreDialect['name'], string>>

export interface SearchQuery {
  readonly expression: SearchExpression
  /** Live articles in any of these sections; empty means every section. */
  readonly sectionIds: readonly number[]
  readonly tagId: number | null
  /** Only articles in this language (a primary tag such as `ru` also takes `ru-Latn`); null means every language. */
  readonly language?: string | null
  /** Inclusive lower bound, epoch ms. */
  readonly fromMs: number | null
  /** Exclusive upper bound, epoch ms. */
  readonly toMs: number | null
  readonly limit: number
  readonly offset: number
}

export interface SearchMatch {
  readonly articleId: number
  /** Higher is better; comparable only within one engine and one query. */
  readonly score: number
}

export interface SearchIndex {
  /** Adds or replaces the document of an article. */
  index(articleId: number, doc: SearchDocument): Promise<void>
  /** Removes an article from the index; removing an absent one is not an error. */
  remove(articleId: number): Promise<void>
  /** Matching articles, best first (title weighs most, then standfirst, then body), newest first among equals; see RANKED_CANDIDATES. */
  query(q: SearchQuery): Promise<SearchMatch[]>
  /** The indexed standfirst and body of the given articles, for snippets of the page shown. */
  texts(articleIds: readonly number[]): Promise<Map<number, { standfirst: string; body: string }>>
}

/**
 * How many matches are ranked: the newest this many (by article id). A word that most articles contain would
 * otherwise cost a rank computation per matching article (over a second at 100,000 articles); a query with fewer
 * matches, which is nearly every real one, is ranked exactly. 50 pages of 20 fit inside it.
 */
export const RANKED_CANDIDATES = 1000

const ENGINES: Readonly<Record<StoreDialect['name'], (db: Kysely<any>) => SearchIndex>> = {
  sqlite: createSqliteSearch,
  postgres: createPostgresSearch,
}

/** The search index of the dialect's engine, bound to `db` (the pool or one transaction). */
export const createSearchIndex = (db: Kysely<any>, dialect: StoreDialect): SearchIndex => ENGINES[dialect.name](db)

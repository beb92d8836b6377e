// The full-text search index as a repository: one interface, one file per engine, chosen by the dialect.

import type { Kysely } from 'kysely'
import type { StoreDialect } from './dialect.ts'
import { suggestionKeys, vocabularyWords } from './search-analysis.ts'
import { createPostgresSearch } from './search-postgres.ts'
import { createSqliteSearch } from './search-sqlite.ts'
import { searchFacets, type SearchFacets } from './search-facets.ts'
import { createSearchState } from './search-state.ts'
import { createSearchSuggestions, type SearchSuggestions } from './search-suggestions.ts'
import { createSearchVocabulary, type SearchVocabulary } from './search-vocabulary.ts'

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
 * A search expression for each engine, built by search/query.ts from the reader's words: an FTS5 MATCH expression made
 * only of quoted tokens and column filters for SQLite; for PostgreSQL a tsquery over words and stems, plus the
 * `websearch_to_tsquery` input that finds the documents a background re-index has not analysed yet.
 */
export interface SearchExpression {
  readonly sqlite: string
  readonly postgres: {
    readonly terms: string
    readonly websearch: string
    /**
     * What PostgreSQL chooses its way to the matches by (store/search-plan.ts): each wanted part (a word with its stem,
     * or a phrase's exact words), and `driver`, a tsquery without positions that the GIN index over the search keys
     * answers exactly (a phrase as the pairs of its neighbouring words, migration 0044; excluded words and two-word
     * phrases kept). `driver` matches what `terms` does unless `checked`, when its matches are checked against `terms`.
     */
    readonly plan?: {
      readonly parts: readonly PlanPart[]
      readonly driver: string
      /** Whether the driver's matches are a superset (a phrase of three words or more), each checked against `terms`. */
      readonly checked: boolean
      /** The language of the stems, which the vocabulary's words are stemmed by to estimate a word's documents. */
      readonly language: string
    } | null
  }
}

/** A wanted part of a query: one word and its stem (null: exact words only), or the words of a phrase. */
export type PlanPart = { readonly word: string; readonly stem: string | null } | { readonly phrase: readonly string[] }

export interface SearchQuery {
  readonly expression: SearchExpression
  /** Live articles in any of these sections; empty means every section. */
  readonly sectionIds: readonly number[]
  readonly tagId: number | null
  /** Only articles with this author in their byline. */
  readonly authorId?: number | null
  /** Only articles in this language (a primary tag such as `ru` also takes `ru-Latn`); null means every language. */
  readonly language?: string | null
  /** Inclusive lower bound, epoch ms. */
  readonly fromMs: number | null
  /** Exclusive upper bound, epoch ms. */
  readonly toMs: number | null
  readonly limit: number
  readonly offset: number
  /**
   * Forces PostgreSQL's way to the matches (store/search-plan.ts), which is otherwise chosen per query: for tests that
   * both ways give one result, and for the benchmark. SQLite has one way and ignores it.
   */
  readonly path?: 'index' | 'walk'
}

export interface SearchMatch {
  readonly articleId: number
  /** Higher is better; comparable only within one engine and one query. */
  readonly score: number
}

/** A document as the index holds it, and whether its words were counted in the vocabulary (it was analysed). */
export type IndexedDocument = SearchDocument & { readonly analysed: boolean }

/** What an engine's file provides; search-index.ts adds the vocabulary and the suggestion keys around it. */
export interface SearchEngine {
  /** Writes (adds or replaces) the document of an article, analysed at SEARCH_ANALYSIS. */
  write(articleId: number, doc: SearchDocument): Promise<void>
  /** Deletes the document of an article, if any. */
  delete(articleId: number): Promise<void>
  /** The documents of these articles as indexed now, and whether their words were counted in the vocabulary (analysed). */
  previous(articleIds: readonly number[]): Promise<Map<number, IndexedDocument>>
  query(q: SearchQuery): Promise<SearchMatch[]>
  texts(articleIds: readonly number[]): Promise<Map<number, { standfirst: string; body: string }>>
}

export interface SearchIndex {
  /** Adds or replaces the document of an article, with its vocabulary counts and suggestion keys. */
  index(articleId: number, doc: SearchDocument): Promise<void>
  /**
   * Indexes several documents as index() does each, with one vocabulary upsert and one suggestion rewrite for them all:
   * a bulk import writes a hundred documents a transaction, and their shared words were most of its statements.
   */
  indexMany(docs: readonly { readonly id: number; readonly doc: SearchDocument }[]): Promise<void>
  /** Removes an article from the index; removing an absent one is not an error. */
  remove(articleId: number): Promise<void>
  /** Matching articles, best first (title weighs most, then standfirst, then body), newest first among equals; see RANKED_CANDIDATES. */
  query(q: SearchQuery): Promise<SearchMatch[]>
  /** The indexed standfirst and body of the given articles, for snippets of the page shown. */
  texts(articleIds: readonly number[]): Promise<Map<number, { standfirst: string; body: string }>>
  /** Counts of the given matches by section, tag and author. */
  facets(articleIds: readonly number[]): Promise<SearchFacets>
  /** The index's words with their document counts, for corrections. */
  readonly vocabulary: Pick<SearchVocabulary, 'frequencies' | 'candidates'>
  /** Titles by prefix, and tag and author names with their uses, as readers type. */
  readonly suggestions: Pick<SearchSuggestions, 'titles' | 'tagNames' | 'authorNames' | 'liveUse'>
  /** The analysis version and the progress of a background re-index. */
  readonly state: SearchState
}

/**
 * How many matches are ranked: the newest this many (by article id). A word that most articles contain would
 * otherwise cost a rank computation per matching article (over a second at 100,000 articles); a query with fewer
 * matches, which is nearly every real one, is ranked exactly. 50 pages of 20 fit inside it.
 */
export const RANKED_CANDIDATES = 1000

const ENGINES: Readonly<Record<StoreDialect['name'], (db: Kysely<any>) => SearchEngine>> = {
  sqlite: createSqliteSearch,
  postgres: createPostgresSearch,
}

const vocabularyOf = (d: SearchDocument) => vocabularyWords([d.title, d.standfirst, d.body], d.language)

/** The search index of the dialect's engine, bound to `db` (the pool or one transaction). */
export function createSearchIndex(db: Kysely<any>, dialect: StoreDialect): SearchIndex {
  const engine = ENGINES[dialect.name](db)
  const vocabulary = createSearchVocabulary(db)
  const suggestions = createSearchSuggestions(db)
  /**
   * Adds or replaces several documents, their word counts summed into one vocabulary upsert and their suggestion keys
   * rewritten together; index() is this for one. A document not analysed yet (left by migration 0026) was never
   * counted: nothing of it is taken back.
   */
  async function indexMany(docs: readonly { readonly id: number; readonly doc: SearchDocument }[]): Promise<void> {
    const deltas = new Map<string, number>()
    const add = (words: ReadonlySet<string>, by: number) => { for (const w of words) deltas.set(w, (deltas.get(w) ?? 0) + by) }
    // Every document's previous version in one read; an article twice in the batch takes back what its first write
    // in the batch counted.
    const previous: Map<number, IndexedDocument> = await engine.previous([...new Set(docs.map((d) => d.id))])
    for (const { id, doc } of docs) {
      const before = previous.get(id)
      add(vocabularyOf(doc), 1)
      if (before?.analysed) add(vocabularyOf(before), -1)
      await engine.write(id, doc)
      previous.set(id, { ...doc, analysed: true })
    }
    await vocabulary.add(deltas)
    // The last document of an article wins, as with one call per document.
    const keys = new Map(docs.map(({ id, doc }) => [id, suggestionKeys(doc.title, doc.language)]))
    await suggestions.replaceMany([...keys].map(([articleId, k]) => ({ articleId, keys: k })))
  }

  return {
    index: (articleId, doc) => indexMany([{ id: articleId, doc }]),
    indexMany,
    async remove(articleId) {
      const before = (await engine.previous([articleId])).get(articleId)
      if (before?.analysed) await vocabulary.count(new Set(), vocabularyOf(before))
      await suggestions.replace(articleId, [])
      await engine.delete(articleId)
    },
    query: (q) => engine.query(q),
    texts: (ids) => engine.texts(ids),
    facets: (ids) => searchFacets(db, ids),
    vocabulary,
    suggestions,
    state: createSearchState(db),
  }
}

export type SearchState = ReturnType<typeof createSearchState>

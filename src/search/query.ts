// Readers' search input: words, "quoted phrases" and -exclusions, turned into safe expressions for each engine.

import type { PlanPart, SearchExpression } from '../store/search-index.ts'
import { STEM_MARK, pairable, pairLexeme } from '../store/search-analysis.ts'
import { searchWords } from '../text/analyze.ts'
import { stemmerOf } from '../text/stem.ts'

/** Longer input is cut here; the web layer already refuses more than this. */
export const MAX_QUERY_CHARS = 200
/** At most this many words or phrases to find, and this many to exclude. */
const MAX_PARTS = 12
/** Longer phrases keep their first words. */
const MAX_PHRASE_WORDS = 10

/** A parsed query. Every word is lower-case letters and digits only, so no engine syntax can reach the engines. */
export interface ParsedQuery {
  /** What every result must contain: single words and multi-word phrases (a phrase is an array of 2+ words). */
  readonly include: readonly (readonly string[])[]
  /** What no result may contain, in the same shape. */
  readonly exclude: readonly (readonly string[])[]
}

// A token: optional minus, then a quoted run (the closing quote may be missing) or a run without spaces or quotes.
const TOKEN = /(-?)"([^"]*)"?|(-?)([^\s"]+)/g

/** The words of a piece of text, folded, as the search engines split them (src/text). */
export const wordsOf = (text: string): string[] => searchWords(text.normalize('NFC'))

/** Whether a parsed query has anything to look for (exclusions alone find nothing). */
export const isSearchable = (q: ParsedQuery): boolean => q.include.length > 0

/**
 * Parses what a reader typed. Never throws: quotes, `*`, `OR`, `NEAR(`, SQL and stray punctuation become plain words or
 * disappear. `"a b"` is a phrase, `-word` and `-"a b"` exclude, and a token that splits into several words (`e-mail`) is a phrase.
 */
export function parseQuery(input: string): ParsedQuery {
  const include: string[][] = []
  const exclude: string[][] = []
  const seen = new Set<string>()
  for (const m of input.slice(0, MAX_QUERY_CHARS).matchAll(TOKEN)) {
    const minus = (m[1] ?? m[3]) === '-'
    const words = wordsOf(m[2] ?? m[4] ?? '').slice(0, MAX_PHRASE_WORDS)
    if (words.length === 0) continue
    const key = `${minus ? '-' : '+'}${words.join(' ')}`
    const target = minus ? exclude : include
    if (seen.has(key) || target.length >= MAX_PARTS) continue
    seen.add(key)
    target.push(words)
  }
  return { include, exclude }
}

/** Every word to look for, for highlighting. */
export const wantedWords = (q: ParsedQuery): Set<string> => new Set(q.include.flat())

// Each part is one double-quoted FTS5 string; the words hold no quotes, so nothing inside can be read as syntax.
const fts5Part = (words: readonly string[]): string => `"${words.join(' ')}"`

/** The FTS5 columns of exact words and of stems (store/search-sqlite.ts). */
const EXACT = '{title standfirst body}'
const STEMS = '{title_stems standfirst_stems body_stems}'

/** Stems the words of a query; null searches exact words only (as the index did before stems, for comparison). */
export type QueryStemmer = ((word: string) => string) | null

/**
 * One part in FTS5: a phrase in the exact columns only; a word in the exact columns or, by its stem, in the stem columns.
 * An exact form matches both, so bm25 ranks it above another form of the same word.
 */
function fts5Form(words: readonly string[], stem: QueryStemmer): string {
  if (words.length > 1 || !stem) return `${EXACT} : ${fts5Part(words)}`
  return `(${EXACT} : ${fts5Part(words)} OR ${STEMS} : ${fts5Part([stem(words[0]!)])})`
}

/** The FTS5 MATCH expression: parts ANDed together, each exclusion as `NOT …`. Empty when nothing is searchable. */
export function toFts5Match(q: ParsedQuery, stem: QueryStemmer = null): string {
  if (!isSearchable(q)) return ''
  const include = q.include.map((w) => fts5Form(w, stem)).join(' AND ')
  return [include, ...q.exclude.map((w) => `NOT ${fts5Form(w, stem)}`)].join(' ')
}

/** The input of PostgreSQL's websearch_to_tsquery: every part quoted, so `or` and `and` stay words; exclusions as `-"…"`. */
export function toWebsearch(q: ParsedQuery): string {
  if (!isSearchable(q)) return ''
  return [...q.include.map((w) => `"${w.join(' ')}"`), ...q.exclude.map((w) => `-"${w.join(' ')}"`)].join(' ')
}

/** A tsquery lexeme, quoted: words hold no quotes or backslashes, and are escaped all the same. */
const lexeme = (word: string): string => `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`

/** One part as a tsquery: a phrase of exact words side by side, or a word as itself or any form of it (STEM_MARK + stem). */
function tsqueryForm(words: readonly string[], stem: QueryStemmer): string {
  if (words.length > 1) return `(${words.map(lexeme).join(' <-> ')})`
  const exact = lexeme(words[0]!)
  return stem ? `(${exact} | ${lexeme(STEM_MARK + stem(words[0]!))})` : exact
}

/** The tsquery text matched against the tsvector of words and stems on PostgreSQL; empty when nothing is searchable. */
export function toTsquery(q: ParsedQuery, stem: QueryStemmer = null): string {
  if (!isSearchable(q)) return ''
  return [...q.include.map((w) => tsqueryForm(w, stem)), ...q.exclude.map((w) => `!${tsqueryForm(w, stem)}`)].join(' & ')
}

/** The key of two words side by side in PostgreSQL's search keys, or null when one is too long to make one. */
const pairKey = (a: string, b: string): string | null => (pairable(a) && pairable(b) ? lexeme(pairLexeme(a, b)) : null)

/** A phrase as the search keys hold it: its pairs of neighbours ANDed, and whether that is all it asks (two words). */
function phraseKeys(words: readonly string[]): { readonly keys: string; readonly exact: boolean } {
  const pairs = words.slice(1).map((w, i) => pairKey(words[i]!, w))
  if (pairs.some((p) => p === null)) return { keys: words.map(lexeme).join(' & '), exact: false }
  return { keys: pairs.join(' & '), exact: pairs.length === 1 }
}

/**
 * The tsquery that PostgreSQL's GIN index over the search keys answers without reading a document, a superset of
 * toTsquery's matches, and whether it is exactly them. A phrase becomes the pairs of its neighbouring words ("a b",
 * migration 0044): for two words that is the phrase itself; longer phrases are checked on the documents. An excluded
 * phrase of two words is excluded by its pair; a longer one is left out of the driver and checked.
 */
export function toDriver(q: ParsedQuery, stem: QueryStemmer = null): { readonly driver: string; readonly checked: boolean } {
  if (!isSearchable(q)) return { driver: '', checked: false }
  let checked = false
  const include = q.include.map((w) => {
    if (w.length === 1) return tsqueryForm(w, stem)
    const { keys, exact } = phraseKeys(w)
    if (!exact) checked = true
    return keys
  })
  const exclude: string[] = []
  for (const w of q.exclude) {
    if (w.length === 1) exclude.push(`!${tsqueryForm(w, stem)}`)
    else if (w.length === 2 && pairKey(w[0]!, w[1]!) !== null) exclude.push(`!${pairKey(w[0]!, w[1]!)}`)
    else checked = true
  }
  return { driver: [...include, ...exclude].join(' & '), checked }
}

export interface ExpressionOptions {
  /** The language whose stemmer takes query words to their stems (the searched language); default English. */
  readonly language?: string
  /** False: exact words only, as before stemming (for the relevance evaluation). Default true. */
  readonly stems?: boolean
}

/** The expression for each engine, for the store's search index. */
export function toSearchExpression(q: ParsedQuery, options: ExpressionOptions = {}): SearchExpression {
  const language = options.language ?? 'en'
  const stem = options.stems === false ? null : stemmerOf(language)
  const parts = q.include.map((w): PlanPart => (w.length > 1 ? { phrase: w } : { word: w[0]!, stem: stem ? stem(w[0]!) : null }))
  return {
    sqlite: toFts5Match(q, stem),
    postgres: { terms: toTsquery(q, stem), websearch: toWebsearch(q), plan: { parts, ...toDriver(q, stem), language } },
  }
}

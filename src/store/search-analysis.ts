// What the search index stores of a text besides the text itself: word stems, the PostgreSQL tsvector, vocabulary words.

import { folderOf } from '../text/fold.ts'
import { wordRuns } from '../text/segment.ts'
import { stemmerOf } from '../text/stem.ts'
import { stopwordsOf } from '../text/stopwords.ts'

/**
 * The version of what the index derives from a text (stems, tsvector, vocabulary, suggestion prefixes). A database whose
 * search_state says less is re-indexed in the background (search/rebuild.ts); migration 0026 marks existing sites 0.
 */
export const SEARCH_ANALYSIS = 1

/**
 * On PostgreSQL one tsvector holds both the exact words and their stems, the stems behind this mark, at the same
 * positions: a phrase matches exact words side by side, a word matches any form, and an exact form scores twice.
 * No word contains it: words are runs of letters, digits and marks (src/text/segment.ts).
 */
export const STEM_MARK = '~'

/**
 * The texts folded last, with their words. A document's title, standfirst and body are folded for the vocabulary and
 * again for their stems or tsvector (search-index.ts indexMany, then the engine's write), and folding was a third of an
 * import's search analysis: the second time finds them here. Exactly the same text only, so nothing else changes.
 */
const recentlyFolded: { readonly text: string; readonly language: string; readonly words: readonly string[] }[] = []
const FOLDED_KEPT = 3

/** The folded words of a text, split as FTS5's unicode61 and src/text split them. */
export function foldedWords(text: string, language: string): readonly string[] {
  for (const r of recentlyFolded) if (r.text === text && r.language === language) return r.words
  const words = wordRuns(text).map(folderOf(language))
  recentlyFolded.unshift({ text, language, words })
  if (recentlyFolded.length > FOLDED_KEPT) recentlyFolded.pop()
  return words
}

/** The stem of each word, in order, joined by spaces: the text of SQLite's *_stems columns. */
export function stemText(text: string, language: string): string {
  const stem = stemmerOf(language)
  return foldedWords(text, language).map(stem).join(' ')
}

/** tsvector limits: positions above 16,383 are clamped by PostgreSQL, and a lexeme keeps at most 256 positions. */
const MAX_POSITION = 16_383
const MAX_POSITIONS_PER_LEXEME = 255

const NEEDS_ESCAPE = /['\\]/
/** A lexeme quoted for a tsvector literal. Words hold neither character to escape; the test is cheaper than two replaces. */
const quoteLexeme = (lexeme: string): string =>
  NEEDS_ESCAPE.test(lexeme) ? `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'` : `'${lexeme}'`

/**
 * Words longer than this, in characters, make no pair in PostgreSQL's search keys (migration 0044), which keeps a pair
 * well under a lexeme's 2 KB: a phrase holding one is found by its words and checked (search/query.ts).
 */
export const PAIR_WORD_CHARS = 100

/** Whether a word makes pairs in the search keys: as SQL's char_length counts, in code points. */
export const pairable = (word: string): boolean => word.length <= PAIR_WORD_CHARS || [...word].length <= PAIR_WORD_CHARS

/** The search-keys lexeme of two neighbouring words: words hold no space, so no word is mistaken for a pair. */
export const pairLexeme = (first: string, second: string): string => `${first} ${second}`

/** PostgreSQL's two tsvector literals of a document (store/search-postgres.ts). */
export interface PostgresTerms {
  /** Every word as itself and as STEM_MARK + its stem, with positions and weights: what checks and ranks read. */
  readonly terms: string
  /**
   * The word pairs of the search keys, which the GIN index answers from with `strip(terms)` (migration 0044): the
   * pair lexeme of every two words at positions p and p + 1 of `terms`. The SQL function broadsheet_search_keys makes
   * the same keys from `terms` (for the documents indexed before it); a test keeps the two the same.
   */
  readonly pairs: string
}

/**
 * The tsvector literals of weighted fields (title A, standfirst B, body C): every word as itself and as STEM_MARK + its
 * stem, at the same position. Positions run on across fields, as `||` of to_tsvector results would number them.
 */
export function postgresTerms(fields: readonly (readonly [text: string, weight: 'A' | 'B' | 'C'])[], language: string): PostgresTerms {
  const stem = stemmerOf(language)
  const positions = new Map<string, string[]>()
  /** The words each position holds in `terms`: one, or several where positions are clamped at the end. */
  const wordsAt = new Map<number, string[]>()
  const add = (lexeme: string, entry: string): boolean => {
    let list = positions.get(lexeme)
    if (!list) positions.set(lexeme, (list = []))
    if (list.length >= MAX_POSITIONS_PER_LEXEME) return false
    list.push(entry)
    return true
  }
  let position = 0
  for (const [text, weight] of fields) {
    for (const word of foldedWords(text, language)) {
      position = Math.min(position + 1, MAX_POSITION)
      const entry = `${position}${weight}`
      // A position a word's capped list leaves out is not in `terms`, so it makes no pair either.
      if (add(word, entry) && pairable(word)) {
        const here = wordsAt.get(position)
        if (here) here.push(word)
        else wordsAt.set(position, [word])
      }
      add(STEM_MARK + stem(word), entry)
    }
  }
  const pairs = new Set<string>()
  for (const [p, firsts] of wordsAt) {
    const seconds = wordsAt.get(p + 1)
    if (seconds) for (const a of firsts) for (const b of seconds) pairs.add(pairLexeme(a, b))
  }
  return {
    terms: [...positions].map(([lexeme, list]) => `${quoteLexeme(lexeme)}:${list.join(',')}`).join(' '),
    pairs: [...pairs].map(quoteLexeme).join(' '),
  }
}

/** The positions-and-weights tsvector literal alone (postgresTerms().terms). */
export const tsvectorLiteral = (fields: readonly (readonly [text: string, weight: 'A' | 'B' | 'C'])[], language: string): string =>
  postgresTerms(fields, language).terms

/** Vocabulary words are what a reader might mistype: at least this long, at most that long, not only digits. */
const MIN_VOCABULARY_CHARS = 3
const MAX_VOCABULARY_CHARS = 30
const DIGIT = /\p{N}/u

/** The distinct words of a document worth offering as corrections ("Did you mean …?"). */
export function vocabularyWords(texts: readonly string[], language: string): Set<string> {
  const out = new Set<string>()
  for (const text of texts) {
    for (const word of foldedWords(text, language)) {
      if (word.length >= MIN_VOCABULARY_CHARS && word.length <= MAX_VOCABULARY_CHARS && !DIGIT.test(word)) out.add(word)
    }
  }
  return out
}

/** A suggestion key is cut here: readers type a few words, never a whole long headline. */
const MAX_KEY_CHARS = 60

/**
 * The keys under which a title is offered as readers type: the folded title from each word that is not a stopword,
 * so "Elections in Kazakhstan" answers "ele", "kaz" and "kazakhstan" but not "in".
 */
export function suggestionKeys(title: string, language: string): string[] {
  const words = foldedWords(title, language)
  const stop = stopwordsOf(language)
  const keys = new Set<string>()
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!
    if (w.length < 2 || stop.has(w)) continue
    keys.add(words.slice(i).join(' ').slice(0, MAX_KEY_CHARS).trimEnd())
  }
  return [...keys]
}

// The words of a text per language: for search (folded) and for related articles (folded, stopwords out, stemmed).

import { folderOf } from './fold.ts'
import { segmentWords, wordRuns } from './segment.ts'
import { stemmerOf } from './stem.ts'
import { stopwordsOf } from './stopwords.ts'

/**
 * Bumped whenever analyze() would give other terms for the same text (new stemmer, stopwords, folding): terms stored
 * under an older version are recounted (related/refresh.ts).
 */
export const ANALYSIS_VERSION = 2

/** Terms longer than this are noise (URLs run together, tables) and would bloat the related index. */
const MAX_TERM_CHARS = 40
const DIGITS = /^\p{N}+$/u

/**
 * The words of `text`, folded (lower case, diacritics removed): what search looks for and marks in snippets. Split as the
 * engines' own tokenizers split (wordRuns), or a query could never match what they indexed.
 */
export const searchWords = (text: string, language?: string): string[] => wordRuns(text).map(folderOf(language))

/**
 * The terms of a text in `language`, in order: words folded, the language's stopwords, bare numbers and one-letter or
 * over-long words dropped, the rest stemmed where the language has a stemmer (and dropped again if the stem is a stopword).
 *
 * ```ts
 * analyze('Выборы в Казахстане', 'ru') // ['выбор', 'казахстан']
 * ```
 */
export function analyze(text: string, language: string): string[] {
  const stop = stopwordsOf(language)
  const stem = stemmerOf(language)
  const fold = folderOf(language)
  const out: string[] = []
  for (const word of segmentWords(text)) {
    if (word.length < 2 || word.length > MAX_TERM_CHARS) continue
    const folded = fold(word)
    if (stop.has(folded) || DIGITS.test(folded)) continue
    const term = stem(folded)
    if (term.length > 0 && !stop.has(term)) out.push(term)
  }
  return out
}

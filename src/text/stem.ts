// Stemmers per language: the Snowball algorithms of snowball-stemmers (pure JavaScript), chosen by the primary subtag.

import snowball from 'snowball-stemmers'

/** Takes a folded word to its stem. */
export type Stemmer = (word: string) => string

/**
 * Languages given a Snowball stemmer. snowball-stemmers, not @orama/stemmers: Orama's English is not Porter2
 * ("elections" → "elec", "news" → "new"), snowball-stemmers' is, exceptions included. Languages without one
 * (Kazakh, Georgian, Armenian here…) keep their words whole: no stemmer is better than a wrong one.
 */
const ALGORITHMS: Readonly<Record<string, string>> = {
  en: 'english', ru: 'russian', de: 'german', fr: 'french', es: 'spanish', it: 'italian', pt: 'portuguese', tr: 'turkish',
  nl: 'dutch', sv: 'swedish', no: 'norwegian', da: 'danish', fi: 'finnish', hu: 'hungarian', ro: 'romanian', cs: 'czech',
}

const identity: Stemmer = (word) => word

/**
 * How many stems each language remembers in each of its two generations. Snowball in JavaScript costs about 10 µs a
 * word; words follow Zipf's law, so remembered stems answer most of a text (bench/text.ts has the figures).
 */
const GENERATION_SIZE = 30_000

/** Stems cached in two generations: when the young one fills, it becomes the old one, so frequent words survive. */
function memoize(stemmer: { stem(word: string): string }): Stemmer {
  let young = new Map<string, string>()
  let old = new Map<string, string>()
  return (word) => {
    let stem = young.get(word)
    if (stem !== undefined) return stem
    stem = old.get(word) ?? stemmer.stem(word)
    if (young.size >= GENERATION_SIZE) {
      old = young
      young = new Map()
    }
    young.set(word, stem)
    return stem
  }
}

const built = new Map<string, Stemmer>()

const primary = (language: string) => language.split('-')[0] ?? ''

/** The stemmer of a language, or one that leaves words as they are; built once per language. */
export function stemmerOf(language: string): Stemmer {
  const code = primary(language)
  let s = built.get(code)
  if (!s) {
    const algorithm = ALGORITHMS[code]
    if (algorithm) {
      s = memoize(snowball.newStemmer(algorithm))
    } else {
      s = identity
    }
    built.set(code, s)
  }
  return s
}

/** Whether the language has a stemmer. */
export const hasStemmer = (language: string): boolean => primary(language) in ALGORITHMS

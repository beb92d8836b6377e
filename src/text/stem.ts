// Stemmers per language, all Snowball algorithms in pure JavaScript, chosen by the primary subtag.

// Only to require snowball-stemmers on first use (below): text/ touches no file, network or process itself.
// eslint-disable-next-line no-restricted-imports
import { createRequire } from 'node:module'
import { stemmer as russian } from '@orama/stemmers/russian'
import { stem as english } from 'porter2'
import type Snowball from 'snowball-stemmers'

// snowball-stemmers is one file of 870 KB that costs some 30 ms of CPU to load: it loads (synchronously, being
// CommonJS) with the first word of a language only it stems, not on every start.
const require = createRequire(import.meta.url)
let snowball: typeof Snowball | undefined
const snowballStemmer = (algorithm: string) => (snowball ??= require('snowball-stemmers') as typeof Snowball).newStemmer(algorithm)

/** Takes a folded word to its stem. */
export type Stemmer = (word: string) => string

/**
 * English and Russian, the languages most sites here write in, get the fastest exact implementations measured on
 * Node 24: porter2 gives snowball-stemmers' Porter2 stem for all 29,457 distinct words of the BBC corpus in 5.6 µs
 * instead of 75; @orama/stemmers' Russian gives snowball-stemmers' stem for 9,460 Russian word forms in 3.7 µs
 * instead of 46. (Orama's English is not Porter2: "elections" → "elec", "news" → "new".)
 */
const FAST: Readonly<Record<string, (word: string) => string>> = { en: english, ru: russian }

/**
 * Other languages with a Snowball stemmer in snowball-stemmers. Languages without one (Kazakh, Georgian, Armenian
 * here…) keep their words whole: no stemmer is better than a wrong one.
 */
const ALGORITHMS: Readonly<Record<string, string>> = {
  de: 'german', fr: 'french', es: 'spanish', it: 'italian', pt: 'portuguese', tr: 'turkish',
  nl: 'dutch', sv: 'swedish', no: 'norwegian', da: 'danish', fi: 'finnish', hu: 'hungarian', ro: 'romanian', cs: 'czech',
}

const identity: Stemmer = (word) => word

/**
 * How many stems each language remembers in each of its two generations. A stem costs 4–80 µs (above); words follow
 * Zipf's law, so remembered stems answer most of a text (bench/text.ts has the figures).
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
    const fast = FAST[code]
    const algorithm = ALGORITHMS[code]
    if (fast) {
      s = memoize({ stem: fast })
    } else if (algorithm) {
      s = memoize(snowballStemmer(algorithm))
    } else {
      s = identity
    }
    built.set(code, s)
  }
  return s
}

/** Whether the language has a stemmer. */
export const hasStemmer = (language: string): boolean => primary(language) in FAST || primary(language) in ALGORITHMS

// Terms of an article for related articles: field boosts and TF-IDF weights over src/text's terms.

import { analyze } from '../text/analyze.ts'

/** A term and its weight in an article's (L2-normalised) vector. */
export interface WeightedTerm {
  readonly term: string
  readonly weight: number
}

/** The text of an article as the engine reads it; the body is plain text already. */
export interface ArticleText {
  readonly title: string
  readonly standfirst: string
  readonly body: string
  readonly tags: readonly string[]
  /** BCP 47 tag: picks the stopwords and the stemmer. */
  readonly language: string
}

/**
 * Bumped whenever weighTerms would give other weights for the same counts, as ANALYSIS_VERSION (src/text) is for other
 * terms: stored weights made otherwise are weighed again, once (related/refresh.ts). 2: saturated tf and capped idf;
 * 3: terms in fewer than three articles left out.
 */
export const WEIGHING_VERSION = 3

/** How much each field counts towards a term's frequency, and how many terms an article keeps. */
export interface TermParams {
  readonly titleBoost: number
  readonly standfirstBoost: number
  readonly tagBoost: number
  /** How many of its strongest terms an article keeps. */
  readonly keep: number
  /** Exponent of the (capped) idf factor. */
  readonly idfPower: number
  /**
   * The idf factor stops growing here (at 3, for any term in fewer than one article in seven): a name met in two
   * articles weighs no more than one met in twenty, so a story's topical words (film, tax, match) keep their place beside
   * its rarest names, while a word in every article still weighs a third as much. Capped at 3 (power 1) it beats the uncapped idf^0.3 on the BBC corpus (precision@5 0.941 against
   * 0.938); Reuters-21578, whose topics are narrower, loses a little by it unless posting lists are longer (engine.ts perTerm).
   */
  readonly idfCap: number
  /**
   * Saturation of the boosted term frequency, as BM25's k1: f·(k+1)/(f+k) grows like f at first and never past k+1,
   * so a word repeated through a long story (or boosted in its title) does not crowd out the words it is about.
   */
  readonly tfSaturation: number
  /**
   * Terms in fewer articles than this (the article itself counted) are left out of its vector, once the collection
   * holds `minDfFrom` articles. A name two stories share by chance links them as strongly as their topic does (the idf
   * is capped), and a word of one story only takes a place and a share of the norm that its shared words could have:
   * leaving out terms in fewer than 3 articles lifts precision@5 from 0.947 to 0.951 on BBC and from 0.802 to 0.807 on
   * Reuters-21578 (bench/README.md). An article whose every term is that rare keeps them all, or it would have no vector.
   * A publication keeps them all too (engine.ts indexArticle), until the re-weigh walk comes by.
   */
  readonly minDf: number
  /** Below this many articles every term counts: on a small site most terms are rare, and two articles may share only those. */
  readonly minDfFrom: number
}

export const DEFAULT_TERM_PARAMS: TermParams = {
  titleBoost: 3, standfirstBoost: 2, tagBoost: 3, keep: 60, idfPower: 1, idfCap: 3, tfSaturation: 2, minDf: 3, minDfFrom: 1000,
}

/** Boosted term frequencies of an article: each field's occurrences times its boost. */
export function termFrequencies(a: ArticleText, p: Pick<TermParams, 'titleBoost' | 'standfirstBoost' | 'tagBoost'> = DEFAULT_TERM_PARAMS): Map<string, number> {
  const tf = new Map<string, number>()
  const add = (text: string, boost: number) => {
    for (const t of analyze(text, a.language)) tf.set(t, (tf.get(t) ?? 0) + boost)
  }
  add(a.title, p.titleBoost)
  add(a.standfirst, p.standfirstBoost)
  add(a.body, 1)
  for (const tag of a.tags) add(tag, p.tagBoost)
  return tf
}

/** Inverse document frequency, smoothed so that a term in every document still weighs a little. */
export const idf = (df: number, documents: number): number => Math.log((documents + 1) / (df + 1)) + 1

/**
 * The `keep` strongest terms of an article, weighted by saturated tf × min(idf, idfCap)^idfPower and L2-normalised,
 * strongest first; terms in fewer than `minDf` articles left out (TermParams.minDf). A term missing from `df` counts as
 * seen in this article only.
 */
export function weighTerms(
  tf: ReadonlyMap<string, number>, df: ReadonlyMap<string, number>, documents: number,
  p: Pick<TermParams, 'keep' | 'idfPower' | 'idfCap' | 'tfSaturation'> & Partial<Pick<TermParams, 'minDf' | 'minDfFrom'>>,
): WeightedTerm[] {
  const floor = documents >= (p.minDfFrom ?? Infinity) ? p.minDf ?? 1 : 1
  const k = p.tfSaturation
  const weigh = (least: number) => {
    const weighted: WeightedTerm[] = []
    for (const [term, f] of tf) {
      const seen = Math.max(df.get(term) ?? 1, 1)
      if (seen < least) continue
      const rarity = Math.min(idf(seen, Math.max(documents, 1)), p.idfCap)
      weighted.push({ term, weight: ((f * (k + 1)) / (f + k)) * Math.pow(rarity, p.idfPower) })
    }
    return weighted
  }
  let weighted = weigh(floor)
  if (weighted.length === 0 && floor > 1) weighted = weigh(1)
  weighted.sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1))
  return normalise(weighted.slice(0, p.keep))
}

/** The same terms scaled to unit length. */
export function normalise(terms: readonly WeightedTerm[]): WeightedTerm[] {
  const norm = Math.sqrt(terms.reduce((s, t) => s + t.weight * t.weight, 0))
  return norm === 0 ? [] : terms.map((t) => ({ term: t.term, weight: t.weight / norm }))
}

/** Cosine similarity of two unit vectors given as term → weight maps. */
export function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let dot = 0
  for (const [term, w] of small) dot += w * (large.get(term) ?? 0)
  return dot
}

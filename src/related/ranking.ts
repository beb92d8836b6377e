// Ranking related articles from data already read: cosine over posting lists, the final score, the stored list. Pure.

import type { RelatedEntry, RelatedOverride } from '../store/related.ts'
import type { WeightedTerm } from './terms.ts'
import type { RankParams } from './engine.ts'

/** A candidate with its score. */
export interface ScoredCandidate {
  readonly id: number
  readonly score: number
}

/** One term's posting list, strongest first: `ids[i]` keeps the term with `weights[i]`. */
export interface PostingList {
  readonly ids: ArrayLike<number>
  readonly weights: ArrayLike<number>
}

/** `a` ranks before `b`: higher cosine first, then the lower id. */
const before = (aDot: number, aId: number, bDot: number, bId: number): boolean => aDot > bDot || (aDot === bDot && aId < bId)

/** The cosine of an article with each candidate: `dots[i]` for `ids[i]`, in no particular order. */
export interface Cosines {
  readonly ids: readonly number[]
  readonly dots: readonly number[]
}

/**
 * The `k` best candidates by cosine (ties: lower id first), best first: the same as sorting every candidate and keeping
 * the first `k`, without sorting thousands to keep sixty (a bounded heap whose root is the worst kept).
 */
export function bestByCosine(c: Cosines, k: number): [number, number][] {
  const heap: [number, number][] = []
  const worse = (i: number, j: number) => before(heap[j]![1], heap[j]![0], heap[i]![1], heap[i]![0])
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1, r = l + 1
      let m = i
      if (l < heap.length && worse(l, m)) m = l
      if (r < heap.length && worse(r, m)) m = r
      if (m === i) return
      ;[heap[i], heap[m]] = [heap[m]!, heap[i]!]
      i = m
    }
  }
  if (k <= 0) return []
  for (let n = 0; n < c.ids.length; n++) {
    const id = c.ids[n]!, d = c.dots[n]!
    if (heap.length < k) {
      heap.push([id, d])
      for (let i = heap.length - 1; i > 0;) {
        const parent = (i - 1) >> 1
        if (!worse(i, parent)) break
        ;[heap[i], heap[parent]] = [heap[parent]!, heap[i]!]
        i = parent
      }
    } else if (before(d, id, heap[0]![1], heap[0]![0])) {
      heap[0] = [id, d]
      down(0)
    }
  }
  return heap.sort((a, b) => b[1] - a[1] || a[0] - b[0])
}

/**
 * Sums by article id for many articles in a row (the settle pass): a dense array instead of a Map, about ten times
 * faster over the few thousand postings of one article. It grows to the largest id met.
 */
export interface DotScratch {
  sums: Float64Array
  marked: Uint8Array
}

export const newDotScratch = (): DotScratch => ({ sums: new Float64Array(1024), marked: new Uint8Array(1024) })

/** The scratch of callers that keep none (a publish): grown once to the largest id, not allocated per article. */
const sharedScratch = newDotScratch()

/**
 * Pseudo-relevance feedback: the query's terms are weighed again by how strongly its `neighbours` best candidates use
 * them, `weight` times their mean weight added to each term's own. Terms the article shares with its closest
 * relatives say what it is about; a term only it uses (a name mentioned in passing) loses ground. On the BBC corpus
 * (10 neighbours, weight 1) it adds about 0.3 points of precision@5 (bench/README.md).
 */
export interface Feedback {
  readonly neighbours: number
  readonly weight: number
}

/**
 * Cosine of an article's query terms with every article sharing one, from each term's posting list: at most `perTerm`
 * postings a term, the article itself skipped; the lists may come from one statement or from an index in memory.
 * With `feedback`, the sums are those of the re-weighed query (Feedback) over the same postings: no more are read.
 */
export function cosines(
  id: number, query: readonly WeightedTerm[], postingsOf: (term: string) => PostingList | undefined, perTerm: number, scratch?: DotScratch,
  feedback?: Feedback,
): Cosines {
  // Terms in one fixed order (by name), so a candidate's sum is the same floating-point number whichever order the
  // vector was read in (weights stored as float4 on PostgreSQL can tie where the computed doubles did not).
  const terms = [...query].sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
  // One path for single articles and the settle pass: a dense scratch. Without one from the caller, the process-wide
  // one serves: this function is synchronous and leaves `marked` all zero, so calls never see each other's sums.
  scratch ??= sharedScratch
  const ids: number[] = []
  for (const { term, weight } of terms) {
    const list = postingsOf(term)
    if (!list) continue
    for (let i = 0, taken = 0; i < list.ids.length && taken < perTerm; i++) {
      const other = list.ids[i]!
      if (other === id) continue
      taken++
      if (other >= scratch.sums.length) grow(scratch, other)
      if (scratch.marked[other] === 0) {
        scratch.marked[other] = 1
        ids.push(other)
        scratch.sums[other] = list.weights[i]! * weight
      } else {
        scratch.sums[other] = scratch.sums[other]! + list.weights[i]! * weight
      }
    }
  }
  if (feedback && feedback.neighbours > 0 && feedback.weight > 0 && ids.length > 0) addFeedback(id, terms, postingsOf, perTerm, scratch, ids, feedback)
  const dots = ids.map((other) => scratch.sums[other]!)
  for (const other of ids) scratch.marked[other] = 0
  return { ids, dots }
}

/** Marks the best neighbours in the scratch: 2 instead of 1. */
const NEIGHBOUR = 2

/**
 * Adds to each candidate's sum `weight × mean neighbour weight of the term × its own weight` over the query terms: the
 * dot product with the re-weighed query, since that is linear in the query weights. The neighbours' weights are read
 * from the same postings (a neighbour past a term's `perTerm` strongest counts as not using it).
 */
function addFeedback(
  id: number, terms: readonly WeightedTerm[], postingsOf: (term: string) => PostingList | undefined, perTerm: number,
  scratch: DotScratch, ids: readonly number[], feedback: Feedback,
): void {
  const near = bestByCosine({ ids, dots: ids.map((other) => scratch.sums[other]!) }, feedback.neighbours)
  for (const [n] of near) scratch.marked[n] = NEIGHBOUR
  const scale = feedback.weight / feedback.neighbours
  for (const { term } of terms) {
    const list = postingsOf(term)
    if (!list) continue
    let used = 0
    let end = 0
    for (let taken = 0; end < list.ids.length && taken < perTerm; end++) {
      const other = list.ids[end]!
      if (other === id) continue
      taken++
      if (scratch.marked[other] === NEIGHBOUR) used += list.weights[end]!
    }
    if (used === 0) continue
    const extra = scale * used
    for (let i = 0; i < end; i++) {
      const other = list.ids[i]!
      if (other !== id) scratch.sums[other] = scratch.sums[other]! + list.weights[i]! * extra
    }
  }
}

function grow(scratch: DotScratch, id: number): void {
  const size = Math.max(id + 1, scratch.sums.length * 2)
  const sums = new Float64Array(size), marked = new Uint8Array(size)
  sums.set(scratch.sums)
  marked.set(scratch.marked)
  scratch.sums = sums
  scratch.marked = marked
}

/** What the final score needs to know of the candidates: published times (absent: not live) and shared tags. */
export interface CandidateFacts {
  readonly publishedAt: number
  readonly timeOf: (id: number) => number | undefined
  /** How many tags the article has. */
  readonly ownTags: number
  /** How many of the article's tags a candidate shares. */
  readonly sharedOf: (id: number) => number
  /** The article's own language and translation group, and a candidate's (absent: unknown, kept). */
  readonly own?: LanguageFacts
  readonly factsOf?: (id: number) => LanguageFacts | undefined
}

/** An article's language and translation group (its own id when it has no translations). */
export interface LanguageFacts {
  readonly language: string
  readonly group: number
}

/** A scored candidate with the language it is written in, for pickLanguages. */
export interface LanguagedCandidate extends ScoredCandidate {
  readonly language?: string
}

/** The cosine candidates scored with shared tags and recency, best first; those below minScore or not live are dropped. */
export function scoreCandidates(top: readonly (readonly [number, number])[], f: CandidateFacts, p: RankParams): LanguagedCandidate[] {
  const scored: LanguagedCandidate[] = []
  for (const [cid, cos] of top) {
    const at = f.timeOf(cid)
    if (at === undefined) continue // not live
    const facts = f.factsOf?.(cid)
    // An article's translations tell the same story in another language: never "related" to it.
    if (f.own && facts?.group === f.own.group) continue
    const tags = f.ownTags > 0 ? f.sharedOf(cid) / f.ownTags : 0
    const decay = Math.pow(0.5, Math.abs(at - f.publishedAt) / p.recencyHalfLifeMs)
    const score = (cos + p.tagWeight * tags) * (1 - p.recencyWeight + p.recencyWeight * decay)
    if (score >= p.minScore) scored.push({ id: cid, score, ...(facts && { language: facts.language }) })
  }
  return scored.sort((a, b) => b.score - a.score || a.id - b.id)
}

/** Below this many candidates in the article's language, candidates in the site's default language fill the list. */
export const MIN_SAME_LANGUAGE = 5

/**
 * Readers follow related links in the language they read: candidates in the article's language, then (when fewer than
 * MIN_SAME_LANGUAGE) those in the site's default language after them; never a third language.
 */
export function pickLanguages(ranked: readonly LanguagedCandidate[], language: string | undefined, fallback: string): ScoredCandidate[] {
  const strip = (c: ScoredCandidate) => ({ id: c.id, score: c.score })
  if (language === undefined) return ranked.map(strip)
  const same = ranked.filter((c) => c.language === language)
  if (same.length >= MIN_SAME_LANGUAGE || fallback === language) return same.map(strip)
  return [...same, ...ranked.filter((c) => c.language === fallback)].map(strip)
}

/**
 * The stored list: live editor pins first in pin order (never one of the article's translations), then the best
 * candidates, minus exclusions, at most `limit`.
 */
export function assembleList(
  id: number, candidates: readonly ScoredCandidate[], overrides: readonly RelatedOverride[], isLive: (id: number) => boolean, limit: number,
  isTranslation: (id: number) => boolean = () => false,
): RelatedEntry[] {
  const pins = overrides.filter((o) => o.kind === 'pin').sort((a, b) => a.position - b.position).map((o) => o.otherId)
  const excluded = new Set(overrides.filter((o) => o.kind === 'exclude').map((o) => o.otherId))
  const scoreOf = new Map(candidates.map((c) => [c.id, c.score]))
  const seen = new Set<number>([id])
  const list: RelatedEntry[] = []
  for (const pin of pins) {
    if (seen.has(pin) || !isLive(pin) || isTranslation(pin) || list.length >= limit) continue
    seen.add(pin)
    list.push({ relatedId: pin, score: scoreOf.get(pin) ?? 0, pinned: true })
  }
  for (const c of candidates) {
    if (list.length >= limit) break
    if (seen.has(c.id) || excluded.has(c.id)) continue
    seen.add(c.id)
    list.push({ relatedId: c.id, score: c.score, pinned: false })
  }
  return list
}

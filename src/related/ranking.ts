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
 * Sums by article id for many articles in a row (the settle pass): a dense array instead of a Map, about ten times
 * faster over the few thousand postings of one article. It grows to the largest id met. The candidates met and the
 * bounded heap that picks the best of them live here too, so that an article's walk allocates nothing in proportion to
 * its postings: a list pass of 100,000 articles allocated half a megabyte an article in arrays of candidates, and the
 * garbage between collections grew the process by 200 MiB (bench/README.md).
 */
export interface DotScratch {
  sums: Float64Array
  marked: Uint8Array
  /** The candidates of the current walk, in the order met: `ids[0]` to `ids[count - 1]`. */
  ids: Int32Array
  /** The bounded heap of keepBest: ids and their sums, the worst kept at the root. */
  heapIds: Int32Array
  heapDots: Float64Array
}

export const newDotScratch = (): DotScratch => ({
  sums: new Float64Array(1024), marked: new Uint8Array(1024), ids: new Int32Array(1024), heapIds: new Int32Array(64), heapDots: new Float64Array(64),
})

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
  // One path for single articles and the settle pass: a dense scratch. Without one from the caller, the process-wide
  // one serves: this function is synchronous and leaves `marked` all zero, so calls never see each other's sums.
  const s = scratch ?? sharedScratch
  const count = walk(id, query, postingsOf, perTerm, s, feedback)
  const ids: number[] = [], dots: number[] = []
  for (let i = 0; i < count; i++) {
    ids.push(s.ids[i]!)
    dots.push(s.sums[s.ids[i]!]!)
  }
  clearMarks(s, count)
  return { ids, dots }
}

/**
 * The `k` best candidates by cosine (ties: lower id first), best first, as [id, cosine]: the same as sorting what
 * `cosines` returns and keeping the first `k`, without building it (the sums stay in the scratch and a bounded heap
 * picks the best).
 */
export function bestCosines(
  id: number, query: readonly WeightedTerm[], postingsOf: (term: string) => PostingList | undefined, perTerm: number, k: number,
  scratch?: DotScratch, feedback?: Feedback,
): [number, number][] {
  const s = scratch ?? sharedScratch
  const count = walk(id, query, postingsOf, perTerm, s, feedback)
  const kept = keepBest(s, count, k)
  const top: [number, number][] = []
  for (let i = 0; i < kept; i++) top.push([s.heapIds[i]!, s.heapDots[i]!])
  clearMarks(s, count)
  return top.sort((a, b) => b[1] - a[1] || a[0] - b[0])
}

/**
 * Sums each candidate's dot product into the scratch (with feedback, that of the re-weighed query) and lists the
 * candidates in `scratch.ids`; returns how many. The caller clears their marks (clearMarks) once it has read them.
 */
function walk(
  id: number, query: readonly WeightedTerm[], postingsOf: (term: string) => PostingList | undefined, perTerm: number, scratch: DotScratch,
  feedback?: Feedback,
): number {
  // Terms in one fixed order (by name), so a candidate's sum is the same floating-point number whichever order the
  // vector was read in (weights stored as float4 on PostgreSQL can tie where the computed doubles did not).
  const terms = [...query].sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
  let count = 0
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
        if (count === scratch.ids.length) {
          const ids = new Int32Array(count * 2)
          ids.set(scratch.ids)
          scratch.ids = ids
        }
        scratch.ids[count++] = other
        scratch.sums[other] = list.weights[i]! * weight
      } else {
        scratch.sums[other] = scratch.sums[other]! + list.weights[i]! * weight
      }
    }
  }
  if (feedback && feedback.neighbours > 0 && feedback.weight > 0 && count > 0) addFeedback(id, terms, postingsOf, perTerm, scratch, count, feedback)
  return count
}

function clearMarks(scratch: DotScratch, count: number): void {
  for (let i = 0; i < count; i++) scratch.marked[scratch.ids[i]!] = 0
}

/**
 * Keeps the `k` best of the `count` candidates in `scratch.ids` by their sums (higher first, then the lower id) in
 * `scratch.heapIds` and `heapDots`, in heap order; returns how many (at most `k`).
 */
function keepBest(scratch: DotScratch, count: number, k: number): number {
  if (k <= 0) return 0
  if (scratch.heapIds.length < k) {
    scratch.heapIds = new Int32Array(k)
    scratch.heapDots = new Float64Array(k)
  }
  const ids = scratch.heapIds, dots = scratch.heapDots, sums = scratch.sums
  let size = 0
  for (let n = 0; n < count; n++) {
    const id = scratch.ids[n]!, d = sums[id]!
    if (size < k) {
      // Up while the parent ranks before it: the root is the worst kept.
      let i = size++
      while (i > 0) {
        const parent = (i - 1) >> 1
        if (!before(dots[parent]!, ids[parent]!, d, id)) break
        ids[i] = ids[parent]!
        dots[i] = dots[parent]!
        i = parent
      }
      ids[i] = id
      dots[i] = d
    } else if (before(d, id, dots[0]!, ids[0]!)) {
      // It replaces the worst kept, and goes down past every child that ranks after it.
      let i = 0
      for (;;) {
        const l = 2 * i + 1, r = l + 1
        let m = -1, mDot = d, mId = id
        if (l < size && before(mDot, mId, dots[l]!, ids[l]!)) {
          m = l
          mDot = dots[l]!
          mId = ids[l]!
        }
        if (r < size && before(mDot, mId, dots[r]!, ids[r]!)) {
          m = r
          mDot = dots[r]!
          mId = ids[r]!
        }
        if (m < 0) break
        ids[i] = mId
        dots[i] = mDot
        i = m
      }
      ids[i] = id
      dots[i] = d
    }
  }
  return size
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
  scratch: DotScratch, count: number, feedback: Feedback,
): void {
  const near = keepBest(scratch, count, feedback.neighbours)
  for (let i = 0; i < near; i++) scratch.marked[scratch.heapIds[i]!] = NEIGHBOUR
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
    if (score >= p.minScore) scored.push(facts ? { id: cid, score, language: facts.language } : { id: cid, score })
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

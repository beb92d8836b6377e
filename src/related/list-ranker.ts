// Ranking and listing articles from a list pass's data already read: the collection and the postings of their terms.
// Pure, so the importing thread and a second one (list-thread.ts) compute the same lists from the same data.

import type { RelatedOverride, RelatedEntry } from '../store/related.ts'
import type { TopPostings } from '../store/related-postings.ts'
import type { RelatedParams } from './engine.ts'
import { factsOf, isLive, tagsOf, timeOf, type Collection } from './collection.ts'
import { assembleList, bestCosines, newDotScratch, pickLanguages, scoreCandidates, type ScoredCandidate } from './ranking.ts'
import type { WeightedTerm } from './terms.ts'

/** A slice's lists as a list pass computes them, with the ids of each live article's best candidates. */
export interface SliceLists {
  readonly lists: { readonly articleId: number; readonly entries: RelatedEntry[] }[]
  /** The first `keepCandidates` candidates of each live article, best first. */
  readonly candidates: [number, number[]][]
}

const NO_TAGS = new Int32Array(0)

/**
 * Ranks and lists articles from the collection and postings already read: pure, so either thread runs it on the same
 * data with the same result (ranking.ts does the arithmetic).
 */
export function createRanker(collection: Collection, fallback: string, p: RelatedParams) {
  const scratch = newDotScratch()
  const live = (id: number) => isLive(collection, id)

  /** An article's candidates, best first, as rankCandidates (engine.ts) finds them. */
  function candidates(id: number, vector: readonly WeightedTerm[], postingsOf: (term: string) => TopPostings | undefined): ScoredCandidate[] {
    const publishedAt = timeOf(collection, id)
    if (vector.length === 0 || publishedAt === undefined) return []
    const top = bestCosines(id, vector.slice(0, p.queryTerms), postingsOf, p.perTerm, p.rerank, scratch, p.feedback)
    const own = p.tagWeight > 0 ? tagsOf(collection, id) : NO_TAGS
    const sharedOf = (cid: number) => {
      let n = 0
      for (const tag of tagsOf(collection, cid)) if (own.includes(tag)) n++
      return n
    }
    const mine = factsOf(collection, id)
    const scored = scoreCandidates(top, {
      publishedAt, timeOf: (cid) => timeOf(collection, cid), ownTags: own.length, sharedOf, ...(mine && { own: mine }),
      factsOf: (cid) => factsOf(collection, cid),
    }, p)
    return pickLanguages(scored, mine?.language, fallback)
  }

  return {
    candidates,
    /**
     * The lists of a slice's live articles, editor pins and exclusions applied as computeList (engine.ts) applies them,
     * and each one's first `keepCandidates` candidates. Articles no longer live get none.
     */
    lists(
      slice: readonly number[], vectors: ReadonlyMap<number, readonly WeightedTerm[]>, postingsOf: (term: string) => TopPostings | undefined,
      overrides: ReadonlyMap<number, readonly RelatedOverride[]>, keepCandidates: number,
    ): SliceLists {
      const out: SliceLists = { lists: [], candidates: [] }
      for (const id of slice) {
        if (!live(id)) continue
        const found = candidates(id, vectors.get(id) ?? [], postingsOf)
        if (keepCandidates > 0) out.candidates.push([id, found.slice(0, keepCandidates).map((c) => c.id)])
        const ownGroup = collection.groups[id]
        const isTranslation = (pin: number) => live(pin) && collection.groups[pin] === ownGroup
        out.lists.push({ articleId: id, entries: assembleList(id, found, overrides.get(id) ?? [], live, p.limit, isTranslation) })
      }
      return out
    },
  }
}

export type Ranker = ReturnType<typeof createRanker>

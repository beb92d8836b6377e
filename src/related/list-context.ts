// The list pass's view of the whole collection, read once: times, tags, languages and the strongest postings of each term.

import type { Store } from '../store/store.ts'
import { DEFAULT_SETTINGS } from '../domain/site.ts'
import type { RelatedCandidate, RelatedEntry } from '../store/related.ts'
import type { TopPostings } from '../store/related-postings.ts'
import type { RelatedParams } from './engine.ts'
import { assembleList, bestCosines, newDotScratch, pickLanguages, scoreCandidates, type ScoredCandidate } from './ranking.ts'
import type { WeightedTerm } from './terms.ts'

/** How many postings the list pass keeps in memory at most (about 12 bytes each, plus each term's two arrays). */
const POSTINGS_KEPT = 1_000_000

/**
 * Everything a list pass (the settle pass, a rebuild) reads of the collection, kept for the whole pass: published times, languages, translation
 * groups and tags of every live article, the site's language, and the strongest postings of each term met so far. Reading them once replaces the few thousand posting
 * rows one article's list costs the single-article statement; the lists come out the same, since both go through
 * ranking.ts on the same rows.
 */
export function createListContext(store: Store, p: RelatedParams) {
  let times: Map<number, number> | null = null
  let tags: Map<number, number[]> | null = null
  let facts: Map<number, RelatedCandidate> | null = null
  let fallback = DEFAULT_SETTINGS.language
  // Read once even when several batches load at once (a rebuild's workers on PostgreSQL).
  let collection: Promise<void> | null = null
  const readCollection = async () => {
    times = await store.relatedPending.liveTimes()
    tags = await store.relatedPending.liveTags()
    facts = await store.related.candidates([...times.keys()])
    fallback = (await store.related.siteLanguage()) ?? DEFAULT_SETTINGS.language
  }
  const postings = new Map<string, TopPostings>()
  let held = 0
  const scratch = newDotScratch()
  return {
    /**
     * Reads what the lists of `vectors` need and returns their terms' postings: the batch keeps its own, so another
     * batch loading at the same time (a rebuild's workers) may drop the shared ones without taking them from it.
     */
    async load(vectors: Iterable<readonly WeightedTerm[]>): Promise<ReadonlyMap<string, TopPostings>> {
      await (collection ??= readCollection())
      // Bounded: past POSTINGS_KEPT postings the lists are dropped and read again as batches need them (the common
      // terms come back at once; a term used by one article is not kept for the rest of a pass of 100,000).
      if (held > POSTINGS_KEPT) {
        postings.clear()
        held = 0
      }
      const mine = new Map<string, TopPostings>()
      const missing = new Set<string>()
      for (const v of vectors) {
        for (const t of v.slice(0, p.queryTerms)) {
          const list = postings.get(t.term)
          if (list) mine.set(t.term, list)
          else missing.add(t.term)
        }
      }
      // One posting more than a list uses: the article itself may be among the strongest, and is skipped.
      for (const [term, list] of await store.related.postingLists([...missing], p.perTerm + 1)) {
        postings.set(term, list)
        mine.set(term, list)
        held += list.ids.length
      }
      return mine
    },
    isLive: (id: number) => times!.has(id),
    /** An article's candidates, best first, as rankCandidates (engine.ts) finds them, from the postings `load` returned. */
    candidates(id: number, vector: readonly WeightedTerm[], loaded: ReadonlyMap<string, TopPostings>): ScoredCandidate[] {
      const publishedAt = times!.get(id)
      if (vector.length === 0 || publishedAt === undefined) return []
      const top = bestCosines(id, vector.slice(0, p.queryTerms), (term) => loaded.get(term), p.perTerm, p.rerank, scratch, p.feedback)
      const own = new Set(p.tagWeight > 0 ? tags!.get(id) ?? [] : [])
      const sharedOf = (cid: number) => (tags!.get(cid) ?? []).reduce((n, tag) => n + (own.has(tag) ? 1 : 0), 0)
      const mine = facts!.get(id)
      const scored = scoreCandidates(top, { publishedAt, timeOf: (cid) => times!.get(cid), ownTags: own.size, sharedOf, ...(mine && { own: mine }), factsOf: (cid) => facts!.get(cid) }, p)
      return pickLanguages(scored, mine?.language, fallback)
    },
    /** Whether `other` is one of `id`'s translations (editor pins of one are not shown). */
    isTranslation: (id: number, other: number) => facts!.get(other)?.group === facts!.get(id)?.group,
  }
}

export type ListContext = ReturnType<typeof createListContext>

/** A batch's lists as a list pass computes them, with the ids of each live article's best candidates (the settle pass names neighbours from them). */
export interface BatchLists {
  readonly lists: { readonly articleId: number; readonly entries: RelatedEntry[] }[]
  /** The first `keepCandidates` candidates of each live article, best first. */
  readonly candidates: Map<number, number[]>
}

/**
 * Articles whose vectors, postings and candidates are held at once. A batch of 250 read whole kept some 20 MB of
 * rows and candidates alive across several young-generation collections, so it went to the old space and the process
 * grew by the garbage between its collections; in slices of 50 it dies young.
 */
const SLICE = 50

/**
 * Computes the lists of `ids` from the context, outside any transaction (the caller writes them in a short one):
 * editor pins and exclusions applied as computeList (engine.ts) applies them. Articles no longer live get none.
 */
export async function batchLists(store: Store, ctx: ListContext, ids: readonly number[], p: RelatedParams, keepCandidates = 0): Promise<BatchLists> {
  const lists: { articleId: number; entries: RelatedEntry[] }[] = []
  const candidates = new Map<number, number[]>()
  for (let start = 0; start < ids.length; start += SLICE) {
    const slice = ids.slice(start, start + SLICE)
    const vectors = await store.related.termsOf(slice)
    const loaded = await ctx.load(vectors.values())
    const overrides = await store.relatedPending.overridesOf(slice)
    for (const id of slice) {
      if (!ctx.isLive(id)) continue
      const found = ctx.candidates(id, vectors.get(id) ?? [], loaded)
      if (keepCandidates > 0) candidates.set(id, found.slice(0, keepCandidates).map((c) => c.id))
      lists.push({ articleId: id, entries: assembleList(id, found, overrides.get(id) ?? [], ctx.isLive, p.limit, (pin) => ctx.isTranslation(id, pin)) })
    }
  }
  return { lists, candidates }
}

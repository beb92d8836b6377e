// The list pass's view of the whole collection, read once: times, tags, languages and the strongest postings of each
// term; and the lists computed from it, on this thread or shared with a second one (list-helper.ts).

import type { Store } from '../store/store.ts'
import { DEFAULT_SETTINGS } from '../domain/site.ts'
import type { RelatedEntry } from '../store/related.ts'
import type { TopPostings } from '../store/related-postings.ts'
import type { RelatedParams } from './engine.ts'
import { readCollection } from './collection.ts'
import { createListHelper, POSTINGS_KEPT, QUEUED, type ListHelper } from './list-helper.ts'
import { createRanker, type Ranker, type SliceLists } from './list-ranker.ts'
import type { WeightedTerm } from './terms.ts'
import { yieldToRequests } from './turn.ts'


export interface ListContextOptions {
  /**
   * Shares the computing of lists with a second thread (list-helper.ts), started once the collection is read and
   * ended by close(). Worth it for a pass over thousands of articles, where ranking is most of the work.
   */
  readonly thread?: boolean
}

/**
 * Everything a list pass (the settle pass, a rebuild) reads of the collection, kept for the whole pass: published times, languages, translation
 * groups and tags of every live article, the site's language, and the strongest postings of each term met so far. Reading them once replaces the few thousand posting
 * rows one article's list costs the single-article statement; the lists come out the same, since both go through
 * ranking.ts on the same rows.
 */
export function createListContext(store: Store, p: RelatedParams, o: ListContextOptions = {}) {
  let ranker: Ranker | null = null
  let helper: ListHelper | null = null
  // Read once even when several batches load at once (a rebuild's workers on PostgreSQL).
  let collection: Promise<void> | null = null
  const readAll = async () => {
    const read = await readCollection(store)
    const fallback = (await store.related.siteLanguage()) ?? DEFAULT_SETTINGS.language
    ranker = createRanker(read, fallback, p)
    if (o.thread) helper = createListHelper(read, fallback, p)
  }
  const postings = new Map<string, TopPostings>()
  let held = 0
  return {
    /**
     * Reads what the lists of `vectors` need and returns their terms' postings: the batch keeps its own, so another
     * batch loading at the same time (a rebuild's workers) may drop the shared ones without taking them from it.
     */
    async load(vectors: Iterable<readonly WeightedTerm[]>): Promise<ReadonlyMap<string, TopPostings>> {
      await (collection ??= readAll())
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
    /** The ranker over the collection; only after a load. */
    ranker: (): Ranker => ranker!,
    /** The second thread that takes slices when it is free, if the context has one; only after a load. */
    helper: (): ListHelper | null => helper,
    /** Ends the second thread, if any. */
    async close(): Promise<void> {
      await helper?.close()
    },
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
 * editor pins and exclusions applied as computeList (engine.ts) applies them. Articles no longer live get none. With
 * a second thread, each slice read while it can take one is handed to it, and the others are computed here; the lists
 * come back in the order of `ids` either way.
 */
export async function batchLists(store: Store, ctx: ListContext, ids: readonly number[], p: RelatedParams, keepCandidates = 0): Promise<BatchLists> {
  const parts: SliceLists[] = []
  const handed: Promise<void>[] = []
  try {
    for (let start = 0; start < ids.length; start += SLICE) {
      const slice = ids.slice(start, start + SLICE)
      const vectors = await store.related.termsOf(slice)
      const loaded = await ctx.load(vectors.values())
      const overrides = await store.relatedPending.overridesOf(slice)
      const listsOf = (some: readonly number[]) => ctx.ranker().lists(some, vectors, (term) => loaded.get(term), overrides, keepCandidates)
      const helper = ctx.helper()
      // The batch waits for every slice it handed: its last one goes to the thread only if the thread has none left, so
      // neither thread waits long for the other at the end.
      const queued = helper?.queued()
      if (helper && queued !== undefined && queued < (start + SLICE >= ids.length ? 1 : QUEUED)) {
        const at = parts.length
        parts.push({ lists: [], candidates: [] })
        handed.push(helper.lists(slice, vectors, loaded, overrides, keepCandidates, () => listsOf(slice)).then((r) => { parts[at] = r }))
      } else {
        parts.push(listsOf(slice))
      }
      // The thread's answers come in when the loop turns.
      if (helper) await yieldToRequests()
    }
    await Promise.all(handed)
  } finally {
    // A batch that failed leaves no answer of the thread unawaited.
    await Promise.allSettled(handed)
  }
  const lists: BatchLists['lists'][number][] = []
  const candidates = new Map<number, number[]>()
  for (const s of parts) {
    lists.push(...s.lists)
    for (const [id, best] of s.candidates) candidates.set(id, best)
  }
  return { lists, candidates }
}

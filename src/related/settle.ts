// Finishing the related articles a bulk write left (related_pending): count, weigh, then list, each in short batches.

import type { Store } from '../store/store.ts'
import { DEFAULT_SETTINGS } from '../domain/site.ts'
import type { RelatedCandidate, RelatedEntry, RelatedSource } from '../store/related.ts'
import type { TopPostings } from '../store/related-pending.ts'
import { countTerms, DEFAULT_PARAMS, type RelatedParams } from './engine.ts'
import { assembleList, bestByCosine, cosines, newDotScratch, pickLanguages, scoreCandidates, type ScoredCandidate } from './ranking.ts'
import { DEFAULT_REFRESH, yieldToRequests } from './refresh.ts'
import { weighTerms, type WeightedTerm } from './terms.ts'

/** The stages of related_pending (0013), in the order the work is done. */
export const STAGE = { count: 0, weigh: 1, list: 2, neighbour: 3 } as const

export interface SettleOptions {
  /** Articles per transaction (default 250): each transaction stays short so page reads are not held up. */
  readonly batch?: number
  /** How many of a bulk-published article's best candidates already on the site get their lists recomputed (default 16). */
  readonly fanout?: number
  /** Called after each batch with the stage it belonged to and the articles done in that stage so far. */
  readonly onProgress?: (stage: keyof typeof STAGE, done: number) => void
}

export interface SettleReport {
  readonly counted: number
  readonly weighed: number
  readonly listed: number
  /** Articles already on the site whose lists were recomputed because bulk-published ones may now belong in them. */
  readonly neighbours: number
}

/** Runs `fn` over the ids waiting at `stage`, a batch at a time in id order, yielding to requests between batches. */
async function eachBatch(store: Store, stage: number, batch: number, fn: (ids: number[]) => Promise<number>, progress?: (done: number) => void): Promise<number> {
  let done = 0
  for (let after = 0; ;) {
    const ids = await store.relatedPending.waiting(stage, after, batch)
    if (ids.length === 0) return done
    after = ids.at(-1)!
    done += await fn(ids)
    progress?.(done)
    await yieldToRequests()
  }
}

/** How many postings the list pass keeps in memory at most (about 12 bytes each, plus each term's two arrays). */
const POSTINGS_KEPT = 1_000_000

/**
 * Everything the list pass reads of the collection, kept for the whole pass: published times, languages, translation
 * groups and tags of every live article, the site's language, and the strongest postings of each term met so far. Reading them once replaces the few thousand posting
 * rows one article's list costs the single-article statement; the lists come out the same, since both go through
 * ranking.ts on the same rows.
 */
function createListContext(store: Store, p: RelatedParams) {
  let times: Map<number, number> | null = null
  let tags: Map<number, number[]> | null = null
  let facts: Map<number, RelatedCandidate> | null = null
  let fallback = DEFAULT_SETTINGS.language
  const postings = new Map<string, TopPostings>()
  let held = 0
  const scratch = newDotScratch()
  return {
    async load(vectors: Iterable<readonly WeightedTerm[]>): Promise<void> {
      times ??= await store.relatedPending.liveTimes()
      tags ??= await store.relatedPending.liveTags()
      if (facts === null) {
        facts = await store.related.candidates([...times.keys()])
        fallback = (await store.related.siteLanguage()) ?? DEFAULT_SETTINGS.language
      }
      // Bounded: past POSTINGS_KEPT postings the lists are dropped and read again as batches need them (the common
      // terms come back at once; a term used by one article is not kept for the rest of a pass of 100,000).
      if (held > POSTINGS_KEPT) {
        postings.clear()
        held = 0
      }
      const missing = new Set<string>()
      for (const v of vectors) for (const t of v.slice(0, p.queryTerms)) if (!postings.has(t.term)) missing.add(t.term)
      // One posting more than a list uses: the article itself may be among the strongest, and is skipped.
      for (const [term, list] of await store.relatedPending.topPostings([...missing], p.perTerm + 1)) {
        postings.set(term, list)
        held += list.ids.length
      }
    },
    isLive: (id: number) => times!.has(id),
    /** An article's candidates, best first, as rankCandidates (engine.ts) finds them. */
    candidates(id: number, vector: readonly WeightedTerm[]): ScoredCandidate[] {
      const publishedAt = times!.get(id)
      if (vector.length === 0 || publishedAt === undefined) return []
      const top = bestByCosine(cosines(id, vector.slice(0, p.queryTerms), (term) => postings.get(term), p.perTerm, scratch), p.rerank)
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

/**
 * Does the related-articles work bulk writes left, in three passes over related_pending, each batch one transaction
 * that moves its articles to the next stage with the work: counts their terms in the document frequencies (summed over
 * the batch), weighs their kept terms once every frequency is final, then computes their lists and those of their
 * best candidates already on the site. A pass interrupted at any point is taken up by the next call where it stopped,
 * and the result is what rebuildRelated would give those articles. Publishing at the same time is safe.
 */
export async function settlePending(store: Store, now: number, p: RelatedParams = DEFAULT_PARAMS, o: SettleOptions = {}): Promise<SettleReport> {
  const batch = o.batch ?? 250
  const fanout = o.fanout ?? DEFAULT_REFRESH.fanout
  const counted = await eachBatch(store, STAGE.count, batch, async (ids) => {
    const read = await countBatch(store.related, ids, p)
    return store.transaction(async (tx) => {
      // Only the articles this call moved are its own to count: another pass may have taken the rest.
      const mine = await tx.relatedPending.advance(ids, STAGE.count, STAGE.weigh)
      const now = await countBatch(tx.related, mine, p, read)
      const deltas = new Map<string, number>()
      for (const { tf } of now.values()) for (const term of tf.keys()) deltas.set(term, (deltas.get(term) ?? 0) + 1)
      await tx.related.addFrequencies(deltas, now.size)
      await dropGone(tx.relatedPending, mine, [...now.keys()])
      return now.size
    })
  }, (done) => o.onProgress?.('count', done))

  const weighed = await eachBatch(store, STAGE.weigh, batch, async (ids) => {
    const read = await countBatch(store.related, ids, p)
    return store.transaction(async (tx) => {
      const mine = await tx.relatedPending.advance(ids, STAGE.weigh, STAGE.list)
      const now = await countBatch(tx.related, mine, p, read)
      const df = await tx.related.frequencies([...new Set([...now.values()].flatMap((c) => [...c.tf.keys()]))])
      const documents = await tx.related.documentCount()
      await tx.related.replaceTerms([...now].map(([id, c]) => ({ articleId: id, terms: weighTerms(c.tf, df, documents, p) })))
      return mine.length
    })
  }, (done) => o.onProgress?.('weigh', done))

  // Articles already on the site are recomputed as neighbours only if they were not waiting themselves.
  const waiting = new Set<number>()
  for (let after = 0; ;) {
    const ids = await store.relatedPending.waiting(STAGE.list, after, 10_000)
    if (ids.length === 0) break
    ids.forEach((id) => waiting.add(id))
    after = ids.at(-1)!
  }
  const ctx = createListContext(store, p)
  const listPass = (stage: number) => async (ids: number[]): Promise<number> => {
    const vectors = await store.related.termsOf(ids)
    await ctx.load(vectors.values())
    const overrides = await store.relatedPending.overridesOf(ids)
    const lists: { articleId: number; entries: RelatedEntry[] }[] = []
    const found = new Set<number>()
    for (const id of ids) {
      // Unpublished since it was marked: it has no list, and its marker simply goes.
      if (!ctx.isLive(id)) continue
      const candidates = ctx.candidates(id, vectors.get(id) ?? [])
      lists.push({ articleId: id, entries: assembleList(id, candidates, overrides.get(id) ?? [], ctx.isLive, p.limit, (pin) => ctx.isTranslation(id, pin)) })
      if (stage === STAGE.list) for (const c of candidates.slice(0, fanout)) if (!waiting.has(c.id)) found.add(c.id)
    }
    return store.transaction(async (tx) => {
      const mine = new Set(await tx.relatedPending.advance(ids, stage, null))
      await tx.relatedPending.writeLists(lists.filter((l) => mine.has(l.articleId)), now)
      // Named in the transaction that finishes the article, so an interruption never loses a neighbour.
      await tx.relatedPending.mark([...found], STAGE.neighbour, now)
      return mine.size
    })
  }
  const listed = await eachBatch(store, STAGE.list, batch, listPass(STAGE.list), (done) => o.onProgress?.('list', done))
  const neighbours = await eachBatch(store, STAGE.neighbour, batch, listPass(STAGE.neighbour), (done) => o.onProgress?.('neighbour', done))
  return { counted, weighed, listed, neighbours }
}

/** An article's live text as read (the strings themselves, not a copy), and its term frequencies. */
interface Counted {
  readonly source: RelatedSource
  readonly tf: Map<string, number>
}

const sameText = (a: RelatedSource, b: RelatedSource): boolean => a.title === b.title && a.standfirst === b.standfirst &&
  a.bodyHtml === b.bodyHtml && a.tags.length === b.tags.length && a.tags.every((t, i) => t === b.tags[i])

/**
 * The term frequencies of the live articles among `ids`. Counting is most of a batch's work, so it is done before the
 * transaction opens; inside it the texts are read again and only one that changed in between (another import
 * republished it) is counted again: the transaction stays a few milliseconds of SQL.
 */
async function countBatch(related: Store['related'], ids: readonly number[], p: RelatedParams, before?: ReadonlyMap<number, Counted>): Promise<Map<number, Counted>> {
  const out = new Map<number, Counted>()
  for (const source of await related.sources(ids)) {
    const known = before?.get(source.id)
    out.set(source.id, known && sameText(known.source, source) ? known : { source, tf: await countTerms(source, p) })
  }
  return out
}

/** Forgets the articles of `mine` that are no longer live (unpublished since): there is nothing to count for them. */
async function dropGone(pending: Store['relatedPending'], mine: readonly number[], live: readonly number[]): Promise<void> {
  const isLive = new Set(live)
  const gone = mine.filter((id) => !isLive.has(id))
  if (gone.length) await pending.clear(gone)
}

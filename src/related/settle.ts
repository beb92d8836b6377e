// Finishing the related articles a bulk write left (related_pending): count, weigh, then list, each in short batches.

import type { Store } from '../store/store.ts'
import type { RelatedSource } from '../store/related.ts'
import { DEFAULT_PARAMS, type RelatedParams } from './engine.ts'
import { batchLists, createListContext } from './list-context.ts'
import { DEFAULT_REFRESH, recordVersionIfNew } from './refresh.ts'
import { yieldToRequests } from './turn.ts'
import { weighTerms } from './terms.ts'
import { STAGE } from './stages.ts'
import { createTermCounter, hereCounter, type TermCounter } from './term-counter.ts'
import { systemClock, type Clock } from '../domain/clock.ts'

export { STAGE }

/**
 * The weigh stage takes the term index down (store/related-term-index.ts) when it has at least this many articles to
 * weigh and they are at least an eighth of the articles counted: building the index again then costs less than the
 * rows' inserts into it (at 100,000 articles, 3.6 s against some 150).
 */
const TERM_INDEX_DOWN_MIN = 2_000
const TERM_INDEX_DOWN_SHARE = 8

/**
 * The fewest articles a pass shares with a second thread by default: starting one costs some 50 ms, and an import of
 * a few hundred articles settles in a second or two without it.
 */
const THREADS_FROM = 1_000

export interface SettleOptions {
  /** Articles per transaction (default 250): each transaction stays short so page reads are not held up. */
  readonly batch?: number
  /** How many of a bulk-published article's best candidates already on the site get their lists recomputed (default 16). */
  readonly fanout?: number
  /** Called after each batch with the stage it belonged to and the articles done in that stage so far. */
  readonly onProgress?: (stage: keyof typeof STAGE, done: number) => void
  /** The fewest articles to weigh for which the pass takes the term index down (default TERM_INDEX_DOWN_MIN). */
  readonly termIndexDownFrom?: number
  /** Tells the time of the pass's signs of life while it has the term index down (default: the system clock). */
  readonly clock?: Clock
  /**
   * Whether the pass shares its work with a second thread: the analysis of the count and weigh stages
   * (term-counter.ts) and the ranking of the list stage (list-helper.ts). Default: when it has at least THREADS_FROM
   * articles to settle.
   */
  readonly threads?: boolean
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
    // Each stage writes in bulk what it and the next one read by index (frequencies, kept terms): on statistics from
    // when the table was empty those reads are planned as scans of it all (planner-statistics.ts).
    await store.statistics.refreshStale()
    await yieldToRequests()
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
  // On a new site the terms written below are the current version's: say so first, or the refresh job would take them
  // for a site from before versions and rebuild everything this pass settles.
  await recordVersionIfNew(store)
  const threads = o.threads ?? await store.relatedPending.count() >= THREADS_FROM
  // The counting thread ends before the list stage, whose own thread holds more.
  const counter = threads ? createTermCounter() : hereCounter
  let counted: number, weighed: number
  try {
    counted = await countStage(store, p, batch, counter, o)
    weighed = await weighStage(store, p, batch, counter, o)
  } finally {
    await counter.close()
  }
  // Articles already on the site are recomputed as neighbours only if they were not waiting themselves.
  const waiting = new Set<number>()
  for (let after = 0; ;) {
    const ids = await store.relatedPending.waiting(STAGE.list, after, 10_000)
    if (ids.length === 0) break
    ids.forEach((id) => waiting.add(id))
    after = ids.at(-1)!
  }
  const ctx = createListContext(store, p, { thread: threads })
  const listPass = (stage: number) => async (ids: number[]): Promise<number> => {
    // Articles unpublished since they were marked have no list, and their markers simply go.
    const { lists, candidates } = await batchLists(store, ctx, ids, p, stage === STAGE.list ? fanout : 0)
    const found = new Set<number>()
    for (const best of candidates.values()) for (const c of best) if (!waiting.has(c)) found.add(c)
    return store.transaction(async (tx) => {
      const mine = new Set(await tx.relatedPending.advance(ids, stage, null))
      await tx.relatedPending.writeLists(lists.filter((l) => mine.has(l.articleId)), now)
      // Named in the transaction that finishes the article, so an interruption never loses a neighbour.
      await tx.relatedPending.mark([...found], STAGE.neighbour, now)
      return mine.size
    })
  }
  try {
    const listed = await eachBatch(store, STAGE.list, batch, listPass(STAGE.list), (done) => o.onProgress?.('list', done))
    const neighbours = await eachBatch(store, STAGE.neighbour, batch, listPass(STAGE.neighbour), (done) => o.onProgress?.('neighbour', done))
    return { counted, weighed, listed, neighbours }
  } finally {
    await ctx.close()
  }
}

/** Counts the waiting articles' terms into the document frequencies, summed over each batch. */
function countStage(store: Store, p: RelatedParams, batch: number, counter: TermCounter, o: SettleOptions): Promise<number> {
  return eachBatch(store, STAGE.count, batch, async (ids) => {
    const read = await countBatch(store.related, ids, p, counter)
    return store.transaction(async (tx) => {
      // Only the articles this call moved are its own to count: another pass may have taken the rest.
      const mine = await tx.relatedPending.advance(ids, STAGE.count, STAGE.weigh)
      const now = await countBatch(tx.related, mine, p, hereCounter, read)
      const deltas = new Map<string, number>()
      for (const { tf } of now.values()) for (const term of tf.keys()) deltas.set(term, (deltas.get(term) ?? 0) + 1)
      await tx.related.addFrequencies(deltas, now.size)
      await dropGone(tx.relatedPending, mine, [...now.keys()])
      return now.size
    })
  }, (done) => o.onProgress?.('count', done))
}

/**
 * Weighs the counted articles' kept terms once every frequency is final. A pass with many to weigh takes the term
 * index down first and builds it again at the end, before anything lists; the index comes back even when a batch fails,
 * and a pass that dies with it down is noticed by the refresh job (refresh.ts), which builds it again.
 */
async function weighStage(store: Store, p: RelatedParams, batch: number, counter: TermCounter, o: SettleOptions): Promise<number> {
  const clock = o.clock ?? systemClock
  const toWeigh = await store.relatedPending.count(STAGE.list)
  const down = toWeigh >= (o.termIndexDownFrom ?? TERM_INDEX_DOWN_MIN) && toWeigh * TERM_INDEX_DOWN_SHARE >= await store.related.documentCount()
  if (down) await store.related.takeTermIndexDown(clock.now())
  let weighed: number
  try {
    weighed = await eachBatch(store, STAGE.weigh, batch, async (ids) => {
      const read = await countBatch(store.related, ids, p, counter)
      return store.transaction(async (tx) => {
        const mine = await tx.relatedPending.advance(ids, STAGE.weigh, STAGE.list)
        const now = await countBatch(tx.related, mine, p, hereCounter, read)
        const df = await tx.related.frequencies([...new Set([...now.values()].flatMap((c) => [...c.tf.keys()]))])
        const documents = await tx.related.documentCount()
        await tx.related.replaceTerms([...now].map(([id, c]) => ({ articleId: id, terms: weighTerms(c.tf, df, documents, p) })))
        if (down) await tx.related.termIndexStillDown(clock.now())
        return mine.length
      })
    }, (done) => o.onProgress?.('weigh', done))
  } catch (err) {
    // The batch's fault is the one to report; a database that cannot build the index now leaves that to the next
    // pass or to the refresh job, which notice it down.
    await store.related.bringTermIndexUp().catch(() => undefined)
    throw err
  }
  // Also when another pass took it down and died: the lists below read postings by term.
  await store.related.bringTermIndexUp()
  return weighed
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
 * transaction opens, by `counter` (on two threads); inside it the texts are read again and only one that changed in
 * between (another import republished it) is counted again, on this thread: the transaction stays a few milliseconds
 * of SQL.
 */
async function countBatch(
  related: Store['related'], ids: readonly number[], p: RelatedParams, counter: TermCounter, before?: ReadonlyMap<number, Counted>,
): Promise<Map<number, Counted>> {
  const sources = await related.sources(ids)
  const known = (s: RelatedSource) => {
    const k = before?.get(s.id)
    return k && sameText(k.source, s) ? k : undefined
  }
  const fresh = sources.filter((s) => !known(s))
  const counts = await counter.count(fresh, p)
  const counted = new Map(fresh.map((s, i) => [s.id, counts[i]!]))
  return new Map(sources.map((s) => [s.id, known(s) ?? { source: s, tf: counted.get(s.id)! }]))
}

/** Forgets the articles of `mine` that are no longer live (unpublished since): there is nothing to count for them. */
async function dropGone(pending: Store['relatedPending'], mine: readonly number[], live: readonly number[]): Promise<void> {
  const isLive = new Set(live)
  const gone = mine.filter((id) => !isLive.has(id))
  if (gone.length) await pending.clear(gone)
}

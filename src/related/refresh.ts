// Background upkeep of related lists: older articles gain newer relatives, and term weights follow the collection.

import type { Store } from '../store/store.ts'
import { computeList, DEFAULT_PARAMS, rankCandidates, reweigh, type RelatedParams } from './engine.ts'
import { countTerms } from './count.ts'
import { yieldToRequests } from './turn.ts'
import { ANALYSIS_VERSION } from '../text/analyze.ts'
import { batchLists, createListContext } from './list-context.ts'
import { createTermCounts } from './term-counts.ts'
import { WEIGHING_VERSION, weighTerms } from './terms.ts'

const CURSOR_AT = 'refresh_published_at'
const CURSOR_ID = 'refresh_article_id'
const REWEIGH_ID = 'reweigh_article_id'
/**
 * The src/text analysis and the weighing the stored terms were made with. Sites before the weighing had a version
 * stored the bare analysis version, which never equals this, or nothing (a site never rebuilt): absent means the current
 * ones only while no terms are stored (recordVersionIfNew).
 */
const ANALYSIS = 'analysis_version'
export const TERMS_VERSION = ANALYSIS_VERSION * 1000 + WEIGHING_VERSION
/** How long a pass with the term index down may go without a sign of life (one a batch) before it counts as dead. */
export const TERM_INDEX_SILENCE_MS = 10 * 60_000
/** Articles a rebuild weighs, or lists, per transaction (unless told otherwise). */
const LIST_BATCH = 250

export interface RefreshOptions {
  /** Articles recomputed per transaction; each transaction stays short so page reads are not held up. */
  readonly batch: number
  /** Newly published articles looked at per run. */
  readonly recent: number
  /** How many of a new article's best candidates get their own lists recomputed. */
  readonly fanout: number
  /** Articles re-weighed (terms and list) per run, walking the whole collection over successive runs. */
  readonly reweigh: number
}

export const DEFAULT_REFRESH: RefreshOptions = { batch: 2, recent: 50, fanout: 16, reweigh: 200 }

export interface RefreshReport {
  readonly recent: number
  readonly recomputed: number
  readonly reweighed: number
}

/**
 * Recomputes `ids` in transactions of `batch` articles, letting requests in between; returns how many were recomputed.
 * In id order: each list is locked by its own statement (store/related.ts writeList), and an import's settle pass locks
 * a batch of lists at once in id order; a transaction that took a higher id first deadlocked with it on PostgreSQL.
 */
async function recompute(store: Store, unordered: readonly number[], now: number, batch: number, p: RelatedParams, withTerms: boolean): Promise<number> {
  const ids = [...unordered].sort((a, b) => a - b)
  for (let i = 0; i < ids.length; i += batch) {
    const part = ids.slice(i, i + batch)
    await store.transaction(async (tx) => {
      if (withTerms) await reweigh(tx, part, p)
      for (const id of part) await computeList(tx, id, now, p)
    })
    await yieldToRequests()
  }
  return ids.length
}

/**
 * The version the stored terms were made with: the one recorded, else 0 when terms are stored without one (a site from
 * before versions). A site with neither (a new one) gets the current version recorded now, before anything writes terms
 * there: unrecorded, its first terms would read as a site from before versions, and the refresh job would rebuild every
 * article an import had just settled. Called by the refresh job and at the start of an import's settle pass.
 */
export async function recordVersionIfNew(store: Store): Promise<number> {
  const recorded = await store.related.state(ANALYSIS)
  if (recorded !== undefined) return recorded
  if (await store.related.anyTerms()) return 0
  await store.related.setState(ANALYSIS, TERMS_VERSION)
  return TERMS_VERSION
}

/**
 * Recomputes the lists of the articles that share strong terms with those published since the last run, so they
 * gain the new ones as relatives; then re-weighs the next slice of the collection. Idempotent; safe to rerun.
 */
export async function refreshRelated(store: Store, now: number, o: RefreshOptions = DEFAULT_REFRESH, p: RelatedParams = DEFAULT_PARAMS): Promise<RefreshReport> {
  // An import weighing with the term index down lists what was published meanwhile itself, once the index is back; one
  // silent for long has died, and the index is built again here (the articles it left wait for the import's next run).
  const indexDown = await store.related.termIndexDown()
  if (indexDown !== undefined) {
    if (now - indexDown < TERM_INDEX_SILENCE_MS) return { recent: 0, recomputed: 0, reweighed: 0 }
    await store.related.bringTermIndexUp()
  }
  // Terms counted by another analysis never match new ones, and weights made another way do not compare with new ones:
  // count and weigh everything again, once, after an upgrade. Not while an import's settle pass is under way: it adds
  // its counts to the frequencies that a rebuild replaces. The rebuild comes on a later run, once the pass is done.
  if (await recordVersionIfNew(store) !== TERMS_VERSION) {
    if (await store.relatedPending.settling()) return { recent: 0, recomputed: 0, reweighed: 0 }
    const rebuilt = await rebuildRelated(store, now, p)
    return { recent: 0, recomputed: rebuilt.articles, reweighed: rebuilt.articles }
  }
  await foldFrequencies(store)
  const cursor = { publishedAt: (await store.related.state(CURSOR_AT)) ?? 0, id: (await store.related.state(CURSOR_ID)) ?? 0 }
  const recent = await store.related.publishedAfter(cursor, o.recent)
  const affected = new Set<number>()
  for (const r of recent) {
    for (const c of (await rankCandidates(store, r.id, p)).slice(0, o.fanout)) affected.add(c.id)
    await yieldToRequests()
  }
  for (const r of recent) affected.delete(r.id)
  const recomputed = await recompute(store, [...affected], now, o.batch, p, false)
  const last = recent.at(-1)
  if (last) {
    await store.transaction(async (tx) => {
      await tx.related.setState(CURSOR_AT, last.publishedAt)
      await tx.related.setState(CURSOR_ID, last.id)
    })
  }
  // Re-weigh a slice, wrapping around at the end of the collection.
  const after = (await store.related.state(REWEIGH_ID)) ?? 0
  const slice = await store.related.liveIdsAfter(after, o.reweigh)
  const reweighed = await recompute(store, slice, now, o.batch, p, true)
  await store.related.setState(REWEIGH_ID, slice.length < o.reweigh ? 0 : slice.at(-1) ?? 0)
  return { recent: recent.length, recomputed, reweighed }
}

/**
 * Folds the document-frequency deltas publications appended (store/related-frequencies.ts) into the counts, a few
 * thousand rows per short transaction, letting requests in between; returns how many rows were folded.
 */
export async function foldFrequencies(store: Store): Promise<number> {
  let folded = 0
  for (;;) {
    const n = await store.transaction((tx) => tx.related.foldFrequencies())
    folded += n
    if (n === 0) return folded
    await yieldToRequests()
  }
}

/** Every live article's id, in id order, read a page at a time. */
export async function allLiveIds(store: Store): Promise<number[]> {
  const ids: number[] = []
  for (let after = 0; ;) {
    const part = await store.related.liveIdsAfter(after, 1000)
    if (part.length === 0) return ids
    ids.push(...part)
    after = part.at(-1)!
  }
}

export interface RebuildReport {
  readonly articles: number
  /** Wall time of each pass. */
  readonly countMs: number
  readonly reweighMs: number
  readonly listMs: number
  /** This process's CPU time in each pass (user and system; a PostgreSQL server's own is not counted). */
  readonly cpuMs: { readonly count: number; readonly reweigh: number; readonly list: number }
  /** Articles whose kept terms, and whose lists, changed and were written. */
  readonly termsWritten: number
  readonly listsWritten: number
}

const cpuMsSince = (start: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}

/**
 * Rebuilds related articles from scratch: counts the document frequencies over every live article, re-weighs every
 * article's kept terms with them, then recomputes every list. For imports (which publish with `related: 'later'`),
 * benchmarks and repairs; returns the time of each pass and how many articles' terms and lists it wrote (only those that
 * changed are written: a rebuild of a settled site writes nothing and leaves every page cached). Publishing while it
 * runs is safe but may leave counts off until the next rebuild, so run it while nothing else publishes.
 */
export async function rebuildRelated(
  store: Store, now: number, p: RelatedParams = DEFAULT_PARAMS, opts: { readonly batch?: number; readonly workers?: number } = {},
): Promise<RebuildReport> {
  const batch = opts.batch ?? LIST_BATCH
  // Each batch writes only its own articles' rows, so batches may run side by side: on PostgreSQL, where every statement
  // waits a round trip, several connections keep the server busy. SQLite has one connection and gains nothing.
  const eachBatch = async (fn: (part: number[]) => Promise<unknown>) => {
    let next = 0
    const worker = async () => {
      for (let i = next; i < ids.length; i = next) {
        next += batch
        await fn(ids.slice(i, i + batch))
        await yieldToRequests()
      }
    }
    await Promise.all(Array.from({ length: Math.max(1, opts.workers ?? 1) }, worker))
  }
  const ids = await allLiveIds(store)
  let t = performance.now()
  let cpu = process.cpuUsage()
  // Each text is analysed once: its frequencies are kept (compactly, up to a bound) for the weigh pass.
  const counts = createTermCounts()
  const df = new Map<string, number>()
  for (let i = 0; i < ids.length; i += 1000) {
    for (const source of await store.related.sources(ids.slice(i, i + 1000))) {
      const tf = await countTerms(source, p)
      for (const term of tf.keys()) df.set(term, (df.get(term) ?? 0) + 1)
      counts.keep(source.id, tf)
    }
    await yieldToRequests()
  }
  await store.transaction(async (tx) => {
    await tx.related.replaceFrequencies(df, ids.length)
    // Every article of `ids` is counted, weighed and listed here: nothing a bulk write left for them is still owed.
    // Articles a bulk write publishes while this runs keep their marks, for the import's settle pass.
    await tx.relatedPending.clear(ids)
  })
  const countMs = performance.now() - t
  const countCpu = cpuMsSince(cpu)
  t = performance.now()
  cpu = process.cpuUsage()
  let termsWritten = 0
  await eachBatch(async (part) => {
    // Weighed outside the transaction, with the frequencies just counted (reading them back would cost a statement per
    // 500 terms); an article not kept, or no longer live, is read again.
    const tfs = new Map<number, Map<string, number>>()
    for (const id of part) {
      const tf = counts.take(id)
      if (tf) tfs.set(id, tf)
    }
    for (const source of await store.related.sources(part.filter((id) => !tfs.has(id)))) tfs.set(source.id, await countTerms(source, p))
    const vectors = [...tfs].map(([id, tf]) => ({ articleId: id, terms: weighTerms(tf, df, ids.length, p) }))
    termsWritten += await store.transaction(async (tx) => {
      const live = await tx.related.publishedTimes(part)
      return tx.related.replaceChangedTerms(vectors.filter((v) => live.has(v.articleId)))
    })
  })
  const reweighMs = performance.now() - t
  const reweighCpu = cpuMsSince(cpu)
  t = performance.now()
  cpu = process.cpuUsage()
  // The lists read the kept terms just written by article: planned on statistics from before, that read may scan them all.
  await store.statistics.refreshStale()
  // And postings by term: an import that died weighing may have left the term index down.
  await store.related.bringTermIndexUp()
  // Lists from one view of the collection read once (list-context.ts), not a posting statement per article: the same
  // lists (both go through ranking.ts on the same rows), written a batch per short transaction.
  // On PostgreSQL the batches run on the workers' connections too: the pass is mostly statements waiting a round trip.
  const ctx = createListContext(store, p)
  let listsWritten = 0
  await eachBatch(async (part) => {
    const { lists } = await batchLists(store, ctx, part, p)
    listsWritten += await store.transaction((tx) => tx.relatedPending.writeLists(lists, now))
  })
  await store.related.setState(ANALYSIS, TERMS_VERSION)
  return {
    articles: ids.length, countMs, reweighMs, listMs: performance.now() - t,
    cpuMs: { count: countCpu, reweigh: reweighCpu, list: cpuMsSince(cpu) }, termsWritten, listsWritten,
  }
}

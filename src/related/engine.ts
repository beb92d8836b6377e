// The related-articles engine: indexes an article's strongest terms, finds candidates through them, ranks and stores the list.

import { DEFAULT_SETTINGS } from '../domain/site.ts'
import type { RelatedCandidate, RelatedEntry } from '../store/related.ts'
import { assembleList, bestCosines, pickLanguages, scoreCandidates, type Feedback, type ScoredCandidate } from './ranking.ts'
import type { Repositories } from '../store/store.ts'
import { STAGE } from './stages.ts'
import { countTerms } from './count.ts'
import { DEFAULT_TERM_PARAMS, weighTerms, type TermParams, type WeightedTerm } from './terms.ts'

/** How candidates are found and ranked. */
export interface RankParams {
  /** How many related articles are stored per article. */
  readonly limit: number
  /** How many of the article's strongest terms are looked up in the index. */
  readonly queryTerms: number
  /**
   * How many articles are read from each term's posting list (strongest first). Reuters-21578's earnings and takeover
   * stories share terms used by thousands: 150 cost it three points of precision@5 against exact cosines, 250 one.
   */
  readonly perTerm: number
  /** How many of the best cosine candidates are scored further (tags, recency). */
  readonly rerank: number
  /** Added to the cosine for the share of the article's tags a candidate also has (0–1). */
  readonly tagWeight: number
  /** How much recency may take away: 0 leaves scores alone; 0.2 costs at most 20% for articles far apart in time. */
  readonly recencyWeight: number
  /** Publication gap at which the recency factor is halfway down. */
  readonly recencyHalfLifeMs: number
  /** Candidates scoring below this are not shown. */
  readonly minScore: number
  /** Query re-weighing by the best candidates (ranking.ts Feedback); 0 neighbours turns it off. */
  readonly feedback: Feedback
}

export type RelatedParams = TermParams & RankParams

export const DEFAULT_PARAMS: RelatedParams = {
  ...DEFAULT_TERM_PARAMS,
  limit: 8, queryTerms: 60, perTerm: 250, rerank: 60,
  tagWeight: 0.1, recencyWeight: 0.2, recencyHalfLifeMs: 60 * 86_400_000, minScore: 0.02,
  feedback: { neighbours: 10, weight: 1 },
}

type Tx = Repositories

/**
 * The distinct terms of an article's live copy as the document frequencies count them, or null when they do not count
 * it: not live, published with related indexing left for a rebuild (it has no kept terms yet), or published in bulk
 * and not counted yet (related_pending stage 0).
 */
export async function liveTermSet(tx: Tx, id: number, p: TermParams = DEFAULT_PARAMS): Promise<Set<string> | null> {
  const [source] = await tx.related.sources([id])
  if (!source) return null
  if (!(await tx.related.hasTerms(id)) && ((await tx.relatedPending.stageOf(id)) ?? 0) < 1) return null
  return new Set((await countTerms(source, p)).keys())
}

/**
 * (Re)indexes a live article after publishing and stores its related list. `previous` is its term set before this
 * publication (liveTermSet read before the live copy changed), null on a first publication. Whatever a bulk write
 * left for it is done here, so its marker goes.
 */
export async function indexArticle(tx: Tx, id: number, previous: ReadonlySet<string> | null, now: number, p: RelatedParams = DEFAULT_PARAMS): Promise<void> {
  const [source] = await tx.related.sources([id])
  if (!source) return
  const tf = await countTerms(source, p)
  const added = [...tf.keys()].filter((t) => !previous?.has(t))
  const removed = previous ? [...previous].filter((t) => !tf.has(t)) : []
  await tx.related.adjustFrequencies(added, removed, previous ? 0 : 1)
  const df = await tx.related.frequencies([...tf.keys()])
  // Every term kept, however rare (TermParams.minDf): the second story on a name new to the site finds the first
  // through it. The re-weigh walk (related/refresh.ts) leaves out those still rare when it comes by.
  const vector = weighTerms(tf, df, await tx.related.documentCount(), { ...p, minDf: 1 })
  await tx.related.replaceTerms([{ articleId: id, terms: vector }])
  await tx.relatedPending.clear([id])
  await computeList(tx, id, now, p, { vector, publishedAt: source.publishedAt })
}

/**
 * The bulk form of indexArticle (imports): it leaves the work for settlePending (related/settle.ts) and marks it in
 * related_pending, in the batch's transaction. A first publication is only marked: nothing of it is counted until
 * the settle pass counts the whole run at once, so a batch takes no lock on related_df. An article counted already
 * (republished) moves the frequencies by what changed, summed over the batch, and waits to be weighed.
 */
export async function deferArticles(
  tx: Tx, entries: readonly { readonly id: number; readonly previous: ReadonlySet<string> | null }[], now: number, p: TermParams = DEFAULT_PARAMS,
): Promise<void> {
  await tx.relatedPending.mark(entries.filter((e) => e.previous === null).map((e) => e.id), 0, now)
  const counted = entries.filter((e) => e.previous !== null)
  if (counted.length === 0) return
  const sources = new Map((await tx.related.sources(counted.map((e) => e.id))).map((s) => [s.id, s]))
  const deltas = new Map<string, number>()
  for (const { id, previous } of counted) {
    const source = sources.get(id)
    if (!source) continue
    const tf = await countTerms(source, p)
    for (const t of tf.keys()) if (!previous!.has(t)) deltas.set(t, (deltas.get(t) ?? 0) + 1)
    for (const t of previous!) if (!tf.has(t)) deltas.set(t, (deltas.get(t) ?? 0) - 1)
  }
  await tx.related.addFrequencies(deltas, 0)
  await tx.relatedPending.mark(counted.map((e) => e.id), 1, now)
}

/** Takes an article that is going off the site out of the index and out of every related list; call before its live copy goes. */
export async function unindexArticle(tx: Tx, id: number, p: TermParams = DEFAULT_PARAMS): Promise<void> {
  const terms = await liveTermSet(tx, id, p)
  if (terms) await tx.related.adjustFrequencies([], [...terms], -1)
  await tx.related.removeTerms(id)
  await tx.relatedPending.clear([id])
  await tx.related.dropArticle(id)
}

/** Recomputes the kept terms of live articles with the current document frequencies (they drift as the collection grows). */
export async function reweigh(tx: Tx, ids: readonly number[], p: TermParams = DEFAULT_PARAMS): Promise<void> {
  const sources = await tx.related.sources(ids)
  const tfs: { id: number; tf: Map<string, number> }[] = []
  for (const s of sources) tfs.push({ id: s.id, tf: await countTerms(s, p) })
  const df = await tx.related.frequencies([...new Set(tfs.flatMap((t) => [...t.tf.keys()]))])
  const documents = await tx.related.documentCount()
  await tx.related.replaceTerms(tfs.map((t) => ({ articleId: t.id, terms: weighTerms(t.tf, df, documents, p) })))
}

export type { ScoredCandidate } from './ranking.ts'

/**
 * Candidates for an article, best first: articles sharing its strongest terms, scored by the cosine of the kept
 * vectors, plus shared tags, times a recency factor. Bounded: queryTerms × perTerm postings, rerank candidates scored.
 */
export async function rankCandidates(
  tx: Tx, id: number, p: RankParams, known?: { readonly vector: readonly WeightedTerm[]; readonly publishedAt: number },
): Promise<ScoredCandidate[]> {
  const vector = known?.vector ?? (await tx.related.termsOf([id])).get(id) ?? []
  const publishedAt = known?.publishedAt ?? (await tx.related.publishedTimes([id])).get(id)
  if (vector.length === 0 || publishedAt === undefined) return []
  const query = vector.slice(0, p.queryTerms)
  const lists = await tx.related.postingLists(query.map((t) => t.term), p.perTerm, id)
  const top = bestCosines(id, query, (term) => lists.get(term), p.perTerm, p.rerank, undefined, p.feedback)
  const ids = top.map(([cid]) => cid)
  const info = await tx.related.candidates([id, ...ids])
  const own = info.get(id)
  const shared = p.tagWeight > 0 ? await tx.related.sharedTags(id, [id, ...ids]) : new Map<number, number>()
  const scored = scoreCandidates(top, {
    publishedAt, timeOf: (cid) => info.get(cid)?.publishedAt, ownTags: shared.get(id) ?? 0, sharedOf: (cid) => shared.get(cid) ?? 0,
    ...(own && { own }), factsOf: (cid) => info.get(cid),
  }, p)
  return pickLanguages(scored, own?.language, (await tx.related.siteLanguage()) ?? DEFAULT_SETTINGS.language)
}

/** Computes and stores an article's related list: editor pins first in pin order, then the best candidates, minus exclusions. */
export async function computeList(
  tx: Tx, id: number, now: number, p: RankParams = DEFAULT_PARAMS,
  known?: { readonly vector: readonly WeightedTerm[]; readonly publishedAt: number },
): Promise<RelatedEntry[]> {
  // While an import weighs with the term index down (store/related-term-index.ts) postings cannot be read by term at
  // any reasonable cost: the article waits for that pass's list stage, which runs once the index is back.
  if (await tx.related.termIndexDown() !== undefined) {
    await tx.relatedPending.mark([id], STAGE.list, now)
    return tx.related.list(id)
  }
  const [candidates, overrides] = await Promise.all([rankCandidates(tx, id, p, known), tx.related.overrides(id)])
  const pins = overrides.filter((o) => o.kind === 'pin').map((o) => o.otherId)
  const livePins = pins.length ? await tx.related.candidates([id, ...pins]) : new Map<number, RelatedCandidate>()
  const ownGroup = livePins.get(id)?.group
  const list = assembleList(id, candidates, overrides, (pin) => livePins.has(pin), p.limit, (pin) => livePins.get(pin)?.group === ownGroup)
  await tx.related.writeList(id, list, now)
  return list
}

// The related-articles engine: indexes an article's strongest terms, finds candidates through them, ranks and stores the list.

import { indexText, loopTurns } from '../content/index-text.ts'
import type { RelatedEntry, RelatedSource } from '../store/related.ts'
import type { Repositories } from '../store/store.ts'
import { addTerms, DEFAULT_TERM_PARAMS, termFrequencies, weighTerms, type ArticleText, type TermParams, type WeightedTerm } from './terms.ts'

/** How candidates are found and ranked. */
export interface RankParams {
  /** How many related articles are stored per article. */
  readonly limit: number
  /** How many of the article's strongest terms are looked up in the index. */
  readonly queryTerms: number
  /** How many articles are read from each term's posting list (strongest first). */
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
}

export type RelatedParams = TermParams & RankParams

export const DEFAULT_PARAMS: RelatedParams = {
  ...DEFAULT_TERM_PARAMS,
  limit: 8, queryTerms: 60, perTerm: 150, rerank: 60,
  tagWeight: 0.1, recencyWeight: 0.2, recencyHalfLifeMs: 60 * 86_400_000, minScore: 0.02,
}

type Tx = Repositories

/** The text an article's terms are counted from: its body's first INDEX_TEXT_MAX characters (content/index-text.ts). */
export const textOf = async (s: RelatedSource): Promise<ArticleText> =>
  ({ title: s.title, standfirst: s.standfirst, body: await indexText(s.bodyHtml), tags: s.tags })

/** Body text counted at a time before the event loop may turn: 100,000 characters of dense terms took 20–45 ms at once. */
const COUNT_SLICE_CHARS = 8 * 1024

/** termFrequencies of an article's text, counting its body in slices cut at spaces and letting the event loop turn between them. */
export async function countTerms(s: RelatedSource, p: TermParams = DEFAULT_PARAMS): Promise<Map<string, number>> {
  const text = await textOf(s)
  const tf = termFrequencies({ ...text, body: '' }, p)
  const turn = loopTurns()
  for (let from = 0; from < text.body.length;) {
    const space = text.body.indexOf(' ', from + COUNT_SLICE_CHARS)
    const end = space === -1 ? text.body.length : space
    addTerms(tf, text.body.slice(from, end), 1)
    from = end
    await turn()
  }
  return tf
}

/**
 * The distinct terms of an article's live copy as the document frequencies count them, or null when they do not count
 * it: not live, or published with related indexing left for a rebuild (it has no kept terms yet).
 */
export async function liveTermSet(tx: Tx, id: number, p: TermParams = DEFAULT_PARAMS): Promise<Set<string> | null> {
  const [source] = await tx.related.sources([id])
  if (!source || !(await tx.related.hasTerms(id))) return null
  return new Set((await countTerms(source, p)).keys())
}

/**
 * (Re)indexes a live article after publishing and stores its related list. `previous` is its term set before this
 * publication (liveTermSet read before the live copy changed), null on a first publication.
 */
export async function indexArticle(tx: Tx, id: number, previous: ReadonlySet<string> | null, now: number, p: RelatedParams = DEFAULT_PARAMS): Promise<void> {
  const [source] = await tx.related.sources([id])
  if (!source) return
  const tf = await countTerms(source, p)
  const added = [...tf.keys()].filter((t) => !previous?.has(t))
  const removed = previous ? [...previous].filter((t) => !tf.has(t)) : []
  await tx.related.adjustFrequencies(added, removed, previous ? 0 : 1)
  const df = await tx.related.frequencies([...tf.keys()])
  const vector = weighTerms(tf, df, await tx.related.documentCount(), p)
  await tx.related.replaceTerms([{ articleId: id, terms: vector }])
  await computeList(tx, id, now, p, { vector, publishedAt: source.publishedAt })
}

/**
 * indexArticle for many live articles at once (bulk publication): each one's frequencies are adjusted, then the
 * frequencies and document count are read once, all kept terms written together, and each list computed.
 */
export async function indexArticles(
  tx: Tx, entries: readonly { readonly id: number; readonly previous: ReadonlySet<string> | null }[], now: number, p: RelatedParams = DEFAULT_PARAMS,
): Promise<void> {
  if (entries.length === 0) return
  const sources = new Map((await tx.related.sources(entries.map((e) => e.id))).map((s) => [s.id, s]))
  const counted: { id: number; tf: Map<string, number>; publishedAt: number }[] = []
  for (const { id, previous } of entries) {
    const source = sources.get(id)
    if (!source) continue
    const tf = await countTerms(source, p)
    const added = [...tf.keys()].filter((t) => !previous?.has(t))
    const removed = previous ? [...previous].filter((t) => !tf.has(t)) : []
    await tx.related.adjustFrequencies(added, removed, previous ? 0 : 1)
    counted.push({ id, tf, publishedAt: source.publishedAt })
  }
  const df = await tx.related.frequencies([...new Set(counted.flatMap((c) => [...c.tf.keys()]))])
  const documents = await tx.related.documentCount()
  const vectors = counted.map((c) => ({ articleId: c.id, terms: weighTerms(c.tf, df, documents, p), publishedAt: c.publishedAt }))
  await tx.related.replaceTerms(vectors)
  for (const v of vectors) await computeList(tx, v.articleId, now, p, { vector: v.terms, publishedAt: v.publishedAt })
}

/** Takes an article that is going off the site out of the index and out of every related list; call before its live copy goes. */
export async function unindexArticle(tx: Tx, id: number, p: TermParams = DEFAULT_PARAMS): Promise<void> {
  const terms = await liveTermSet(tx, id, p)
  if (terms) await tx.related.adjustFrequencies([], [...terms], -1)
  await tx.related.removeTerms(id)
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

/** A candidate with its score parts. */
export interface ScoredCandidate {
  readonly id: number
  readonly score: number
}

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
  const weightOf = new Map(query.map((t) => [t.term, t.weight]))
  const dot = new Map<number, number>()
  // A term in at most perTerm articles has a posting list at most that long: read those whole, limit the others.
  const df = await tx.related.frequencies(query.map((t) => t.term))
  const isShort = (t: WeightedTerm) => (df.get(t.term) ?? 0) <= p.perTerm
  const postings = await tx.related.postings(query.filter(isShort).map((t) => t.term), query.filter((t) => !isShort(t)).map((t) => t.term), p.perTerm, id)
  for (const post of postings) {
    dot.set(post.articleId, (dot.get(post.articleId) ?? 0) + post.weight * (weightOf.get(post.term) ?? 0))
  }
  const top = [...dot.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, p.rerank)
  const ids = top.map(([cid]) => cid)
  const times = await tx.related.publishedTimes(ids)
  const shared = p.tagWeight > 0 ? await tx.related.sharedTags(id, [id, ...ids]) : new Map<number, number>()
  const ownTags = shared.get(id) ?? 0
  const scored: ScoredCandidate[] = []
  for (const [cid, cos] of top) {
    const at = times.get(cid)
    if (at === undefined) continue // not live
    const tags = ownTags > 0 ? (shared.get(cid) ?? 0) / ownTags : 0
    const decay = Math.pow(0.5, Math.abs(at - publishedAt) / p.recencyHalfLifeMs)
    const score = (cos + p.tagWeight * tags) * (1 - p.recencyWeight + p.recencyWeight * decay)
    if (score >= p.minScore) scored.push({ id: cid, score })
  }
  return scored.sort((a, b) => b.score - a.score || a.id - b.id)
}

/** Computes and stores an article's related list: editor pins first in pin order, then the best candidates, minus exclusions. */
export async function computeList(
  tx: Tx, id: number, now: number, p: RankParams = DEFAULT_PARAMS,
  known?: { readonly vector: readonly WeightedTerm[]; readonly publishedAt: number },
): Promise<RelatedEntry[]> {
  const [candidates, overrides] = await Promise.all([rankCandidates(tx, id, p, known), tx.related.overrides(id)])
  const pins = overrides.filter((o) => o.kind === 'pin').sort((a, b) => a.position - b.position).map((o) => o.otherId)
  const excluded = new Set(overrides.filter((o) => o.kind === 'exclude').map((o) => o.otherId))
  const livePins = pins.length ? await tx.related.publishedTimes(pins) : new Map<number, number>()
  const scoreOf = new Map(candidates.map((c) => [c.id, c.score]))
  const seen = new Set<number>([id])
  const list: RelatedEntry[] = []
  for (const pin of pins) {
    if (seen.has(pin) || !livePins.has(pin) || list.length >= p.limit) continue
    seen.add(pin)
    list.push({ relatedId: pin, score: scoreOf.get(pin) ?? 0, pinned: true })
  }
  for (const c of candidates) {
    if (list.length >= p.limit) break
    if (seen.has(c.id) || excluded.has(c.id)) continue
    seen.add(c.id)
    list.push({ relatedId: c.id, score: c.score, pinned: false })
  }
  await tx.related.writeList(id, list, now)
  return list
}

// Editor overrides of related articles: pin, unpin, exclude, include; each recomputes the article's stored list.

import { AppError } from '../errors.ts'
import { computeList, DEFAULT_PARAMS } from '../related/engine.ts'
import type { Repositories } from '../store/store.ts'

/** At most this many pins per article: the list shows no more. */
export const MAX_PINS = DEFAULT_PARAMS.limit

const requireId = (value: unknown, field: string): number => {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) throw new AppError('Invalid', `${field} must be a positive whole number`, field)
  return value
}

/** Checks both ids and that they name two different existing articles. */
async function pair(tx: Repositories, articleId: unknown, otherId: unknown): Promise<{ article: number; other: number }> {
  const article = requireId(articleId, 'article')
  const other = requireId(otherId, 'related')
  if (article === other) throw new AppError('Invalid', 'an article cannot be related to itself', 'related')
  if (!(await tx.articles.get(article))) throw new AppError('NotFound', 'no such article')
  if (!(await tx.articles.get(other))) throw new AppError('Invalid', 'the related article does not exist', 'related')
  return { article, other }
}

/** Recomputes the list when the article is live; a draft gets its list when it is published. */
async function recompute(tx: Repositories, id: number, now: number): Promise<void> {
  if ((await tx.related.publishedTimes([id])).has(id)) await computeList(tx, id, now)
}

/**
 * Pins `otherId` among the related articles of `articleId`, after the existing pins. Throws AppError('Invalid')
 * for bad ids or an unpublished article, ('NotFound') for an unknown article, ('Conflict') when the pins are full.
 */
export async function pinRelated(tx: Repositories, articleId: unknown, otherId: unknown, ctx: { now: number }): Promise<void> {
  const { article, other } = await pair(tx, articleId, otherId)
  if (!(await tx.related.publishedTimes([other])).has(other)) throw new AppError('Invalid', 'only a published article can be pinned', 'related')
  const overrides = await tx.related.overrides(article)
  const pins = overrides.filter((o) => o.kind === 'pin')
  if (pins.some((o) => o.otherId === other)) return
  if (pins.length >= MAX_PINS) throw new AppError('Conflict', `an article has at most ${MAX_PINS} pinned related articles`, 'related')
  await tx.related.putOverride(article, other, 'pin', Math.max(0, ...pins.map((o) => o.position)) + 1, ctx.now)
  await recompute(tx, article, ctx.now)
}

/** Removes a pin; the article may still appear by its own score. */
export async function unpinRelated(tx: Repositories, articleId: unknown, otherId: unknown, ctx: { now: number }): Promise<void> {
  const { article, other } = await pair(tx, articleId, otherId)
  if (!(await tx.related.removeOverride(article, other, 'pin'))) throw new AppError('NotFound', 'that article is not pinned')
  await recompute(tx, article, ctx.now)
}

/** Never shows `otherId` among the related articles of `articleId` (replacing a pin of it). */
export async function excludeRelated(tx: Repositories, articleId: unknown, otherId: unknown, ctx: { now: number }): Promise<void> {
  const { article, other } = await pair(tx, articleId, otherId)
  await tx.related.putOverride(article, other, 'exclude', 0, ctx.now)
  await recompute(tx, article, ctx.now)
}

/** Lifts an exclusion. */
export async function includeRelated(tx: Repositories, articleId: unknown, otherId: unknown, ctx: { now: number }): Promise<void> {
  const { article, other } = await pair(tx, articleId, otherId)
  if (!(await tx.related.removeOverride(article, other, 'exclude'))) throw new AppError('NotFound', 'that article is not excluded')
  await recompute(tx, article, ctx.now)
}

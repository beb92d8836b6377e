// Creating and publishing articles: each use-case runs inside the transaction it is given.

import { canTransition } from '../domain/article.ts'
import { articlePath } from '../domain/paths.ts'
import { AppError } from '../errors.ts'
import type { Repositories } from '../store/store.ts'
import { toDraft, type ArticleInput } from './article-input.ts'

/** Creates a draft from input; returns its id. Throws AppError('Conflict') when the slug is taken in the section. */
export async function createDraft(tx: Repositories, input: ArticleInput, ctx: { now: number; siteLanguage: string }): Promise<number> {
  const draft = await toDraft(tx, input, ctx.siteLanguage)
  const id = await tx.articles.insert(draft, 'draft', ctx.now).catch((err: unknown) => {
    throw isUniqueViolation(err) ? new AppError('Conflict', `the slug "${draft.slug}" is already used in this section`, 'slug') : err
  })
  // The first article of a translation group names the group.
  if (draft.translationGroup !== null) {
    const original = await tx.articles.get(draft.translationGroup)
    if (original && original.translationGroup === null) await tx.articles.update(original.id, original.version, { ...original, translationGroup: original.id }, ctx.now)
  }
  return id
}

/**
 * Publishes the working copy. The first publication sets the published time (or keeps `publishedAt`
 * when given, for imports); later ones keep it and set the updated time. A changed path leaves a 301 behind.
 */
export async function publish(tx: Repositories, id: number, ctx: { now: number; siteLanguage: string; publishedAt?: number; updatedAt?: number }): Promise<void> {
  const article = await tx.articles.get(id)
  if (!article) throw new AppError('NotFound', 'no such article')
  if (article.status !== 'published' && !canTransition(article.status, 'published')) {
    throw new AppError('Conflict', `a ${article.status} article cannot be published`)
  }
  const before = await tx.articles.livePath(id)
  const publishedAt = article.publishedAt ?? ctx.publishedAt ?? ctx.now
  const updatedAt = ctx.updatedAt ?? (article.publishedAt === null ? publishedAt : ctx.now)
  await tx.articles.writeLive(article, publishedAt, updatedAt)
  await tx.articles.setStatus(id, 'published', { publishedAt, updatedAt, scheduledAt: null })
  const after = await tx.articles.livePath(id)
  if (before && after) {
    const oldPath = articlePath(before, ctx.siteLanguage)
    const newPath = articlePath(after, ctx.siteLanguage)
    if (oldPath !== newPath) await tx.redirects.put({ fromPath: oldPath, status: 301, toArticleId: id, toUrl: null, kind: 'slug', createdAt: ctx.now })
    await tx.redirects.remove(newPath)
  }
}

/** Takes a published article off the site; its working copy stays. */
export async function unpublish(tx: Repositories, id: number): Promise<void> {
  const article = await tx.articles.get(id)
  if (!article) throw new AppError('NotFound', 'no such article')
  if (!canTransition(article.status, 'unpublished')) throw new AppError('Conflict', `a ${article.status} article cannot be unpublished`)
  await tx.articles.removeLive(id)
  await tx.articles.setStatus(id, 'unpublished', {})
}

const isUniqueViolation = (err: unknown): boolean => {
  const e = err as { code?: string; message?: string }
  return e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(e.message ?? '')
}

// Who may open and who may change an article: the role matrix read with the article's creator and status, in one place.

import type { ArticleStatus } from '../domain/article.ts'
import { can, type Role } from '../domain/roles.ts'
import { AppError } from '../errors.ts'
import type { Article } from '../store/articles.ts'
import type { Repositories } from '../store/store.ts'

/** Who is acting: the desk or API user (null for the system, which keeps no creator) and their role. */
export interface Actor {
  readonly userId: number | null
  readonly role: Role
}

/**
 * Statuses in which a contributor's own article is still theirs: before an editor has taken it on. Once it is
 * scheduled or published an editor approved that text, and only roles that may publish change it.
 */
export const CONTRIBUTOR_STATUSES: readonly ArticleStatus[] = ['draft', 'in_review']

/** Whether `role` may open an article in the editor (its working copy and revisions), as its creator or not. */
export const mayOpen = (role: Role, own: boolean): boolean => can(role, 'article.edit', { own })

/** Whether `role` may change the working copy (save, autosave, restore a revision) of an article in `status`. */
export function mayChange(role: Role, status: ArticleStatus, own: boolean): boolean {
  return mayOpen(role, own) && (role !== 'contributor' || CONTRIBUTOR_STATUSES.includes(status))
}

/** Whether `actor` created article `articleId`; the system never did. */
export async function isCreator(tx: Repositories, articleId: number, actor: Actor): Promise<boolean> {
  return actor.userId !== null && (await tx.deskArticles.createdBy(articleId)) === actor.userId
}

async function articleOf(tx: Repositories, articleId: number): Promise<Article> {
  if (!Number.isSafeInteger(articleId) || articleId < 1) throw new AppError('NotFound', 'no such article')
  const article = await tx.articles.get(articleId)
  if (!article) throw new AppError('NotFound', 'no such article')
  // In the trash it can only be restored or deleted for good (trash.ts), not opened, changed or moved.
  if (article.deletedAt !== null) throw new AppError('NotFound', 'this article is in the trash; restore it to work on it again')
  return article
}

/** The article and whether `actor` created it; NotFound when there is none, Forbidden when they may not open it. */
export async function openFor(tx: Repositories, articleId: number, actor: Actor): Promise<{ article: Article; own: boolean }> {
  const article = await articleOf(tx, articleId)
  const own = await isCreator(tx, articleId, actor)
  if (!mayOpen(actor.role, own)) throw new AppError('Forbidden', `the ${actor.role} role may open only the articles it created`)
  return { article, own }
}

/** As openFor, and Forbidden too when `actor` may not change the article in its present status. */
export async function changeableBy(tx: Repositories, articleId: number, actor: Actor): Promise<{ article: Article; own: boolean }> {
  const opened = await openFor(tx, articleId, actor)
  if (!mayChange(actor.role, opened.article.status, opened.own)) {
    throw new AppError('Forbidden', `the ${actor.role} role may change its own articles only while they are drafts or in review; this one is ${opened.article.status.replace('_', ' ')}`)
  }
  return opened
}

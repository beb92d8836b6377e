// Deleting articles through the trash: moving one there takes it off the site (its public path answers 410 Gone),
// restoring brings it back as a draft, and deleting it for good, from the trash only, is for editors and admins.

import type { ArticleStatus } from '../domain/article.ts'
import { articlePath } from '../domain/paths.ts'
import { can, type Role } from '../domain/roles.ts'
import { AppError } from '../errors.ts'
import type { Article } from '../store/articles.ts'
import type { Repositories } from '../store/store.ts'
import { unpublish } from './publishing.ts'
import { CONTRIBUTOR_STATUSES, isCreator, type Actor } from './article-access.ts'
import { auditArticle } from './audit-trail.ts'

export interface DeleteArgs {
  readonly articleId: number
  readonly actor: Actor
  readonly now: number
  readonly siteLanguage: string
}

/** Whether `role` may move an article in `status` to the trash (as its creator or not): a contributor only before an editor took it on. */
export function mayDelete(role: Role, status: ArticleStatus, own: boolean): boolean {
  if (!can(role, 'article.delete', { own })) return false
  return role !== 'contributor' || CONTRIBUTOR_STATUSES.includes(status)
}

/** Whether `role` may delete articles for good: only roles that may delete anyone's (editors and admins). */
export const mayDeleteForever = (role: Role): boolean => can(role, 'article.delete', { own: false })

async function existing(tx: Repositories, articleId: number): Promise<Article> {
  if (!Number.isSafeInteger(articleId) || articleId < 1) throw new AppError('NotFound', 'no such article')
  const article = await tx.articles.get(articleId)
  if (!article) throw new AppError('NotFound', 'no such article')
  return article
}

async function inTrash(tx: Repositories, articleId: number): Promise<Article> {
  const article = await existing(tx, articleId)
  if (article.deletedAt === null) throw new AppError('NotFound', 'this article is not in the trash')
  return article
}

/**
 * Moves an article to the trash inside the caller's transaction. Throws NotFound for an unknown article or one already
 * in the trash, Forbidden when the role may not delete it. A published article is unpublished first (caches and webhook
 * receivers hear of it as usual, and its path answers 410); a scheduled one loses its schedule, so it can never go live
 * from the trash. Returns the former public path, or null when it was not live.
 */
export async function trashArticle(tx: Repositories, args: DeleteArgs): Promise<{ formerPath: string | null }> {
  const article = await existing(tx, args.articleId)
  if (article.deletedAt !== null) throw new AppError('NotFound', 'this article is already in the trash')
  const own = await isCreator(tx, article.id, args.actor)
  if (!mayDelete(args.actor.role, article.status, own)) {
    const whose = own ? 'their own' : 'someone else’s'
    const when = args.actor.role === 'contributor' && own ? ' once it is past review' : ''
    throw new AppError('Forbidden', `the ${args.actor.role} role may not delete ${whose} article${when}`)
  }
  const live = await tx.articles.livePath(article.id)
  const formerPath = live ? articlePath(live, args.siteLanguage) : null
  if (article.status === 'published') await unpublish(tx, article.id, { now: args.now, siteLanguage: args.siteLanguage })
  if (article.status === 'scheduled') await tx.articles.setStatus(article.id, 'draft', { scheduledAt: null })
  await tx.trash.put(article.id, args.actor.userId, args.now)
  await auditArticle(tx, args.actor.userId, 'article.delete', article.id, args.now, { title: article.title, status: article.status, path: formerPath })
  return { formerPath }
}

/**
 * Takes an article out of the trash as a draft, for whoever could have put it there (its creator, as the role allows, or
 * editors and admins). Throws NotFound when it is not in the trash, Forbidden otherwise. It goes live only when published
 * again; until then its old path keeps answering 410.
 */
export async function restoreArticle(tx: Repositories, args: { readonly articleId: number; readonly actor: Actor; readonly now: number }): Promise<void> {
  const article = await inTrash(tx, args.articleId)
  if (!can(args.actor.role, 'article.delete', { own: await isCreator(tx, article.id, args.actor) })) {
    throw new AppError('Forbidden', `the ${args.actor.role} role may restore only the articles it created`)
  }
  await tx.trash.takeOut(article.id)
  await auditArticle(tx, args.actor.userId, 'article.restore', article.id, args.now, { title: article.title })
}

/**
 * Deletes an article in the trash for good: its working copy, links and revisions go (foreign keys cascade), old paths
 * that redirected to it answer 410. Editors and admins only (Forbidden otherwise); NotFound when it is not in the trash.
 */
export async function deleteForever(tx: Repositories, args: { readonly articleId: number; readonly actor: Actor; readonly now: number }): Promise<void> {
  if (!mayDeleteForever(args.actor.role)) throw new AppError('Forbidden', `the ${args.actor.role} role may not delete articles for good; ask an editor`)
  const article = await inTrash(tx, args.articleId)
  await tx.articles.delete(article.id)
  await auditArticle(tx, args.actor.userId, 'article.delete-forever', article.id, args.now, { title: article.title })
}

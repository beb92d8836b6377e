// Deleting an article for good: who may, taking it off the site first, and leaving its public path answering 410 Gone.

import type { ArticleStatus } from '../domain/article.ts'
import { articlePath } from '../domain/paths.ts'
import { can, type Role } from '../domain/roles.ts'
import { AppError } from '../errors.ts'
import type { Repositories } from '../store/store.ts'
import { unpublish } from './publishing.ts'
import { CONTRIBUTOR_STATUSES } from './article-access.ts'

export interface DeleteArgs {
  readonly articleId: number
  readonly userId: number | null
  readonly userRole: Role
  /** Whether the user created the article: 'own' grants of the role matrix apply. */
  readonly userIsCreator: boolean
  readonly now: number
  readonly siteLanguage: string
}


/** Whether `role` may delete an article in `status` (as its creator or not): a contributor only before an editor took it on. */
export function mayDelete(role: Role, status: ArticleStatus, own: boolean): boolean {
  if (!can(role, 'article.delete', { own })) return false
  return role !== 'contributor' || CONTRIBUTOR_STATUSES.includes(status)
}

/**
 * Deletes an article inside the caller's transaction. Throws NotFound for an unknown article and Forbidden when the
 * role may not delete it. A published article is unpublished first (caches and webhook receivers hear of it as
 * usual); every path it was ever read at then answers 410, so search engines drop it rather than keep retrying.
 * Returns the former public path, or null when it was never live.
 */
export async function deleteArticle(tx: Repositories, args: DeleteArgs): Promise<{ formerPath: string | null }> {
  if (!Number.isSafeInteger(args.articleId) || args.articleId < 1) throw new AppError('NotFound', 'no such article')
  const article = await tx.articles.get(args.articleId)
  if (!article) throw new AppError('NotFound', 'no such article')
  if (!mayDelete(args.userRole, article.status, args.userIsCreator)) {
    const whose = args.userIsCreator ? 'their own' : 'someone else’s'
    const when = args.userRole === 'contributor' && args.userIsCreator ? ' once it is past review' : ''
    throw new AppError('Forbidden', `the ${args.userRole} role may not delete ${whose} article${when}`)
  }
  const live = await tx.articles.livePath(article.id)
  const formerPath = live ? articlePath(live, args.siteLanguage) : null
  if (article.status === 'published') await unpublish(tx, article.id, { now: args.now, siteLanguage: args.siteLanguage })
  await tx.articles.delete(article.id)
  if (formerPath) await tx.redirects.put({ fromPath: formerPath, status: 410, toArticleId: null, toUrl: null, kind: 'manual', createdAt: args.now })
  await tx.audit.record({
    userId: args.userId, action: 'article.delete', subjectType: 'article', subjectId: String(article.id),
    details: { title: article.title, status: article.status, path: formerPath }, at: args.now,
  })
  return { formerPath }
}

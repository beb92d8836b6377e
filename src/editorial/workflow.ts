// The publishing workflow: which status moves a role may make, scheduling, and publishing through publishing.ts.

import { canTransition, isArticleStatus, type ArticleStatus } from '../domain/article.ts'
import { can, type Action, type Role } from '../domain/roles.ts'
import { AppError } from '../errors.ts'
import type { Repositories } from '../store/store.ts'
import { publish, requireByline, unpublish } from './publishing.ts'
import { keepRevision } from './saving.ts'
import { auditArticle, moveAction } from './audit-trail.ts'

export interface TransitionArgs {
  readonly articleId: number
  readonly to: ArticleStatus
  readonly userRole: Role
  /** Whether the user created the article: 'own' grants of the role matrix apply. */
  readonly userIsCreator: boolean
  /** The desk user, for the revision log; null for the system. */
  readonly userId?: number | null
  /** When to publish, for `to: 'scheduled'`; must be after `now`. */
  readonly at?: number
  readonly now: number
  readonly siteLanguage: string
  /**
   * For `to: 'published'` of an article never published before (an archive moved in through the Admin API): its
   * original published and updated times, in the past (article-migration.ts originalTimes checks them).
   */
  readonly original?: { readonly publishedAt: number; readonly updatedAt: number }
}

/**
 * The permission a move needs: back and forth between draft and review is submitting; scheduling, unscheduling
 * (scheduled → draft) and publishing are publishing rights; unpublishing and reopening an unpublished article
 * (unpublished → draft) are unpublishing. Republishing a published article (the *Update* button) is publishing.
 */
export function actionFor(from: ArticleStatus, to: ArticleStatus): Action {
  if (to === 'published') return 'article.publish'
  if (to === 'scheduled' || from === 'scheduled') return 'article.schedule'
  if (to === 'unpublished' || from === 'unpublished') return 'article.unpublish'
  return 'article.submit'
}

const NAME: Readonly<Record<ArticleStatus, string>> = {
  draft: 'draft', in_review: 'in review', scheduled: 'scheduled', published: 'published', unpublished: 'unpublished',
}

/** The workflow's moves, plus republishing a published article (its working copy goes live as an update). */
const statusAllows = (from: ArticleStatus, to: ArticleStatus): boolean => canTransition(from, to) || (from === 'published' && to === 'published')

/** Whether `role` may move an article from `from` to `to` (as creator or not); the status rules come first. */
export function mayTransition(role: Role, from: ArticleStatus, to: ArticleStatus, own: boolean): boolean {
  return statusAllows(from, to) && can(role, actionFor(from, to), { own })
}

/**
 * Moves an article to status `to`, inside the caller's transaction. Throws NotFound for an unknown article, Conflict
 * for a move the workflow does not have (published → draft), Forbidden when the role may not make it, Invalid (field
 * `at`) when a schedule is missing or not in the future. Publishing goes through publish(): a published article
 * republished keeps its published time and gets a new updated time; each publication is kept as a 'publish' revision.
 * Every move is recorded in the audit log (audit-trail.ts moveAction), in the same transaction.
 */
export async function transition(tx: Repositories, args: TransitionArgs): Promise<{ status: ArticleStatus }> {
  if (!isArticleStatus(args.to)) throw new AppError('Invalid', `unknown status "${String(args.to)}"`, 'status')
  if (!Number.isSafeInteger(args.articleId) || args.articleId < 1) throw new AppError('NotFound', 'no such article')
  const article = await tx.articles.get(args.articleId)
  if (!article) throw new AppError('NotFound', 'no such article')
  if (article.deletedAt !== null) throw new AppError('NotFound', 'this article is in the trash; restore it to work on it again')
  const from = article.status, to = args.to
  if (!statusAllows(from, to)) throw new AppError('Conflict', `an article that is ${NAME[from]} cannot move to ${NAME[to]}`, 'status')
  if (!can(args.userRole, actionFor(from, to), { own: args.userIsCreator })) {
    const whose = args.userIsCreator ? 'their own' : 'someone else’s'
    throw new AppError('Forbidden', `the ${args.userRole} role may not move ${whose} article from ${NAME[from]} to ${NAME[to]}`)
  }
  if (to === 'published' || to === 'scheduled') await requireByline(tx, article)
  switch (to) {
    case 'scheduled': {
      const at = args.at
      if (at === undefined || !Number.isSafeInteger(at)) throw new AppError('Invalid', 'a time to publish at is required to schedule', 'at')
      if (at <= args.now) throw new AppError('Invalid', 'the time to publish at must be in the future', 'at')
      await tx.articles.setStatus(args.articleId, 'scheduled', { scheduledAt: at })
      break
    }
    case 'published':
      if (args.original && (article.publishedAt !== null || from === 'published')) {
        throw new AppError('Conflict', 'published_at sets the time of a first publication; this article has been published before', 'published_at')
      }
      await publish(tx, args.articleId, { now: args.now, siteLanguage: args.siteLanguage, ...args.original })
      await keepRevision(tx, args.articleId, 'publish', args.userId ?? null, args.now)
      break
    case 'unpublished':
      await unpublish(tx, args.articleId, { now: args.now, siteLanguage: args.siteLanguage })
      break
    default:
      // Back to draft or into review: a schedule no longer applies.
      await tx.articles.setStatus(args.articleId, to, { scheduledAt: null })
  }
  await auditArticle(tx, args.userId ?? null, moveAction(from, to), args.articleId, args.now, {
    title: article.title, from, to, ...(to === 'scheduled' && args.at !== undefined && { at: new Date(args.at).toISOString() }),
    ...(to === 'published' && args.original && { publishedAt: new Date(args.original.publishedAt).toISOString() }),
  })
  return { status: to }
}

// Changes to a published article that readers do not see yet: whether there are any, and discarding them (the working
// copy goes back to the live copy, kept as a revision). Putting them live is republishing (workflow.ts).

import { AppError } from '../errors.ts'
import type { ArticleDraft } from '../store/articles.ts'
import type { Repositories } from '../store/store.ts'
import { changeableBy, type Actor } from './article-access.ts'
import { auditArticle } from './audit-trail.ts'
import { keepRevision } from './saving.ts'
import { checkSlugFree } from './slug-check.ts'

/** Whether published article `articleId`'s working copy differs from what readers see (false when it is not live). */
export const hasUnpublishedChanges = async (tx: Repositories, articleId: number): Promise<boolean> =>
  (await tx.liveChanges.pending([articleId])).has(articleId)

/**
 * Resets the working copy of a published article to its live copy, as `actor`, who must be allowed to change it now
 * (article-access.ts; Forbidden otherwise). `version` is the version the discarding user saw: a save made since then
 * is not thrown away unseen (Conflict). Conflict too when the article is not published or has no changes to discard.
 * Fields readers never see (editor's choice, translation group, import origin) stay as they are. The result is kept as
 * a 'restore' revision, so the discarded text remains in the revisions, and recorded in the audit log.
 */
export async function discardChanges(tx: Repositories, args: { articleId: number; version: number; actor: Actor; now: number }): Promise<{ version: number; revisionId: number }> {
  const { article } = await changeableBy(tx, args.articleId, args.actor)
  const live = article.status === 'published' ? await tx.liveChanges.liveCopy(article.id) : undefined
  if (!live) throw new AppError('Conflict', 'only a published article has a live copy to go back to')
  if (!Number.isSafeInteger(args.version) || args.version !== article.version) {
    throw new AppError('Conflict', 'the article was saved since you opened it; look at the latest text, then discard again if you still want to', 'version')
  }
  if (!(await hasUnpublishedChanges(tx, article.id))) throw new AppError('Conflict', 'there are no unpublished changes to discard')
  // The revision list must show what was thrown away: an article with no revision yet keeps its present text first.
  if (!(await tx.revisions.latest(article.id))) await keepRevision(tx, article.id, 'save', null, article.modifiedAt)
  const { updatedAt: _live, ...fields } = live
  const draft: ArticleDraft = { ...article, ...fields }
  await checkSlugFree(tx, draft, article.id)
  if (!(await tx.articles.update(article.id, article.version, draft, args.now))) {
    throw new AppError('Conflict', 'the article changed while its changes were being discarded; try again', 'version')
  }
  const revisionId = await keepRevision(tx, article.id, 'restore', args.actor.userId, args.now)
  await auditArticle(tx, args.actor.userId, 'article.discard', article.id, args.now, { title: live.title, revision: revisionId })
  return { version: article.version + 1, revisionId }
}

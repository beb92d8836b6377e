// Audit records of article work, written by the use-cases inside the transaction of the change they describe.

import type { ArticleStatus } from '../domain/article.ts'
import type { Repositories } from '../store/store.ts'

/**
 * Records that `userId` (null for the system: scheduled publishing, the command line) did `action` to article
 * `articleId`. Call it inside the transaction of the change, so the record and the change commit or roll back together.
 */
export const auditArticle = (tx: Repositories, userId: number | null, action: string, articleId: number, at: number, details: Record<string, unknown> = {}): Promise<void> =>
  tx.audit.record({ userId, action, subjectType: 'article', subjectId: String(articleId), details, at })

/**
 * The audit action of a workflow move, named for what the user did: submit, back-to-draft (from review), unschedule,
 * reopen (an unpublished article back to draft), schedule, publish, update (republishing a published article), unpublish.
 */
export function moveAction(from: ArticleStatus, to: ArticleStatus): string {
  switch (to) {
    case 'in_review': return 'article.submit'
    case 'scheduled': return 'article.schedule'
    case 'published': return from === 'published' ? 'article.update' : 'article.publish'
    case 'unpublished': return 'article.unpublish'
    default: return from === 'scheduled' ? 'article.unschedule' : from === 'unpublished' ? 'article.reopen' : 'article.back-to-draft'
  }
}

// The notice editors get when an article is submitted for review: written to the mail outbox in the same transaction.

import type { Outgoing } from '../domain/mail.ts'
import type { Repositories } from '../store/store.ts'

export interface ReviewNoticeArgs {
  readonly articleId: number
  /** Who submitted it; they get no notice of their own submission. Null for the system. */
  readonly submittedBy: number | null
  /** The site's name, read before the transaction (the site cache may read the pool, which SQLite's one connection would wait for). */
  readonly siteName: string
  readonly now: number
}

/**
 * Writes one review notice per active editor and admin (but the submitter) into the outbox, inside the caller's
 * transaction: sent after commit by the mail job, never for a move that rolled back. Returns how many.
 */
export async function noticeReview(tx: Repositories, outgoing: Outgoing, args: ReviewNoticeArgs): Promise<number> {
  const article = await tx.articles.get(args.articleId)
  if (!article) return 0
  const submitter = args.submittedBy === null ? undefined : await tx.users.get(args.submittedBy)
  const editors = (await tx.users.list()).filter((u) => !u.disabled && (u.role === 'editor' || u.role === 'admin') && u.email !== '' && u.id !== args.submittedBy)
  const link = outgoing.url(`/desk/articles/${article.id}/edit`)
  return tx.mailOutbox.enqueue(editors.map((u) => outgoing.letters.reviewNotice({
    to: u.email, siteName: args.siteName, name: u.name, articleTitle: article.title || 'Untitled', submitterName: submitter?.name ?? 'Someone', link,
  })), args.now)
}

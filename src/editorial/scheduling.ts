// Scheduled publishing: due articles go live one by one, each in its own short transaction, exactly once.

import type { Store } from '../store/store.ts'
import { publish, requireByline } from './publishing.ts'
import { keepRevision } from './saving.ts'
import { auditArticle } from './audit-trail.ts'

export interface PublishDueOptions {
  readonly siteLanguage: string
  /** Articles published in one run at most; the rest wait for the next run. 20 by default. */
  readonly limit?: number
}

export interface PublishDueReport {
  readonly published: readonly number[]
  /** Articles whose publication failed (left scheduled, retried next run), with the reason. */
  readonly failed: readonly { readonly id: number; readonly error: string }[]
}

/**
 * Publishes the scheduled articles due at `now`, each in its own transaction that claims it first (store/scheduled.ts:
 * FOR UPDATE SKIP LOCKED on PostgreSQL, so several instances running this at once never publish one twice; SQLite has
 * one writer). Nothing is held in memory between runs: after a restart the due articles are simply found again.
 * A failure leaves that article scheduled and is reported; the others still go out.
 */
export async function publishDue(store: Store, now: number, opts: PublishDueOptions): Promise<PublishDueReport> {
  const published: number[] = [], failed: { id: number; error: string }[] = []
  const limit = opts.limit ?? 20
  // Instances publishing side by side can deadlock on shared rows (term frequencies); PostgreSQL then aborts one
  // transaction, which wrote nothing and is run again. A few times per run, so a stubborn conflict cannot loop.
  let lockRetries = 3
  while (published.length + failed.length < limit) {
    const attempt: { id: number | null } = { id: null }
    try {
      await store.transaction(async (tx) => {
        const due = await tx.scheduled.claimNext(now, failed.map((f) => f.id))
        if (!due) return
        attempt.id = due.id
        // The byline may have been taken off since it was scheduled: then it stays scheduled and the failure is reported.
        const article = await tx.articles.get(due.id)
        if (article) await requireByline(tx, article)
        await publish(tx, due.id, { now, siteLanguage: opts.siteLanguage, ...(article && { article }) })
        await keepRevision(tx, due.id, 'publish', null, now)
        // The system published it, at the time someone scheduled: the schedule itself is that person's record.
        await auditArticle(tx, null, 'article.publish', due.id, now, { scheduled: true })
      })
    } catch (err) {
      // A claim that failed is the database's problem (the job runner logs it); a publication that failed is this article's.
      if (attempt.id === null) throw err
      if (store.dialect.isLockConflict(err) && lockRetries-- > 0) continue
      failed.push({ id: attempt.id, error: err instanceof Error ? err.message : String(err) })
      continue
    }
    if (attempt.id === null) break
    published.push(attempt.id)
  }
  return { published, failed }
}

// Newsletter issues and their per-recipient deliveries: queueing an issue in one statement, claiming, recording outcomes.

import { sql, type Kysely, type Selectable, type QueryCreator } from 'kysely'
import { anyDue } from './claims.ts'
import type { Issue, IssueItem, IssueStatus } from '../domain/newsletter.ts'
import type { StoreDialect } from './dialect.ts'
import { storedSanitizedHtml } from '../content/sanitize.ts'
import type { SanitizedHtml } from '../domain/sanitized-html.ts'
import type { Database } from './schema.ts'
import type { NewsletterIssuesTable } from './newsletter-schema.ts'

/** A claimed delivery: who gets which issue, and the attempt it is. */
export interface ClaimedDelivery {
  readonly id: number
  readonly issueId: number
  readonly subscriberId: number
  readonly email: string
  readonly attempts: number
}

/** The outcome of one attempt; `nextAttemptAt` null on a failure means give up (and suppress the address). */
export type DeliveryOutcome = { readonly ok: true } | { readonly ok: false; readonly error: string; readonly nextAttemptAt: number | null }

export interface IssueProgress { readonly sent: number; readonly pending: number; readonly failed: number }

const toIssue = (r: Selectable<NewsletterIssuesTable>): Issue => ({
  id: r.id, newsletterId: r.newsletter_id, status: r.status as IssueStatus, subject: r.subject, introHtml: storedSanitizedHtml(r.intro_html),
  items: JSON.parse(r.items) as IssueItem[], createdAt: r.created_at, queuedAt: r.queued_at, recipients: r.recipients,
})

export function createNewsletterIssues(db: Kysely<Database>, dialect: StoreDialect) {
  return {
    async insert(i: { newsletterId: number; status: IssueStatus; subject: string; introHtml: SanitizedHtml; items: readonly IssueItem[]; createdBy: number | null; slot?: number }, now: number): Promise<number> {
      const r = await db.insertInto('newsletter_issues').values({
        newsletter_id: i.newsletterId, status: i.status, subject: i.subject, intro_html: i.introHtml, items: JSON.stringify(i.items),
        created_by: i.createdBy, created_at: now, updated_at: now, slot: i.slot ?? null,
      }).returning('id').executeTakeFirstOrThrow()
      return r.id
    },
    async get(id: number): Promise<Issue | undefined> {
      const r = await db.selectFrom('newsletter_issues').selectAll().where('id', '=', id).executeTakeFirst()
      return r && toIssue(r)
    },
    /** Saves an unsent issue's subject, introduction and items; returns false when it is no longer editable. */
    async update(id: number, i: { subject: string; introHtml: SanitizedHtml; items: readonly IssueItem[] }, now: number): Promise<boolean> {
      const r = await db.updateTable('newsletter_issues').set({ subject: i.subject, intro_html: i.introHtml, items: JSON.stringify(i.items), updated_at: now })
        .where('id', '=', id).where('status', 'in', ['draft', 'awaiting_approval']).executeTakeFirst()
      return Number(r.numUpdatedRows) > 0
    },
    /** A newsletter's issues, newest first. */
    async list(newsletterId: number, limit = 50): Promise<Issue[]> {
      return (await db.selectFrom('newsletter_issues').selectAll().where('newsletter_id', '=', newsletterId).orderBy('id', 'desc').limit(limit).execute()).map(toIssue)
    },
    /** Whether the issue of a scheduled time was composed already. */
    async hasSlot(newsletterId: number, slot: number): Promise<boolean> {
      return !!(await db.selectFrom('newsletter_issues').select('id').where('newsletter_id', '=', newsletterId).where('slot', '=', slot).executeTakeFirst())
    },

    /**
     * Queues an unsent issue: one delivery row per active, unsuppressed subscriber of its newsletter, in one INSERT …
     * SELECT (100,000 rows without a round trip each), and marks the issue sending. Returns the number of recipients,
     * or null when the issue was already queued (a second click, another instance): the status change is the guard.
     */
    async queue(issueId: number, newsletterId: number, now: number): Promise<number | null> {
      const claimed = await db.updateTable('newsletter_issues').set({ status: 'sending', queued_at: now, updated_at: now })
        .where('id', '=', issueId).where('status', 'in', ['draft', 'awaiting_approval']).executeTakeFirst()
      if (Number(claimed.numUpdatedRows) === 0) return null
      const res = await db.insertInto('newsletter_deliveries')
        .columns(['issue_id', 'subscriber_id', 'status', 'attempts', 'next_attempt_at'])
        .expression((eb) => eb.selectFrom('newsletter_subscriptions as x').innerJoin('newsletter_subscribers as s', 's.id', 'x.subscriber_id')
          .select([sql.lit(issueId).as('issue_id'), 'x.subscriber_id', sql.lit('pending').as('status'), sql.lit(0).as('attempts'), sql.lit(now).as('next_attempt_at')])
          .where('x.newsletter_id', '=', newsletterId).where('x.status', '=', 'active').where('s.suppressed_at', 'is', null))
        .onConflict((oc) => oc.columns(['issue_id', 'subscriber_id']).doNothing())
        .executeTakeFirst()
      const n = Number(res.numInsertedOrUpdatedRows ?? 0n)
      // An issue with nobody to send to is done at once.
      await db.updateTable('newsletter_issues').set({ recipients: n, ...(n === 0 && { status: 'sent' }) }).where('id', '=', issueId).execute()
      return n
    },

    /**
     * Claims up to `limit` due deliveries, hiding them from other claimers until `leaseUntil` (FOR UPDATE SKIP LOCKED on
     * PostgreSQL, as mail_outbox.claimDue): a sender that dies leaves them due again once the lease is over.
     */
    async claimDue(now: number, limit: number, leaseUntil: number): Promise<ClaimedDelivery[]> {
      const due = (q: QueryCreator<Database>) => q.selectFrom('newsletter_deliveries').select('id')
        .where('status', '=', 'pending').where('next_attempt_at', '<=', now)
      if (!await anyDue(due(db))) return []
      const rows = await db.with((w) => w('due').materialized(), (q) => due(q)
        .orderBy('next_attempt_at').orderBy('id').limit(limit)
        .$if(dialect.skipLocked, (sq) => sq.forUpdate().skipLocked()))
        .updateTable('newsletter_deliveries')
        .set((eb) => ({ attempts: eb('attempts', '+', 1), next_attempt_at: leaseUntil }))
        .where('id', 'in', (eb) => eb.selectFrom('due').select('due.id'))
        .where('status', '=', 'pending').where('next_attempt_at', '<=', now)
        .returning(['id', 'issue_id', 'subscriber_id', 'attempts']).execute()
      if (!rows.length) return []
      const emails = await db.selectFrom('newsletter_subscribers').select(['id', 'email']).where('id', 'in', rows.map((r) => r.subscriber_id)).execute()
      const byId = new Map(emails.map((e) => [e.id, e.email]))
      return rows.sort((a, b) => a.id - b.id).flatMap((r) => {
        const email = byId.get(r.subscriber_id)
        return email === undefined ? [] : [{ id: r.id, issueId: r.issue_id, subscriberId: r.subscriber_id, email, attempts: r.attempts }]
      })
    },
    /**
     * Records many accepted copies in one statement: the delivery job gathers the answers that arrive while the previous
     * write runs, so a batch of a hundred costs a few statements, not a hundred.
     */
    async recordSent(ids: readonly number[], now: number): Promise<void> {
      if (!ids.length) return
      await db.updateTable('newsletter_deliveries').set({ status: 'sent', sent_at: now, last_error: null }).where('id', 'in', [...ids]).execute()
    },
    /** Records one attempt: sent, retried at `nextAttemptAt`, or failed for good. */
    async record(id: number, outcome: DeliveryOutcome, now: number): Promise<void> {
      const q = db.updateTable('newsletter_deliveries').where('id', '=', id)
      if (outcome.ok) await q.set({ status: 'sent', sent_at: now, last_error: null }).execute()
      else if (outcome.nextAttemptAt === null) await q.set({ status: 'failed', last_error: outcome.error.slice(0, 500) }).execute()
      else await q.set({ last_error: outcome.error.slice(0, 500), next_attempt_at: outcome.nextAttemptAt }).execute()
    },
    /** Sent, pending and failed deliveries of an issue; an issue with none pending is marked sent. */
    async progress(issueId: number): Promise<IssueProgress> {
      const rows = await db.selectFrom('newsletter_deliveries').select(['status', sql<number>`cast(count(*) as integer)`.as('n')])
        .where('issue_id', '=', issueId).groupBy('status').execute()
      const of = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0)
      return { sent: of('sent'), pending: of('pending'), failed: of('failed') }
    },
    /** Marks sending issues with nothing pending as sent; returns how many. */
    async finishSent(now: number): Promise<number> {
      const r = await db.updateTable('newsletter_issues').set({ status: 'sent', updated_at: now })
        .where('status', '=', 'sending')
        .where((eb) => eb.not(eb.exists(eb.selectFrom('newsletter_deliveries as d').select('d.id').whereRef('d.issue_id', '=', 'newsletter_issues.id').where('d.status', '=', 'pending'))))
        .executeTakeFirst()
      return Number(r.numUpdatedRows)
    },
  }
}

export type NewsletterIssues = ReturnType<typeof createNewsletterIssues>

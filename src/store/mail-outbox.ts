// The mail outbox: messages written in the transaction of the action that causes them, claimed and sent by a job.

import type { Kysely, Selectable, QueryCreator } from 'kysely'
import { anyDue } from './claims.ts'
import type { MailMessage } from '../domain/mail.ts'
import type { StoreDialect } from './dialect.ts'
import type { Database, MailOutboxTable } from './schema.ts'

export type OutboxStatus = 'pending' | 'sent' | 'failed'

/** A message in the outbox with its state. */
export interface OutboxMessage extends MailMessage {
  readonly id: number
  readonly status: OutboxStatus
  readonly attempts: number
  readonly nextAttemptAt: number
  readonly lastError: string | null
  readonly createdAt: number
  readonly sentAt: number | null
}

/** The outcome of one attempt; `nextAttemptAt` null on a failure means give up. */
export type SendOutcome = { readonly ok: true } | { readonly ok: false; readonly error: string; readonly nextAttemptAt: number | null }

const toMessage = (r: Selectable<MailOutboxTable>): OutboxMessage => ({
  id: r.id, kind: r.kind, to: r.recipient, subject: r.subject, text: r.text_body, html: r.html_body,
  status: r.status as OutboxStatus, attempts: r.attempts, nextAttemptAt: r.next_attempt_at, lastError: r.last_error,
  createdAt: r.created_at, sentAt: r.sent_at,
})

export function createMailOutbox(db: Kysely<Database>, dialect: StoreDialect) {
  return {
    /**
     * Writes messages due at `now`; call it inside the transaction of the action that causes them, so a rolled-back
     * action sends nothing and a committed one loses nothing. Returns how many were written.
     */
    async enqueue(messages: readonly MailMessage[], now: number): Promise<number> {
      if (!messages.length) return 0
      await db.insertInto('mail_outbox').values(messages.map((m) => ({
        kind: m.kind, recipient: m.to, subject: m.subject, text_body: m.text, html_body: m.html,
        status: 'pending', attempts: 0, next_attempt_at: now, created_at: now, updated_at: now,
      }))).execute()
      return messages.length
    },

    /**
     * Claims up to `limit` due pending messages: counts the attempt and moves `next_attempt_at` to `leaseUntil`, so no
     * other instance sends them meanwhile and a crashed sender's messages come back after the lease (at least once).
     * Same statement as webhooks.claimDue: a materialized CTE, FOR UPDATE SKIP LOCKED on PostgreSQL.
     */
    async claimDue(now: number, limit: number, leaseUntil: number): Promise<OutboxMessage[]> {
      const due = (q: QueryCreator<Database>) => q.selectFrom('mail_outbox').select('id')
        .where('status', '=', 'pending').where('next_attempt_at', '<=', now)
      if (!await anyDue(due(db))) return []
      const rows = await db.with((w) => w('due').materialized(), (q) => due(q)
        .orderBy('next_attempt_at').orderBy('id').limit(limit)
        .$if(dialect.skipLocked, (sq) => sq.forUpdate().skipLocked()))
        .updateTable('mail_outbox')
        .set((eb) => ({ attempts: eb('attempts', '+', 1), next_attempt_at: leaseUntil, updated_at: now }))
        .where('id', 'in', (eb) => eb.selectFrom('due').select('due.id'))
        .where('status', '=', 'pending').where('next_attempt_at', '<=', now)
        .returningAll().execute()
      return rows.sort((a, b) => a.id - b.id).map(toMessage)
    },

    /** Records one attempt: sent, retried at `nextAttemptAt`, or failed for good. Sent and failed messages lose their bodies. */
    async record(id: number, outcome: SendOutcome, now: number): Promise<void> {
      const q = db.updateTable('mail_outbox').where('id', '=', id)
      if (outcome.ok) await q.set({ status: 'sent', sent_at: now, updated_at: now, last_error: null, text_body: '', html_body: '' }).execute()
      else if (outcome.nextAttemptAt === null) await q.set({ status: 'failed', updated_at: now, last_error: outcome.error.slice(0, 500), text_body: '', html_body: '' }).execute()
      else await q.set({ status: 'pending', updated_at: now, last_error: outcome.error.slice(0, 500), next_attempt_at: outcome.nextAttemptAt }).execute()
    },

    /** Messages newest first (tests and operators' checks). */
    async list(limit = 50): Promise<OutboxMessage[]> {
      return (await db.selectFrom('mail_outbox').selectAll().orderBy('id', 'desc').limit(limit).execute()).map(toMessage)
    },

    /** Deletes sent and failed messages last touched before `before`; returns how many. */
    async pruneFinished(before: number): Promise<number> {
      const res = await db.deleteFrom('mail_outbox').where('status', 'in', ['sent', 'failed']).where('updated_at', '<', before).executeTakeFirst()
      return Number(res.numDeletedRows)
    },
  }
}

export type MailOutbox = ReturnType<typeof createMailOutbox>

// Webhook receivers and the delivery outbox: enqueue in the publishing transaction, claim due rows, record outcomes.

import type { Kysely, Selectable, QueryCreator } from 'kysely'
import { anyDue } from './claims.ts'
import type { DeliveryStatus, WebhookArticle, WebhookDelivery, WebhookEventType, WebhookReceiver } from '../domain/webhook.ts'
import type { StoreDialect } from './dialect.ts'
import type { Database, WebhookDeliveriesTable, WebhookReceiversTable } from './schema.ts'

/** An event ready to be written to the outbox. */
export interface NewWebhookEvent {
  readonly eventId: string
  readonly type: WebhookEventType
  readonly eventAt: number
  readonly article: WebhookArticle
}

/** A claimed delivery with what sending it needs. */
export interface ClaimedDelivery {
  readonly delivery: WebhookDelivery
  readonly url: string
  readonly secret: string
}

/** The outcome of one attempt; `nextAttemptAt` null on a failure means give up. */
export type DeliveryOutcome =
  | { readonly ok: true; readonly statusCode: number; readonly durationMs: number }
  | { readonly ok: false; readonly statusCode: number | null; readonly error: string; readonly durationMs: number; readonly nextAttemptAt: number | null }

export interface DeliveryLogQuery {
  readonly status?: DeliveryStatus
  readonly receiverId?: number
  readonly limit: number
  /** Only deliveries with a smaller id: the next page of a log read newest first. */
  readonly beforeId?: number
}

// Stored JSON uses the wire names; times are ISO strings there, epoch ms everywhere else.
interface StoredEvent {
  id: string
  type: WebhookEventType
  created_at: string
  article: { id: number; path: string; title: string; section: string; language: string; published_at: string; updated_at: string }
}

const toStored = (e: NewWebhookEvent): StoredEvent => ({
  id: e.eventId, type: e.type, created_at: new Date(e.eventAt).toISOString(),
  article: {
    id: e.article.id, path: e.article.path, title: e.article.title, section: e.article.section, language: e.article.language,
    published_at: new Date(e.article.publishedAt).toISOString(), updated_at: new Date(e.article.updatedAt).toISOString(),
  },
})

function toDelivery(row: Selectable<WebhookDeliveriesTable>): WebhookDelivery {
  const stored = JSON.parse(row.payload) as StoredEvent
  const a = stored.article
  return {
    id: row.id, receiverId: row.receiver_id, eventId: row.event_id, eventType: row.event_type as WebhookEventType,
    article: { id: a.id, path: a.path, title: a.title, section: a.section, language: a.language, publishedAt: Date.parse(a.published_at), updatedAt: Date.parse(a.updated_at) },
    eventAt: Date.parse(stored.created_at), status: row.status as DeliveryStatus, attempts: row.attempts, nextAttemptAt: row.next_attempt_at,
    lastStatusCode: row.last_status_code, lastError: row.last_error, lastDurationMs: row.last_duration_ms,
    createdAt: row.created_at, updatedAt: row.updated_at, deliveredAt: row.delivered_at,
  }
}

const toReceiver = (row: Omit<Selectable<WebhookReceiversTable>, 'secret'>): WebhookReceiver => ({
  id: row.id, url: row.url, active: row.active === 1, createdAt: row.created_at, deactivatedAt: row.deactivated_at,
})

const RECEIVER_COLUMNS = ['id', 'url', 'active', 'created_at', 'deactivated_at'] as const

export function createWebhooks(db: Kysely<Database>, dialect: StoreDialect) {
  return {
    /** Adds a receiver; returns its id. */
    async insertReceiver(r: { url: string; secret: string; createdAt: number }): Promise<number> {
      const row = await db.insertInto('webhook_receivers').values({ url: r.url, secret: r.secret, active: 1, created_at: r.createdAt })
        .returning('id').executeTakeFirstOrThrow()
      return row.id
    },

    /** Every receiver, active ones first, oldest first. */
    async receivers(): Promise<WebhookReceiver[]> {
      const rows = await db.selectFrom('webhook_receivers').select(RECEIVER_COLUMNS).orderBy('active', 'desc').orderBy('id').execute()
      return rows.map(toReceiver)
    },

    async receiver(id: number): Promise<WebhookReceiver | undefined> {
      const row = await db.selectFrom('webhook_receivers').select(RECEIVER_COLUMNS).where('id', '=', id).executeTakeFirst()
      return row && toReceiver(row)
    },

    /** Stops sending to a receiver; its pending deliveries fail. Returns false when it was not active. */
    async deactivateReceiver(id: number, now: number): Promise<boolean> {
      const res = await db.updateTable('webhook_receivers').set({ active: 0, deactivated_at: now })
        .where('id', '=', id).where('active', '=', 1).executeTakeFirst()
      if (Number(res.numUpdatedRows) === 0) return false
      await db.updateTable('webhook_deliveries').set({ status: 'failed', last_error: 'receiver removed', updated_at: now })
        .where('receiver_id', '=', id).where('status', '=', 'pending').execute()
      return true
    },

    /** Whether any receiver is active: publishing skips building an event when none is. */
    async hasActiveReceivers(): Promise<boolean> {
      return !!(await db.selectFrom('webhook_receivers').select('id').where('active', '=', 1).limit(1).executeTakeFirst())
    },

    /** Writes one pending delivery of `event` per active receiver, due at `now`; returns how many. */
    async enqueue(event: NewWebhookEvent, now: number): Promise<number> {
      const receivers = await db.selectFrom('webhook_receivers').select('id').where('active', '=', 1).orderBy('id').execute()
      if (!receivers.length) return 0
      const payload = JSON.stringify(toStored(event))
      await db.insertInto('webhook_deliveries').values(receivers.map((r) => ({
        receiver_id: r.id, event_id: event.eventId, event_type: event.type, payload, status: 'pending',
        attempts: 0, next_attempt_at: now, created_at: now, updated_at: now,
      }))).execute()
      return receivers.length
    },

    /** What an event says about a live article, or undefined when it is not live. */
    async liveArticle(articleId: number): Promise<Omit<WebhookArticle, 'path'> & { sectionSlug: string; slug: string } | undefined> {
      return db.selectFrom('article_live as l').innerJoin('sections as s', 's.id', 'l.section_id')
        .select(['l.article_id as id', 'l.title', 's.slug as section', 's.slug as sectionSlug', 'l.slug', 'l.language', 'l.published_at as publishedAt', 'l.updated_at as updatedAt'])
        .where('l.article_id', '=', articleId).executeTakeFirst()
    },

    /**
     * Claims up to `limit` due pending deliveries: counts the attempt and moves `next_attempt_at` to `leaseUntil`, so
     * nobody else takes them while they are being sent and a crashed sender's rows come back after the lease.
     * On PostgreSQL the inner select skips rows another instance has locked, so each row goes to one claimer.
     */
    async claimDue(now: number, limit: number, leaseUntil: number): Promise<ClaimedDelivery[]> {
      // The due ids come from a MATERIALIZED CTE, computed once. As `id in (select … limit n for update skip locked)`
      // PostgreSQL may rescan the subquery per row, skip the rows this statement already updated, and claim more than n.
      const due = (q: QueryCreator<Database>) => q.selectFrom('webhook_deliveries').select('id')
        .where('status', '=', 'pending').where('next_attempt_at', '<=', now)
      if (!await anyDue(due(db))) return []
      const rows = await db.with((w) => w('due').materialized(), (q) => due(q)
        .orderBy('next_attempt_at').orderBy('id').limit(limit)
        .$if(dialect.skipLocked, (sq) => sq.forUpdate().skipLocked()))
        .updateTable('webhook_deliveries')
        .set((eb) => ({ attempts: eb('attempts', '+', 1), next_attempt_at: leaseUntil, updated_at: now }))
        .where('id', 'in', (eb) => eb.selectFrom('due').select('due.id'))
        // Checked again on the row itself: a claimer that had to wait for a lock must not take a row just leased.
        .where('status', '=', 'pending').where('next_attempt_at', '<=', now)
        .returningAll().execute()
      if (!rows.length) return []
      const receivers = await db.selectFrom('webhook_receivers').select(['id', 'url', 'secret'])
        .where('id', 'in', [...new Set(rows.map((r) => r.receiver_id))]).execute()
      const byId = new Map(receivers.map((r) => [r.id, r]))
      return rows.sort((a, b) => a.next_attempt_at - b.next_attempt_at || a.id - b.id).flatMap((row) => {
        const r = byId.get(row.receiver_id)
        return r ? [{ delivery: toDelivery(row), url: r.url, secret: r.secret }] : []
      })
    },

    /** Records one attempt's outcome: delivered, retried at `nextAttemptAt`, or failed for good. */
    async record(id: number, outcome: DeliveryOutcome, now: number): Promise<void> {
      const common = { last_status_code: outcome.statusCode, last_duration_ms: Math.round(outcome.durationMs), updated_at: now }
      const q = db.updateTable('webhook_deliveries').where('id', '=', id)
      if (outcome.ok) {
        await q.set({ ...common, status: 'delivered', last_error: null, delivered_at: now }).execute()
      } else if (outcome.nextAttemptAt === null) {
        await q.set({ ...common, status: 'failed', last_error: outcome.error.slice(0, 500) }).execute()
      } else {
        await q.set({ ...common, status: 'pending', last_error: outcome.error.slice(0, 500), next_attempt_at: outcome.nextAttemptAt }).execute()
      }
    },

    async delivery(id: number): Promise<WebhookDelivery | undefined> {
      const row = await db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst()
      return row && toDelivery(row)
    },

    /** Deliveries newest first, filtered by status and receiver. */
    async log(query: DeliveryLogQuery): Promise<WebhookDelivery[]> {
      const rows = await db.selectFrom('webhook_deliveries').selectAll()
        .$if(query.status !== undefined, (q) => q.where('status', '=', query.status!))
        .$if(query.receiverId !== undefined, (q) => q.where('receiver_id', '=', query.receiverId!))
        .$if(query.beforeId !== undefined, (q) => q.where('id', '<', query.beforeId!))
        .orderBy('id', 'desc').limit(query.limit).execute()
      return rows.map(toDelivery)
    },

    /** A new pending delivery of the same event to the same receiver, due at `now`; the old row stays in the log. */
    async insertRedelivery(from: number, now: number): Promise<number | undefined> {
      const row = await db.selectFrom('webhook_deliveries').select(['receiver_id', 'event_id', 'event_type', 'payload']).where('id', '=', from).executeTakeFirst()
      if (!row) return undefined
      const inserted = await db.insertInto('webhook_deliveries').values({
        ...row, status: 'pending', attempts: 0, next_attempt_at: now, created_at: now, updated_at: now,
      }).returning('id').executeTakeFirstOrThrow()
      return inserted.id
    },

    /** Deletes finished deliveries (delivered or failed) last touched before `before`; returns how many. */
    async pruneFinished(before: number): Promise<number> {
      const res = await db.deleteFrom('webhook_deliveries').where('status', 'in', ['delivered', 'failed']).where('updated_at', '<', before).executeTakeFirst()
      return Number(res.numDeletedRows)
    },
  }
}

export type Webhooks = ReturnType<typeof createWebhooks>

// Newsletters, their subscribers and subscriptions: definitions, double opt-in state, the desk's subscriber list, erasure.

import { sql, type Kysely, type Selectable } from 'kysely'
import type { Cadence, Newsletter } from '../domain/newsletter.ts'
import type { Database } from './schema.ts'
import type { NewslettersTable, NewsletterSubscribersTable } from './newsletter-schema.ts'
import { likePattern } from './desk-articles.ts'

/** A newsletter's fields as the desk saves them. */
export type NewsletterFields = Omit<Newsletter, 'id' | 'createdAt' | 'updatedAt'>

export interface Subscriber {
  readonly id: number
  readonly email: string
  readonly source: 'form' | 'import'
  readonly sourceNote: string
  readonly createdAt: number
  readonly suppressedAt: number | null
  readonly suppressedReason: string | null
}

export type SubscriptionStatus = 'pending' | 'active' | 'left'

export interface Subscription {
  readonly newsletterId: number
  readonly subscriberId: number
  readonly status: SubscriptionStatus
  readonly confirmExpiresAt: number | null
  readonly createdAt: number
  readonly confirmedAt: number | null
}

const toNewsletter = (r: Selectable<NewslettersTable>): Newsletter => ({
  id: r.id, slug: r.slug, name: r.name, description: r.description, language: r.language, senderName: r.sender_name,
  senderAddress: r.sender_address, replyTo: r.reply_to, cadence: r.cadence as Cadence, sendTime: r.send_time,
  sendWeekday: r.send_weekday, autoSend: r.auto_send === 1, sections: parseSections(r.sections), createdAt: r.created_at, updatedAt: r.updated_at,
})

function parseSections(json: string): string[] {
  const v: unknown = JSON.parse(json)
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []
}

const toSubscriber = (r: Selectable<NewsletterSubscribersTable>): Subscriber => ({
  id: r.id, email: r.email, source: r.source as Subscriber['source'], sourceNote: r.source_note, createdAt: r.created_at,
  suppressedAt: r.suppressed_at, suppressedReason: r.suppressed_reason,
})

const toRow = (f: NewsletterFields) => ({
  slug: f.slug, name: f.name, description: f.description, language: f.language, sender_name: f.senderName, sender_address: f.senderAddress,
  reply_to: f.replyTo, cadence: f.cadence, send_time: f.sendTime, send_weekday: f.sendWeekday, auto_send: f.autoSend ? 1 : 0,
  sections: JSON.stringify(f.sections),
})

export function createNewsletters(db: Kysely<Database>) {
  return {
    /** Every newsletter, by name. */
    async list(): Promise<Newsletter[]> {
      return (await db.selectFrom('newsletters').selectAll().orderBy('name').orderBy('id').execute()).map(toNewsletter)
    },
    async byId(id: number): Promise<Newsletter | undefined> {
      const r = await db.selectFrom('newsletters').selectAll().where('id', '=', id).executeTakeFirst()
      return r && toNewsletter(r)
    },
    async bySlug(slug: string): Promise<Newsletter | undefined> {
      const r = await db.selectFrom('newsletters').selectAll().where('slug', '=', slug).executeTakeFirst()
      return r && toNewsletter(r)
    },
    /** Adds a newsletter; returns its id. The slug is unique (a unique violation on a race). */
    async insert(f: NewsletterFields, now: number): Promise<number> {
      const r = await db.insertInto('newsletters').values({ ...toRow(f), created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow()
      return r.id
    },
    async update(id: number, f: NewsletterFields, now: number): Promise<void> {
      await db.updateTable('newsletters').set({ ...toRow(f), updated_at: now }).where('id', '=', id).execute()
    },

    /** The subscriber with `email` (normalised), if any. */
    async subscriberByEmail(email: string): Promise<Subscriber | undefined> {
      const r = await db.selectFrom('newsletter_subscribers').selectAll().where('email', '=', email).executeTakeFirst()
      return r && toSubscriber(r)
    },
    async subscriberById(id: number): Promise<Subscriber | undefined> {
      const r = await db.selectFrom('newsletter_subscribers').selectAll().where('id', '=', id).executeTakeFirst()
      return r && toSubscriber(r)
    },
    /** The subscriber with `email`, added with `source` when there is none; an existing one keeps its source. */
    async ensureSubscriber(email: string, source: Subscriber['source'], sourceNote: string, now: number): Promise<Subscriber> {
      await db.insertInto('newsletter_subscribers').values({ email, source, source_note: sourceNote, created_at: now })
        .onConflict((oc) => oc.column('email').doNothing()).execute()
      const r = await db.selectFrom('newsletter_subscribers').selectAll().where('email', '=', email).executeTakeFirstOrThrow()
      return toSubscriber(r)
    },
    /**
     * Adds addresses (normalised already) as subscribers from `source` and subscribes them, active, to `newsletterId`,
     * in chunks of 500 rows a statement; addresses that exist keep their own source, and existing subscriptions (even
     * left ones: leaving is respected) are not touched. Returns how many subscriptions were added.
     */
    async importActive(emails: readonly string[], newsletterId: number, source: Subscriber['source'], sourceNote: string, now: number): Promise<number> {
      let added = 0
      for (let i = 0; i < emails.length; i += 500) {
        const chunk = emails.slice(i, i + 500)
        await db.insertInto('newsletter_subscribers').values(chunk.map((email) => ({ email, source, source_note: sourceNote, created_at: now })))
          .onConflict((oc) => oc.column('email').doNothing()).execute()
        const ids = await db.selectFrom('newsletter_subscribers').select('id').where('email', 'in', chunk).execute()
        const res = await db.insertInto('newsletter_subscriptions')
          .values(ids.map((r) => ({ newsletter_id: newsletterId, subscriber_id: r.id, status: 'active', created_at: now, confirmed_at: now })))
          .onConflict((oc) => oc.columns(['newsletter_id', 'subscriber_id']).doNothing()).executeTakeFirst()
        added += Number(res.numInsertedOrUpdatedRows ?? 0n)
      }
      return added
    },
    /** Marks an address refused for good (a 5xx): nothing more is queued for it. */
    async suppress(subscriberId: number, reason: string, now: number): Promise<void> {
      await db.updateTable('newsletter_subscribers').set({ suppressed_at: now, suppressed_reason: reason.slice(0, 500) })
        .where('id', '=', subscriberId).where('suppressed_at', 'is', null).execute()
    },
    /** Deletes a subscriber and, by cascade, their subscriptions and deliveries (erasure). Returns whether one was deleted. */
    async removeSubscriber(id: number): Promise<boolean> {
      const r = await db.deleteFrom('newsletter_subscribers').where('id', '=', id).executeTakeFirst()
      return Number(r.numDeletedRows) > 0
    },

    /** One subscription, if any. */
    async subscription(newsletterId: number, subscriberId: number): Promise<Subscription | undefined> {
      const r = await db.selectFrom('newsletter_subscriptions').selectAll().where('newsletter_id', '=', newsletterId).where('subscriber_id', '=', subscriberId).executeTakeFirst()
      return r && { newsletterId: r.newsletter_id, subscriberId: r.subscriber_id, status: r.status as SubscriptionStatus, confirmExpiresAt: r.confirm_expires_at, createdAt: r.created_at, confirmedAt: r.confirmed_at }
    },
    /**
     * Sets a subscription waiting for confirmation by the link whose token hashes to `tokenHash`, replacing an earlier
     * link; an active subscription is left as it is (the caller does not ask).
     */
    async putPending(newsletterId: number, subscriberId: number, tokenHash: string, expiresAt: number, now: number): Promise<void> {
      const pending = { status: 'pending', confirm_token_hash: tokenHash, confirm_expires_at: expiresAt }
      await db.insertInto('newsletter_subscriptions').values({ newsletter_id: newsletterId, subscriber_id: subscriberId, ...pending, created_at: now })
        .onConflict((oc) => oc.columns(['newsletter_id', 'subscriber_id']).doUpdateSet(pending).where('newsletter_subscriptions.status', '!=', 'active')).execute()
    },
    /** Subscriptions (active at once) from an import; existing ones are left alone. Returns how many were added. */
    async putActive(newsletterId: number, subscriberId: number, now: number): Promise<boolean> {
      const r = await db.insertInto('newsletter_subscriptions')
        .values({ newsletter_id: newsletterId, subscriber_id: subscriberId, status: 'active', created_at: now, confirmed_at: now })
        .onConflict((oc) => oc.columns(['newsletter_id', 'subscriber_id']).doNothing()).executeTakeFirst()
      return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0
    },
    /**
     * Activates the pending subscription whose link token hashes to `tokenHash` if it has not expired at `now`; the
     * token is cleared so the link works once. Returns the pair, or undefined for an unknown, used or expired link.
     */
    async confirm(tokenHash: string, now: number): Promise<{ newsletterId: number; subscriberId: number } | undefined> {
      const r = await db.updateTable('newsletter_subscriptions')
        .set({ status: 'active', confirmed_at: now, confirm_token_hash: null, confirm_expires_at: null, left_at: null })
        .where('confirm_token_hash', '=', tokenHash).where('status', '=', 'pending').where('confirm_expires_at', '>', now)
        .returning(['newsletter_id', 'subscriber_id']).executeTakeFirst()
      return r && { newsletterId: r.newsletter_id, subscriberId: r.subscriber_id }
    },
    /** Ends a subscription (pending or active). Returns whether one changed. */
    async leave(newsletterId: number, subscriberId: number, now: number): Promise<boolean> {
      const r = await db.updateTable('newsletter_subscriptions').set({ status: 'left', left_at: now, confirm_token_hash: null, confirm_expires_at: null })
        .where('newsletter_id', '=', newsletterId).where('subscriber_id', '=', subscriberId).where('status', '!=', 'left').executeTakeFirst()
      return Number(r.numUpdatedRows) > 0
    },
    /** A subscriber's subscriptions with their newsletters' names, for the manage page. */
    async subscriptionsOf(subscriberId: number): Promise<{ newsletterId: number; slug: string; name: string; status: SubscriptionStatus }[]> {
      const rows = await db.selectFrom('newsletter_subscriptions as s').innerJoin('newsletters as n', 'n.id', 's.newsletter_id')
        .select(['n.id', 'n.slug', 'n.name', 's.status']).where('s.subscriber_id', '=', subscriberId).orderBy('n.name').execute()
      return rows.map((r) => ({ newsletterId: r.id, slug: r.slug, name: r.name, status: r.status as SubscriptionStatus }))
    },

    /** Subscribers whose address holds `text`, newest first, with the slugs of their active newsletters; limit + 1 rows tell whether there is a next page. */
    async searchSubscribers(q: { text?: string; newsletterId?: number; limit: number; offset: number }): Promise<{ items: (Subscriber & { newsletters: string[] })[]; hasNext: boolean }> {
      const rows = await db.selectFrom('newsletter_subscribers as s').selectAll('s')
        .$if(!!q.text, (w) => w.where(sql<boolean>`s.email like ${likePattern(q.text!)} escape '\\'`))
        .$if(q.newsletterId !== undefined, (w) => w.where((eb) => eb.exists(eb.selectFrom('newsletter_subscriptions as f').select('f.id')
          .whereRef('f.subscriber_id', '=', 's.id').where('f.newsletter_id', '=', q.newsletterId!).where('f.status', '=', 'active'))))
        .orderBy('s.id', 'desc').limit(q.limit + 1).offset(q.offset).execute()
      const page = rows.slice(0, q.limit)
      // The page's newsletters in a second query rather than an aggregate, which the two engines spell differently.
      const links = page.length ? await db.selectFrom('newsletter_subscriptions as x').innerJoin('newsletters as n', 'n.id', 'x.newsletter_id')
        .select(['x.subscriber_id', 'n.slug']).where('x.subscriber_id', 'in', page.map((r) => r.id)).where('x.status', '=', 'active').orderBy('n.slug').execute() : []
      return { items: page.map((r) => ({ ...toSubscriber(r), newsletters: links.filter((l) => l.subscriber_id === r.id).map((l) => l.slug) })), hasNext: rows.length > q.limit }
    },
    /** Every subscription with its address, in id order, `limit` at a time after `afterId` (the CSV export pages through it). */
    async exportPage(afterId: number, limit: number): Promise<{ id: number; email: string; newsletter: string; status: string; source: string; sourceNote: string; createdAt: number; confirmedAt: number | null }[]> {
      const rows = await db.selectFrom('newsletter_subscriptions as x').innerJoin('newsletter_subscribers as s', 's.id', 'x.subscriber_id')
        .innerJoin('newsletters as n', 'n.id', 'x.newsletter_id')
        .select(['x.id', 's.email', 'n.slug', 'x.status', 's.source', 's.source_note', 'x.created_at', 'x.confirmed_at'])
        .where('x.id', '>', afterId).orderBy('x.id').limit(limit).execute()
      return rows.map((r) => ({ id: r.id, email: r.email, newsletter: r.slug, status: r.status, source: r.source, sourceNote: r.source_note, createdAt: r.created_at, confirmedAt: r.confirmed_at }))
    },
    /**
     * Subscriptions that started (were confirmed or imported) and that were left in each of `periods` spans of
     * `periodMs` before `until`, by newsletter; span 0 is the latest. Erased subscribers are gone from these, as asked.
     */
    async activity(until: number, periodMs: number, periods: number): Promise<{ newsletterId: number; period: number; subscribed: number; left: number }[]> {
      const since = until - periods * periodMs
      const spans = async (column: 'confirmed_at' | 'left_at') => {
        // The span is computed in a subquery and grouped there by name: PostgreSQL would not match a GROUP BY expression
        // whose parameters are bound separately from the SELECT's.
        const rows = await db.selectFrom((eb) => eb.selectFrom('newsletter_subscriptions')
          .select(['newsletter_id', sql<number>`cast((${until} - ${sql.ref(column)}) / ${periodMs} as integer)`.as('period')])
          .where(column, '>', since).where(column, '<=', until).as('e'))
          .select(['e.newsletter_id', 'e.period', sql<number>`cast(count(*) as integer)`.as('n')])
          .groupBy(['e.newsletter_id', 'e.period']).execute()
        return rows.map((r) => ({ newsletterId: r.newsletter_id, period: Number(r.period), n: Number(r.n) }))
      }
      const [started, left] = await Promise.all([spans('confirmed_at'), spans('left_at')])
      const key = (r: { newsletterId: number; period: number }) => `${r.newsletterId}:${r.period}`
      const out = new Map<string, { newsletterId: number; period: number; subscribed: number; left: number }>()
      for (const r of started) out.set(key(r), { newsletterId: r.newsletterId, period: r.period, subscribed: r.n, left: 0 })
      for (const r of left) {
        const o = out.get(key(r))
        if (o) o.left = r.n
        else out.set(key(r), { newsletterId: r.newsletterId, period: r.period, subscribed: 0, left: r.n })
      }
      return [...out.values()]
    },
    /** Subscriptions of each newsletter by status. */
    async counts(): Promise<{ newsletterId: number; status: SubscriptionStatus; n: number }[]> {
      const rows = await db.selectFrom('newsletter_subscriptions').select(['newsletter_id', 'status', sql<number>`cast(count(*) as integer)`.as('n')])
        .groupBy(['newsletter_id', 'status']).execute()
      return rows.map((r) => ({ newsletterId: r.newsletter_id, status: r.status as SubscriptionStatus, n: Number(r.n) }))
    },
  }
}

export type Newsletters = ReturnType<typeof createNewsletters>

// Newsletters: their definitions, subscribers and their subscriptions, issues, and one delivery row per recipient.

import { sql, type Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import type { StoreDialect } from '../dialect.ts'

/** Creates newsletters, newsletter_subscribers, newsletter_subscriptions, newsletter_issues and newsletter_deliveries. */
export const newsletters = (d: StoreDialect): Migration => ({
  async up(db: Kysely<any>) {
    const big = d.bigintType
    await db.schema.createTable('newsletters')
      .addColumn('id', d.idType, d.primaryKey)
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('sender_name', 'text', (c) => c.notNull())
      .addColumn('sender_address', 'text', (c) => c.notNull())
      .addColumn('reply_to', 'text')
      .addColumn('cadence', 'text', (c) => c.notNull().defaultTo('manual').check(sql`cadence in ('manual', 'daily', 'weekly')`))
      // Local wall-clock time (HH:MM, site time zone) and, for weekly ones, the ISO weekday (1 = Monday).
      .addColumn('send_time', 'text')
      .addColumn('send_weekday', 'integer')
      .addColumn('auto_send', 'integer', (c) => c.notNull().defaultTo(0))
      // Section slugs whose latest articles a composed issue takes, as a JSON array.
      .addColumn('sections', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('created_at', big, (c) => c.notNull())
      .addColumn('updated_at', big, (c) => c.notNull())
      .execute()

    // One row per address, normalised (trimmed, lower-cased). suppressed_at is set after a permanent refusal (5xx).
    await db.schema.createTable('newsletter_subscribers')
      .addColumn('id', d.idType, d.primaryKey)
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('form', 'import')`))
      .addColumn('source_note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', big, (c) => c.notNull())
      .addColumn('suppressed_at', big)
      .addColumn('suppressed_reason', 'text')
      .execute()

    // pending until the confirmation link is opened; the link's token is kept only as its sha256.
    await db.schema.createTable('newsletter_subscriptions')
      .addColumn('id', d.idType, d.primaryKey)
      .addColumn('newsletter_id', big, (c) => c.notNull().references('newsletters.id').onDelete('cascade'))
      .addColumn('subscriber_id', big, (c) => c.notNull().references('newsletter_subscribers.id').onDelete('cascade'))
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'active', 'left')`))
      .addColumn('confirm_token_hash', 'text', (c) => c.unique())
      .addColumn('confirm_expires_at', big)
      .addColumn('created_at', big, (c) => c.notNull())
      .addColumn('confirmed_at', big)
      .addColumn('left_at', big)
      .addUniqueConstraint('newsletter_subscriptions_pair', ['newsletter_id', 'subscriber_id'])
      .execute()
    // Queueing an issue reads a newsletter's active subscriptions.
    await db.schema.createIndex('newsletter_subscriptions_active').on('newsletter_subscriptions').columns(['newsletter_id', 'status', 'subscriber_id']).execute()
    await db.schema.createIndex('newsletter_subscriptions_subscriber').on('newsletter_subscriptions').column('subscriber_id').execute()

    // items: the composed list as JSON ({ articleId, title, url, standfirst, imageUrl, imageAlt, note }[]).
    await db.schema.createTable('newsletter_issues')
      .addColumn('id', d.idType, d.primaryKey)
      .addColumn('newsletter_id', big, (c) => c.notNull().references('newsletters.id').onDelete('cascade'))
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'awaiting_approval', 'sending', 'sent')`))
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('intro_html', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('items', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('created_by', big, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', big, (c) => c.notNull())
      .addColumn('updated_at', big, (c) => c.notNull())
      .addColumn('queued_at', big)
      .addColumn('recipients', 'integer', (c) => c.notNull().defaultTo(0))
      // The scheduled time a composed-by-itself issue is for; null for issues an editor composed. Unique per newsletter,
      // so two instances running the schedule compose one issue, not two.
      .addColumn('slot', big)
      .execute()
    await db.schema.createIndex('newsletter_issues_newsletter').on('newsletter_issues').columns(['newsletter_id', 'id']).execute()
    await db.schema.createIndex('newsletter_issues_slot').on('newsletter_issues').columns(['newsletter_id', 'slot']).unique().execute()

    // One row per recipient of an issue: the pair is unique, so queueing twice cannot send twice. The row goes with its
    // subscriber (erasure); claiming moves next_attempt_at to the end of a lease, as mail_outbox does.
    await db.schema.createTable('newsletter_deliveries')
      .addColumn('id', d.idType, d.primaryKey)
      .addColumn('issue_id', big, (c) => c.notNull().references('newsletter_issues.id').onDelete('cascade'))
      .addColumn('subscriber_id', big, (c) => c.notNull().references('newsletter_subscribers.id').onDelete('cascade'))
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status in ('pending', 'sent', 'failed')`))
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', big, (c) => c.notNull())
      .addColumn('last_error', 'text')
      .addColumn('sent_at', big)
      .addUniqueConstraint('newsletter_deliveries_pair', ['issue_id', 'subscriber_id'])
      .execute()
    await db.schema.createIndex('newsletter_deliveries_due').on('newsletter_deliveries').columns(['status', 'next_attempt_at', 'id']).execute()
    await db.schema.createIndex('newsletter_deliveries_subscriber').on('newsletter_deliveries').column('subscriber_id').execute()
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('newsletter_deliveries').execute()
    await db.schema.dropTable('newsletter_issues').execute()
    await db.schema.dropTable('newsletter_subscriptions').execute()
    await db.schema.dropTable('newsletter_subscribers').execute()
    await db.schema.dropTable('newsletters').execute()
  },
})

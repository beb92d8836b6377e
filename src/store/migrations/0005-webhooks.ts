// Webhooks: the receivers an event goes to, and the outbox of deliveries the delivery job works through.

import { sql, type Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import type { StoreDialect } from '../dialect.ts'

/** Creates the receiver and delivery tables. */
export const webhooks = (d: StoreDialect): Migration => ({
  async up(db: Kysely<any>) {
    const big = d.bigintType
    // The secret is kept in clear because every delivery is signed with it; it is shown once, at creation.
    await db.schema.createTable('webhook_receivers')
      .addColumn('id', d.idType, d.primaryKey)
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('secret', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', big, (c) => c.notNull())
      .addColumn('deactivated_at', big)
      .execute()

    // One row per event and receiver, written in the publishing transaction; the job sends it later.
    await db.schema.createTable('webhook_deliveries')
      .addColumn('id', d.idType, d.primaryKey)
      .addColumn('receiver_id', big, (c) => c.notNull().references('webhook_receivers.id').onDelete('cascade'))
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('event_type', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status in ('pending', 'delivered', 'failed')`))
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', big, (c) => c.notNull())
      .addColumn('last_status_code', 'integer')
      .addColumn('last_error', 'text')
      .addColumn('last_duration_ms', 'integer')
      .addColumn('created_at', big, (c) => c.notNull())
      .addColumn('updated_at', big, (c) => c.notNull())
      .addColumn('delivered_at', big)
      .execute()
    // Claiming reads the due pending rows in time order: (status, next_attempt_at) serves it as a range scan.
    await db.schema.createIndex('webhook_deliveries_due').on('webhook_deliveries').columns(['status', 'next_attempt_at', 'id']).execute()
    await db.schema.createIndex('webhook_deliveries_receiver').on('webhook_deliveries').columns(['receiver_id', 'id']).execute()
  },
})

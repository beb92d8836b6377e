// View de-duplication shared by every instance: the day's hashing secret, and the visitor and address keys counted
// lately, written once a second per instance by the view flush (never per beacon).

import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import type { StoreDialect } from '../dialect.ts'

/** Creates view_secrets, view_visitors and view_addresses (store/views.ts). */
export const sharedVisitors = (d: StoreDialect): Migration => ({
  async up(db: Kysely<any>) {
    const big = d.bigintType
    // One random secret per UTC day (days since the epoch); the first instance to need it inserts it.
    await db.schema.createTable('view_secrets')
      .addColumn('day', 'integer', (c) => c.primaryKey())
      .addColumn('secret', 'text', (c) => c.notNull())
      .execute()
    // sha256(secret, address, user agent, article) → when its 30 minutes end.
    await db.schema.createTable('view_visitors')
      .addColumn('visitor_key', 'text', (c) => c.primaryKey())
      .addColumn('expires_at', big, (c) => c.notNull())
      .execute()
    await db.schema.createIndex('view_visitors_expiry').on('view_visitors').column('expires_at').execute()
    // sha256(secret, address, article) → its hour's end and the views counted from it in that hour.
    await db.schema.createTable('view_addresses')
      .addColumn('address_key', 'text', (c) => c.primaryKey())
      .addColumn('expires_at', big, (c) => c.notNull())
      .addColumn('views', 'integer', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('view_addresses_expiry').on('view_addresses').column('expires_at').execute()
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('view_addresses').execute()
    await db.schema.dropTable('view_visitors').execute()
    await db.schema.dropTable('view_secrets').execute()
  },
})

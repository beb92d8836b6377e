// A one-row table that the readiness probe updates: a committed write is the only proof that the database takes writes.

import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import type { StoreDialect } from '../dialect.ts'

/** Adds heartbeat(id = 1, beat_at), its single row included. */
export const heartbeat = (d: StoreDialect): Migration => ({
  async up(db: Kysely<any>) {
    await db.schema.createTable('heartbeat')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('beat_at', d.bigintType, (c) => c.notNull())
      .execute()
    await db.insertInto('heartbeat').values({ id: 1, beat_at: 0 }).execute()
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('heartbeat').execute()
  },
})

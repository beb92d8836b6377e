// What instances share to work as one: the CDN purge outbox, and leases for jobs only one instance should run at a time.

import { sql, type Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import type { StoreDialect } from '../dialect.ts'

/** Creates cdn_purges (store/cdn-purges.ts) and job_leases (store/job-leases.ts). */
export const cluster = (d: StoreDialect): Migration => ({
  async up(db: Kysely<any>) {
    const big = d.bigintType
    // `purge_keys` is sorted and space-separated (`*` purges everything); `keys_hash` is its sha256, short enough for
    // a unique index however many keys a change names.
    await db.schema.createTable('cdn_purges')
      .addColumn('id', d.idType, d.primaryKey)
      .addColumn('purge_keys', 'text', (c) => c.notNull())
      .addColumn('keys_hash', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status in ('pending', 'sent', 'failed')`))
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', big, (c) => c.notNull())
      .addColumn('last_error', 'text')
      .addColumn('created_at', big, (c) => c.notNull())
      .addColumn('updated_at', big, (c) => c.notNull())
      .execute()
    await db.schema.createIndex('cdn_purges_due').on('cdn_purges').columns(['status', 'next_attempt_at', 'id']).execute()
    // One waiting, never-claimed purge per set of keys: the same change recorded again (by this instance or another)
    // before the job ran joins it. A claimed purge is outside the index, so a change after it queues a new one.
    await db.schema.createIndex('cdn_purges_waiting').on('cdn_purges').column('keys_hash').unique()
      .where(sql.ref('status'), '=', 'pending').where(sql.ref('attempts'), '=', 0).execute()

    // One row per job that walks a shared cursor (related refresh, search re-indexing): the instance holding the lease
    // runs it; one that dies leaves the lease to run out, and the next instance to try takes it over.
    await db.schema.createTable('job_leases')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('holder', 'text', (c) => c.notNull())
      .addColumn('lease_until', big, (c) => c.notNull())
      .execute()
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('job_leases').execute()
    await db.schema.dropTable('cdn_purges').execute()
  },
})

// Media variants: the responsive sizes made of each upload, and the queue the variants job works through.

import { sql, type Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import type { StoreDialect } from '../dialect.ts'

/** Creates media_variants and media_variant_queue. */
export const mediaVariants = (d: StoreDialect): Migration => ({
  async up(db: Kysely<any>) {
    const big = d.bigintType
    await db.schema.createTable('media_variants')
      .addColumn('media_id', big, (c) => c.notNull().references('media.id').onDelete('cascade'))
      .addColumn('width', 'integer', (c) => c.notNull())
      .addColumn('height', 'integer', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull().check(sql`format in ('webp', 'jpeg', 'png', 'gif', 'avif')`))
      .addColumn('path', 'text', (c) => c.notNull().unique())
      .addColumn('bytes', big, (c) => c.notNull())
      .addPrimaryKeyConstraint('media_variants_pk', ['media_id', 'format', 'width'])
      .execute()

    // One row per upload whose variants are still to be made; deleted when they are, kept as 'failed' after the last try.
    await db.schema.createTable('media_variant_queue')
      .addColumn('media_id', big, (c) => c.primaryKey().references('media.id').onDelete('cascade'))
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status in ('pending', 'failed')`))
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', big, (c) => c.notNull())
      .addColumn('last_error', 'text')
      .addColumn('created_at', big, (c) => c.notNull())
      .execute()
    await db.schema.createIndex('media_variant_queue_due').on('media_variant_queue').columns(['status', 'next_attempt_at', 'media_id']).execute()
    // The library lists newest first.
    await db.schema.createIndex('media_created').on('media').columns(['created_at', 'id']).execute()
  },
})

// Articles whose related-articles indexing a bulk write left for later: the durable marker an import finishes from.

import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import type { StoreDialect } from '../dialect.ts'

/** Adds related_pending. */
export const relatedPending = (d: StoreDialect): Migration => ({
  async up(db: Kysely<any>) {
    const big = d.bigintType
    // `stage` says what is left (related/settle.ts): 0 count its terms, 1 weigh its terms, 2 compute its list and name
    // its neighbours, 3 compute its list only. Written in the same transaction as the publication that left the work,
    // so a process killed at any point leaves a row for every article still owed something.
    await db.schema.createTable('related_pending')
      .addColumn('article_id', big, (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
      .addColumn('stage', 'integer', (c) => c.notNull())
      .addColumn('queued_at', big, (c) => c.notNull())
      .execute()
    await db.schema.createIndex('related_pending_stage').on('related_pending').columns(['stage', 'article_id']).execute()
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('related_pending').execute()
  },
})

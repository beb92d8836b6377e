// An append-only log of document-frequency changes, so parallel publications never wait on each other's related_df rows.

import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import type { StoreDialect } from '../dialect.ts'

/** Adds related_df_deltas (store/related-frequencies.ts). */
export const relatedDfDeltas = (d: StoreDialect): Migration => ({
  async up(db: Kysely<any>) {
    // One row per term a publication adds (+1) or removes (−1); the empty term moves the document count. Reads add the
    // rows to related_df; the related-refresh job folds them in and deletes them, oldest (lowest id) first.
    await db.schema.createTable('related_df_deltas')
      .addColumn('id', d.idType, d.primaryKey)
      .addColumn('term', 'text', (c) => c.notNull())
      .addColumn('delta', 'integer', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('related_df_deltas_term').on('related_df_deltas').columns(['term', 'delta']).execute()
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('related_df_deltas').execute()
  },
})

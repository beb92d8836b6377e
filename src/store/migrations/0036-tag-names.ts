// A tag's name in each site language other than the default ("Energy" is "Энергетика" on /ru pages).
//
// One row per tag and language, apart from `tags`: a tag with no row for a language keeps its own name there, so
// existing tags read as before and a language added later needs no backfill.

import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import type { StoreDialect } from '../dialect.ts'

/** Adds `tag_names` (tag, primary language subtag, name), gone with its tag. */
export const tagNames = (d: StoreDialect): Migration => ({
  async up(db: Kysely<any>) {
    await db.schema.createTable('tag_names')
      .addColumn('tag_id', d.bigintType, (c) => c.notNull().references('tags.id').onDelete('cascade'))
      // The primary subtag (`ru`, `kk`), as listings and paths name a site language.
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('tag_names_pk', ['tag_id', 'language'])
      .execute()
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('tag_names').execute()
  },
})

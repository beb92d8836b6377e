// The article page's lookup, by section and slug: the path's language prefix matches `en` and `en-…` alike, which no
// index on (language, section_id, slug) serves, so without this one the lookup read every live article of the section.

import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import type { StoreDialect } from '../dialect.ts'

/** Adds article_live(section_id, slug). */
export const livePathLookup = (_d: StoreDialect): Migration => ({
  async up(db: Kysely<any>) {
    await db.schema.createIndex('article_live_section_slug').on('article_live').columns(['section_id', 'slug']).execute()
  },
  async down(db: Kysely<any>) {
    await db.schema.dropIndex('article_live_section_slug').execute()
  },
})

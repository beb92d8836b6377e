// Content API: indexes for partners that sync by updated time, site-wide and per section.

import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import type { StoreDialect } from '../dialect.ts'

/** Adds the (updated_at, article_id) keyset indexes of `GET /api/v1/articles?since=…`. */
export const contentApi = (_d: StoreDialect): Migration => ({
  async up(db: Kysely<any>) {
    await db.schema.createIndex('article_live_updated').on('article_live').columns(['updated_at', 'article_id']).execute()
    await db.schema.createIndex('article_live_section_updated').on('article_live')
      .columns(['section_id', 'updated_at', 'article_id']).execute()
  },
})

// An article's own caption and credit for its hero image, apart from the media library's defaults.
//
// The same photo can lead two stories that need different captions ("Protesters in Tbilisi on Monday" and "The square
// a year earlier"); figures in the body already carry theirs in the HTML. Null means "the library's", so existing
// articles keep showing what they showed, and a later change in the library still reaches them.

import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import type { StoreDialect } from '../dialect.ts'

/** Adds hero_caption and hero_credit to the working copy (articles) and the live copy (article_live). */
export const heroCaption = (_d: StoreDialect): Migration => ({
  async up(db: Kysely<any>) {
    for (const table of ['articles', 'article_live']) {
      await db.schema.alterTable(table).addColumn('hero_caption', 'text').execute()
      await db.schema.alterTable(table).addColumn('hero_credit', 'text').execute()
    }
  },
  async down(db: Kysely<any>) {
    for (const table of ['articles', 'article_live']) {
      await db.schema.alterTable(table).dropColumn('hero_credit').execute()
      await db.schema.alterTable(table).dropColumn('hero_caption').execute()
    }
  },
})

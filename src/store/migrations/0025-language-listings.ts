// Listings per language read one index range each.
//
// A reader listing in a language (`/ru`, `/ru/news`, `/ru/tag/energy`, `/ru/rss.xml`) used to walk the section's or
// tag's newest-first index and drop every row of another language until a page filled: on a site of 20,000 articles
// with 5% in Russian that read about twenty rows for each one shown. Each live row now carries the primary subtag of
// its language (`ru` for `ru` and `ru-…`, what a path prefix names), and indexes lead with it where a listing filters by
// it, so a page of a small language costs what a page of the large one does.

import { sql, type Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import type { StoreDialect } from '../dialect.ts'

/** The primary subtag of a BCP 47 tag, as domain/language.ts languagePrefix computes it (repeated: migrations are frozen). */
const primarySubtag = (tag: string): string => tag.split('-')[0] ?? tag

/** Adds primary_subtag to article_live, live_tags and live_authors, with the indexes of the listings that filter on it. */
export const languageListings = (_d: StoreDialect): Migration => ({
  async up(db: Kysely<any>) {
    for (const table of ['article_live', 'live_tags', 'live_authors']) {
      // The default only fills the rows that exist now; every writer sets the column (store/articles.ts writeLive).
      await db.schema.alterTable(table).addColumn('primary_subtag', 'text', (c) => c.notNull().defaultTo('')).execute()
    }
    // One update per distinct language: a site has a handful, and this keeps the SQL the same on both engines.
    const languages = await db.selectFrom('article_live').select('language').distinct().execute() as { language: string }[]
    for (const { language } of languages) {
      await db.updateTable('article_live').set({ primary_subtag: primarySubtag(language) }).where('language', '=', language).execute()
    }
    for (const table of ['live_tags', 'live_authors']) {
      await db.updateTable(table)
        .set({ primary_subtag: sql`(select l.primary_subtag from article_live as l where l.article_id = ${sql.ref(`${table}.article_id`)})` })
        .execute()
    }
    // The front page's blocks, section pages and feeds, the archive by section; then the site feed, the archive of all sections.
    await db.schema.createIndex('article_live_language_section_published').on('article_live')
      .columns(['primary_subtag', 'section_id', 'published_at', 'article_id']).execute()
    await db.schema.createIndex('article_live_language_published').on('article_live').columns(['primary_subtag', 'published_at', 'article_id']).execute()
    // Tag and author pages and feeds in one language.
    await db.schema.createIndex('live_tags_tag_language_published').on('live_tags').columns(['tag_id', 'primary_subtag', 'published_at', 'article_id']).execute()
    await db.schema.createIndex('live_authors_author_language_published').on('live_authors')
      .columns(['author_id', 'primary_subtag', 'published_at', 'article_id']).execute()
  },
  async down(db: Kysely<any>) {
    for (const index of ['live_authors_author_language_published', 'live_tags_tag_language_published', 'article_live_language_published', 'article_live_language_section_published']) {
      await db.schema.dropIndex(index).execute()
    }
    for (const table of ['live_authors', 'live_tags', 'article_live']) await db.schema.alterTable(table).dropColumn('primary_subtag').execute()
  },
})

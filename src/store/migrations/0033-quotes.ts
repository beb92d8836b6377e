// Statements and quotes as data: speakers apart from bylines, the quotes an article's working copy marks, and the
// quotes of its live copy that readers see.

import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import type { StoreDialect } from '../dialect.ts'

/** Adds `speakers`, `quotes` (working copies) and `live_quotes` (copied from `quotes` on publication). */
export const quotes = (d: StoreDialect): Migration => ({
  async up(db: Kysely<any>) {
    const big = d.bigintType
    // People and organisations who are quoted; bylines (authors) are the people who write, and stay apart.
    await db.schema.createTable('speakers')
      .addColumn('id', d.idType, d.primaryKey)
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      // 'person' or 'organisation'.
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('country_tag_id', big, (c) => c.references('tags.id').onDelete('set null'))
      .addColumn('photo_media_id', big, (c) => c.references('media.id').onDelete('set null'))
      // JSON array of absolute http(s) URLs (official site, profile).
      .addColumn('links', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('created_at', big, (c) => c.notNull())
      .execute()
    // One row per quote marked in a working copy; the body marks it with data-quote="<anchor>". Dates said are epoch
    // ms at 00:00 UTC of the day (a calendar day, not an instant); null means the article's own date.
    await db.schema.createTable('quotes')
      .addColumn('id', d.idType, d.primaryKey)
      .addColumn('article_id', big, (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('anchor', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('speaker_id', big, (c) => c.notNull().references('speakers.id'))
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('organisation', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('said_at', big)
      .addColumn('place_tag_id', big, (c) => c.references('tags.id').onDelete('set null'))
      .addColumn('event', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('source_url', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('language', 'text', (c) => c.notNull().defaultTo(''))
      .execute()
    await db.schema.createIndex('quotes_article_anchor').unique().on('quotes').columns(['article_id', 'anchor']).execute()
    await db.schema.createIndex('quotes_speaker').on('quotes').column('speaker_id').execute()
    // What readers see: written with the live copy (store/articles.ts writeLive), gone with it. quote_id keeps the
    // working quote's id, so /quotes/<id> stays the same across republications; it has no foreign key to quotes, since
    // a quote taken out of the working copy stays live until the next publication. said_at is resolved (never null).
    await db.schema.createTable('live_quotes')
      .addColumn('quote_id', big, (c) => c.primaryKey())
      .addColumn('article_id', big, (c) => c.notNull().references('article_live.article_id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('speaker_id', big, (c) => c.notNull().references('speakers.id'))
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('organisation', 'text', (c) => c.notNull())
      .addColumn('said_at', big, (c) => c.notNull())
      .addColumn('place_tag_id', big, (c) => c.references('tags.id').onDelete('set null'))
      .addColumn('event', 'text', (c) => c.notNull())
      .addColumn('source_url', 'text', (c) => c.notNull())
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('published_at', big, (c) => c.notNull())
      .execute()
    // A speaker's page and feed: newest first; the id breaks ties for keyset pages.
    await db.schema.createIndex('live_quotes_speaker_said').on('live_quotes').columns(['speaker_id', 'said_at', 'quote_id']).execute()
    await db.schema.createIndex('live_quotes_said').on('live_quotes').columns(['said_at', 'quote_id']).execute()
    await db.schema.createIndex('live_quotes_article').on('live_quotes').column('article_id').execute()
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('live_quotes').execute()
    await db.schema.dropTable('quotes').execute()
    await db.schema.dropTable('speakers').execute()
  },
})

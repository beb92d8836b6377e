// Related articles: each article's strongest terms (the inverted index), term document frequencies, stored lists, editor overrides.

import { sql, type Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import type { StoreDialect } from '../dialect.ts'

/** Creates the tables of the related-articles engine. */
export const related = (d: StoreDialect): Migration => ({
  async up(db: Kysely<any>) {
    const big = d.bigintType
    // One row per article and kept term; (term, weight) is the posting list the engine reads, strongest first.
    await db.schema.createTable('related_terms')
      .addColumn('article_id', big, (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('term', 'text', (c) => c.notNull())
      .addColumn('weight', 'real', (c) => c.notNull())
      .addPrimaryKeyConstraint('related_terms_pk', ['article_id', 'term'])
      .execute()
    await db.schema.createIndex('related_terms_term').on('related_terms').columns(['term', 'weight', 'article_id']).execute()

    // In how many live articles each term occurs (all their terms, not only the kept ones).
    await db.schema.createTable('related_df')
      .addColumn('term', 'text', (c) => c.primaryKey())
      .addColumn('df', big, (c) => c.notNull())
      .execute()

    // Counters and cursors of the engine: the number of indexed articles, the refresh job's positions.
    await db.schema.createTable('related_state')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', big, (c) => c.notNull())
      .execute()

    // The computed list of each article, rank 1 first; pinned rows come from editor pins.
    await db.schema.createTable('related_lists')
      .addColumn('article_id', big, (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('rank', 'integer', (c) => c.notNull())
      .addColumn('related_id', big, (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('score', 'real', (c) => c.notNull())
      .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('computed_at', big, (c) => c.notNull())
      .addPrimaryKeyConstraint('related_lists_pk', ['article_id', 'rank'])
      .execute()
    await db.schema.createIndex('related_lists_related').on('related_lists').columns(['related_id', 'article_id']).execute()

    // Editor overrides per article pair: pin (shown first, by position) or exclude (never shown).
    await db.schema.createTable('related_overrides')
      .addColumn('article_id', big, (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('other_id', big, (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('pin', 'exclude')`))
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', big, (c) => c.notNull())
      .addPrimaryKeyConstraint('related_overrides_pk', ['article_id', 'other_id'])
      .execute()
  },
})

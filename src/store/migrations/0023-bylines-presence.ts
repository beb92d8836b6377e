// Bylines that belong to desk accounts, sections that may publish unsigned pieces, and who has an article open.

import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import type { StoreDialect } from '../dialect.ts'

/**
 * Adds `authors.account_id` (the account whose own byline it is; unique, null for guests, agencies and staff without
 * an account), `sections.allow_unsigned` (0: an article needs a byline before it is published) and `article_presence`.
 */
export const bylinesPresence = (d: StoreDialect): Migration => ({
  async up(db: Kysely<any>) {
    const big = d.bigintType
    await db.schema.alterTable('authors').addColumn('account_id', big, (c) => c.references('users.id').onDelete('set null')).execute()
    // Unique over the non-null values on both engines: NULLs never collide.
    await db.schema.createIndex('authors_account').unique().on('authors').column('account_id').execute()
    await db.schema.alterTable('sections').addColumn('allow_unsigned', 'integer', (c) => c.notNull().defaultTo(0)).execute()
    // One row per article and user while their editor is open; seen_at moves with every heartbeat or autosave, and
    // rows older than the expiry are ignored and removed, so a closed tab disappears without a goodbye.
    await db.schema.createTable('article_presence')
      .addColumn('article_id', big, (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('user_id', big, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('since', big, (c) => c.notNull())
      .addColumn('seen_at', big, (c) => c.notNull())
      .addPrimaryKeyConstraint('article_presence_pk', ['article_id', 'user_id'])
      .execute()
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('article_presence').execute()
    await db.schema.alterTable('sections').dropColumn('allow_unsigned').execute()
    await db.schema.dropIndex('authors_account').execute()
    await db.schema.alterTable('authors').dropColumn('account_id').execute()
  },
})

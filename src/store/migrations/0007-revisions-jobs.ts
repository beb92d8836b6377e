// Revisions of working copies (never lose text); scheduled publishing needs no jobs table (see below).

import { sql, type Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import type { StoreDialect } from '../dialect.ts'

/**
 * Creates `revisions`: one row per save, autosave, losing concurrent save, publication or restore, with a full JSON
 * snapshot of the working copy. Scheduled publishing claims due rows straight from `articles` (status 'scheduled',
 * `scheduled_at` <= now, indexed by 0001's `articles_scheduled`), so no separate jobs table is created.
 */
export const revisionsJobs = (d: StoreDialect): Migration => ({
  async up(db: Kysely<any>) {
    const big = d.bigintType
    await db.schema.createTable('revisions')
      .addColumn('id', d.idType, d.primaryKey)
      .addColumn('article_id', big, (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('save', 'autosave', 'conflict', 'publish', 'restore')`))
      // Null for the system (the scheduled-publishing job) and once the account is deleted.
      .addColumn('saved_by', big, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('saved_at', big, (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      // The snapshot as JSON text (RevisionSnapshot with snake_case keys); the title is copied out for lists.
      .addColumn('snapshot', 'text', (c) => c.notNull())
      .execute()
    // The revision list of an article, newest first, and "who saved version N" for conflict messages.
    await db.schema.createIndex('revisions_article').on('revisions').columns(['article_id', 'id']).execute()
    await db.schema.createIndex('revisions_article_version').on('revisions').columns(['article_id', 'version']).execute()
  },
})

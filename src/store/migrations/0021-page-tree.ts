// Static pages become records of their own: a parent (paths such as /about/team), a language, a status (draft or
// published) and revisions. The pages About, Contact and Privacy already stored keep their paths and stay published.

import { sql, type Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import type { StoreDialect } from '../dialect.ts'

/** The site's default language as the settings hold it (a JSON string), else English. */
async function siteLanguage(db: Kysely<any>): Promise<string> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'language').executeTakeFirst()
  try {
    const value = row ? JSON.parse(row.value as string) as unknown : null
    return typeof value === 'string' && value ? value : 'en'
  } catch {
    return 'en'
  }
}

/**
 * Rebuilds `pages` on SQLite, whose column-level UNIQUE on `slug` cannot be dropped (a slug is now unique among its
 * siblings only; `path` is unique site-wide). Ids are kept, so import origins still point at their pages.
 */
async function rebuildOnSqlite(db: Kysely<any>, d: StoreDialect, language: string): Promise<void> {
  const big = d.bigintType
  await db.schema.createTable('pages_next')
    .addColumn('id', d.idType, d.primaryKey)
    .addColumn('parent_id', big, (c) => c.references('pages_next.id').onDelete('restrict'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('created_at', big, (c) => c.notNull())
    .addColumn('updated_at', big, (c) => c.notNull())
    .addColumn('published_at', big)
    .execute()
  await sql`insert into pages_next (id, parent_id, slug, path, title, body_html, language, status, created_at, updated_at, published_at)
    select id, null, slug, '/' || slug, title, body_html, ${language}, 'published', updated_at, updated_at, updated_at from pages`.execute(db)
  await db.schema.dropTable('pages').execute()
  await db.schema.alterTable('pages_next').renameTo('pages').execute()
}

/** PostgreSQL changes the table in place: new columns filled from the old ones, then the slug's unique key dropped. */
async function alterOnPostgres(db: Kysely<any>, language: string): Promise<void> {
  await db.schema.alterTable('pages').addColumn('parent_id', 'bigint', (c) => c.references('pages.id').onDelete('restrict')).execute()
  for (const column of ['path', 'language', 'status']) await db.schema.alterTable('pages').addColumn(column, 'text').execute()
  for (const column of ['created_at', 'published_at']) await db.schema.alterTable('pages').addColumn(column, 'bigint').execute()
  await sql`update pages set path = '/' || slug, language = ${language}, status = 'published', created_at = updated_at, published_at = updated_at`.execute(db)
  for (const column of ['path', 'language', 'status', 'created_at']) {
    await db.schema.alterTable('pages').alterColumn(column, (c) => c.setNotNull()).execute()
  }
  await db.schema.alterTable('pages').alterColumn('status', (c) => c.setDefault('draft')).execute()
  await sql`alter table pages drop constraint if exists pages_slug_key`.execute(db)
}

/** Adds parent, path, language, status and times to `pages`, and the `page_revisions` table. */
export const pageTree = (d: StoreDialect): Migration => ({
  async up(db: Kysely<any>) {
    const language = await siteLanguage(db)
    if (d.name === 'sqlite') await rebuildOnSqlite(db, d, language)
    else await alterOnPostgres(db, language)
    await db.schema.createIndex('pages_path').unique().on('pages').column('path').execute()
    await db.schema.createIndex('pages_parent').on('pages').columns(['parent_id', 'slug']).execute()

    // Each save of a page keeps what it replaced; the first revision of a migrated page is its text today.
    await db.schema.createTable('page_revisions')
      .addColumn('id', d.idType, d.primaryKey)
      .addColumn('page_id', d.bigintType, (c) => c.notNull().references('pages.id').onDelete('cascade'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body_html', 'text', (c) => c.notNull())
      .addColumn('saved_by', d.bigintType)
      .addColumn('saved_at', d.bigintType, (c) => c.notNull())
      .execute()
    await db.schema.createIndex('page_revisions_page').on('page_revisions').columns(['page_id', 'id']).execute()
    await sql`insert into page_revisions (page_id, title, body_html, saved_by, saved_at)
      select id, title, body_html, null, updated_at from pages order by id`.execute(db)
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('page_revisions').execute()
    await db.schema.dropIndex('pages_parent').execute()
    await db.schema.dropIndex('pages_path').execute()
    // The flat pages of before: top-level pages only (a child's slug could repeat a root's).
    await db.deleteFrom('pages').where('parent_id', 'is not', null).execute()
    for (const column of ['published_at', 'created_at', 'status', 'language', 'path', 'parent_id']) {
      await db.schema.alterTable('pages').dropColumn(column).execute()
    }
  },
})

// Migration 0021 on both engines: the flat About/Contact/Privacy pages become published top-level page records,
// with their ids, text and paths kept, and a first revision each.

import assert from 'node:assert/strict'
import { Migrator } from 'kysely/migration'
import { forEachEngine } from '../support/databases.ts'
import { scratchDatabase } from '../support/databases.ts'
import { openSqlite } from '../../src/store/sqlite.ts'
import { openPostgres } from '../../src/store/postgres.ts'
import { postgresDialect, sqliteDialect } from '../../src/store/dialect.ts'
import { migrations } from '../../src/store/migrate.ts'
import { openStore } from '../../src/store/store.ts'

forEachEngine('migration 0021 turns the old flat pages into published top-level pages, keeping id, text and path', async (t, engine) => {
  const scratch = await scratchDatabase(engine)
  t.after(() => scratch.drop())
  const db = scratch.config.engine === 'sqlite' ? openSqlite(scratch.config.file) : openPostgres(scratch.config.url, 2)
  const dialect = engine === 'sqlite' ? sqliteDialect : postgresDialect
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations(dialect) } })
  const before = await migrator.migrateTo('0019-article-trash')
  assert.equal(before.error, undefined)
  await db.insertInto('settings').values({ key: 'language', value: JSON.stringify('ru') }).execute()
  for (const [slug, title] of [['about', 'О нас'], ['contact', 'Contact'], ['privacy', 'Privacy']] as const) {
    await (db as any).insertInto('pages').values({ slug, title, body_html: `<p>${title} text</p>`, updated_at: 1000 }).execute()
  }
  await db.destroy()

  const store = await openStore(scratch.config, { poolSize: 2 })
  t.after(() => store.close())
  assert.ok(store.applied.includes('0021-page-tree'))
  const about = await store.pages.byPath('/about')
  assert.ok(about)
  assert.deepEqual({ title: about.title, body: about.bodyHtml, status: about.status, language: about.language, parent: about.parentId, publishedAt: about.publishedAt },
    { title: 'О нас', body: '<p>О нас text</p>', status: 'published', language: 'ru', parent: null, publishedAt: 1000 })
  assert.deepEqual((await store.pages.list()).map((p) => p.path), ['/about', '/contact', '/privacy'])
  assert.equal((await store.pages.revisions(about.id)).length, 1)
  // New pages get fresh ids after the kept ones, and a child may reuse a slug another branch has.
  const id = await store.pages.insert({ parentId: about.id, slug: 'contact', path: '/about/contact', title: 'Desk contact', bodyHtml: '' as never,
    language: 'ru', status: 'draft', createdAt: 2000, updatedAt: 2000, publishedAt: null })
  assert.ok(id > about.id)
  await assert.rejects(store.pages.insert({ parentId: null, slug: 'about', path: '/about', title: 'Twice', bodyHtml: '' as never,
    language: 'ru', status: 'draft', createdAt: 2000, updatedAt: 2000, publishedAt: null }), 'a path is unique site-wide')
})

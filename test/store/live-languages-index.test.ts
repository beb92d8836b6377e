// Listings in one language read the copied primary subtag (migration 0025) on both engines: only that language, its
// regional tags included, and a change of language on republishing moves the article's tag and author rows with it.

import assert from 'node:assert/strict'
import type { Kysely } from 'kysely'
import { Migrator } from 'kysely/migration'
import { postgresDialect, sqliteDialect } from '../../src/store/dialect.ts'
import { migrations } from '../../src/store/migrate.ts'
import { openPostgres } from '../../src/store/postgres.ts'
import { openSqlite } from '../../src/store/sqlite.ts'
import { openStore } from '../../src/store/store.ts'
import { forEachDatabase, forEachEngine, scratchDatabase } from '../support/databases.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'
import { authorId, editArticle, HOUR, NOW, republish, sectionId, tagIds } from '../support/editing.ts'

const ids = (list: { readonly items: readonly { readonly id: number }[] }) => list.items.map((i) => i.id)

/** Twelve English articles in news (tag energy), then three Russian and one `kk-Cyrl`, interleaved in time. */
async function mixedSite(store: Parameters<typeof seedTaxonomy>[0]) {
  await seedTaxonomy(store)
  const en: number[] = []
  const ru: number[] = []
  for (let i = 0; i < 12; i++) {
    en.push(await seedArticle(store, { title: `English ${i}`, tags: ['energy'], publishedAt: NOW - (2 * i + 1) * HOUR }))
    if (i % 4 === 0) ru.push(await seedArticle(store, { title: `Русский ${i}`, language: 'ru', tags: ['energy'], publishedAt: NOW - 2 * i * HOUR }))
  }
  const kk = await seedArticle(store, { title: 'Қазақша', language: 'kk-Cyrl', tags: ['energy'], section: 'analysis', publishedAt: NOW - 5 * HOUR })
  return { en, ru, kk }
}

forEachDatabase('every listing in a language holds that language only, newest first', async (store) => {
  const { en, ru, kk } = await mixedSite(store)
  const [energy] = await tagIds(store, 'energy')
  const news = await sectionId(store, 'news')
  const author = await authorId(store, 'aigerim-sadykova')
  const w = (language: string) => ({ page: 1, perPage: 20, language })
  assert.deepEqual((await store.live.latest(20, 'ru')).map((s) => s.id), ru)
  assert.deepEqual(ids(await store.live.bySection(news, w('ru'))), ru)
  assert.deepEqual(ids(await store.live.byTag(energy!, w('ru'))), ru)
  assert.deepEqual(ids(await store.live.byAuthor(author, w('ru'))), ru)
  assert.deepEqual(ids(await store.live.archive({ sectionIds: [], fromMs: null, toMs: null, ...w('ru') })), ru)
  assert.deepEqual(ids(await store.live.archive({ sectionIds: [news], fromMs: NOW - 10 * HOUR, toMs: null, ...w('ru') })), ru.slice(0, 2))
  assert.deepEqual((await store.live.newestBySections([news], 10, 'ru')).get(news)!.map((e) => e.id), ru)
  // The English pages: ten a page, the Russian rows between them never counted.
  const page = await store.live.bySection(news, { page: 1, perPage: 10, language: 'en' })
  assert.deepEqual(ids(page), en.slice(0, 10))
  assert.equal(page.hasNext, true)
  assert.deepEqual(ids(await store.live.byTag(energy!, { page: 2, perPage: 10, language: 'en' })), en.slice(10))
  // A path prefix names the primary subtag: /kk lists kk-Cyrl.
  assert.deepEqual((await store.live.latest(20, 'kk')).map((s) => [s.id, s.language]), [[kk, 'kk-Cyrl']])
  assert.deepEqual(ids(await store.live.byTag(energy!, w('kk'))), [kk])
  assert.deepEqual(ids(await store.live.bySection(news, w('kk'))), [])
})

forEachDatabase('an article republished in another language leaves the old language\'s tag and author pages', async (store) => {
  const { ru } = await mixedSite(store)
  const [energy] = await tagIds(store, 'energy')
  const author = await authorId(store, 'aigerim-sadykova')
  await editArticle(store, ru[0]!, { language: 'uk' })
  await republish(store, ru[0]!)
  const w = (language: string) => ({ page: 1, perPage: 20, language })
  assert.deepEqual(ids(await store.live.byTag(energy!, w('ru'))), ru.slice(1))
  assert.deepEqual(ids(await store.live.byAuthor(author, w('ru'))), ru.slice(1))
  assert.deepEqual(ids(await store.live.byTag(energy!, w('uk'))), [ru[0]])
  assert.deepEqual(ids(await store.live.byAuthor(author, w('uk'))), [ru[0]])
})

forEachEngine('migration 0025 fills the primary subtag of the live rows already there', async (t, engine) => {
  const scratch = await scratchDatabase(engine)
  t.after(() => scratch.drop())
  const store = await openStore(scratch.config, { poolSize: 2 })
  const { ru, kk } = await mixedSite(store)
  await store.close()
  const dialect = engine === 'sqlite' ? sqliteDialect : postgresDialect
  const db: Kysely<any> = scratch.config.engine === 'sqlite' ? openSqlite(scratch.config.file) : openPostgres(scratch.config.url, 2)
  t.after(() => db.destroy())
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations(dialect) } })
  // Back to the schema before 0025, then forward again: the rows were written without the column.
  assert.equal((await migrator.migrateTo('0019-article-trash')).error, undefined)
  assert.equal((await migrator.migrateToLatest()).error, undefined)
  const subtags = async (table: string) => new Map((await db.selectFrom(table).select(['article_id', 'primary_subtag']).execute())
    .map((r: { article_id: number; primary_subtag: string }) => [r.article_id, r.primary_subtag]))
  for (const table of ['article_live', 'live_tags', 'live_authors']) {
    const rows = await subtags(table)
    assert.equal(rows.size, 16, table)
    for (const [id, subtag] of rows) assert.equal(subtag, ru.includes(id) ? 'ru' : id === kk ? 'kk' : 'en', `${table} ${id}`)
  }
})

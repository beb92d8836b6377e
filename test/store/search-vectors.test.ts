// PostgreSQL's narrow copy of each document's tsvector (migration 0043, search_vectors), which the walk and the checks
// read: kept in step with the index on every write and removal, and filled from the index by the migration. SQLite has
// no such table; the same searches run there and must agree.

import assert from 'node:assert/strict'
import type { Kysely } from 'kysely'
import { Migrator } from 'kysely/migration'
import { parseQuery, toSearchExpression } from '../../src/search/query.ts'
import { postgresDialect, sqliteDialect } from '../../src/store/dialect.ts'
import { migrations } from '../../src/store/migrate.ts'
import { openPostgres } from '../../src/store/postgres.ts'
import { openSqlite } from '../../src/store/sqlite.ts'
import type { Store } from '../../src/store/store.ts'
import { databaseOf, forEachDatabase, forEachEngine, scratchStore } from '../support/databases.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'

/** The ids a query finds, best first, the way to them forced. */
async function find(store: Store, input: string, path: 'index' | 'walk'): Promise<number[]> {
  const matches = await store.search.query({
    expression: toSearchExpression(parseQuery(input), { language: 'en' }), sectionIds: [], tagId: null, fromMs: null, toMs: null,
    limit: 50, offset: 0, path,
  })
  return matches.map((m) => m.articleId)
}

const bothWays = async (store: Store, input: string): Promise<[number[], number[]]> => [await find(store, input, 'index'), await find(store, input, 'walk')]

forEachDatabase('a re-indexed or removed document is found by its new words only, and then not at all, whichever way is taken', async (store) => {
  await seedTaxonomy(store)
  const id = await seedArticle(store, { title: 'Uranium mine reopens', bodyHtml: '<p>The central bank lent the mine money.</p>' })
  assert.deepEqual(await bothWays(store, '"central bank"'), [[id], [id]])
  await store.search.index(id, { title: 'Cotton harvest begins', standfirst: '', body: 'Farmers in Tashkent began the harvest.', language: 'en', sectionId: 1, publishedAt: Date.UTC(2026, 9, 1) })
  assert.deepEqual(await bothWays(store, 'tashkent'), [[id], [id]])
  assert.deepEqual(await bothWays(store, '"cotton harvest"'), [[id], [id]])
  assert.deepEqual(await bothWays(store, 'uranium'), [[], []])
  assert.deepEqual(await bothWays(store, '"central bank"'), [[], []])
  await store.search.remove(id)
  assert.deepEqual(await bothWays(store, 'tashkent'), [[], []])
})

/** A connection to the store's database with a migrator over the project's migrations; closed when the test ends. */
function migratorOf(store: Store, t: { after: (fn: () => Promise<void>) => void }): { db: Kysely<any>; migrator: Migrator; before: (name: string) => string } {
  const config = databaseOf(store)
  const db = config.engine === 'sqlite' ? openSqlite(config.file) : openPostgres(config.url, 2)
  t.after(() => db.destroy())
  const all = migrations(config.engine === 'sqlite' ? sqliteDialect : postgresDialect)
  const names = Object.keys(all)
  return { db, migrator: new Migrator({ db, provider: { getMigrations: async () => all } }), before: (name) => names[names.indexOf(name) - 1]! }
}

forEachEngine('migration 0043 fills search_vectors from the documents already indexed, and its down step drops it', async (t, engine) => {
  const store = await scratchStore(t, engine)
  await seedTaxonomy(store)
  const id = await seedArticle(store, { title: 'Uranium mine reopens', bodyHtml: '<p>The central bank lent the mine money.</p>' })
  const { db, migrator, before } = migratorOf(store, t)
  const vectors = async () => {
    const probe = db.selectFrom('search_vectors').select('article_id').execute()
    return probe.then((rows) => rows.map((r) => Number(r.article_id)), () => null)
  }
  assert.deepEqual(await vectors(), engine === 'postgres' ? [id] : null)
  const down = await migrator.migrateTo(before('0043-search-vectors'))
  assert.equal(down.error, undefined)
  assert.ok(down.results?.some((r) => r.migrationName === '0043-search-vectors' && r.direction === 'Down'))
  assert.equal(await vectors(), null)
  const up = await migrator.migrateToLatest()
  assert.equal(up.error, undefined)
  assert.deepEqual(await vectors(), engine === 'postgres' ? [id] : null)
  // The copy holds the document's words and stems at their positions: a phrase and a word form are found by the walk.
  assert.deepEqual(await bothWays(store, '"central bank"'), [[id], [id]])
  assert.deepEqual(await bothWays(store, 'mines'), [[id], [id]])
})

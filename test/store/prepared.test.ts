// Queries compiled once and run with each call's values (src/store/prepared.ts), and id lists as one parameter.

import assert from 'node:assert/strict'
import type { TestContext } from 'node:test'
import type { Kysely } from 'kysely'
import { forEachEngine, scratchDatabase, type Engine } from '../support/databases.ts'
import { seedTaxonomy } from '../support/seed.ts'
import { prepared, preparedRows } from '../../src/store/prepared.ts'
import { openStore, type Store } from '../../src/store/store.ts'
import type { Database } from '../../src/store/schema.ts'

/** A migrated scratch store with the seed taxonomy, and a Kysely instance of its own on the same database. */
async function open(t: TestContext, engine: Engine): Promise<{ store: Store; db: Kysely<Database> }> {
  const scratch = await scratchDatabase(engine, { migrated: true })
  const store = await openStore(scratch.config, { poolSize: 2 })
  const config = scratch.config
  const db = config.engine === 'sqlite' ? (await import('../../src/store/sqlite.ts')).openSqlite(config.file) : (await import('../../src/store/postgres.ts')).openPostgres(config.url, 2)
  t.after(async () => {
    await db.destroy()
    await store.close()
    await scratch.drop()
  })
  await seedTaxonomy(store)
  return { store, db }
}

forEachEngine('a prepared query runs with the values of each call, and id lists of any length share one statement', async (t, engine) => {
  const { store, db } = await open(t, engine)
  const { dialect } = store
  const [news, opinion, analysis] = (await store.taxonomy.sections()).map((s) => s.id)
  const bySlug = prepared(db, (p: { slug: string; limit: number }) => db.selectFrom('sections').select('id').where('slug', '=', p.slug).limit(p.limit))
  assert.deepEqual((await bySlug({ slug: 'news', limit: 5 })).map((r) => Number(r.id)), [news])
  assert.deepEqual((await bySlug({ slug: 'opinion', limit: 5 })).map((r) => Number(r.id)), [opinion])
  assert.deepEqual(await bySlug({ slug: 'opinion', limit: 0 }), [])

  const byIds = prepared(db, (p: { ids: unknown }) => db.selectFrom('sections').select('slug').where(dialect.inIdList('id', p.ids)).orderBy('position'))
  assert.deepEqual((await byIds({ ids: dialect.idList([analysis!, news!]) })).map((r) => r.slug), ['news', 'analysis'])
  assert.deepEqual((await byIds({ ids: dialect.idList([opinion!]) })).map((r) => r.slug), ['opinion'])
  assert.deepEqual(await byIds({ ids: dialect.idList([]) }), [])
})

forEachEngine('a value that shapes the query instead of being bound is refused when the query is first compiled', async (t, engine) => {
  const { db } = await open(t, engine)
  const q = prepared(db, (p: { slug: string | null }) => {
    const base = db.selectFrom('sections').select('id')
    return p.slug === null ? base : base.where('slug', '=', 'fixed')
  })
  await assert.rejects(q({ slug: 'news' }), /"slug" shaped the query/)
})

forEachEngine('prepared rows insert each call\'s rows, in statements compiled once for each number of rows', async (t, engine) => {
  const { db } = await open(t, engine)
  let compiled = 0
  type Row = { from_path: string; status: number; to_url: string | null; kind: string; created_at: number }
  const insert = preparedRows(db, ['from_path', 'status', 'to_url', 'kind', 'created_at'], (rows: Row[]) => {
    compiled++
    return db.insertInto('redirects').values(rows)
  })
  const row = (n: number, toUrl: string | null = `https://example.org/${n}`): Row => ({ from_path: `/old/${n}`, status: 301, to_url: toUrl, kind: 'manual', created_at: n })
  await insert([row(1)])
  await insert([row(2), row(3, null), row(4)])
  await insert([row(5)])
  await insert([row(6), row(7), row(8)])
  // One compilation for one row, one for three; the slots of a row never take another row's values.
  assert.equal(compiled, 2)
  const stored = await db.selectFrom('redirects').select(['from_path', 'to_url', 'created_at']).orderBy('created_at').execute()
  assert.deepEqual(stored.map((r) => [r.from_path, r.to_url, Number(r.created_at)]),
    [1, 2, 3, 4, 5, 6, 7, 8].map((n) => [`/old/${n}`, n === 3 ? null : `https://example.org/${n}`, n]))
})

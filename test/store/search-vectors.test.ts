// PostgreSQL's narrow copies of each document's tsvector (migration 0043): search_vectors, which the walk and the checks
// read, and search_heads (title and standfirst), which bounds a score; kept in step with the index on every write and
// removal, filled from the index by the migration, and ranking as the whole documents do. SQLite has no such tables; the
// same searches run there and must agree.

import assert from 'node:assert/strict'
import test from 'node:test'
import pg from 'pg'
import { parseQuery, toSearchExpression } from '../../src/search/query.ts'
import { ranksWordByWord } from '../../src/store/search-plan.ts'
import type { Store } from '../../src/store/store.ts'
import { databaseOf, forEachDatabase, forEachEngine, migratorOf, scratchStore } from '../support/databases.ts'
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

forEachEngine('migration 0043 fills search_vectors from the documents already indexed, and its down step drops it', async (t, engine) => {
  const store = await scratchStore(t, engine)
  await seedTaxonomy(store)
  const id = await seedArticle(store, { title: 'Uranium mine reopens', bodyHtml: '<p>The central bank lent the mine money.</p>' })
  const { db, migrator, before } = migratorOf(store, t)
  const vectors = async () => {
    const probe = db.selectFrom('search_vectors').select('article_id').execute()
    return probe.then((rows) => rows.map((r) => Number(r.article_id)), () => null)
  }
  const heads = async () => {
    const probe = db.selectFrom('search_heads').select('article_id').execute()
    return probe.then((rows) => rows.map((r) => Number(r.article_id)), () => null)
  }
  assert.deepEqual(await vectors(), engine === 'postgres' ? [id] : null)
  assert.deepEqual(await heads(), engine === 'postgres' ? [id] : null)
  const down = await migrator.migrateTo(before('0043-search-vectors'))
  assert.equal(down.error, undefined)
  assert.ok(down.results?.some((r) => r.migrationName === '0043-search-vectors' && r.direction === 'Down'))
  assert.equal(await vectors(), null)
  assert.equal(await heads(), null)
  const up = await migrator.migrateToLatest()
  assert.equal(up.error, undefined)
  assert.deepEqual(await vectors(), engine === 'postgres' ? [id] : null)
  assert.deepEqual(await heads(), engine === 'postgres' ? [id] : null)
  // The copy holds the document's words and stems at their positions: a phrase and a word form are found by the walk.
  assert.deepEqual(await bothWays(store, '"central bank"'), [[id], [id]])
  assert.deepEqual(await bothWays(store, 'mines'), [[id], [id]])
})

test('ts_rank scores a query word by word when its top operator is not an AND or a phrase', () => {
  for (const q of ["('government' | '~govern')", "'karakol'", "!('a' | '~a')", "('a' | '~a') | ('b' & 'c')", "'it''s' | 'x'", "'a&b'"]) {
    assert.equal(ranksWordByWord(q), true, q)
  }
  for (const q of ["'the' <-> 'government'", "('gas' | '~gas') & ('pipeline' | '~pipelin')", "('sanctions' | '~sanction') & !('russia' | '~russia')", "('a' & 'b')", "('a') & ('b')", "('a'"]) {
    assert.equal(ranksWordByWord(q), false, q)
  }
})

/** A page of a query's matches with their scores, the way to them forced. */
async function page(store: Store, input: string, path: 'index' | 'walk', offset: number, limit: number): Promise<[number, number][]> {
  const matches = await store.search.query({
    expression: toSearchExpression(parseQuery(input), { language: 'en' }), sectionIds: [], tagId: null, fromMs: null, toMs: null,
    limit, offset, path,
  })
  return matches.map((m) => [m.articleId, m.score])
}

forEachDatabase('a word\'s pages are those of a full ranking when candidates are bounded by their title and standfirst, a candidate without them included', async (store) => {
  await seedTaxonomy(store)
  const ids: number[] = []
  // Title hits, standfirst hits, body hits from once to many times, and title hits whose bodies repeat the word too.
  for (let i = 0; i < 24; i++) {
    const often = Array.from({ length: 1 + (i % 7) }, () => 'Uranium prices rose.').join(' ')
    const where = i % 4
    ids.push(await seedArticle(store, {
      title: where === 0 || where === 3 ? `Uranium report ${i}` : `Mining report ${i}`,
      standfirst: where === 1 ? 'Uranium exports grow.' : 'Exports grow.',
      bodyHtml: `<p>${where >= 2 ? often : 'Prices rose.'}</p>`,
      publishedAt: Date.UTC(2026, 9, 1) + i * 86_400_000,
    }))
  }
  const samePages = async () => {
    for (const [offset, limit] of [[0, 4], [4, 4], [8, 5], [20, 4], [0, 24]] as const) {
      assert.deepEqual(await page(store, 'uranium', 'index', offset, limit), await page(store, 'uranium', 'walk', offset, limit), `offset ${offset}`)
    }
  }
  await samePages()
  // A body can lift a document over one whose title and standfirst score higher: five title hits and a standfirst hit
  // against the same five title hits and twenty in the body. Ranked by heads alone the first would lead.
  const title = 'Cobalt, cobalt, cobalt, cobalt, cobalt'
  const lead = await seedArticle(store, { title, slug: 'cobalt-body', standfirst: 'Exports grow.', bodyHtml: `<p>${'Cobalt prices rose. '.repeat(20)}</p>` })
  await seedArticle(store, { title, slug: 'cobalt-standfirst', standfirst: 'Cobalt exports grow.', bodyHtml: '<p>Prices rose.</p>' })
  // (bm25 on SQLite weighs them otherwise.)
  if (store.dialect.name === 'postgres') assert.equal((await page(store, 'cobalt', 'walk', 0, 1))[0]![0], lead)
  assert.deepEqual(await page(store, 'cobalt', 'index', 0, 1), await page(store, 'cobalt', 'walk', 0, 1))
  const first = await page(store, 'uranium', 'walk', 0, 24)
  assert.equal(first.length, 24)
  if (store.dialect.name !== 'postgres') return
  // A document whose head is missing is scored in full: the best one loses its head and keeps its place.
  const client = new pg.Client({ connectionString: (databaseOf(store) as { url: string }).url })
  await client.connect()
  try {
    await client.query('delete from search_heads where article_id = $1', [first[0]![0]])
  } finally {
    await client.end()
  }
  await samePages()
})

// PostgreSQL's search keys (migration 0044): the GIN index's narrow table, holding a document's words, stems and the
// pairs of words side by side, so that the index alone answers a two-word phrase. Kept in step with every write and
// removal, filled by the migration, and finding what the walk (which checks every phrase on the document) finds. SQLite
// has no such table; the same searches run there and must agree.

import assert from 'node:assert/strict'
import test from 'node:test'
import { sql } from 'kysely'
import pg from 'pg'
import { parseQuery, toSearchExpression } from '../../src/search/query.ts'
import { PAIR_WORD_CHARS } from '../../src/store/search-analysis.ts'
import type { Store } from '../../src/store/store.ts'
import { databaseOf, forEachDatabase, forEachEngine, migratorOf, postgresUnavailable, scratchStore } from '../support/databases.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'

const planOf = (input: string) => toSearchExpression(parseQuery(input), { language: 'en' }).postgres.plan!

test('a two-word phrase drives the index by its pair and needs no check; a longer one by its pairs, checked', () => {
  assert.deepEqual([planOf('"central bank"').driver, planOf('"central bank"').checked], ["'central bank'", false])
  assert.deepEqual([planOf('"free trade agreement"').driver, planOf('"free trade agreement"').checked], ["'free trade' & 'trade agreement'", true])
  // An excluded two-word phrase is excluded by its pair; a longer one is left to the check.
  assert.deepEqual([planOf('bank -"central bank"').driver, planOf('bank -"central bank"').checked], ["('bank' | '~bank') & !'central bank'", false])
  assert.deepEqual([planOf('bank -"the central bank"').driver, planOf('bank -"the central bank"').checked], ["('bank' | '~bank')", true])
  // A word too long to make a pair: the phrase is found by its words and checked.
  const long = 'a'.repeat(PAIR_WORD_CHARS + 1)
  assert.deepEqual([planOf(`"${long} bank"`).driver, planOf(`"${long} bank"`).checked], [`'${long}' & 'bank'`, true])
  // Words alone are exactly what they match.
  assert.deepEqual([planOf('central bank').driver, planOf('central bank').checked], ["('central' | '~central') & ('bank' | '~bank')", false])
})

/** The ids a query finds, best first, the way to them forced. */
async function find(store: Store, input: string, path: 'index' | 'walk'): Promise<number[]> {
  const matches = await store.search.query({
    expression: toSearchExpression(parseQuery(input), { language: 'en' }), sectionIds: [], tagId: null, fromMs: null, toMs: null,
    limit: 50, offset: 0, path,
  })
  return matches.map((m) => m.articleId)
}

/** What the index finds, after checking that the walk finds the same in the same order. */
async function found(store: Store, input: string): Promise<number[]> {
  const fromIndex = await find(store, input, 'index')
  assert.deepEqual(await find(store, input, 'walk'), fromIndex, input)
  return fromIndex
}

forEachDatabase('phrases are found from word pairs exactly where their words stand side by side, whichever way is taken', async (store) => {
  await seedTaxonomy(store)
  const at = (i: number) => Date.UTC(2026, 9, 1) + i * 86_400_000
  const long = 'z'.repeat(PAIR_WORD_CHARS + 1)
  const side = await seedArticle(store, { title: 'Rates rise', bodyHtml: '<p>The central bank raised rates.</p>', publishedAt: at(1) })
  const apart = await seedArticle(store, { title: 'Bank notes', bodyHtml: '<p>The bank is central to the plan.</p>', publishedAt: at(2) })
  const three = await seedArticle(store, { title: 'Trade', bodyHtml: '<p>A free trade agreement was signed. Trade is free, and the agreement holds.</p>', publishedAt: at(4) })
  const split = await seedArticle(store, { title: 'Trade talk', bodyHtml: '<p>Free trade matters. The trade agreement waits.</p>', publishedAt: at(5) })
  const repeated = await seedArticle(store, { title: 'Echo', bodyHtml: `<p>They said bye bye and went. ${long} bank.</p>`, publishedAt: at(6) })
  assert.deepEqual(await found(store, '"central bank"'), [side])
  assert.deepEqual((await found(store, 'central bank')).sort(), [apart, side].sort())
  // Three words: both pairs in both documents, side by side in one only.
  assert.deepEqual(await found(store, '"free trade agreement"'), [three])
  assert.deepEqual(await found(store, '"bye bye"'), [repeated])
  assert.deepEqual(await found(store, `"${long} bank"`), [repeated])
  assert.deepEqual((await found(store, 'bank -"central bank"')).sort(), [apart, repeated].sort())
  assert.deepEqual(await found(store, 'trade -"free trade agreement"'), [split])
  // A rewrite and a removal reach the pairs.
  await store.search.index(side, { title: 'Rates rise', standfirst: '', body: 'The bank raised rates centrally.', language: 'en', sectionId: 1, publishedAt: at(1) })
  assert.deepEqual(await found(store, '"central bank"'), [])
  await store.search.remove(three)
  assert.deepEqual(await found(store, '"free trade agreement"'), [])
})

forEachEngine('migration 0044 fills search_keys with the pairs of the documents already indexed, and its down step gives the index back', async (t, engine) => {
  const store = await scratchStore(t, engine)
  await seedTaxonomy(store)
  const id = await seedArticle(store, { title: 'Uranium mine reopens', bodyHtml: '<p>The central bank lent the mine money.</p>' })
  const { db, migrator, before } = migratorOf(store, t)
  const keys = async () => {
    const probe = db.selectFrom('search_keys').select(['article_id', db.fn<boolean>('tsvector_to_array', ['terms']).as('lexemes')]).execute()
    return probe.then((rows) => rows.map((r) => [Number(r.article_id), (r.lexemes as unknown as string[]).filter((l) => l.includes(' '))]), () => null)
  }
  // Title, standfirst ("A standfirst") and body, their positions running on across fields as the tsvector numbers them.
  // Whether the old document column (migration 0002) holds a tsvector, which 0044 stops computing for new writes.
  const documentKept = async () => engine === 'postgres'
    ? (await db.selectFrom('search_documents').select(sql<boolean>`document is not null`.as('kept')).executeTakeFirstOrThrow()).kept
    : null
  const pairs = ['a standfirst', 'bank lent', 'central bank', 'lent the', 'mine money', 'mine reopens', 'reopens a', 'standfirst the', 'the central', 'the mine', 'uranium mine']
  assert.deepEqual(await keys(), engine === 'postgres' ? [[id, pairs]] : null)
  assert.equal(await documentKept(), engine === 'postgres' ? false : null)
  const down = await migrator.migrateTo(before('0044-search-keys'))
  assert.equal(down.error, undefined)
  assert.ok(down.results?.some((r) => r.migrationName === '0044-search-keys' && r.direction === 'Down'))
  assert.equal(await keys(), null)
  // Down, the column is generated again; up, it keeps that value until the next write clears it.
  assert.equal(await documentKept(), engine === 'postgres' ? true : null)
  const up = await migrator.migrateToLatest()
  assert.equal(up.error, undefined)
  assert.deepEqual(await keys(), engine === 'postgres' ? [[id, pairs]] : null)
  assert.equal(await documentKept(), engine === 'postgres' ? true : null)
  assert.deepEqual(await found(store, '"central bank"'), [id])
  assert.deepEqual(await found(store, '"mine reopens"'), [id])
  assert.deepEqual(await found(store, 'mines'), [id])
  await store.search.index(id, { title: 'Uranium mine reopens', standfirst: '', body: 'The central bank lent money.', language: 'en', sectionId: 1, publishedAt: Date.UTC(2026, 9, 1) })
  assert.equal(await documentKept(), engine === 'postgres' ? false : null)
  assert.deepEqual(await found(store, '"central bank"'), [id])
})

test('the keys a write makes are those broadsheet_search_keys makes from the same tsvector (PostgreSQL)', async (t) => {
  const reason = await postgresUnavailable()
  if (reason) return t.skip(reason)
  const store = await scratchStore(t, 'postgres')
  await seedTaxonomy(store)
  const long = 'q'.repeat(PAIR_WORD_CHARS + 1)
  // As many letters as a pair allows, each two UTF-16 units: counted as SQL counts them, in code points.
  const edge = '𐌰'.repeat(PAIR_WORD_CHARS)
  const bodies = [
    'The central bank lent the mine money; the mine repaid the bank.',
    `Выборы в парламент прошли. ${long} bank ${edge} bank, «кавычки» and 𝒳𝒴 letters.`,
    // Past 255 positions of one word and past position 16,383, where PostgreSQL stops counting.
    `${'the bank and '.repeat(300)}${'word '.repeat(16_500)}last words here`,
  ]
  for (const [i, body] of bodies.entries()) {
    const id = await seedArticle(store, { title: `Keys ${i}`, slug: `keys-${i}` })
    await store.search.index(id, { title: `Keys ${i}`, standfirst: 'A standfirst', body, language: i === 1 ? 'ru' : 'en', sectionId: 1, publishedAt: Date.UTC(2026, 9, 1) })
  }
  const client = new pg.Client({ connectionString: (databaseOf(store) as { url: string }).url })
  await client.connect()
  try {
    const { rows } = await client.query<{ article_id: string; same: boolean; pairs: number }>(`select article_id,
        terms = broadsheet_search_keys((select terms from search_documents d where d.article_id = k.article_id)) as same,
        cardinality(array(select l from unnest(tsvector_to_array(terms)) l where l like '% %')) as pairs
      from search_keys k order by article_id`)
    assert.equal(rows.length, bodies.length)
    for (const r of rows) {
      assert.equal(r.same, true, `article ${r.article_id}`)
      assert.ok(r.pairs > 5, `article ${r.article_id} has pairs`)
    }
  } finally {
    await client.end()
  }
})

// Word forms, vocabulary, suggestions and the background re-index of the search index, on both engines.

import assert from 'node:assert/strict'
import Database from 'better-sqlite3'
import pg from 'pg'
import { unpublish } from '../../src/editorial/publishing.ts'
import { correctQuery, queryText } from '../../src/search/corrections.ts'
import { parseQuery, toSearchExpression } from '../../src/search/query.ts'
import { reindexSearch } from '../../src/search/rebuild.ts'
import { SEARCH_ANALYSIS } from '../../src/store/search-analysis.ts'
import type { Store } from '../../src/store/store.ts'
import { databaseOf, forEachDatabase } from '../support/databases.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'

/** Ids of the articles a reader's input finds, best first, with the stemmer of `language`. */
async function find(store: Store, input: string, language = 'en', stems = true): Promise<number[]> {
  const matches = await store.search.query({
    expression: toSearchExpression(parseQuery(input), { language, stems }), sectionIds: [], tagId: null, fromMs: null, toMs: null, limit: 20, offset: 0,
  })
  return matches.map((m) => m.articleId)
}

forEachDatabase('a word finds its other forms in English and Russian, and the exact form ranks first', async (store) => {
  await seedTaxonomy(store)
  const plural = await seedArticle(store, { title: 'Agents of change', bodyHtml: '<p>Foreign agents were named.</p>', publishedAt: Date.UTC(2026, 10, 20) })
  const singular = await seedArticle(store, { title: 'An agent speaks', bodyHtml: '<p>The agent spoke.</p>', publishedAt: Date.UTC(2026, 10, 1) })
  const ru = await seedArticle(store, { title: 'Выборы в Казахстане', bodyHtml: '<p>Итоги выборов объявлены.</p>', language: 'ru' })
  assert.deepEqual(await find(store, 'agent'), [singular, plural])
  assert.deepEqual(await find(store, 'agents'), [plural, singular])
  assert.deepEqual(await find(store, 'выборах', 'ru'), [ru])
  assert.deepEqual(await find(store, 'итогах', 'ru'), [ru])
  // Without stems only the exact form matches: what search did before.
  assert.deepEqual(await find(store, 'agent', 'en', false), [singular])
  assert.deepEqual(await find(store, 'выборах', 'ru', false), [])
})

forEachDatabase('a quoted phrase matches only the exact words, and an excluded word leaves out its forms too', async (store) => {
  await seedTaxonomy(store)
  const exact = await seedArticle(store, { title: 'Secret agents exposed', bodyHtml: '<p>Nothing else.</p>' })
  const other = await seedArticle(store, { title: 'A secret agent retires', bodyHtml: '<p>Nothing else.</p>' })
  assert.deepEqual(await find(store, '"secret agents"'), [exact])
  assert.deepEqual(await find(store, '"secret agent"'), [other])
  assert.deepEqual((await find(store, 'secret agent')).sort(), [exact, other].sort())
  assert.deepEqual(await find(store, 'secret -agent'), [])
})

forEachDatabase('the vocabulary counts documents per word and follows unpublishing; typos get the frequent close word', async (store) => {
  await seedTaxonomy(store)
  const ids: number[] = []
  for (let i = 0; i < 3; i++) ids.push(await seedArticle(store, { title: `Kazakhstan votes ${i}`, bodyHtml: '<p>The election in Kazakhstan was held.</p>' }))
  assert.deepEqual(Object.fromEntries(await store.search.vocabulary.frequencies(['kazakhstan', 'election', 'votes', 'the', 'absent'])),
    { kazakhstan: 3, election: 3, votes: 3, the: 3 })
  await store.transaction((tx) => unpublish(tx, ids[0]!))
  assert.equal((await store.search.vocabulary.frequencies(['kazakhstan'])).get('kazakhstan'), 2)
  const corrected = await correctQuery(store.search.vocabulary, parseQuery('Kazakstan elecshun -vote'))
  assert.ok(corrected)
  assert.equal(queryText(corrected), 'kazakhstan election -vote')
  assert.equal(await correctQuery(store.search.vocabulary, parseQuery('kazakhstan election')), null)
})

forEachDatabase('titles are suggested by the start of their words; tags and authors come with their names and live uses', async (store) => {
  await seedTaxonomy(store)
  const older = await seedArticle(store, { title: 'Elections in Kazakhstan', tags: ['kazakhstan'], publishedAt: Date.UTC(2026, 9, 1) })
  const newer = await seedArticle(store, { title: 'Kazakh oil output rises', tags: ['energy'], publishedAt: Date.UTC(2026, 10, 1) })
  assert.deepEqual(await store.search.suggestions.titles('kaz', null, 5), [newer, older])
  assert.deepEqual(await store.search.suggestions.titles('elections in', null, 5), [older])
  assert.deepEqual(await store.search.suggestions.titles('in', null, 5), [])
  assert.deepEqual(await store.search.suggestions.titles('kaz', 'ru', 5), [])
  // Tags and authors come whole (they are few) with their names; only live articles count as uses.
  const kazakhstan = (await store.taxonomy.tagBySlug('kazakhstan'))!
  await store.taxonomy.setTagNames(kazakhstan.id, { ru: 'Казахстан' })
  const tags = await store.search.suggestions.tagNames('ru')
  assert.deepEqual(tags.find((t) => t.slug === 'kazakhstan'), { id: kazakhstan.id, slug: 'kazakhstan', name: 'Kazakhstan', localName: 'Казахстан' })
  assert.equal(tags.find((t) => t.slug === 'energy')?.localName, null)
  assert.equal((await store.search.suggestions.tagNames(null)).find((t) => t.slug === 'kazakhstan')?.localName, null)
  assert.ok((await store.search.suggestions.authorNames()).some((a) => a.slug === 'aigerim-sadykova' && a.name === 'Aigerim Sadykova'))
  const energy = (await store.taxonomy.tagBySlug('energy'))!
  const water = tags.find((t) => t.slug !== 'kazakhstan' && t.slug !== 'energy')!
  assert.deepEqual(await store.search.suggestions.liveUse('tags', [kazakhstan.id, energy.id, water.id]), new Map([[kazakhstan.id, 1], [energy.id, 1]]))
  assert.deepEqual(await store.search.suggestions.liveUse('tags', []), new Map())
  await store.transaction((tx) => unpublish(tx, older))
  assert.deepEqual(await store.search.suggestions.liveUse('tags', [kazakhstan.id]), new Map(), 'an unpublished article is no use')
  assert.deepEqual(await store.search.suggestions.titles('elec', null, 5), [])
})

/** Runs statements on a second connection to the store's database: what a migration, not the application, may do. */
async function rawSql(store: Store, statements: readonly string[]): Promise<void> {
  const config = databaseOf(store)
  if (config.engine === 'sqlite') {
    const db = new Database(config.file)
    try { for (const s of statements) db.exec(s) } finally { db.close() }
    return
  }
  const client = new pg.Client({ connectionString: config.url })
  await client.connect()
  try { for (const s of statements) await client.query(s) } finally { await client.end() }
}

forEachDatabase('an index left by an older analysis is searched by exact words until the background re-index upgrades it', async (store) => {
  await seedTaxonomy(store)
  const id = await seedArticle(store, { title: 'Agents of change', bodyHtml: '<p>Kazakhstan named agents.</p>' })
  // The state migration 0026 leaves an existing site in: exact words only, nothing counted, version 0.
  await rawSql(store, [
    store.dialect.name === 'sqlite'
      ? "update search_fts set title_stems = '', standfirst_stems = '', body_stems = '', analysis = 0"
      // The document column as migration 0002 generated it, which migration 0044 keeps for such rows.
      : `update search_documents set terms = null, document =
          setweight(to_tsvector('simple', broadsheet_fold(title)), 'A') || setweight(to_tsvector('simple', broadsheet_fold(standfirst)), 'B') ||
          setweight(to_tsvector('simple', broadsheet_fold(body)), 'C')`,
    'delete from search_terms', 'delete from search_suggest', "insert into search_state (key, value) values ('analysis_version', 0)",
  ])
  assert.equal(await store.search.state.analysisVersion(), 0)
  assert.deepEqual(await find(store, 'agents'), [id])
  assert.deepEqual(await find(store, 'agent'), [])
  const report = await reindexSearch(store)
  assert.deepEqual(report, { reindexed: 1, done: true })
  assert.equal(await store.search.state.analysisVersion(), SEARCH_ANALYSIS)
  assert.deepEqual(await find(store, 'agent'), [id])
  assert.equal((await store.search.vocabulary.frequencies(['kazakhstan'])).get('kazakhstan'), 1)
  assert.deepEqual(await store.search.suggestions.titles('agents', null, 5), [id])
  assert.deepEqual(await reindexSearch(store), { reindexed: 0, done: true })
})

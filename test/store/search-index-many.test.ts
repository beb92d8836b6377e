// Indexing a batch of documents at once (bulk publication) counts the vocabulary and suggestion keys as one at a time does.

import assert from 'node:assert/strict'
import type { SearchDocument } from '../../src/store/search-index.ts'
import { forEachDatabase } from '../support/databases.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'

forEachDatabase('indexMany counts each word once per document and an article indexed twice in the batch keeps only its last text', async (store) => {
  await seedTaxonomy(store)
  const first = await seedArticle(store, { title: 'Placeholder one', bodyHtml: '<p>Placeholder words.</p>' })
  const second = await seedArticle(store, { title: 'Placeholder two', bodyHtml: '<p>Placeholder words.</p>' })
  assert.equal((await store.search.vocabulary.frequencies(['placeholder'])).get('placeholder'), 2)
  const sectionId = (await store.taxonomy.sectionBySlug('news'))!.id
  const doc = (title: string, body: string): SearchDocument => ({ title, standfirst: '', body, language: 'en', sectionId, publishedAt: Date.UTC(2026, 10, 1) })
  await store.transaction((tx) => tx.search.indexMany([
    { id: first, doc: doc('Kazakhstan votes', 'The election was held.') },
    { id: second, doc: doc('Kazakhstan election', 'The count was slow.') },
    { id: first, doc: doc('Kyrgyzstan votes', 'The election was held.') },
  ]))
  assert.deepEqual(Object.fromEntries(await store.search.vocabulary.frequencies(['placeholder', 'kazakhstan', 'kyrgyzstan', 'election', 'votes', 'count'])),
    { kazakhstan: 1, kyrgyzstan: 1, election: 2, votes: 1, count: 1 })
  assert.deepEqual(await store.search.suggestions.titles('kaz', null, 5), [second])
  assert.deepEqual(await store.search.suggestions.titles('kyr', null, 5), [first])
  assert.deepEqual(await store.search.suggestions.titles('placeholder', null, 5), [])
})

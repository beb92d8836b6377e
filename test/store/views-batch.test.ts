// The batched view upsert and the beacon path lookup of src/store/views.ts, on both engines.

import assert from 'node:assert/strict'
import { HOUR_MS } from '../../src/store/views.ts'
import { forEachDatabase } from '../support/databases.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'

const NOW = Date.UTC(2026, 10, 27, 9)

forEachDatabase('one transaction adds many articles and hours in batches, adding to existing buckets', async (store) => {
  await seedTaxonomy(store)
  const ids: number[] = []
  for (let i = 0; i < 5; i++) ids.push(await seedArticle(store))
  await store.transaction(async (tx) => {
    await tx.views.add(NOW, new Map(ids.map((id, i) => [id, i + 1])))
    await tx.views.add(NOW - HOUR_MS, new Map([[ids[0]!, 10]]))
  })
  await store.transaction((tx) => tx.views.add(NOW, new Map([[ids[0]!, 100], [ids[4]!, 1]])))
  assert.equal(await store.views.total(), 1 + 2 + 3 + 4 + 5 + 10 + 100 + 1)
  assert.equal(await store.views.total(NOW), 1 + 2 + 3 + 4 + 5 + 100 + 1)
  assert.deepEqual(await store.views.mostRead(NOW - HOUR_MS, 3), [ids[0], ids[4], ids[3]])
})

forEachDatabase('add skips ids that are not articles, across several statement chunks, without failing the batch', async (store) => {
  await seedTaxonomy(store)
  const a = await seedArticle(store)
  const b = await seedArticle(store)
  const counts = new Map<number, number>()
  for (let id = 1_000_000; id < 1_002_500; id++) counts.set(id, 1)
  counts.set(a, 7)
  counts.set(b, 3)
  await store.transaction((tx) => tx.views.add(NOW, counts))
  assert.equal(await store.views.total(), 10)
  assert.deepEqual(await store.views.mostRead(NOW, 10), [a, b])
})

forEachDatabase('add with no counts, or only zeros, writes nothing', async (store) => {
  await seedTaxonomy(store)
  const a = await seedArticle(store)
  await store.transaction((tx) => tx.views.add(NOW, new Map()))
  await store.transaction((tx) => tx.views.add(NOW, new Map([[a, 0]])))
  assert.equal(await store.views.total(), 0)
  assert.deepEqual(await store.views.mostRead(0, 5), [])
})

forEachDatabase('liveArticleId finds live articles by language, section and slug, and nothing else', async (store) => {
  await seedTaxonomy(store)
  const live = await seedArticle(store, { slug: 'wind-farms' })
  const ru = await seedArticle(store, { slug: 'vetryanye-fermy', language: 'ru' })
  await seedArticle(store, { slug: 'draft-story', draft: true })
  assert.equal(await store.views.liveArticleId('en', 'news', 'wind-farms'), live)
  assert.equal(await store.views.liveArticleId('ru', 'news', 'vetryanye-fermy'), ru)
  assert.equal(await store.views.liveArticleId('ru', 'news', 'wind-farms'), undefined)
  assert.equal(await store.views.liveArticleId('en', 'opinion', 'wind-farms'), undefined)
  assert.equal(await store.views.liveArticleId('en', 'news', 'draft-story'), undefined)
})

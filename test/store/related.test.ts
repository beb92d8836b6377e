// The related-articles repository on both databases: frequencies, postings, lists, overrides, cursors.

import assert from 'node:assert/strict'
import { forEachDatabase } from '../support/databases.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'
import { publish } from '../../src/editorial/publishing.ts'

const NOW = Date.UTC(2026, 10, 27, 9)

forEachDatabase('document frequencies go up and down, and terms that reach zero disappear', async (store) => {
  await store.transaction(async (tx) => {
    await tx.related.adjustFrequencies(['pipeline', 'oil'], [], 1)
    await tx.related.adjustFrequencies(['oil', 'gas'], [], 1)
    await tx.related.adjustFrequencies([], ['pipeline', 'oil'], -1)
  })
  assert.deepEqual(Object.fromEntries(await store.related.frequencies(['pipeline', 'oil', 'gas', 'never'])), { oil: 1, gas: 1 })
  assert.equal(await store.related.documentCount(), 1)
})

forEachDatabase('posting lists hold each term\'s strongest articles, strongest first, the asking article left out', async (store) => {
  await seedTaxonomy(store)
  const ids: number[] = []
  for (let i = 0; i < 6; i++) ids.push(await seedArticle(store, { title: `Story ${i}` }, NOW))
  // Weights a float4 column keeps as they are; the last two tie, so the higher id comes first.
  const weights = [0.125, 0.25, 0.375, 0.5, 0.75, 0.75]
  await store.transaction((tx) => tx.related.replaceTerms(ids.map((id, i) => ({
    articleId: id, terms: [{ term: 'common', weight: weights[i]! }, ...(i < 2 ? [{ term: 'rare', weight: 0.5 }] : []), ...(i === 0 ? [{ term: 'σύνταγμα', weight: 1.5e-5 }] : [])],
  }))))
  const plain = (lists: Map<string, { ids: ArrayLike<number>; weights: ArrayLike<number> }>) =>
    Object.fromEntries([...lists].map(([term, l]) => [term, { ids: [...Array.from(l.ids)], weights: [...Array.from(l.weights)] }]))

  assert.deepEqual(plain(await store.related.postingLists(['common'], 3, ids[5]!)), {
    common: { ids: [ids[4], ids[3], ids[2]], weights: [0.75, 0.5, 0.375] },
  })
  assert.deepEqual(plain(await store.related.postingLists(['common', 'rare', 'σύνταγμα', 'absent'], 2, ids[0]!)), {
    common: { ids: [ids[5], ids[4]], weights: [0.75, 0.75] },
    rare: { ids: [ids[1]], weights: [0.5] },
    'σύνταγμα': { ids: [], weights: [] },
    absent: { ids: [], weights: [] },
  })
  // Without an article to leave out (the list pass reads one more and skips it itself).
  assert.deepEqual(plain(await store.related.postingLists(['rare', 'σύνταγμα'], 10)), {
    rare: { ids: [ids[1], ids[0]], weights: [0.5, 0.5] },
    'σύνταγμα': { ids: [ids[0]], weights: [1.5e-5] },
  })
  assert.equal((await store.related.postingLists([], 5, ids[0]!)).size, 0)
  assert.deepEqual((await store.related.termsOf([ids[0]!])).get(ids[0]!)?.map((t) => t.term), ['rare', 'common', 'σύνταγμα'])
})

forEachDatabase('a stored list keeps its order, and dropping an article takes it out of every list', async (store) => {
  await seedTaxonomy(store)
  const [a, b, c] = [await seedArticle(store, {}, NOW), await seedArticle(store, {}, NOW), await seedArticle(store, {}, NOW)]
  await store.transaction(async (tx) => {
    await tx.related.writeList(a, [{ relatedId: c, score: 0.9, pinned: true }, { relatedId: b, score: 0.4, pinned: false }], NOW)
    await tx.related.writeList(b, [{ relatedId: c, score: 0.5, pinned: false }], NOW)
  })
  assert.deepEqual(await store.related.list(a), [{ relatedId: c, score: 0.9, pinned: true }, { relatedId: b, score: 0.4, pinned: false }])
  assert.deepEqual((await store.related.listsShowing(c)).sort(), [a, b].sort())
  await store.transaction((tx) => tx.related.dropArticle(c))
  assert.deepEqual((await store.related.list(a)).map((r) => r.relatedId), [b])
  assert.deepEqual(await store.related.list(b), [])
})

forEachDatabase('an override of a pair replaces the earlier one and is removed only by its own kind', async (store) => {
  await seedTaxonomy(store)
  const [a, b, c] = [await seedArticle(store, {}, NOW), await seedArticle(store, {}, NOW), await seedArticle(store, {}, NOW)]
  await store.transaction(async (tx) => {
    await tx.related.putOverride(a, b, 'pin', 2, NOW)
    await tx.related.putOverride(a, c, 'pin', 1, NOW)
    await tx.related.putOverride(a, b, 'exclude', 0, NOW)
  })
  assert.deepEqual(await store.related.overrides(a), [{ otherId: b, kind: 'exclude', position: 0 }, { otherId: c, kind: 'pin', position: 1 }])
  assert.equal(await store.related.removeOverride(a, b, 'pin'), false)
  assert.equal(await store.related.removeOverride(a, b, 'exclude'), true)
})

forEachDatabase('publishing indexes the article, republishing moves frequencies, and the cursor walks new articles', async (store) => {
  await seedTaxonomy(store)
  const id = await seedArticle(store, { title: 'Pipeline', standfirst: '', bodyHtml: '<p>Pipeline oil</p>', publishedAt: NOW - 1000 }, NOW)
  assert.equal(await store.related.documentCount(), 1)
  // Terms are Porter2 stems: pipeline → pipelin.
  assert.deepEqual(Object.fromEntries(await store.related.frequencies(['pipelin', 'oil', 'gas'])), { pipelin: 1, oil: 1 })
  await store.transaction(async (tx) => {
    const a = (await tx.articles.get(id))!
    await tx.articles.update(id, a.version, { ...a, title: 'Gas', bodyHtml: a.bodyHtml.replace('oil', 'gas') as typeof a.bodyHtml }, NOW)
    await publish(tx, id, { now: NOW, siteLanguage: 'en' })
  })
  assert.equal(await store.related.documentCount(), 1)
  assert.deepEqual(Object.fromEntries(await store.related.frequencies(['pipelin', 'oil', 'gas'])), { pipelin: 1, gas: 1 })
  const later = await seedArticle(store, { publishedAt: NOW }, NOW)
  assert.deepEqual(await store.related.publishedAfter({ publishedAt: NOW - 1000, id }, 10), [{ id: later, publishedAt: NOW }])
  assert.deepEqual(await store.related.liveIdsAfter(id, 10), [later])
})

forEachDatabase('two transactions replacing one article\'s terms and list at once: the second waits, and its rows are what stays', async (store) => {
  await seedTaxonomy(store)
  const [a, b, c] = [await seedArticle(store, {}, NOW), await seedArticle(store, {}, NOW), await seedArticle(store, {}, NOW)]
  const terms = (names: string[]) => [{ articleId: a, terms: names.map((term, i) => ({ term, weight: 1 / (i + 1) })) }]
  const list = (ids: number[]) => [{ articleId: a, entries: ids.map((relatedId) => ({ relatedId, score: 0.5, pinned: false })) }]
  let release!: () => void
  const held = new Promise<void>((resolve) => { release = resolve })
  let firstWrote!: () => void
  const wrote = new Promise<void>((resolve) => { firstWrote = resolve })
  // The first transaction writes and stays open; the second starts replacing the same rows meanwhile.
  const first = store.transaction(async (tx) => {
    await tx.related.replaceTerms(terms(['oil', 'gas', 'pipeline']))
    await tx.relatedPending.writeLists(list([b]), NOW)
    firstWrote()
    await held
  })
  await wrote
  const second = store.transaction(async (tx) => {
    await tx.related.replaceTerms(terms(['oil', 'grain']))
    await tx.relatedPending.writeLists(list([c, b]), NOW + 1)
  })
  await new Promise((resolve) => setTimeout(resolve, 200))
  release()
  await Promise.all([first, second])
  assert.deepEqual((await store.related.termsOf([a])).get(a)?.map((t) => t.term), ['oil', 'grain'])
  assert.deepEqual((await store.related.list(a)).map((e) => e.relatedId), [c, b])
})

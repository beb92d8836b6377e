// Views in hourly buckets and most-read rankings on both engines (src/store/views.ts).

import assert from 'node:assert/strict'
import { forEachDatabase } from '../support/databases.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'
import { HOUR, NOW, takeDown } from '../support/editing.ts'
import { HOUR_MS } from '../../src/store/views.ts'

const hourOf = (ms: number): number => ms - (ms % HOUR_MS)

forEachDatabase('views added twice to the same hour accumulate in one bucket', async (store) => {
  await seedTaxonomy(store)
  const a = await seedArticle(store, { title: 'A' })
  const b = await seedArticle(store, { title: 'B' })
  const hour = hourOf(NOW)
  await store.views.add(hour, new Map([[a, 2], [b, 3]]))
  await store.views.add(hour, new Map([[a, 5]]))
  assert.deepEqual(await store.views.mostRead(hour, 10), [a, b], 'a: 7 views, b: 3')
  await store.views.add(hour, new Map([[b, 10]]))
  assert.deepEqual(await store.views.mostRead(hour, 10), [b, a], 'b: 13 views, a: 7')
})

forEachDatabase('mostRead sums the hours since a time and ranks by the sum', async (store) => {
  await seedTaxonomy(store)
  const a = await seedArticle(store, { title: 'A' })
  const b = await seedArticle(store, { title: 'B' })
  const c = await seedArticle(store, { title: 'C' })
  const hour = hourOf(NOW)
  await store.views.add(hour - 30 * HOUR, new Map([[c, 1000]]))
  await store.views.add(hour - 2 * HOUR, new Map([[a, 4], [b, 5]]))
  await store.views.add(hour - HOUR, new Map([[a, 4]]))
  await store.views.add(hour, new Map([[b, 1]]))
  assert.deepEqual(await store.views.mostRead(NOW - 24 * HOUR, 10), [a, b], 'c was read before the window')
  assert.deepEqual(await store.views.mostRead(NOW - 48 * HOUR, 10), [c, a, b])
  assert.deepEqual(await store.views.mostRead(NOW - 48 * HOUR, 1), [c])
  assert.deepEqual(await store.views.mostRead(hour - HOUR, 10), [a, b], 'a: 4, b: 1 in the last two hours')
})

forEachDatabase('mostRead starts at the beginning of the hour that contains `since`', async (store) => {
  await seedTaxonomy(store)
  const a = await seedArticle(store, { title: 'A' })
  const hour = hourOf(NOW)
  await store.views.add(hour, new Map([[a, 1]]))
  assert.deepEqual(await store.views.mostRead(hour + 59 * 60_000, 10), [a])
  assert.deepEqual(await store.views.mostRead(hour + HOUR, 10), [])
})

forEachDatabase('equal sums rank the newer id first, and unpublished articles drop out', async (store) => {
  await seedTaxonomy(store)
  const a = await seedArticle(store, { title: 'A' })
  const b = await seedArticle(store, { title: 'B' })
  const c = await seedArticle(store, { title: 'C' })
  const hour = hourOf(NOW)
  await store.views.add(hour, new Map([[a, 3], [b, 3], [c, 9]]))
  assert.deepEqual(await store.views.mostRead(hour, 10), [c, b, a])
  await takeDown(store, c)
  assert.deepEqual(await store.views.mostRead(hour, 10), [b, a])
})

forEachDatabase('mostRead is empty with no views, and the sum is a number on both engines', async (store) => {
  await seedTaxonomy(store)
  const a = await seedArticle(store, { title: 'A' })
  assert.deepEqual(await store.views.mostRead(0, 5), [])
  await store.views.add(hourOf(NOW), new Map([[a, 2 ** 40]]))
  await store.views.add(hourOf(NOW), new Map([[a, 1]]))
  const ids = await store.views.mostRead(0, 5)
  assert.deepEqual(ids, [a])
  assert.equal(typeof ids[0], 'number')
})

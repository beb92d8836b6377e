// Most-read rankings: reused for a few seconds, refreshed after a flush or when they age (src/popular/most-read.ts).

import assert from 'node:assert/strict'
import { forEachDatabase } from '../support/databases.ts'
import { fixedClock } from '../support/build-test-app.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'
import { createMostRead, RANKING_TTL_MS } from '../../src/popular/most-read.ts'
import { HOUR_MS } from '../../src/store/views.ts'

forEachDatabase('a ranking is reused until it ages or is invalidated, then reflects new views', async (store) => {
  await seedTaxonomy(store)
  const a = await seedArticle(store, { title: 'First' })
  const b = await seedArticle(store, { title: 'Second' })
  const clock = fixedClock()
  const hour = clock.now() - (clock.now() % HOUR_MS)
  const mostRead = createMostRead({ store, clock })

  await store.views.add(hour, new Map([[a, 5], [b, 1]]))
  assert.deepEqual(await mostRead.ids('day', 5), [a, b])

  await store.views.add(hour, new Map([[b, 10]]))
  assert.deepEqual(await mostRead.ids('day', 5), [a, b], 'within the TTL the same ranking is served')

  const start = clock.now()
  clock.set(start + RANKING_TTL_MS)
  assert.deepEqual(await mostRead.ids('day', 5), [a, b], 'an aged ranking is served while the next is computed')
  await store.views.add(hour, new Map([[a, 1]]))
  clock.set(start + 4 * RANKING_TTL_MS)
  assert.deepEqual(await mostRead.ids('day', 5), [b, a], 'one older than two lifetimes is computed again before it is served')

  await store.views.add(hour, new Map([[a, 20]]))
  mostRead.invalidate()
  assert.deepEqual(await mostRead.ids('day', 1), [a], 'invalidation (after a flush) refreshes at once')
})

forEachDatabase('the day and week windows rank separately', async (store) => {
  await seedTaxonomy(store)
  const recent = await seedArticle(store, { title: 'Recent' })
  const older = await seedArticle(store, { title: 'Older' })
  const clock = fixedClock()
  const hour = clock.now() - (clock.now() % HOUR_MS)
  await store.views.add(hour, new Map([[recent, 3]]))
  await store.views.add(hour - 3 * 24 * HOUR_MS, new Map([[older, 50]]))
  const mostRead = createMostRead({ store, clock })
  assert.deepEqual(await mostRead.ids('day', 5), [recent])
  assert.deepEqual(await mostRead.ids('week', 5), [older, recent])
})

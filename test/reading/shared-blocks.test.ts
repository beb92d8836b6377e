// Editor's choice and Popular, read once and reused until a change, a pick's end time or a new ranking (src/reading/shared-blocks.ts).

import assert from 'node:assert/strict'
import { forEachDatabase } from '../support/databases.ts'
import { fixedClock } from '../support/build-test-app.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'
import { HOUR, NOW, pick } from '../support/editing.ts'
import { createMostRead, RANKING_TTL_MS } from '../../src/popular/most-read.ts'
import { createSharedBlocks } from '../../src/reading/shared-blocks.ts'
import { HOUR_MS } from '../../src/store/views.ts'
import type { Store } from '../../src/store/store.ts'

function blocks(store: Store, clock = fixedClock(NOW), language = { value: 'en' }) {
  return createSharedBlocks({
    store, clock, mostRead: createMostRead({ store, clock }), invalidation: store.invalidated,
    siteLanguage: async () => language.value,
    summarize: async (items) => items.map((s) => ({
      id: s.id, path: `/${language.value}/${s.slug}`, title: s.title, standfirst: s.standfirst, genre: s.genre, language: s.language,
      section: s.section, authors: s.authors, publishedAt: s.publishedAt, updatedAt: s.updatedAt, hero: s.hero,
    })),
  })
}

const titles = (items: readonly { title: string }[]) => items.map((i) => i.title)

forEachDatabase("picks are read once, and again after any invalidation", async (store) => {
  await seedTaxonomy(store)
  const first = await seedArticle(store, { title: 'First pick' })
  const second = await seedArticle(store, { title: 'Second pick' })
  await pick(store, first, 1)
  const shared = blocks(store)
  assert.deepEqual(titles(await shared.picks(5, 'en')), ['First pick'])

  await pick(store, second, 2)
  assert.deepEqual(titles(await shared.picks(5, 'en')), ['First pick'], 'without an event the block is not read again')

  store.invalidated.emit({ all: false, articleIds: [second], scopes: ['picks'] })
  assert.deepEqual(titles(await shared.picks(5, 'en')), ['First pick', 'Second pick'], 'an invalidation drops the block')
  assert.deepEqual(titles(await shared.picks(1, 'en')), ['First pick'], 'a shorter block is cut from the same entry')
})

forEachDatabase("a pick leaves the block when its end time passes, with no event", async (store) => {
  await seedTaxonomy(store)
  const lasting = await seedArticle(store, { title: 'Lasting' })
  const brief = await seedArticle(store, { title: 'Brief' })
  await pick(store, brief, 1, NOW + HOUR)
  await pick(store, lasting, 2)
  const clock = fixedClock(NOW)
  const shared = blocks(store, clock)
  assert.deepEqual(titles(await shared.picks(5, 'en')), ['Brief', 'Lasting'])
  clock.set(NOW + HOUR - 1)
  assert.deepEqual(titles(await shared.picks(5, 'en')), ['Brief', 'Lasting'])
  clock.set(NOW + HOUR)
  assert.deepEqual(titles(await shared.picks(5, 'en')), ['Lasting'])
})

forEachDatabase("popular follows the ranking, and a change of site language renews the paths", async (store) => {
  await seedTaxonomy(store)
  const a = await seedArticle(store, { title: 'Alpha', slug: 'alpha' })
  const b = await seedArticle(store, { title: 'Beta', slug: 'beta' })
  const clock = fixedClock(NOW)
  const language = { value: 'en' }
  const shared = blocks(store, clock, language)
  const hour = NOW - (NOW % HOUR_MS)
  await store.views.add(hour, new Map([[a, 5], [b, 1]]))
  assert.deepEqual(titles(await shared.popular('day', 5, 'en')), ['Alpha', 'Beta'])

  await store.views.add(hour, new Map([[b, 10]]))
  clock.set(NOW + 2 * RANKING_TTL_MS)
  assert.deepEqual(titles(await shared.popular('day', 5, 'en')), ['Beta', 'Alpha'], 'a block follows a new ranking at once')
  assert.deepEqual(titles(await shared.popular('day', 1, 'en')), ['Beta'])

  language.value = 'ru'
  assert.deepEqual((await shared.popular('day', 5, 'en')).map((s) => s.path), ['/ru/beta', '/ru/alpha'])
})

forEachDatabase("a read that fails is not kept", async (store) => {
  await seedTaxonomy(store)
  const id = await seedArticle(store, { title: 'Kept' })
  await pick(store, id, 1)
  let fail = true
  const failing: Store = Object.create(store, {
    live: {
      value: Object.create(store.live, {
        editorsChoice: { value: async (now: number, limit: number, language?: string) => (fail ? Promise.reject(new Error('database away')) : store.live.editorsChoice(now, limit, language)) },
      }),
    },
  })
  const shared = blocks(failing)
  await assert.rejects(shared.picks(5, 'en'), /database away/)
  fail = false
  assert.deepEqual(titles(await shared.picks(5, 'en')), ['Kept'])
})

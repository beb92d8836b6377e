// Keyset pages of live articles on both engines: both orders, ties broken by id, filters, the updated-since bound, extras.

import assert from 'node:assert/strict'
import type { KeysetPosition, KeysetQuery } from '../../src/store/content-api.ts'
import type { Store } from '../../src/store/store.ts'
import { forEachDatabase } from '../support/databases.ts'
import { editArticle, HOUR, NOW, republish, sectionId, takeDown } from '../support/editing.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'

const base: KeysetQuery = { order: 'published', sectionId: null, tagId: null, authorId: null, updatedSince: null, after: null, limit: 3 }

/** Every id of a query, page by page, and the page sizes. */
async function walk(store: Store, q: Partial<KeysetQuery>): Promise<{ ids: number[]; sizes: number[] }> {
  const ids: number[] = []
  const sizes: number[] = []
  let after: KeysetPosition | null = null
  do {
    const page = await store.contentApi.page({ ...base, ...q, after })
    ids.push(...page.ids)
    sizes.push(page.ids.length)
    after = page.next
  } while (after)
  return { ids, sizes }
}

/** Eight articles, four of them published at the same minute so the id must break ties. */
async function seed(store: Store): Promise<number[]> {
  await seedTaxonomy(store)
  const ids: number[] = []
  for (let i = 0; i < 8; i++) {
    ids.push(await seedArticle(store, {
      title: `Story ${i}`, section: i % 2 ? 'opinion' : 'news', tags: i < 4 ? ['energy'] : [],
      authors: i === 5 ? ['newsroom'] : ['aigerim-sadykova'], publishedAt: i < 4 ? NOW - HOUR : NOW - HOUR - i * 60_000,
    }))
  }
  return ids
}

forEachDatabase('published order pages newest first with ties broken by the higher id, each article once', async (store) => {
  const ids = await seed(store)
  const { ids: seen, sizes } = await walk(store, {})
  assert.deepEqual(sizes, [3, 3, 2])
  assert.deepEqual(seen, [ids[3], ids[2], ids[1], ids[0], ids[4], ids[5], ids[6], ids[7]])
  const first = await store.contentApi.page({ ...base, limit: 8 })
  assert.equal(first.next, null, 'exactly limit rows: no next page')
})

forEachDatabase('filters by section, tag and author combine, in either order', async (store) => {
  const ids = await seed(store)
  const tag = (await store.taxonomy.tagBySlug('energy'))!.id
  const author = (await store.people.authorBySlug('newsroom'))!.id
  const opinion = await sectionId(store, 'opinion')
  assert.deepEqual((await walk(store, { tagId: tag })).ids, [ids[3], ids[2], ids[1], ids[0]])
  assert.deepEqual((await walk(store, { tagId: tag, sectionId: opinion })).ids, [ids[3], ids[1]])
  assert.deepEqual((await walk(store, { authorId: author })).ids, [ids[5]])
  assert.deepEqual((await walk(store, { authorId: author, tagId: tag })).ids, [])
  assert.deepEqual((await walk(store, { order: 'updated', updatedSince: 0, tagId: tag, sectionId: opinion, limit: 1 })).ids, [ids[1], ids[3]])
})

forEachDatabase('updated order pages oldest change first from the since bound; a republished article moves to the end', async (store) => {
  const ids = await seed(store)
  await editArticle(store, ids[6]!, { title: 'Corrected' })
  await republish(store, ids[6]!, NOW + HOUR)
  const all = await walk(store, { order: 'updated', updatedSince: 0 })
  assert.deepEqual(all.ids, [ids[7], ids[5], ids[4], ids[0], ids[1], ids[2], ids[3], ids[6]])
  assert.deepEqual((await walk(store, { order: 'updated', updatedSince: NOW + HOUR })).ids, [ids[6]])
  assert.deepEqual((await walk(store, { order: 'updated', updatedSince: NOW + HOUR + 1 })).ids, [])
  // An unpublished article leaves every listing.
  await takeDown(store, ids[6]!)
  assert.equal((await walk(store, { order: 'updated', updatedSince: 0 })).ids.length, 7)
})

forEachDatabase('extras bring bodies, tags in order and live translations; liveId finds by path', async (store) => {
  await seedTaxonomy(store)
  const en = await seedArticle(store, { title: 'Deal', slug: 'deal', section: 'opinion', tags: ['kazakhstan', 'energy'], bodyHtml: '<p>Hello.</p>' })
  const ru = await seedArticle(store, { title: 'Сделка', slug: 'sdelka', section: 'opinion', language: 'ru', translationOf: en })
  const lone = await seedArticle(store, { title: 'Alone', slug: 'alone' })
  const extras = await store.contentApi.extras([en, ru, lone, 999_999])
  assert.equal(extras.size, 3)
  assert.equal(extras.get(en)!.bodyHtml, '<p>Hello.</p>')
  assert.deepEqual(extras.get(en)!.tags.map((t) => [t.slug, t.kind]), [['kazakhstan', 'place'], ['energy', 'topic']])
  assert.deepEqual(extras.get(en)!.translations, [{ language: 'ru', sectionSlug: 'opinion', slug: 'sdelka' }])
  assert.deepEqual(extras.get(ru)!.translations, [{ language: 'en', sectionSlug: 'opinion', slug: 'deal' }])
  assert.deepEqual(extras.get(lone)!.translations, [])
  assert.equal((await store.contentApi.extras([])).size, 0)
  assert.equal(await store.contentApi.liveId('ru', 'opinion', 'sdelka'), ru)
  assert.equal(await store.contentApi.liveId('en', 'opinion', 'sdelka'), undefined)
})

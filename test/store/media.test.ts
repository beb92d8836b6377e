// The media repository on both engines: variants, the variants queue and its claims, usage, and variants in live listings.

import assert from 'node:assert/strict'
import { forEachDatabase } from '../support/databases.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'
import type { Store } from '../../src/store/store.ts'

const NOW = Date.UTC(2026, 10, 27, 9)

const insertImage = (store: Store, name: string, createdAt = NOW) => store.media.insert({
  path: `2026/11/${name}.jpg`, mime: 'image/jpeg', width: 2000, height: 1000, bytes: 1234, alt: `Alt ${name}`, caption: '',
  credit: '', focalX: 0.5, focalY: 0.5, createdAt, uploadedBy: null,
})

const variant = (name: string, format: 'webp' | 'jpeg', width: number) =>
  ({ width, height: width / 2, format, path: `2026/11/${name}-${width}w.${format === 'jpeg' ? 'jpg' : 'webp'}`, bytes: width })

forEachDatabase('variants are stored, read narrowest first per format, replaced whole, and deleted with their image', async (store) => {
  const id = await insertImage(store, 'a')
  await store.media.replaceVariants(id, [variant('a', 'webp', 960), variant('a', 'webp', 480), variant('a', 'jpeg', 480)])
  assert.deepEqual((await store.media.get(id))?.variants, [
    { width: 480, height: 240, format: 'jpeg', url: '/media/2026/11/a-480w.jpg', bytes: 480 },
    { width: 480, height: 240, format: 'webp', url: '/media/2026/11/a-480w.webp', bytes: 480 },
    { width: 960, height: 480, format: 'webp', url: '/media/2026/11/a-960w.webp', bytes: 960 },
  ])
  await store.media.replaceVariants(id, [variant('a', 'webp', 1600)])
  assert.deepEqual((await store.media.get(id))?.variants.map((v) => v.width), [1600])
  await store.media.enqueueVariants(id, NOW)
  await store.media.delete(id)
  assert.equal(await store.media.get(id), undefined)
  assert.equal(await store.media.variantTask(id), undefined)
})

forEachDatabase('a claimed variant task is leased: not claimed again until the lease ends, and never by two claimers', async (store) => {
  const ids = [await insertImage(store, 'a'), await insertImage(store, 'b'), await insertImage(store, 'c')]
  for (const id of ids) await store.media.enqueueVariants(id, NOW)
  const skip = store.dialect.skipLocked
  const [first, second] = await Promise.all([store.media.claimVariantTasks(NOW, 2, NOW + 600_000, skip), store.media.claimVariantTasks(NOW, 2, NOW + 600_000, skip)])
  const claimed = [...first!, ...second!].map((t) => t.mediaId).sort((a, b) => a - b)
  assert.deepEqual(claimed, ids, 'each task went to exactly one claimer')
  assert.deepEqual(await store.media.claimVariantTasks(NOW + 1000, 10, NOW + 700_000, skip), [])
  const again = await store.media.claimVariantTasks(NOW + 600_000, 1, NOW + 1_200_000, skip)
  assert.deepEqual(again, [{ mediaId: ids[0]!, attempts: 2 }])
})

forEachDatabase('a failed task waits for its retry, is given up on when told, and is queued afresh by enqueue', async (store) => {
  const id = await insertImage(store, 'a')
  await store.media.enqueueVariants(id, NOW)
  await store.media.claimVariantTasks(NOW, 1, NOW + 1, store.dialect.skipLocked)
  await store.media.failVariantTask(id, 'boom', NOW + 60_000)
  assert.deepEqual(await store.media.claimVariantTasks(NOW + 59_999, 1, NOW + 1, store.dialect.skipLocked), [])
  assert.equal((await store.media.claimVariantTasks(NOW + 60_000, 1, NOW + 1, store.dialect.skipLocked)).length, 1)
  await store.media.failVariantTask(id, 'x'.repeat(5000), null)
  const task = await store.media.variantTask(id)
  assert.deepEqual([task?.status, task?.lastError?.length], ['failed', 1000])
  assert.deepEqual(await store.media.claimVariantTasks(NOW + 10 ** 9, 1, NOW + 1, store.dialect.skipLocked), [])
  await store.media.enqueueVariants(id, NOW)
  assert.deepEqual(await store.media.variantTask(id), { status: 'pending', attempts: 0, lastError: null })
})

forEachDatabase('live listings carry hero variants, read for the whole listing at once', async (store) => {
  await seedTaxonomy(store)
  const withVariants = await insertImage(store, 'a')
  const without = await insertImage(store, 'b')
  await store.media.replaceVariants(withVariants, [variant('a', 'webp', 480)])
  const one = await seedArticle(store, { heroMediaId: withVariants, publishedAt: NOW - 1000 })
  const two = await seedArticle(store, { heroMediaId: without, publishedAt: NOW - 2000 })
  const three = await seedArticle(store, { publishedAt: NOW - 3000 })
  const listed = await store.live.summariesByIds([one, two, three])
  assert.deepEqual(listed.map((s) => s.hero?.variants.map((v) => v.url) ?? null), [['/media/2026/11/a-480w.webp'], [], null])
  assert.deepEqual((await store.media.liveHeroArticleIds(withVariants)), [one])
})

forEachDatabase('usage finds heroes of working and live copies, bodies by path or data-media-id, and author photos', async (store) => {
  await seedTaxonomy(store)
  const id = await insertImage(store, 'a')
  const other = await insertImage(store, 'a_b')
  const hero = await seedArticle(store, { heroMediaId: id, draft: true })
  const byPath = await seedArticle(store, { bodyHtml: '<p><img src="https://news.example/media/2026/11/a-480w.webp" alt="x"></p>' })
  const byId = await seedArticle(store, { bodyHtml: `<p><img src="/x.png" alt="x" data-media-id="${id}"></p>`, draft: true })
  await seedArticle(store, { bodyHtml: `<p><img src="/media/2026/11/aXb.jpg" alt="x" data-media-id="${id}0"></p>` })
  const author = await store.transaction((tx) => tx.people.insertAuthor({ slug: 'pic', name: 'Pic', bio: '', kind: 'staff', photoMediaId: id }))
  assert.deepEqual(await store.media.usage(id, ['2026/11/a.jpg', '2026/11/a-480w.webp']), { heroOf: [hero], bodyOf: [byPath, byId].sort((a, b) => a - b), photoOf: [author] })
  assert.deepEqual(await store.media.usage(id, null), { heroOf: [hero], bodyOf: [], photoOf: [author] })
  // `_` in a path is literal, not LIKE's any-character.
  assert.deepEqual(await store.media.usage(other, ['2026/11/a_b.jpg']), { heroOf: [], bodyOf: [], photoOf: [] })
})

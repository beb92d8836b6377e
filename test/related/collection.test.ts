// The live collection as a list pass reads it (src/related/collection.ts): by article id in typed arrays, a page at a
// time, the same facts the store gives article by article, on both databases.

import assert from 'node:assert/strict'
import { forEachDatabase } from '../support/databases.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'
import { factsOf, isLive, readCollection, tagsOf, timeOf } from '../../src/related/collection.ts'
import { unpublish } from '../../src/editorial/publishing.ts'

const NOW = Date.UTC(2026, 10, 27, 9)

forEachDatabase('the collection holds each live article’s time, language, translation group and tags, and nothing of the others', async (store) => {
  await seedTaxonomy(store)
  const seed = (i: number, extra: { language?: string; translationOf?: number; tags?: string[]; draft?: boolean } = {}) =>
    seedArticle(store, { title: `Story ${i}`, publishedAt: NOW - i * 60_000, ...extra }, NOW)
  const plain = await seed(1)
  const tagged = await seed(2, { tags: ['energy', 'elections'] })
  const original = await seed(3, { tags: ['energy'] })
  const translation = await seed(4, { language: 'ru', translationOf: original, tags: ['energy', 'elections'] })
  const draft = await seed(5, { draft: true, tags: ['energy'] })
  const gone = await seed(6, { tags: ['elections'] })
  await store.transaction((tx) => unpublish(tx, gone, { now: NOW, siteLanguage: 'en' }))
  const last = await seed(7, { language: 'de', tags: ['energy'] })
  const live = [plain, tagged, original, translation, last]

  const facts = await store.related.candidates(live)
  const tagRows = await Promise.all(live.map(async (id) => [id, (await store.related.sharedTags(id, [id])).get(id) ?? 0] as const))
  // Pages of three articles and six tag rows: two pages of articles, and a page of tags that ends inside an article's
  // (read whole the next time).
  for (const page of [3, 10_000]) {
    const c = await readCollection(store, page)
    assert.equal(c.times.length, last + 1, `page ${page}: one place for each id up to the last live one`)
    for (const id of live) {
      assert.ok(isLive(c, id), `page ${page}: ${id} is live`)
      assert.equal(timeOf(c, id), facts.get(id)!.publishedAt)
      assert.deepEqual(factsOf(c, id), { language: facts.get(id)!.language, group: facts.get(id)!.group })
      assert.equal(tagsOf(c, id).length, tagRows.find(([a]) => a === id)![1], `page ${page}: tags of ${id}`)
    }
    for (const id of [0, draft, gone, last + 1, last + 1000]) {
      assert.ok(!isLive(c, id), `page ${page}: ${id} is not live`)
      assert.equal(timeOf(c, id), undefined)
      assert.equal(factsOf(c, id), undefined)
    }
    assert.equal(tagsOf(c, draft).length, 0, 'a draft’s tags are not read')
    assert.equal(factsOf(c, translation)!.group, factsOf(c, original)!.group, 'a translation shares its original’s group')
    assert.equal(factsOf(c, translation)!.language, 'ru')
    // The same tag ids the live copies hold, in any order.
    assert.deepEqual(new Set(tagsOf(c, translation)), new Set(tagsOf(c, tagged)))
    assert.ok(c.times.buffer instanceof SharedArrayBuffer && c.tagIds.buffer instanceof SharedArrayBuffer, 'shared with a second thread, not copied')
  }
})

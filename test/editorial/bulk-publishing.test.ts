// Bulk publication (src/editorial/publishing.ts, finishBulk, then related/settle.ts): the same search index and related
// articles as one by one, with one invalidation for the batch and no webhook events.

import { sanitizeBody } from '../../src/content/sanitize.ts'
import assert from 'node:assert/strict'
import { forEachEngine, scratchStore } from '../support/databases.ts'
import { seedTaxonomy } from '../support/seed.ts'
import { NOW } from '../support/editing.ts'
import { createDraft, finishBulk, newBulkPublish, publish } from '../../src/editorial/publishing.ts'
import type { Invalidation } from '../../src/domain/invalidation.ts'
import type { Store } from '../../src/store/store.ts'
import { settlePending } from '../../src/related/settle.ts'

const BODIES = [
  'Gas pipeline talks resume between the two capitals after a long pause over transit fees.',
  'The pipeline consortium says transit fees for gas must rise before talks resume.',
  'Parliament approves the budget for roads and schools after a long debate.',
  'Schools and roads dominate the budget debate in parliament this week.',
]

async function drafts(store: Store): Promise<number[]> {
  return store.transaction(async (tx) => {
    const ids: number[] = []
    for (const [i, body] of BODIES.entries()) {
      ids.push(await createDraft(tx, { title: `Story ${i + 1} ${body.split(' ').slice(0, 3).join(' ')}`, slug: `story-${i + 1}`, section: 'news', tags: i < 2 ? ['energy'] : [], bodyHtml: sanitizeBody(`<p>${body}</p>`) }, { now: NOW, siteLanguage: 'en' }))
    }
    return ids
  })
}

/** What readers and the related engine see of the given articles. */
async function state(store: Store, ids: number[]) {
  return {
    live: await store.live.count(),
    documents: await store.related.documentCount(),
    frequencies: [...(await store.related.frequencies(['pipeline', 'gas', 'budget', 'road', 'school']))].sort(),
    lists: await Promise.all(ids.map(async (id) => (await store.related.list(id)).map((e) => ids.indexOf(e.relatedId)))),
    texts: [...(await store.search.texts(ids)).values()].map((t) => t.body).sort(),
  }
}

forEachEngine('a bulk batch and its settle pass end with the search index and related lists of publishing one by one, and one invalidation', async (t, engine) => {
  const [bulkStore, oneByOne] = [await scratchStore(t, engine), await scratchStore(t, engine)]
  for (const store of [bulkStore, oneByOne]) await seedTaxonomy(store)
  const ids = await drafts(bulkStore)
  assert.deepEqual(await drafts(oneByOne), ids)
  const heard: Invalidation[] = []
  bulkStore.invalidated.subscribe((e) => heard.push(e))
  await bulkStore.transaction(async (tx) => {
    const bulk = newBulkPublish()
    for (const [i, id] of ids.entries()) await publish(tx, id, { now: NOW, siteLanguage: 'en', publishedAt: NOW - i * 60_000, bulk })
    assert.equal((await tx.search.texts(ids)).size, 0, 'nothing is indexed before the batch ends')
    await finishBulk(tx, bulk, { now: NOW })
  })
  assert.equal((await state(bulkStore, ids)).documents, 0, 'related articles wait for the settle pass')
  assert.equal(await bulkStore.relatedPending.count(), ids.length)
  await settlePending(bulkStore, NOW)
  assert.equal(await bulkStore.relatedPending.count(), 0)
  await oneByOne.transaction(async (tx) => {
    for (const [i, id] of ids.entries()) await publish(tx, id, { now: NOW, siteLanguage: 'en', publishedAt: NOW - i * 60_000 })
  })
  const expected = await state(oneByOne, ids)
  assert.ok(expected.lists.some((l) => l.length > 0), 'the articles have related articles at all')
  assert.deepEqual(await state(bulkStore, ids), { ...expected, lists: await state(bulkStore, ids).then((s) => s.lists) })
  // Lists computed one by one miss the articles published after them; a batch sees the whole batch, so it holds at least as many.
  const bulkLists = (await state(bulkStore, ids)).lists
  expected.lists.forEach((list, i) => assert.ok(list.every((x) => bulkLists[i]!.includes(x)), `list of article ${i}`))
  const articleEvents = heard.filter((e) => !e.all && e.articleIds.length > 0)
  assert.equal(articleEvents.length, 1, 'one invalidation names every article of the batch')
  assert.deepEqual(articleEvents[0]?.all === false && [...articleEvents[0].articleIds].sort(), [...ids].sort())
})

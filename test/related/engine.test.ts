// The related-articles engine on a tiny corpus where the right answer is obvious, on both databases.

import assert from 'node:assert/strict'
import { forEachDatabase } from '../support/databases.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'
import type { Store } from '../../src/store/store.ts'
import { unpublish } from '../../src/editorial/publishing.ts'
import { excludeRelated, includeRelated, pinRelated, unpinRelated } from '../../src/editorial/related.ts'
import { computeList, DEFAULT_PARAMS, indexArticle, liveTermSet, rankCandidates, reweigh } from '../../src/related/engine.ts'
import { refreshRelated } from '../../src/related/refresh.ts'

const NOW = Date.UTC(2026, 10, 27, 9)

const OIL = [
  ['Kazakhstan oil exports climb through the Caspian pipeline', 'Crude oil shipments through the Caspian pipeline reached a record as Kazakhstan raised output.'],
  ['Caspian pipeline consortium expands crude capacity', 'The pipeline consortium will pump more crude oil from Kazakhstan fields to the Black Sea terminal.'],
  ['Oil output in Kazakhstan hits record', 'Kazakhstan pumped record volumes of crude oil, most of it exported through the Caspian pipeline.'],
] as const
const FOOTBALL = [
  ['Astana football club wins the league title', 'The football club clinched the league title after a late goal from its striker in the final match.'],
  ['Striker scores twice as Astana club wins derby', 'A striker scored twice in the derby match as the football club stayed top of the league.'],
] as const

/** Five live articles: three on oil, two on football; returns their ids in that order. */
async function corpus(store: Store): Promise<number[]> {
  await seedTaxonomy(store)
  const ids: number[] = []
  for (const [title, body] of [...OIL, ...FOOTBALL]) ids.push(await seedArticle(store, { title, standfirst: '', bodyHtml: `<p>${body}</p>` }, NOW))
  return ids
}

const listOf = async (store: Store, id: number) => (await store.related.list(id)).map((r) => r.relatedId)

forEachDatabase('an article’s related list ranks the articles on its subject first, never itself', async (store) => {
  const [oil1, oil2, oil3, foot1, foot2] = await corpus(store)
  await refreshRelated(store, NOW)
  const oil = await listOf(store, oil1!)
  assert.deepEqual(new Set(oil.slice(0, 2)), new Set([oil2, oil3]))
  assert.ok(!oil.includes(oil1!))
  const football = await listOf(store, foot1!)
  assert.equal(football[0], foot2)
  assert.ok(!football.includes(foot1!))
  for (const id of [oil1!, oil2!, oil3!, foot1!, foot2!]) {
    const list = await listOf(store, id)
    assert.equal(new Set(list).size, list.length, 'no duplicates')
  }
})

forEachDatabase('editor pins come first in pin order, without duplicates', async (store) => {
  const [oil1, oil2, , foot1, foot2] = await corpus(store)
  await store.transaction(async (tx) => {
    await pinRelated(tx, oil1, foot2, { now: NOW })
    await pinRelated(tx, oil1, foot1, { now: NOW })
    await pinRelated(tx, oil1, oil2, { now: NOW })
  })
  const list = await store.related.list(oil1!)
  assert.deepEqual(list.slice(0, 3).map((r) => r.relatedId), [foot2, foot1, oil2])
  assert.ok(list.slice(0, 3).every((r) => r.pinned))
  assert.equal(list.filter((r) => r.relatedId === oil2).length, 1)
  await store.transaction((tx) => unpinRelated(tx, oil1, foot2, { now: NOW }))
  assert.deepEqual((await listOf(store, oil1!)).slice(0, 2), [foot1, oil2])
})

forEachDatabase('an excluded article never appears, until it is included again', async (store) => {
  const [oil1, oil2] = await corpus(store)
  await refreshRelated(store, NOW)
  assert.ok((await listOf(store, oil1!)).includes(oil2!))
  await store.transaction((tx) => excludeRelated(tx, oil1, oil2, { now: NOW }))
  assert.ok(!(await listOf(store, oil1!)).includes(oil2!))
  await refreshRelated(store, NOW)
  assert.ok(!(await listOf(store, oil1!)).includes(oil2!))
  await store.transaction((tx) => includeRelated(tx, oil1, oil2, { now: NOW }))
  assert.ok((await listOf(store, oil1!)).includes(oil2!))
})

forEachDatabase('an unpublished article leaves every list and the index, and drafts never appear', async (store) => {
  const [oil1, oil2, oil3] = await corpus(store)
  const draft = await seedArticle(store, { title: 'Caspian pipeline crude oil Kazakhstan draft', bodyHtml: '<p>Crude oil pipeline Kazakhstan.</p>', draft: true }, NOW)
  await refreshRelated(store, NOW)
  assert.ok((await listOf(store, oil1!)).includes(oil3!))
  await store.transaction((tx) => unpublish(tx, oil3!))
  assert.ok(!(await listOf(store, oil1!)).includes(oil3!))
  assert.deepEqual(await store.related.list(oil3!), [])
  assert.equal((await store.related.termsOf([oil3!])).size, 0)
  await store.transaction((tx) => computeList(tx, oil2!, NOW))
  for (const id of [oil1!, oil2!]) {
    const list = await listOf(store, id)
    assert.ok(!list.includes(oil3!) && !list.includes(draft))
  }
})

forEachDatabase('pins and exclusions reject odd input with clear errors', async (store) => {
  const [oil1, oil2] = await corpus(store)
  const draft = await seedArticle(store, { title: 'A draft', draft: true }, NOW)
  const attempt = (fn: Parameters<typeof store.transaction>[0]) => store.transaction(fn)
  await assert.rejects(attempt((tx) => pinRelated(tx, oil1, oil1, { now: NOW })), { kind: 'Invalid', field: 'related' })
  await assert.rejects(attempt((tx) => pinRelated(tx, oil1, draft, { now: NOW })), { kind: 'Invalid', message: /published/ })
  await assert.rejects(attempt((tx) => pinRelated(tx, 'x', oil2, { now: NOW })), { kind: 'Invalid', field: 'article' })
  await assert.rejects(attempt((tx) => pinRelated(tx, oil1, -3, { now: NOW })), { kind: 'Invalid', field: 'related' })
  await assert.rejects(attempt((tx) => pinRelated(tx, 999_999, oil2, { now: NOW })), { kind: 'NotFound' })
  await assert.rejects(attempt((tx) => excludeRelated(tx, oil1, 999_999, { now: NOW })), { kind: 'Invalid' })
  await assert.rejects(attempt((tx) => unpinRelated(tx, oil1, oil2, { now: NOW })), { kind: 'NotFound' })
  await assert.rejects(attempt((tx) => includeRelated(tx, oil1, oil2, { now: NOW })), { kind: 'NotFound' })
})

forEachDatabase('the refresh lets other work run between its transactions instead of holding the event loop to the end', async (store) => {
  await corpus(store)
  // Page requests arrive as I/O callbacks; an immediate stands in for one. On SQLite every await of the refresh
  // resolves at once, so without a yield between transactions this would run only after the whole refresh.
  let ranBeforeEnd = false
  let ended = false
  setImmediate(() => {
    ranBeforeEnd = !ended
  })
  await refreshRelated(store, NOW)
  ended = true
  assert.equal(ranBeforeEnd, true)
})

forEachDatabase('a publication keeps its rarest terms; a re-weigh leaves out those in fewer than minDf articles', async (store) => {
  const [oil1] = await corpus(store)
  // As on a site past minDfFrom articles: 'climb' is in this article only, 'kazakhstan' in all three on oil.
  const p = { ...DEFAULT_PARAMS, minDfFrom: 1 }
  const termsOf = async () => (await store.related.termsOf([oil1!])).get(oil1!)!.map((t) => t.term)
  await store.transaction(async (tx) => indexArticle(tx, oil1!, await liveTermSet(tx, oil1!, p), NOW, p))
  assert.ok((await termsOf()).includes('climb'))
  await store.transaction((tx) => reweigh(tx, [oil1!], p))
  const kept = await termsOf()
  assert.ok(!kept.includes('climb'))
  assert.ok(kept.includes('kazakhstan'))
  const df = await store.related.frequencies(kept)
  assert.ok(kept.every((t) => df.get(t)! >= 3))
})

forEachDatabase('the refresh job recomputes the lists a new article touches in id order, as the settle pass locks them', async (store) => {
  const ids = await corpus(store)
  // The first run rebuilds (the site's terms have no version yet), the second moves the cursor past the corpus.
  await refreshRelated(store, NOW)
  assert.equal((await refreshRelated(store, NOW)).recent, ids.length)
  // A copy of the third oil story: it is the best candidate, ahead of the lower ids.
  const added = await seedArticle(store, { title: OIL[2][0], slug: 'oil-output-again', standfirst: '', bodyHtml: `<p>${OIL[2][1]}</p>`, publishedAt: NOW + 60_000 }, NOW + 60_000)
  const ranked = (await store.transaction((tx) => rankCandidates(tx, added, DEFAULT_PARAMS))).map((c) => c.id)
  assert.equal(ranked[0], ids[2], 'the copied story ranks first')
  const written: number[] = []
  const transaction = store.transaction.bind(store)
  store.transaction = (fn) => transaction((tx) => fn({
    ...tx, related: { ...tx.related, writeList: (id, entries, now) => (written.push(id), tx.related.writeList(id, entries, now)) },
  }))
  assert.equal((await refreshRelated(store, NOW + 120_000, { batch: 2, recent: 50, fanout: 16, reweigh: 0 })).recent, 1)
  assert.deepEqual(new Set(written), new Set(ranked.filter((id) => id !== added)), 'the new article\'s candidates')
  assert.deepEqual(written, [...written].sort((a, b) => a - b))
})

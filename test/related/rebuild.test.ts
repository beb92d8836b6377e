// Publishing with related indexing left for later (as imports do) and the rebuild that catches up, on both databases.

import assert from 'node:assert/strict'
import { forEachDatabase, scratchStore } from '../support/databases.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'
import type { Store } from '../../src/store/store.ts'
import { publish, unpublish } from '../../src/editorial/publishing.ts'
import { countTerms } from '../../src/related/count.ts'
import { rebuildRelated, refreshRelated, TERMS_VERSION } from '../../src/related/refresh.ts'
import { ANALYSIS_VERSION } from '../../src/text/analyze.ts'

const NOW = Date.UTC(2026, 10, 27, 9)

const TEXTS = [
  ['Kazakhstan oil exports climb through the Caspian pipeline', 'Crude oil shipments through the Caspian pipeline reached a record.'],
  ['Caspian pipeline consortium expands crude capacity', 'The consortium will pump more crude oil from Kazakhstan to the Black Sea.'],
  ['Oil output in Kazakhstan hits record', 'Kazakhstan pumped record volumes of crude oil through the Caspian pipeline.'],
  ['Astana football club wins the league title', 'The football club clinched the league title after a late goal.'],
  ['Striker scores twice as Astana club wins derby', 'A striker scored twice in the derby as the football club stayed top.'],
  ['Tbilisi opens a new metro station', 'The Georgian capital opened its first new metro station in a decade.'],
] as const

async function corpus(store: Store, related: 'now' | 'later'): Promise<number[]> {
  await seedTaxonomy(store)
  const ids: number[] = []
  for (const [i, [title, body]] of TEXTS.entries()) {
    ids.push(await seedArticle(store, { title, standfirst: '', bodyHtml: `<p>${body}</p>`, publishedAt: NOW - i * 3_600_000, related }, NOW))
  }
  return ids
}

/** The index's state: document count, the frequency of every term of the live articles, and every related list. */
async function snapshot(store: Store, ids: readonly number[]) {
  const sources = await store.related.sources(ids)
  const counted = await Promise.all(sources.map((s) => countTerms(s)))
  const terms = [...new Set(counted.flatMap((tf) => [...tf.keys()]))].sort()
  const df = await store.related.frequencies(terms)
  const lists: number[][] = []
  for (const id of ids) lists.push((await store.related.list(id)).map((r) => ids.indexOf(r.relatedId)))
  return { documents: await store.related.documentCount(), df: terms.map((t) => [t, df.get(t) ?? 0]), lists }
}

forEachDatabase('articles published with related left for later have no lists until a rebuild, then the same as published one by one', async (store, t) => {
  const later = await corpus(store, 'later')
  assert.equal(await store.related.documentCount(), 0, 'nothing counted before the rebuild')
  assert.deepEqual((await store.related.list(later[0]!)), [])
  const report = await rebuildRelated(store, NOW, undefined, { batch: 2, workers: 3 })
  assert.equal(report.articles, TEXTS.length)

  const other = await scratchStore(t, t.name.endsWith('[postgres]') ? 'postgres' : 'sqlite')
  const now = await corpus(other, 'now')
  await rebuildRelated(other, NOW)
  const expected = await snapshot(other, now)
  assert.deepEqual(await snapshot(store, later), expected)
  assert.equal(expected.documents, TEXTS.length)
  assert.ok(expected.lists[0]!.slice(0, 2).every((i) => i === 1 || i === 2), 'oil articles relate to oil articles')
})

forEachDatabase('unpublishing or republishing an article not yet counted leaves the frequencies right', async (store) => {
  const ids = await corpus(store, 'later')
  await store.transaction((tx) => unpublish(tx, ids[0]!, { now: NOW }))
  const oil = await store.related.frequencies(['oil'])
  assert.equal(oil.get('oil'), undefined, 'no frequency went below what was counted')
  // Republished normally, the article is counted once.
  await store.transaction(async (tx) => {
    await tx.articles.setStatus(ids[0]!, 'draft', {})
    await publish(tx, ids[0]!, { now: NOW, siteLanguage: 'en' })
  })
  assert.equal(await store.related.documentCount(), 1)
  assert.equal((await store.related.frequencies(['oil'])).get('oil'), 1)
  await rebuildRelated(store, NOW)
  assert.equal(await store.related.documentCount(), TEXTS.length)
  assert.equal((await store.related.frequencies(['oil'])).get('oil'), 3)
})

forEachDatabase('terms counted by an older analysis or weighed another way are counted and weighed again by the next refresh, once', async (store) => {
  const ids = await corpus(store, 'now')
  // As migration 0017 marks a site whose terms predate src/text; the stored terms are made stale to show the recount.
  await store.transaction(async (tx) => {
    await tx.related.replaceFrequencies(new Map([['stale', ids.length]]), ids.length)
    await tx.related.replaceTerms(ids.map((id) => ({ articleId: id, terms: [{ term: 'stale', weight: 1 }] })))
    await tx.related.setState('analysis_version', 1)
  })
  const report = await refreshRelated(store, NOW)
  assert.equal(report.recomputed, ids.length)
  assert.equal(await store.related.state('analysis_version'), TERMS_VERSION)
  assert.equal((await store.related.frequencies(['stale'])).size, 0)
  assert.ok(((await store.related.frequencies(['oil'])).get('oil') ?? 0) >= 3)
  assert.equal((await refreshRelated(store, NOW)).recomputed, 0, 'the next run does no recount')
  // A site upgraded from before the weighing had a version stored only the analysis's.
  await store.related.setState('analysis_version', ANALYSIS_VERSION)
  assert.equal((await refreshRelated(store, NOW)).recomputed, ids.length)
  assert.equal(await store.related.state('analysis_version'), TERMS_VERSION)
})

forEachDatabase('terms stored with no version recorded (a site never rebuilt) are weighed again by the next refresh, once', async (store) => {
  const ids = await corpus(store, 'now')
  assert.equal(await store.related.state('analysis_version'), undefined)
  assert.equal((await refreshRelated(store, NOW)).recomputed, ids.length)
  assert.equal(await store.related.state('analysis_version'), TERMS_VERSION)
  assert.equal((await refreshRelated(store, NOW)).recomputed, 0, 'the next run does no recount')
})

forEachDatabase('a rebuild writes only the terms and lists that change: none on a settled site, one list after an exclusion', async (store) => {
  const ids = await corpus(store, 'later')
  const first = await rebuildRelated(store, NOW)
  assert.equal(first.termsWritten, TEXTS.length)
  assert.equal(first.listsWritten, TEXTS.length - await emptyLists(store, ids))
  const before = await snapshot(store, ids)
  // Weights and scores read back as PostgreSQL's float4 keeps them count as unchanged.
  const again = await rebuildRelated(store, NOW + 1)
  assert.deepEqual([again.termsWritten, again.listsWritten], [0, 0])
  assert.deepEqual(await snapshot(store, ids), before)

  const [shown] = await store.related.list(ids[0]!)
  assert.ok(shown, 'the first article has a list')
  // Straight into the store, so the stored list is not recomputed: the rebuild finds it changed.
  await store.transaction((tx) => tx.related.putOverride(ids[0]!, shown.relatedId, 'exclude', 0, NOW))
  const after = await rebuildRelated(store, NOW + 2)
  assert.deepEqual([after.termsWritten, after.listsWritten], [0, 1])
  assert.ok(!(await store.related.list(ids[0]!)).some((e) => e.relatedId === shown.relatedId), 'the exclusion holds')
})

/** How many of the articles have no related list. */
async function emptyLists(store: Store, ids: readonly number[]): Promise<number> {
  let n = 0
  for (const id of ids) if ((await store.related.list(id)).length === 0) n++
  return n
}

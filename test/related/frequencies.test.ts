// Document frequencies stay exact while publications append deltas side by side and the refresh job folds them.

import assert from 'node:assert/strict'
import { forEachDatabase } from '../support/databases.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'
import type { Store } from '../../src/store/store.ts'
import { unpublish } from '../../src/editorial/publishing.ts'
import { countTerms } from '../../src/related/count.ts'
import { allLiveIds, foldFrequencies, rebuildRelated } from '../../src/related/refresh.ts'

const NOW = Date.UTC(2026, 10, 27, 9)
const WORDS = ['pipeline', 'crude', 'league', 'striker', 'election', 'ballot', 'harvest', 'wheat', 'tariff', 'steel']

/** The frequencies counted from scratch over every live article: what the stored ones must equal. */
async function recount(store: Store): Promise<{ documents: number; df: Map<string, number> }> {
  const ids = await allLiveIds(store)
  const df = new Map<string, number>()
  for (const s of await store.related.sources(ids)) for (const t of (await countTerms(s)).keys()) df.set(t, (df.get(t) ?? 0) + 1)
  return { documents: ids.length, df }
}

async function assertExact(store: Store, message: string): Promise<void> {
  const expected = await recount(store)
  const terms = [...expected.df.keys(), 'never-written-term']
  assert.deepEqual(await store.related.frequencies(terms), expected.df, message)
  assert.equal(await store.related.documentCount(), expected.documents, message)
}

forEachDatabase('parallel publications append frequency deltas that reads count and the refresh folds exactly', async (store) => {
  await seedTaxonomy(store)
  // Eight publications at once, several times over: on PostgreSQL they overlap in transactions of their own.
  const ids: number[] = []
  for (let round = 0; round < 3; round++) {
    ids.push(...await Promise.all(Array.from({ length: 8 }, (_, i) => {
      const words = [WORDS[i]!, WORDS[(i + round) % WORDS.length]!, WORDS[(i * 3 + 1) % WORDS.length]!]
      return seedArticle(store, { title: `${words[0]} story ${round}-${i}`, standfirst: '', bodyHtml: `<p>${words.join(' ')} report</p>` }, NOW)
    })))
  }
  await assertExact(store, 'exact before any fold')
  const logged = await store.related.loggedFrequencies()
  assert.ok(logged > 0, 'single publications log deltas instead of writing related_df')

  // Some leave the site (deltas of −1), in parallel too.
  await Promise.all(ids.slice(0, 5).map((id) => store.transaction((tx) => unpublish(tx, id, { now: NOW }))))
  await assertExact(store, 'exact after unpublishing, still unfolded')

  const waiting = await store.related.loggedFrequencies()
  assert.ok(waiting > logged, 'unpublications log their deltas too')
  assert.equal(await foldFrequencies(store), waiting, 'every logged row is folded once')
  assert.equal(await store.related.loggedFrequencies(), 0, 'the log is empty after a fold')
  // With the log empty, what frequencies() reads is related_df alone.
  await assertExact(store, 'exact after the fold, from the folded counts alone')
  assert.equal(await foldFrequencies(store), 0, 'a second fold finds nothing')
})

forEachDatabase('a rebuild replaces the counts and empties the log', async (store) => {
  await seedTaxonomy(store)
  for (const w of WORDS.slice(0, 4)) await seedArticle(store, { title: `${w} news`, standfirst: '', bodyHtml: `<p>${w} ${w} today</p>` }, NOW)
  await rebuildRelated(store, NOW)
  assert.equal(await store.related.loggedFrequencies(), 0)
  await assertExact(store, 'exact after a rebuild')
})

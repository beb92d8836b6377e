// The settle pass after bulk publication (src/related/settle.ts): the same index and lists as a rebuild, neighbours on
// the site updated, interruptions finished by the next call, and desk writes in between counted once, on both engines.

import assert from 'node:assert/strict'
import { forEachEngine, scratchStore, type Engine } from '../support/databases.ts'
import { seedTaxonomy } from '../support/seed.ts'
import type { TestContext } from 'node:test'
import type { Store } from '../../src/store/store.ts'
import { sanitizeBody } from '../../src/content/sanitize.ts'
import { createDraft, finishBulk, newBulkPublish, publish, unpublish } from '../../src/editorial/publishing.ts'
import { rebuildRelated, refreshRelated, TERMS_VERSION } from '../../src/related/refresh.ts'
import { settlePending } from '../../src/related/settle.ts'
import { computeList } from '../../src/related/engine.ts'
import { countTerms } from '../../src/related/count.ts'

const NOW = Date.UTC(2026, 10, 27, 9)
const HOUR = 3_600_000

const TOPICS = [
  ['oil', 'pipeline', 'crude', 'caspian', 'export', 'tanker', 'refinery', 'barrel'],
  ['football', 'league', 'striker', 'goal', 'derby', 'coach', 'stadium', 'season'],
  ['election', 'ballot', 'turnout', 'candidate', 'parliament', 'vote', 'coalition', 'campaign'],
  ['metro', 'station', 'tram', 'commuter', 'railway', 'timetable', 'platform', 'fare'],
] as const

/** Article `i` of a small corpus: mostly its topic's words, a few of the next topic's, deterministic. */
function text(i: number): { title: string; body: string; tags: string[] } {
  const topic = TOPICS[i % TOPICS.length]!, next = TOPICS[(i + 1) % TOPICS.length]!
  const words = (from: readonly string[], n: number, step: number) => Array.from({ length: n }, (_, k) => from[(i * step + k * 3) % from.length]!)
  return {
    title: `${words(topic, 3, 5).join(' ')} report ${i}`,
    body: `${words(topic, 12, 7).join(' ')} ${words(next, 3, 2).join(' ')}.`,
    tags: i % TOPICS.length === 0 ? ['energy'] : i % TOPICS.length === 2 ? ['elections'] : [],
  }
}

async function drafts(store: Store, count: number, from = 0): Promise<number[]> {
  return store.transaction(async (tx) => {
    const ids: number[] = []
    for (let i = from; i < from + count; i++) {
      const t = text(i)
      ids.push(await createDraft(tx, { title: t.title, slug: `story-${i}`, section: 'news', tags: t.tags, bodyHtml: sanitizeBody(`<p>${t.body}</p>`) }, { now: NOW, siteLanguage: 'en' }))
    }
    return ids
  })
}

const publishedAt = (id: number) => NOW - id * HOUR

/** Publishes `ids` as an import does: batches of `size`, each through finishBulk. */
async function publishInBulk(store: Store, ids: readonly number[], size = 5): Promise<void> {
  for (let i = 0; i < ids.length; i += size) {
    await store.transaction(async (tx) => {
      const bulk = newBulkPublish()
      for (const id of ids.slice(i, i + size)) await publish(tx, id, { now: NOW, siteLanguage: 'en', publishedAt: publishedAt(id), bulk })
      await finishBulk(tx, bulk, { now: NOW })
    })
  }
}

async function publishOneByOne(store: Store, ids: readonly number[]): Promise<void> {
  for (const id of ids) await store.transaction((tx) => publish(tx, id, { now: NOW, siteLanguage: 'en', publishedAt: publishedAt(id) }))
}

/** Everything the related engine keeps for `ids`: count, frequencies, kept terms and lists with scores. */
async function state(store: Store, ids: readonly number[]) {
  const sources = await store.related.sources(ids)
  const terms = [...new Set((await Promise.all(sources.map((s) => countTerms(s)))).flatMap((tf) => [...tf.keys()]))].sort()
  const df = await store.related.frequencies(terms)
  const kept = await store.related.termsOf(ids)
  return {
    documents: await store.related.documentCount(),
    df: terms.map((t) => [t, df.get(t) ?? 0]),
    kept: ids.map((id) => kept.get(id) ?? []),
    lists: await Promise.all(ids.map(async (id) => (await store.related.list(id)).map((e) => [e.relatedId, e.score, e.pinned]))),
    pending: await store.relatedPending.count(),
  }
}

const bulkCorpus = async (t: TestContext, engine: Engine, count = 24): Promise<{ store: Store; ids: number[] }> => {
  const store = await scratchStore(t, engine)
  await seedTaxonomy(store)
  const ids = await drafts(store, count)
  await publishInBulk(store, ids)
  return { store, ids }
}

forEachEngine('bulk publication and its settle pass end exactly where publishing one by one and a rebuild do', async (t, engine) => {
  const { store, ids } = await bulkCorpus(t, engine)
  assert.equal(await store.related.documentCount(), 0, 'a batch counts nothing: the settle pass does')
  assert.equal(await store.relatedPending.count(), ids.length)
  const report = await settlePending(store, NOW, undefined, { batch: 4 })
  assert.deepEqual({ ...report, neighbours: 0 }, { counted: ids.length, weighed: ids.length, listed: ids.length, neighbours: 0 })

  const other = await scratchStore(t, engine)
  await seedTaxonomy(other)
  assert.deepEqual(await drafts(other, ids.length), ids)
  await publishOneByOne(other, ids)
  await rebuildRelated(other, NOW)
  const expected = await state(other, ids)
  assert.ok(expected.lists.every((l) => l.length > 0), 'every article has related articles')
  assert.deepEqual(await state(store, ids), expected)
})

forEachEngine('shared with a second thread, the settle pass writes the same frequencies, terms and lists as on one', async (t, engine) => {
  // Enough articles that each batch's counting is split into pieces and its lists into slices for the other thread.
  const count = 240
  const { store: one, ids } = await bulkCorpus(t, engine, count)
  const { store: two } = await bulkCorpus(t, engine, count)
  const single = await settlePending(one, NOW, undefined, { batch: 120, threads: false })
  const shared = await settlePending(two, NOW, undefined, { batch: 120, threads: true })
  assert.deepEqual(shared, single)
  const expected = await state(one, ids)
  assert.ok(expected.lists.every((l) => l.length > 0), 'every article has related articles')
  assert.deepEqual(await state(two, ids), expected)
})

forEachEngine('articles already on the site gain bulk-published relatives, with the lists the single-article path computes', async (t, engine) => {
  const store = await scratchStore(t, engine)
  await seedTaxonomy(store)
  const existing = await drafts(store, 8)
  await publishOneByOne(store, existing)
  const before = await Promise.all(existing.map((id) => store.related.list(id)))
  const added = await drafts(store, 8, 8)
  await publishInBulk(store, added)
  const report = await settlePending(store, NOW)
  assert.ok(report.neighbours > 0 && report.neighbours <= existing.length, `neighbours: ${report.neighbours}`)
  const after = await Promise.all(existing.map((id) => store.related.list(id)))
  const gained = existing.filter((_, i) => after[i]!.some((e) => added.includes(e.relatedId)))
  assert.ok(gained.length > 0, 'some earlier article now lists a bulk-published one')
  assert.notDeepEqual(before, after)
  // The lists the single-article path computes from the same index, for every earlier article.
  for (const [i, id] of existing.entries()) {
    const fresh = await store.transaction((tx) => computeList(tx, id, NOW))
    assert.deepEqual(after[i]!.map((e) => e.relatedId), fresh.map((e) => e.relatedId), `article ${id}`)
  }
})

forEachEngine('a settle pass stopped after any batch is finished by the next one, with the lists of one never stopped', async (t, engine) => {
  const { store: whole, ids } = await bulkCorpus(t, engine, 16)
  await settlePending(whole, NOW, undefined, { batch: 3 })
  const expected = await state(whole, ids)
  for (const stopAfter of [1, 4, 8, 11]) {
    const { store } = await bulkCorpus(t, engine, 16)
    let calls = 0
    await assert.rejects(settlePending(store, NOW, undefined, {
      batch: 3, onProgress: () => {
        if (++calls === stopAfter) throw new Error('killed')
      },
    }), /killed/)
    assert.ok(await store.relatedPending.count() > 0, `work is left after ${stopAfter} batches`)
    await settlePending(store, NOW, undefined, { batch: 3 })
    assert.deepEqual(await state(store, ids), expected, `stopped after ${stopAfter} batches`)
  }
})

forEachEngine('an article published in bulk and then through the desk, or taken down, before the pass is counted once or not at all', async (t, engine) => {
  const { store, ids } = await bulkCorpus(t, engine, 6)
  const [republished, removed] = [ids[0]!, ids[1]!]
  await store.transaction((tx) => publish(tx, republished, { now: NOW, siteLanguage: 'en' }))
  assert.equal(await store.relatedPending.stageOf(republished), undefined, 'the desk did the work itself')
  assert.equal(await store.related.documentCount(), 1)
  await store.transaction((tx) => unpublish(tx, removed, { now: NOW }))
  assert.equal(await store.relatedPending.stageOf(removed), undefined)
  await settlePending(store, NOW)
  const live = ids.filter((id) => id !== removed)
  assert.equal(await store.related.documentCount(), live.length)
  const counted = (await state(store, live)).df
  await rebuildRelated(store, NOW)
  assert.deepEqual((await state(store, live)).df, counted, 'the frequencies a rebuild counts from scratch')
})

/**
 * Whether `refresh` rebuilt related articles from scratch: only a rebuild reads every article's text through
 * `store.related.sources` itself (a refresh run's other work reads through its transactions).
 */
async function rebuilds(store: Store, refresh: () => Promise<unknown>): Promise<boolean> {
  const related = store.related as { sources: Store['related']['sources'] }
  const sources = related.sources
  let read = false
  related.sources = (ids) => {
    read = true
    return sources(ids)
  }
  try {
    await refresh()
  } finally {
    related.sources = sources
  }
  return read
}

forEachEngine('on a new site the refresh job does not rebuild what an import settled, whether it ran first or not', async (t, engine) => {
  for (const jobFirst of [true, false]) {
    const store = await scratchStore(t, engine)
    await seedTaxonomy(store)
    if (jobFirst) assert.equal(await rebuilds(store, () => refreshRelated(store, NOW)), false)
    const ids = await drafts(store, 12)
    await publishInBulk(store, ids)
    await settlePending(store, NOW)
    assert.equal(await store.related.state('analysis_version'), TERMS_VERSION, `job first: ${jobFirst}`)
    assert.equal(await rebuilds(store, () => refreshRelated(store, NOW)), false, `job first: ${jobFirst}`)
  }
})

forEachEngine('a rebuild waits while an import\'s settle pass is under way, and comes on the next run after it', async (t, engine) => {
  const { store, ids } = await bulkCorpus(t, engine, 8)
  // Terms from an older weighing, as after an upgrade: the refresh job owes a rebuild.
  await store.related.setState('analysis_version', 1)
  await store.relatedPending.advance(ids.slice(0, 2), 0, 1)
  assert.equal(await rebuilds(store, async () => {
    assert.deepEqual(await refreshRelated(store, NOW), { recent: 0, recomputed: 0, reweighed: 0 })
  }), false)
  await settlePending(store, NOW)
  assert.equal(await rebuilds(store, async () => {
    assert.equal((await refreshRelated(store, NOW)).recomputed, ids.length)
  }), true)
  assert.equal(await store.related.state('analysis_version'), TERMS_VERSION)
})

forEachEngine('articles published in bulk while a rebuild runs keep their marks, and the settle pass then lists them', async (t, engine) => {
  const { store, ids } = await bulkCorpus(t, engine, 12)
  const late = await drafts(store, 6, 12)
  // The import goes on while the rebuild counts: its next batch publishes the rest.
  const related = store.related as { sources: Store['related']['sources'] }
  const sources = related.sources
  let published = false
  related.sources = async (part) => {
    if (!published) {
      published = true
      await publishInBulk(store, late)
    }
    return sources(part)
  }
  await rebuildRelated(store, NOW)
  related.sources = sources
  assert.equal(await store.relatedPending.count(), late.length, 'the late articles still wait')
  for (const id of late) assert.deepEqual(await store.related.list(id), [])
  await settlePending(store, NOW)
  assert.equal(await store.relatedPending.count(), 0)
  assert.equal(await store.related.documentCount(), ids.length + late.length)
  for (const id of late) assert.ok((await store.related.list(id)).length > 0, `article ${id} has a list`)
  // Every article counted once: the frequencies of a rebuild of the whole site.
  const { store: other, ids: all } = await bulkCorpus(t, engine, 18)
  await rebuildRelated(other, NOW)
  const [mine, theirs] = [await state(store, [...ids, ...late]), await state(other, all)]
  assert.deepEqual([mine.documents, mine.df], [theirs.documents, theirs.df])
})

// A settle pass that weighs many articles takes the term index down and builds it again (store/related-term-index.ts):
// the same terms and lists as with the index up, the migration's index back afterwards, and what is published while it
// is down listed once it is back, on both engines.

import assert from 'node:assert/strict'
import { sql } from 'kysely'
import type { TestContext } from 'node:test'
import { databaseOf, forEachEngine, migratorOf, scratchStore, type Engine } from '../support/databases.ts'
import { seedTaxonomy } from '../support/seed.ts'
import type { Store } from '../../src/store/store.ts'
import { sanitizeBody } from '../../src/content/sanitize.ts'
import { createDraft, finishBulk, newBulkPublish, publish } from '../../src/editorial/publishing.ts'
import { refreshRelated, TERM_INDEX_SILENCE_MS } from '../../src/related/refresh.ts'
import { settlePending, STAGE } from '../../src/related/settle.ts'
import { computeList } from '../../src/related/engine.ts'

const NOW = Date.UTC(2026, 11, 6, 9)
const HOUR = 3_600_000
const WORDS = ['oil', 'pipeline', 'crude', 'caspian', 'tanker', 'election', 'ballot', 'turnout', 'coalition', 'metro', 'tram', 'railway']

/** A site with `count` drafts on three overlapping topics. */
async function site(t: TestContext, engine: Engine, count: number): Promise<{ store: Store; ids: number[] }> {
  const store = await scratchStore(t, engine)
  await seedTaxonomy(store)
  const ids = await store.transaction(async (tx) => {
    const out: number[] = []
    for (let i = 0; i < count; i++) {
      const words = Array.from({ length: 14 }, (_, k) => WORDS[(i % 3) * 4 + ((i + k * 5) % 6)]!)
      out.push(await createDraft(tx, { title: `${words.slice(0, 3).join(' ')} ${i}`, slug: `story-${i}`, section: 'news', tags: [], bodyHtml: sanitizeBody(`<p>${words.join(' ')}.</p>`) }, { now: NOW, siteLanguage: 'en' }))
    }
    return out
  })
  return { store, ids }
}

async function publishInBulk(store: Store, ids: readonly number[]): Promise<void> {
  await store.transaction(async (tx) => {
    const bulk = newBulkPublish()
    for (const id of ids) await publish(tx, id, { now: NOW, siteLanguage: 'en', publishedAt: NOW - id * HOUR, bulk })
    await finishBulk(tx, bulk, { now: NOW })
  })
}

/** Reads the term index's definition as the database holds it, or null when there is none, on a connection of its own. */
function termIndexOf(t: TestContext, store: Store): () => Promise<string | null> {
  const { db } = migratorOf(store, t)
  return async () => {
    const { rows } = databaseOf(store).engine === 'sqlite'
    ? await sql<{ def: string }>`select sql as def from sqlite_master where type = 'index' and name = 'related_terms_term'`.execute(db)
      : await sql<{ def: string }>`select indexdef as def from pg_indexes where indexname = 'related_terms_term'`.execute(db)
    return rows[0]?.def ?? null
  }
}

async function everything(store: Store, ids: readonly number[]) {
  const kept = await store.related.termsOf(ids)
  return { kept: ids.map((id) => kept.get(id) ?? []), lists: await Promise.all(ids.map((id) => store.related.list(id))) }
}

forEachEngine('a pass with the term index down writes what it writes with the index up, and leaves the migration\'s index', async (t, engine) => {
  const up = await site(t, engine, 18)
  await publishInBulk(up.store, up.ids)
  await settlePending(up.store, NOW, undefined, { batch: 4, termIndexDownFrom: Infinity })
  const expected = await everything(up.store, up.ids)
  assert.ok(expected.lists.every((l) => l.length > 0), 'every article has related articles')
  const definition = await termIndexOf(t, up.store)()
  assert.ok(definition, 'the migration made the index')

  const down = await site(t, engine, 18)
  const termIndex = termIndexOf(t, down.store)
  await publishInBulk(down.store, down.ids)
  // What the database held when the pass came to build the index again, after its last weigh batch.
  const related = down.store.related as { bringTermIndexUp: Store['related']['bringTermIndexUp'] }
  const bringUp = related.bringTermIndexUp
  const before: (string | null)[] = []
  related.bringTermIndexUp = async () => {
    before.push(await termIndex())
    return bringUp()
  }
  await settlePending(down.store, NOW, undefined, { batch: 4, termIndexDownFrom: 1 })
  assert.deepEqual(before, [null], 'the index was down while the pass weighed, and built once')
  assert.deepEqual(await everything(down.store, down.ids), expected)
  assert.equal(await termIndex(), definition)
  assert.equal(await down.store.related.termIndexDown(), undefined)
})

forEachEngine('a pass that fails while the term index is down builds it again, and the next pass ends as one never stopped', async (t, engine) => {
  const whole = await site(t, engine, 15)
  await publishInBulk(whole.store, whole.ids)
  await settlePending(whole.store, NOW, undefined, { batch: 3 })
  const expected = await everything(whole.store, whole.ids)

  const { store, ids } = await site(t, engine, 15)
  const termIndex = termIndexOf(t, store)
  await publishInBulk(store, ids)
  let weighBatches = 0
  await assert.rejects(settlePending(store, NOW, undefined, {
    batch: 3, termIndexDownFrom: 1,
    onProgress: (stage) => {
      if (stage === 'weigh' && ++weighBatches === 2) throw new Error('killed')
    },
  }), /killed/)
  assert.ok(await termIndex(), 'the index is back after the failure')
  assert.equal(await store.related.termIndexDown(), undefined)
  await settlePending(store, NOW, undefined, { batch: 3, termIndexDownFrom: 1 })
  assert.deepEqual(await everything(store, ids), expected)
})

forEachEngine('an article published while the term index is down waits for the pass\'s list stage, and gets the list it would have had', async (t, engine) => {
  const { store, ids } = await site(t, engine, 13)
  const termIndex = termIndexOf(t, store)
  const [late, ...bulk] = ids as [number, ...number[]]
  await publishInBulk(store, bulk)
  await settlePending(store, NOW, undefined, { termIndexDownFrom: Infinity })
  // A pass that died with the index down, as a killed import leaves it.
  await store.related.takeTermIndexDown(NOW)
  assert.equal(await termIndex(), null)
  await store.transaction((tx) => publish(tx, late, { now: NOW, siteLanguage: 'en', publishedAt: NOW - late * HOUR }))
  assert.deepEqual(await store.related.list(late), [], 'no list while postings cannot be read by term')
  assert.equal(await store.relatedPending.stageOf(late), STAGE.list)
  assert.ok((await store.related.termsOf([late])).get(late)?.length, 'its terms are kept')
  assert.deepEqual(await refreshRelated(store, NOW + 60_000), { recent: 0, recomputed: 0, reweighed: 0 }, 'the refresh job leaves a live pass alone')
  assert.equal(await termIndex(), null)

  await settlePending(store, NOW)
  assert.ok(await termIndex(), 'the next pass builds the index first')
  const listed = await store.related.list(late)
  assert.ok(listed.length > 0)
  // Scores as stored: PostgreSQL keeps 4-byte reals.
  assert.deepEqual(listed.map((e) => e.relatedId), (await store.transaction((tx) => computeList(tx, late, NOW))).map((e) => e.relatedId))
  assert.equal(await store.relatedPending.stageOf(late), undefined)
})

forEachEngine('the refresh job builds again a term index whose pass has been silent too long', async (t, engine) => {
  const { store, ids } = await site(t, engine, 6)
  const termIndex = termIndexOf(t, store)
  await publishInBulk(store, ids)
  await settlePending(store, NOW)
  const definition = await termIndex()
  await store.related.takeTermIndexDown(NOW)
  await store.related.termIndexStillDown(NOW + 5 * 60_000)
  await refreshRelated(store, NOW + 5 * 60_000 + TERM_INDEX_SILENCE_MS - 1)
  assert.equal(await termIndex(), null, 'not yet silent for long enough')
  await refreshRelated(store, NOW + 5 * 60_000 + TERM_INDEX_SILENCE_MS)
  assert.equal(await termIndex(), definition)
  assert.equal(await store.related.termIndexDown(), undefined)
})

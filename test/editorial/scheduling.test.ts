// Scheduled publishing: due articles go live once, with racing runners on PostgreSQL and after a restart (src/editorial/scheduling.ts, src/jobs/publish-scheduled.ts).

import assert from 'node:assert/strict'
import { test, type TestContext } from 'node:test'
import { forEachDatabase, forEachEngine, postgresUnavailable, scratchDatabase } from '../support/databases.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'
import { HOUR, NOW } from '../support/editing.ts'
import { fixedClock } from '../support/build-test-app.ts'
import { publishDue } from '../../src/editorial/scheduling.ts'
import { transition } from '../../src/editorial/workflow.ts'
import { createJobRunner } from '../../src/jobs/runner.ts'
import { publishScheduled } from '../../src/jobs/publish-scheduled.ts'
import { createLogger } from '../../src/log.ts'
import { openStore, type Store } from '../../src/store/store.ts'

const MINUTE = 60_000

async function schedule(store: Store, at: number, title?: string): Promise<number> {
  const id = await seedArticle(store, { draft: true, ...(title !== undefined && { title }) })
  await store.transaction((tx) => transition(tx, { articleId: id, to: 'scheduled', userRole: 'editor', userIsCreator: false, at, now: NOW, siteLanguage: 'en' }))
  return id
}

const publishRevisions = async (store: Store, id: number): Promise<number> =>
  (await store.revisions.list(id, { page: 1, perPage: 100 })).items.filter((r) => r.kind === 'publish').length

forEachDatabase('a scheduled article goes live once its time has come, once only, and not before', async (store) => {
  await seedTaxonomy(store)
  const id = await schedule(store, NOW + 10 * MINUTE, 'Statement on the election')
  assert.deepEqual((await publishDue(store, NOW + 9 * MINUTE, { siteLanguage: 'en' })).published, [])
  assert.equal((await store.articles.get(id))?.status, 'scheduled')
  const at = NOW + 10 * MINUTE + 12_000
  assert.deepEqual((await publishDue(store, at, { siteLanguage: 'en' })).published, [id])
  assert.deepEqual((await publishDue(store, at + 15_000, { siteLanguage: 'en' })).published, [])
  const a = await store.articles.get(id)
  assert.equal(a?.status, 'published')
  assert.equal(a?.publishedAt, at)
  assert.equal(a?.scheduledAt, null)
  assert.ok(await store.live.findByPath('en', 'news', a!.slug))
  assert.equal(await publishRevisions(store, id), 1)
})

forEachDatabase('two runs at once in one process publish each due article exactly once', async (store) => {
  await seedTaxonomy(store)
  const ids = []
  for (let i = 0; i < 6; i++) ids.push(await schedule(store, NOW + MINUTE))
  const reports = await Promise.all([0, 1].map(() => publishDue(store, NOW + 2 * MINUTE, { siteLanguage: 'en', limit: 3 })))
  const published = reports.flatMap((r) => r.published)
  assert.deepEqual([...published].sort((a, b) => a - b), ids)
  for (const id of ids) assert.equal(await publishRevisions(store, id), 1)
})

forEachDatabase('a scheduled article that cannot be published stays scheduled and does not hold up the others', async (store) => {
  await seedTaxonomy(store)
  const live = await seedArticle(store, { title: 'Same path', slug: 'same-path' })
  const blocked = await schedule(store, NOW + MINUTE, 'Blocked')
  const fine = await schedule(store, NOW + 2 * MINUTE, 'Fine')
  // The live article's working copy moves to a new slug (not yet republished) and the scheduled one takes its old
  // slug: publishing it would put two live articles on one path, which the database refuses.
  const rename = (id: number, slug: string) => store.transaction(async (tx) => {
    const a = (await tx.articles.get(id))!
    assert.ok(await tx.articles.update(id, a.version, { ...a, slug }, NOW))
  })
  await rename(live, 'renamed')
  await rename(blocked, 'same-path')
  const report = await publishDue(store, NOW + 3 * MINUTE, { siteLanguage: 'en' })
  assert.deepEqual(report.published, [fine])
  assert.deepEqual(report.failed.map((f) => f.id), [blocked])
  assert.equal((await store.articles.get(blocked))?.status, 'scheduled')
  assert.equal((await store.articles.get(fine))?.status, 'published')
  assert.equal(await publishRevisions(store, blocked), 0)
})

/** Two stores on one scratch database: two app instances. */
async function twoInstances(t: TestContext, engine: 'sqlite' | 'postgres'): Promise<{ a: Store; b: Store; reopen(): Promise<Store> }> {
  const db = await scratchDatabase(engine, { migrated: true })
  const opened: Store[] = []
  const open = async () => {
    const s = await openStore(db.config, { poolSize: 4 })
    opened.push(s)
    return s
  }
  t.after(async () => {
    for (const s of opened) await s.close().catch(() => {})
    await db.drop()
  })
  return { a: await open(), b: engine === 'postgres' ? await open() : opened[0]!, reopen: open }
}

test('two instances racing on PostgreSQL publish every due article exactly once', async (t) => {
  const reason = await postgresUnavailable()
  if (reason) return t.skip(reason)
  const { a, b } = await twoInstances(t, 'postgres')
  await seedTaxonomy(a)
  const ids: number[] = []
  for (let i = 0; i < 24; i++) ids.push(await schedule(a, NOW + MINUTE))
  const runs = await Promise.all([a, b, a, b].map((s) => publishDue(s, NOW + 2 * MINUTE, { siteLanguage: 'en', limit: 100 })))
  const published = runs.flatMap((r) => r.published)
  assert.deepEqual(runs.flatMap((r) => r.failed), [])
  assert.equal(published.length, ids.length, 'no article published twice')
  assert.deepEqual([...published].sort((x, y) => x - y), ids)
  assert.ok(runs[0]!.published.length > 0 && runs[1]!.published.length > 0, 'both instances took a share')
  for (const id of ids) assert.equal(await publishRevisions(a, id), 1)
  assert.equal(await a.scheduled.dueCount(NOW + 2 * MINUTE), 0)
})

forEachEngine('after a restart the job finds and publishes the articles that fell due while it was down', async (t, engine) => {
  const { a, reopen } = await twoInstances(t, engine)
  await seedTaxonomy(a)
  const id = await schedule(a, NOW + 5 * MINUTE)
  await a.close()
  const restarted = await reopen()
  const clock = fixedClock(NOW + HOUR)
  const runner = createJobRunner([publishScheduled], { store: restarted, clock, log: createLogger({ logLevel: 'silent' }) })
  assert.equal(await runner.runNow('publish-scheduled'), true)
  assert.equal(await runner.runNow('publish-scheduled'), true)
  await runner.stop()
  const article = await restarted.articles.get(id)
  assert.equal(article?.status, 'published')
  assert.equal(article?.publishedAt, NOW + HOUR)
  assert.equal(await publishRevisions(restarted, id), 1)
})

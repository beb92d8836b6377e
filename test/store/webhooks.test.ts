// The webhook outbox on both engines: enqueued in the publishing transaction, claimed once, outcomes recorded (src/store/webhooks.ts).

import assert from 'node:assert/strict'
import { forEachDatabase } from '../support/databases.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'
import { HOUR, NOW, republish, takeDown } from '../support/editing.ts'
import { publish } from '../../src/editorial/publishing.ts'
import type { Store } from '../../src/store/store.ts'

const receiver = (store: Store, url = 'https://hooks.example/in') => store.webhooks.insertReceiver({ url, secret: 'a'.repeat(64), createdAt: NOW })

/** `count` published articles' events for one receiver, due at NOW. */
async function outboxOf(store: Store, count: number): Promise<void> {
  await seedTaxonomy(store)
  await receiver(store)
  for (let i = 0; i < count; i++) await seedArticle(store, { title: `Claimable ${i}` })
}

forEachDatabase('publishing writes one pending delivery per active receiver, in the same transaction', async (store) => {
  await seedTaxonomy(store)
  const first = await receiver(store)
  const second = await receiver(store, 'https://other.example/hook')
  const removed = await receiver(store, 'https://gone.example/hook')
  await store.webhooks.deactivateReceiver(removed, NOW)
  const id = await seedArticle(store, { title: 'Election observers report', slug: 'observers' })
  const log = await store.webhooks.log({ limit: 10 })
  assert.deepEqual(log.map((d) => d.receiverId).sort(), [first, second].sort())
  for (const d of log) {
    assert.equal(d.status, 'pending')
    assert.equal(d.eventType, 'article.published')
    assert.equal(d.attempts, 0)
    assert.equal(d.nextAttemptAt, NOW)
    assert.deepEqual(d.article, { id, path: '/news/observers', title: 'Election observers report', section: 'news', language: 'en', publishedAt: d.article.publishedAt, updatedAt: d.article.updatedAt })
  }
  assert.equal(log[0]!.eventId, log[1]!.eventId, 'one event, one id, for every receiver')
})

forEachDatabase('republishing enqueues article.updated and unpublishing article.unpublished with the path readers knew', async (store) => {
  await seedTaxonomy(store)
  await receiver(store)
  const id = await seedArticle(store, { slug: 'first-slug' })
  await republish(store, id, NOW + HOUR)
  await takeDown(store, id, NOW + 2 * HOUR)
  const log = await store.webhooks.log({ limit: 10 })
  assert.deepEqual(log.map((d) => d.eventType), ['article.unpublished', 'article.updated', 'article.published'])
  assert.deepEqual(log.map((d) => d.eventAt), [NOW + 2 * HOUR, NOW + HOUR, NOW])
  assert.equal(log[0]!.article.path, '/news/first-slug')
  assert.equal(new Set(log.map((d) => d.eventId)).size, 3)
})

forEachDatabase('a publish that rolls back leaves no delivery behind, and without receivers nothing is written', async (store) => {
  await seedTaxonomy(store)
  const draft = await seedArticle(store, { draft: true })
  await seedArticle(store)
  assert.equal((await store.webhooks.log({ limit: 10 })).length, 0, 'no receiver, no delivery')
  await receiver(store)
  await assert.rejects(store.transaction(async (tx) => {
    await publish(tx, draft, { now: NOW, siteLanguage: 'en' })
    throw new Error('something later in the use-case failed')
  }), /later/)
  assert.equal((await store.webhooks.log({ limit: 10 })).length, 0)
})

forEachDatabase('claiming takes due deliveries oldest first, counts the attempt and leases them until the lease ends', async (store) => {
  await outboxOf(store, 3)
  const lease = NOW + 70_000
  const first = await store.webhooks.claimDue(NOW, 2, lease)
  assert.equal(first.length, 2)
  assert.deepEqual(first.map((c) => c.delivery.attempts), [1, 1])
  assert.deepEqual(first.map((c) => c.delivery.nextAttemptAt), [lease, lease])
  assert.equal(first[0]!.url, 'https://hooks.example/in')
  assert.equal(first[0]!.secret, 'a'.repeat(64))
  assert.ok(first[0]!.delivery.id < first[1]!.delivery.id)
  assert.equal((await store.webhooks.claimDue(NOW, 5, lease)).length, 1)
  assert.equal((await store.webhooks.claimDue(NOW + 1000, 5, lease)).length, 0, 'leased rows are not due')
  const again = await store.webhooks.claimDue(lease, 5, lease + 70_000)
  assert.equal(again.length, 3, 'a sender that died gives its rows back when the lease ends')
  assert.deepEqual(again.map((c) => c.delivery.attempts), [2, 2, 2])
})

forEachDatabase('concurrent claimers never get the same delivery', async (store) => {
  await outboxOf(store, 30)
  const claimer = async (): Promise<number[]> => {
    const ids: number[] = []
    for (;;) {
      const batch = await store.webhooks.claimDue(NOW, 3, NOW + 60_000)
      if (!batch.length) return ids
      ids.push(...batch.map((c) => c.delivery.id))
    }
  }
  // On PostgreSQL each claimer runs on its own pooled connection, at the same time.
  const results = await Promise.all([claimer(), claimer(), claimer(), claimer()])
  const all = results.flat()
  assert.equal(all.length, 30, `claimed ${all.length}`)
  assert.equal(new Set(all).size, 30, 'no delivery was claimed twice')
})

forEachDatabase('outcomes: delivered, retried later, failed for good; the log filters by status and receiver', async (store) => {
  await outboxOf(store, 3)
  const [a, b, c] = await store.webhooks.claimDue(NOW, 3, NOW + 60_000)
  await store.webhooks.record(a!.delivery.id, { ok: true, statusCode: 204, durationMs: 12.4 }, NOW + 1)
  await store.webhooks.record(b!.delivery.id, { ok: false, statusCode: 500, error: 'the receiver answered 500', durationMs: 8, nextAttemptAt: NOW + 30_000 }, NOW + 1)
  await store.webhooks.record(c!.delivery.id, { ok: false, statusCode: null, error: 'x'.repeat(2000), durationMs: 10_000, nextAttemptAt: null }, NOW + 1)
  const delivered = await store.webhooks.delivery(a!.delivery.id)
  assert.equal(delivered?.status, 'delivered')
  assert.equal(delivered?.lastStatusCode, 204)
  assert.equal(delivered?.lastDurationMs, 12)
  assert.equal(delivered?.deliveredAt, NOW + 1)
  const retried = await store.webhooks.delivery(b!.delivery.id)
  assert.equal(retried?.status, 'pending')
  assert.equal(retried?.nextAttemptAt, NOW + 30_000)
  assert.equal(retried?.lastError, 'the receiver answered 500')
  const failed = await store.webhooks.delivery(c!.delivery.id)
  assert.equal(failed?.status, 'failed')
  assert.equal(failed?.lastError?.length, 500, 'errors are kept short')
  assert.deepEqual((await store.webhooks.log({ limit: 10, status: 'failed' })).map((d) => d.id), [c!.delivery.id])
  assert.deepEqual((await store.webhooks.log({ limit: 10, receiverId: 999 })), [])
  assert.equal((await store.webhooks.log({ limit: 2 })).length, 2)
  assert.deepEqual((await store.webhooks.claimDue(NOW + 30_000, 10, NOW + 90_000)).map((x) => x.delivery.id), [b!.delivery.id])
  assert.equal(await store.webhooks.pruneFinished(NOW + 2), 2, 'finished rows older than the cut-off go')
})

forEachDatabase('removing a receiver fails its pending deliveries and stops new ones', async (store) => {
  await seedTaxonomy(store)
  const id = await receiver(store)
  await seedArticle(store)
  assert.equal(await store.webhooks.deactivateReceiver(id, NOW + 1), true)
  assert.equal(await store.webhooks.deactivateReceiver(id, NOW + 2), false)
  const [d] = await store.webhooks.log({ limit: 10 })
  assert.equal(d?.status, 'failed')
  assert.equal(d?.lastError, 'receiver removed')
  await seedArticle(store)
  assert.equal((await store.webhooks.log({ limit: 10 })).length, 1)
  assert.equal((await store.webhooks.receivers())[0]?.active, false)
})

// The view buffer on both engines: one transaction a flush, hourly buckets, nothing lost on failure or shutdown.

import assert from 'node:assert/strict'
import { setTimeout as sleep } from 'node:timers/promises'
import { createViewBuffer } from '../../src/popular/view-buffer.ts'
import type { Store } from '../../src/store/store.ts'
import { HOUR_MS } from '../../src/store/views.ts'
import { fixedClock } from '../support/build-test-app.ts'
import { forEachDatabase } from '../support/databases.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'

const NOW = Date.UTC(2026, 10, 27, 9, 59)

/** The real store, counting the transactions opened through it. */
const counting = (store: Store) => {
  const counter: Pick<Store, 'transaction'> & { transactions: number } = {
    transactions: 0,
    transaction: (fn) => {
      counter.transactions++
      return store.transaction(fn)
    },
  }
  return counter
}

forEachDatabase('a flush writes every buffered view, across hours, in one transaction', async (store) => {
  await seedTaxonomy(store)
  const [a, b] = [await seedArticle(store), await seedArticle(store)]
  const clock = fixedClock(NOW)
  const db = counting(store)
  const buffer = createViewBuffer({ store: db, clock })
  for (let i = 0; i < 300; i++) buffer.record(i % 3 === 0 ? b : a)
  clock.set(NOW + 2 * 60_000)
  buffer.record(a)
  assert.equal(buffer.pending, 301)
  assert.equal(await store.views.total(), 0, 'nothing is written before the flush')
  assert.equal(await buffer.flush(), 301)
  assert.equal(db.transactions, 1)
  assert.equal(buffer.pending, 0)
  assert.equal(await store.views.total(), 301)
  assert.equal(await store.views.total(NOW + HOUR_MS), 1, 'the view after 10:00 is in the next hour bucket')
  assert.deepEqual(await store.views.mostRead(NOW, 5), [a, b])
  assert.equal(await buffer.flush(), 0)
  assert.equal(db.transactions, 1, 'an empty buffer opens no transaction')
})

forEachDatabase('views recorded during a flush go into the next one, none lost and none twice', async (store) => {
  await seedTaxonomy(store)
  const a = await seedArticle(store)
  const buffer = createViewBuffer({ store, clock: fixedClock(NOW) })
  buffer.record(a)
  const first = buffer.flush()
  buffer.record(a)
  buffer.record(a)
  const second = buffer.flush()
  assert.deepEqual(await Promise.all([first, second]), [1, 2])
  assert.equal(await store.views.total(), 3)
})

forEachDatabase('a failed flush rolls back and keeps its views for the next flush', async (store) => {
  await seedTaxonomy(store)
  const a = await seedArticle(store)
  let fail = true
  const flaky: Pick<Store, 'transaction'> = {
    transaction: (fn) => store.transaction(async (tx) => {
      const out = await fn(tx)
      if (fail) throw new Error('connection lost before commit')
      return out
    }),
  }
  const buffer = createViewBuffer({ store: flaky, clock: fixedClock(NOW) })
  for (let i = 0; i < 4; i++) buffer.record(a)
  await assert.rejects(buffer.flush(), /connection lost/)
  assert.equal(await store.views.total(), 0)
  assert.equal(buffer.pending, 4)
  buffer.record(a)
  fail = false
  assert.equal(await buffer.flush(), 5)
  assert.equal(await store.views.total(), 5)
})

forEachDatabase('the timer flushes on its interval, and stop writes what is left', async (store) => {
  await seedTaxonomy(store)
  const a = await seedArticle(store)
  const db = counting(store)
  const buffer = createViewBuffer({ store: db, clock: fixedClock(NOW), everyMs: 100 })
  buffer.start()
  buffer.record(a)
  buffer.record(a)
  await sleep(350)
  assert.equal(buffer.pending, 0)
  assert.equal(await store.views.total(), 2)
  const afterTimer = db.transactions
  assert.equal(afterTimer, 1, 'idle ticks open no transaction')
  buffer.record(a)
  await buffer.stop()
  assert.equal(await store.views.total(), 3, 'the shutdown flush wrote the last view')
  buffer.record(a)
  await sleep(250)
  assert.equal(buffer.pending, 1, 'a stopped buffer no longer flushes by itself')
})

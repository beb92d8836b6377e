// View de-duplication across instances: two apps on one database count a reader's view once per 30 minutes, and an
// address's three views an hour, whichever instance each beacon reaches. Both engines.

import assert from 'node:assert/strict'
import type { TestContext } from 'node:test'
import { createLogger } from '../../src/log.ts'
import { createServices } from '../../src/services.ts'
import { openStore } from '../../src/store/store.ts'
import { buildApp } from '../../src/web/app.ts'
import { buildTestApp, type TestApp } from '../support/build-test-app.ts'
import { databaseOf, forEachEngine, type Engine } from '../support/databases.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36'
const MIN = 60_000

/** Two instances on one database, with their own connections, view buffers and memories, and one clock. */
async function twoInstances(t: TestContext, engine: Engine): Promise<[TestApp, TestApp]> {
  const a = await buildTestApp(t, { engine, env: { TRUST_PROXY: '1' } })
  await seedTaxonomy(a.store)
  await seedArticle(a.store, { title: 'Steppe wind farms', slug: 'steppe-wind-farms' })
  const store = await openStore(databaseOf(a.store), { poolSize: 2 })
  const services = createServices({ store, config: a.config, log: createLogger(a.config), clock: a.clock })
  const app = await buildApp({ services, config: a.config, log: createLogger(a.config) })
  // Closed before the first instance's store (t.after runs in reverse order).
  t.after(async () => {
    await app.close()
    await store.close()
  })
  return [a, { app, store, services, config: a.config, clock: a.clock }]
}

const beacon = (app: TestApp, ip: string, userAgent = CHROME) => app.app.inject({
  method: 'POST', url: '/api/v1/views', payload: JSON.stringify({ path: '/news/steppe-wind-farms' }),
  headers: { 'content-type': 'application/json', 'user-agent': userAgent, 'x-forwarded-for': ip },
})

const flushBoth = async (a: TestApp, b: TestApp): Promise<number> => (await a.services.popular.flush()) + (await b.services.popular.flush())

forEachEngine('a reader whose beacons reach two instances is counted once per 30 minutes', async (t, engine) => {
  const [a, b] = await twoInstances(t, engine)
  assert.equal((await beacon(a, '203.0.113.7')).statusCode, 204)
  assert.equal((await beacon(b, '203.0.113.7')).statusCode, 204)
  // Each instance counted it in memory; the database keeps one.
  assert.equal(a.services.popular.pending() + b.services.popular.pending(), 2)
  assert.equal(await flushBoth(a, b), 1)
  // Later, after the first instance flushed: the other still knows.
  a.clock.set(a.clock.now() + 10 * MIN)
  await beacon(b, '203.0.113.7')
  await beacon(a, '203.0.113.7')
  assert.equal(await flushBoth(a, b), 0)
  // Beacons buffered on both before either flushed: the first flush takes it, the second drops it.
  a.clock.set(a.clock.now() + 21 * MIN)
  await beacon(a, '203.0.113.7')
  await beacon(b, '203.0.113.7')
  assert.equal(await b.services.popular.flush(), 1)
  assert.equal(await a.services.popular.flush(), 0)
  assert.equal(await a.store.views.total(), 2)
  // Another reader is another view, wherever it lands.
  await beacon(b, '198.51.100.23')
  assert.equal(await flushBoth(a, b), 1)
  assert.equal(await b.store.views.total(), 3)
})

forEachEngine('an address counts three views an hour across instances, however it rotates user agents', async (t, engine) => {
  const [a, b] = await twoInstances(t, engine)
  for (let i = 0; i < 20; i++) {
    const ua = `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${100 + i}.0.0.0 Safari/537.36`
    assert.equal((await beacon(i % 2 ? a : b, '203.0.113.7', ua)).statusCode, 204)
    // Flushes interleaved with the beacons, as the once-a-second timer would.
    if (i % 5 === 4) await flushBoth(a, b)
  }
  await flushBoth(a, b)
  assert.equal(await a.store.views.total(), 3)
  // An hour on, the address may count again.
  a.clock.set(a.clock.now() + 61 * MIN)
  await beacon(a, '203.0.113.7', 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0')
  assert.equal(await flushBoth(a, b), 1)
})

forEachEngine('every instance hashes with the same daily secret, and expired keys are deleted', async (t, engine) => {
  const [a, b] = await twoInstances(t, engine)
  const day = Math.floor(a.clock.now() / 86_400_000)
  const [sa, sb] = await Promise.all([a.store.views.dailySecret(day), b.store.views.dailySecret(day)])
  assert.equal(sa, sb)
  assert.match(sa, /^[\w-]{43}$/)
  const tomorrow = await a.store.views.dailySecret(day + 1)
  assert.notEqual(tomorrow, sa)
  await beacon(a, '203.0.113.7')
  await a.services.popular.flush()
  assert.equal(await b.store.views.rememberedVisitors(), 1)
  // Two days on, at the next flush a minute after the last clean-up: keys and old secrets are gone.
  a.clock.set(a.clock.now() + 2 * 86_400_000)
  await beacon(a, '198.51.100.23')
  await a.services.popular.flush()
  assert.equal(await b.store.views.rememberedVisitors(), 1)
  // The day before yesterday's secret is gone (asking again draws a new one); yesterday's is kept.
  assert.notEqual(await b.store.views.dailySecret(day), sa)
  assert.equal(await b.store.views.dailySecret(day + 1), tomorrow)
})

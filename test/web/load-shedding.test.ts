// Load shedding: pages answer 503 with Retry-After under pressure while health probes still answer (src/web/load-shedding.ts).

import { test } from 'node:test'
import assert from 'node:assert/strict'
import Fastify from 'fastify'
import { ConfigError, loadConfig } from '../../src/config.ts'
import { loadShedding, type PressureGauge } from '../../src/web/load-shedding.ts'
import { buildTestApp } from '../support/build-test-app.ts'
import { seedNewsroom } from '../support/web.ts'

test('with the heap limit below what is in use, a page answers 503 with Retry-After while /healthz answers 200', async (t) => {
  const { app, store } = await buildTestApp(t, { env: { SHED_HEAP_MB: '1' } })
  await seedNewsroom(store)
  const page = await app.inject('/')
  assert.equal(page.statusCode, 503)
  assert.equal(page.headers['retry-after'], '5')
  assert.equal(page.headers['cache-control'], 'no-store')
  assert.match(page.body, /busy/i)
  const health = await app.inject('/healthz')
  assert.equal(health.statusCode, 200)
  assert.equal((health.json() as { status: string }).status, 'ok')
})

test('with the default limits the same page answers 200', async (t) => {
  const { app, store } = await buildTestApp(t)
  await seedNewsroom(store)
  assert.equal((await app.inject('/')).statusCode, 200)
})

test('a gauge reporting pressure sheds every path but /healthz and /readyz, and pages answer again once it clears', async (t) => {
  let reason: string | null = 'event loop delay'
  const gauge: PressureGauge = { reason: () => reason, close: () => {} }
  const app = Fastify()
  t.after(() => app.close())
  loadShedding(app, loadConfig({}).shedding, { gauge })
  for (const url of ['/page', '/healthz', '/readyz']) app.get(url, async () => 'ok')
  const page = await app.inject('/page?x=1')
  assert.equal(page.statusCode, 503)
  assert.equal(page.headers['retry-after'], '5')
  assert.equal((await app.inject('/healthz')).statusCode, 200)
  assert.equal((await app.inject('/readyz?full=1')).statusCode, 200)
  reason = null
  assert.equal((await app.inject('/page')).statusCode, 200)
})

test('shedding thresholds come from SHED_* variables, with defaults, and a bad value names its variable', () => {
  assert.deepEqual({ ...loadConfig({}).shedding }, { turnBudgetMs: 20, queueWaitMs: 1000, maxInFlight: 200, eventLoopDelayMs: 200, heapUsedBytes: null })
  const c = loadConfig({ SHED_TURN_MS: '0', SHED_QUEUE_MS: '250', SHED_MAX_IN_FLIGHT: '10', SHED_EVENT_LOOP_DELAY_MS: '50', SHED_HEAP_MB: '512' })
  assert.deepEqual({ ...c.shedding }, { turnBudgetMs: 0, queueWaitMs: 250, maxInFlight: 10, eventLoopDelayMs: 50, heapUsedBytes: 512 * 1024 * 1024 })
  for (const [variable, value] of [['SHED_QUEUE_MS', 'soon'], ['SHED_TURN_MS', '-1'], ['SHED_HEAP_MB', '1.5'], ['SHED_EVENT_LOOP_DELAY_MS', '99999999']]) {
    assert.throws(() => loadConfig({ [variable!]: value }), (err: unknown) => err instanceof ConfigError && err.variable === variable)
  }
})

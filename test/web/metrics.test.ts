// GET /metrics: Prometheus text with requests by route pattern, the page cache, queues, the database and the view buffer
// (src/web/metrics.ts), and who may read it.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { onBothEngines } from '../support/both-engines.ts'
import { buildSiteApp, seedNewsroom } from '../support/web.ts'
import type { FastifyInstance } from 'fastify'

const UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0'

/** The value of one sample, by metric name and an exact label set (as written in the exposition), or null. */
function sample(text: string, name: string, labels = ''): number | null {
  const line = text.split('\n').find((l) => l.startsWith(labels ? `${name}{${labels}} ` : `${name} `))
  return line === undefined ? null : Number(line.slice(line.lastIndexOf(' ') + 1))
}

async function scrape(app: FastifyInstance): Promise<string> {
  const res = await app.inject('/metrics')
  assert.equal(res.statusCode, 200, res.body)
  assert.match(res.headers['content-type'] as string, /^text\/plain; version=0\.0\.4/)
  assert.equal(res.headers['cache-control'], 'no-store')
  return res.body
}

onBothEngines('requests are counted by route pattern and status, page cache hits included, never by raw URL', async ({ app, store }) => {
  await seedNewsroom(store)
  for (let i = 0; i < 3; i++) assert.equal((await app.inject('/news/election-results')).statusCode, 200)
  // The first read rendered; the two after it came from memory.
  const cached = await scrape(app)
  assert.equal(sample(cached, 'broadsheet_page_cache_misses_total'), 1)
  assert.equal(sample(cached, 'broadsheet_page_cache_hits_total'), 2)
  assert.ok((sample(cached, 'broadsheet_page_cache_entries') ?? 0) >= 1)
  assert.equal((await app.inject('/news/no-such-story')).statusCode, 404)
  assert.equal((await app.inject({ method: 'DELETE', url: '/news/election-results' })).statusCode, 404)
  const text = await scrape(app)
  assert.equal(sample(text, 'broadsheet_http_request_duration_seconds_count', 'route="/:section/:slug",method="GET",status="200"'), 3)
  assert.equal(sample(text, 'broadsheet_http_request_duration_seconds_count', 'route="/:section/:slug",method="GET",status="404"'), 1)
  assert.equal(sample(text, 'broadsheet_http_request_duration_seconds_count', 'route="unmatched",method="DELETE",status="404"'), 1)
  assert.ok((sample(text, 'broadsheet_http_request_duration_seconds_bucket', 'le="+Inf",route="/:section/:slug",method="GET",status="200"') ?? 0) === 3)
  assert.doesNotMatch(text, /election-results|no-such-story/)
  assert.equal(sample(text, 'broadsheet_http_request_duration_seconds_count', 'route="/metrics",method="GET",status="200"'), 1)
})

onBothEngines('database statements, connections, queues, outboxes and the view buffer are reported', async ({ app, store, clock, services }) => {
  await seedNewsroom(store)
  const engine = services.database.engine
  const before = sample(await scrape(app), 'broadsheet_db_statement_duration_seconds_count', `engine="${engine}",outcome="ok"`) ?? 0
  assert.equal((await app.inject('/news')).statusCode, 200)
  await store.mailOutbox.enqueue([{ kind: 'notice', to: 'desk@example.org', subject: 'Hello', text: 'Hi', html: '<p>Hi</p>' }], clock.now() - 90_000)
  const view = await app.inject({ method: 'POST', url: '/api/v1/views', payload: JSON.stringify({ path: '/news/election-results' }),
    headers: { 'content-type': 'text/plain;charset=UTF-8', 'user-agent': UA } })
  assert.equal(view.statusCode, 204)

  const text = await scrape(app)
  const after = sample(text, 'broadsheet_db_statement_duration_seconds_count', `engine="${engine}",outcome="ok"`) ?? 0
  // Rendering /news ran statements of its own (the scrape before it read the queues too).
  assert.ok(after > before, `${after} statements after, ${before} before`)
  // SQLite's one connection; the pool the scratch PostgreSQL store was opened with.
  assert.equal(sample(text, 'broadsheet_db_pool_size', `engine="${engine}"`), engine === 'sqlite' ? 1 : services.database.meter.poolSize)
  assert.ok(services.database.meter.poolSize > 1 || engine === 'sqlite')
  assert.equal(sample(text, 'broadsheet_db_connections_in_use', `engine="${engine}"`), 0)
  // Measured for a pool only (src/store/meter.ts).
  assert.equal(sample(text, 'broadsheet_db_connections_waiting', `engine="${engine}"`), engine === 'sqlite' ? null : 0)
  assert.equal(sample(text, 'broadsheet_outbox_depth', 'outbox="mail"'), 1)
  assert.equal(sample(text, 'broadsheet_outbox_lag_seconds', 'outbox="mail"'), 90)
  assert.equal(sample(text, 'broadsheet_outbox_depth', 'outbox="webhooks"'), 0)
  assert.equal(sample(text, 'broadsheet_outbox_depth', 'outbox="cdn-purge"'), 0)
  assert.equal(sample(text, 'broadsheet_job_queue_depth', 'queue="media-variants"'), 0)
  assert.equal(sample(text, 'broadsheet_job_queue_lag_seconds', 'queue="publish-scheduled"'), 0)
  assert.equal(sample(text, 'broadsheet_backlog_read'), 1)
  assert.equal(sample(text, 'broadsheet_view_buffer_size'), 1)
  assert.ok((sample(text, 'process_cpu_seconds_total') ?? -1) >= 0)
})

test('without METRICS_TOKEN only a direct loopback client reads /metrics: a proxied request is refused', async (t) => {
  const { app } = await buildSiteApp(t)
  assert.equal((await app.inject('/metrics')).statusCode, 200)
  const proxied = await app.inject({ url: '/metrics', headers: { 'x-forwarded-for': '203.0.113.9' } })
  assert.equal(proxied.statusCode, 403)
  assert.match(proxied.body, /METRICS_TOKEN/)
  assert.equal((await app.inject({ url: '/metrics', remoteAddress: '192.0.2.10' })).statusCode, 403)
})

test('with METRICS_TOKEN /metrics asks for that bearer token, from anywhere', async (t) => {
  const token = 'k3y-for-the-scraper-0123456789'
  const { app } = await buildSiteApp(t, { env: { METRICS_TOKEN: token } })
  const none = await app.inject('/metrics')
  assert.equal(none.statusCode, 401)
  assert.match(none.headers['www-authenticate'] as string, /^Bearer/)
  assert.equal((await app.inject({ url: '/metrics', headers: { authorization: `Bearer ${token}x` } })).statusCode, 401)
  assert.equal((await app.inject({ url: '/metrics', headers: { authorization: 'Bearer short' } })).statusCode, 401)
  const ok = await app.inject({ url: '/metrics', remoteAddress: '192.0.2.10', headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': '203.0.113.9' } })
  assert.equal(ok.statusCode, 200)
  assert.match(ok.body, /^# HELP /m)
})

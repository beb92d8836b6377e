// GET /healthz: whether the instance answers (liveness), and GET /readyz (src/web/health.ts).

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { buildSiteApp } from '../support/web.ts'
import { buildTestApp } from '../support/build-test-app.ts'

test('/healthz answers 200 JSON naming the database engine, never cached', async (t) => {
  const { app } = await buildSiteApp(t)
  const res = await app.inject('/healthz')
  assert.equal(res.statusCode, 200)
  assert.match(res.headers['content-type'] as string, /^application\/json/)
  assert.equal(res.headers['cache-control'], 'no-store')
  const body = res.json() as { status: string; database: string; uptimeSeconds: number }
  assert.equal(body.status, 'ok')
  assert.equal(body.database, 'sqlite')
  assert.equal(typeof body.uptimeSeconds, 'number')
  assert.ok(body.uptimeSeconds >= 0)
})

test('/healthz answers 200 while the database does not: restarting the process would not bring it back; /readyz says 503', async (t) => {
  // The one 5xx that is meant (/readyz): buildTestApp, not the guarded buildSiteApp.
  const { app, store } = await buildTestApp(t)
  const heartbeat = store.heartbeat
  const ping = store.ping
  const down = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })
  Object.assign(store, { ping: async () => false, heartbeat: async () => { throw down } })
  t.after(() => Object.assign(store, { ping, heartbeat }))
  const res = await app.inject('/healthz')
  assert.equal(res.statusCode, 200)
  assert.equal((res.json() as { status: string }).status, 'ok')
  const ready = await app.inject('/readyz')
  assert.equal(ready.statusCode, 503)
  assert.match((ready.json() as { checks: { database: string } }).checks.database, /ECONNREFUSED/)
})

test('/readyz answers 200 listing its checks when the database takes writes, migrations are applied and media is writable', async (t) => {
  const { app } = await buildSiteApp(t)
  const res = await app.inject('/readyz')
  assert.equal(res.statusCode, 200)
  assert.equal(res.headers['cache-control'], 'no-store')
  assert.deepEqual(res.json(), { status: 'ready', checks: { database: 'ok', migrations: 'ok', media: 'ok' } })
})

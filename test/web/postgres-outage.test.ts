// PostgreSQL out of reach for a while (a restart, a failover), through a TCP proxy the test cuts and restores:
// requests answer 503 with Retry-After, never 500; /readyz says the database failed; all recovers with the server.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { once } from 'node:events'
import net from 'node:net'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { loadConfig } from '../../src/config.ts'
import { createServices } from '../../src/services.ts'
import { openStore } from '../../src/store/store.ts'
import { buildApp } from '../../src/web/app.ts'
import { pino } from 'pino'
import { POSTGRES_ADMIN_URL, postgresUnavailable, scratchDatabase } from '../support/databases.ts'
import { fixedClock } from '../support/build-test-app.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'
import { NOW } from '../support/editing.ts'

const UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0'

/** A TCP proxy to PostgreSQL on a loopback port; `cut` drops every connection and refuses new ones until `restore`. */
async function pgProxy() {
  const target = new URL(POSTGRES_ADMIN_URL)
  const sockets = new Set<net.Socket>()
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname)
    for (const s of [client, upstream]) {
      sockets.add(s)
      s.on('close', () => sockets.delete(s))
      s.on('error', () => {})
    }
    client.pipe(upstream).pipe(client)
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as net.AddressInfo
  return {
    port,
    async cut() {
      const closed = new Promise((resolve) => server.close(resolve))
      for (const s of sockets) s.resetAndDestroy()
      await closed
    },
    async restore() {
      server.listen(port, '127.0.0.1')
      await once(server, 'listening')
    },
    async close() {
      for (const s of sockets) s.destroy()
      if (server.listening) await new Promise((resolve) => server.close(resolve))
    },
  }
}

test('with PostgreSQL out of reach, reads answer 503 with Retry-After and /readyz fails; once it is back, everything answers 200 and no view is lost', async (t) => {
  const reason = await postgresUnavailable()
  if (reason) return t.skip(reason)
  const scratch = await scratchDatabase('postgres')
  const proxy = await pgProxy()
  const url = new URL((scratch.config as { url: string }).url)
  url.port = String(proxy.port)
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-outage-'))
  t.after(() => rm(dataDir, { recursive: true, force: true }))
  const config = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: url.href, LOG_LEVEL: 'silent', SITE_URL: 'https://news.example' })
  const store = await openStore(config.database, { poolSize: 4 })
  const clock = fixedClock()
  const services = createServices({ store, config, log: pino({ level: 'silent' }), clock })
  const app = await buildApp({ services, config, log: pino({ level: 'silent' }) })
  t.after(async () => {
    await app.close()
    await proxy.close()
    await store.close()
    await scratch.drop()
  })
  await seedTaxonomy(store)
  await seedArticle(store, { title: 'Wind farms in the steppe', slug: 'wind-farms', publishedAt: NOW - 60_000 })
  const search = () => app.inject({ url: '/search?q=wind', headers: { 'user-agent': UA } })
  const beacon = (i: number) => app.inject({
    method: 'POST', url: '/api/v1/views', payload: { path: '/news/wind-farms' }, remoteAddress: `10.3.0.${i}`, headers: { 'user-agent': UA },
  })
  assert.equal((await search()).statusCode, 200)
  assert.equal((await beacon(1)).statusCode, 204)
  await services.popular.flush()

  await proxy.cut()
  const down = await search()
  assert.equal(down.statusCode, 503, down.body)
  assert.equal(down.headers['retry-after'], '5')
  const api = await app.inject('/api/v1/articles')
  assert.equal(api.statusCode, 503, api.body)
  assert.match((api.json() as { error: { message: string } }).error.message, /database cannot be reached/)
  await new Promise((r) => setTimeout(r, 1_050))
  const ready = await app.inject('/readyz')
  assert.equal(ready.statusCode, 503)
  assert.notEqual((ready.json() as { checks: { database: string } }).checks.database, 'ok')
  // A beacon is still counted: it waits in memory while its flush fails.
  assert.equal((await beacon(2)).statusCode, 204)
  await assert.rejects(services.popular.flush())
  assert.equal(services.popular.pending(), 1)

  await proxy.restore()
  assert.equal((await search()).statusCode, 200)
  await new Promise((r) => setTimeout(r, 1_050))
  assert.equal((await app.inject('/readyz')).statusCode, 200)
  assert.equal(await services.popular.flush(), 1)
  assert.equal(await store.views.total(), 2)
})

// CDN purges by key through the outbox, against a real node:http receiver in each provider's request shape (src/jobs/cdn-purge.ts).

import assert from 'node:assert/strict'
import { createHmac } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { test, type TestContext } from 'node:test'
import { forEachEngine, scratchDatabase, type Engine } from '../support/databases.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'
import { NOW } from '../support/editing.ts'
import { fixedClock } from '../support/build-test-app.ts'
import { createLogger } from '../../src/log.ts'
import { loadConfig, type CdnConfig } from '../../src/config.ts'
import { FLUSH_ALL } from '../../src/domain/invalidation.ts'
import { createCdnPurge, purgeRequests } from '../../src/jobs/cdn-purge.ts'
import type { JobContext } from '../../src/jobs/runner.ts'
import { openStore, type Store } from '../../src/store/store.ts'

interface Received {
  readonly method: string
  readonly url: string
  readonly headers: http.IncomingHttpHeaders
  readonly body: string
}

/** A loopback receiver answering `status()` to each request, recording every one. */
async function receiver(t: TestContext, status: () => number = () => 200): Promise<{ base: string; received: Received[] }> {
  const received: Received[] = []
  const server = http.createServer((req, res) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => { body += chunk })
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body })
      res.writeHead(status(), { 'content-type': 'application/json' }).end('{"status":"ok","success":true}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.after(() => new Promise<void>((resolve) => {
    server.closeAllConnections()
    server.close(() => resolve())
  }))
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received }
}

/** A migrated scratch database opened as `instances` stores that queue CDN purges, like as many app instances. */
async function purgingStores(t: TestContext, engine: Engine, instances = 1): Promise<Store[]> {
  const db = await scratchDatabase(engine, { migrated: true })
  const stores: Store[] = []
  for (let i = 0; i < instances; i++) stores.push(await openStore(db.config, { poolSize: 2, cdnPurge: true }))
  t.after(async () => {
    for (const s of stores) await s.close()
    await db.drop()
  })
  return stores
}

function jobFor(store: Store, cdn: CdnConfig) {
  const clock = fixedClock(NOW)
  const ctx: JobContext = { store, clock, log: createLogger({ logLevel: 'silent' }) }
  const job = createCdnPurge({ cdn, random: () => 0.5, timeoutMs: 2_000 })
  return { clock, run: () => job.run(ctx) }
}

const fastly = (api: string): CdnConfig => ({ kind: 'fastly', api, serviceId: 'SU1Z0isxPaozGVKXdv0eY', token: 'fastly-token-123' })
const cloudflare = (api: string): CdnConfig => ({ kind: 'cloudflare', api, zoneId: '023e105f4ecef8ad9ca31a8372d0c353', token: 'cf-token-12345' })

forEachEngine('publishing queues a purge of its keys, and the job sends it to Fastly as a batch purge by surrogate key', async (t, engine) => {
  const [store] = await purgingStores(t, engine)
  await seedTaxonomy(store!)
  const id = await seedArticle(store!)
  const { base, received } = await receiver(t)
  await jobFor(store!, fastly(base)).run()
  assert.equal(received.length, 1)
  const [r] = received
  assert.equal(r!.method, 'POST')
  assert.equal(r!.url, '/service/SU1Z0isxPaozGVKXdv0eY/purge')
  assert.equal(r!.headers['fastly-key'], 'fastly-token-123')
  const keys = (JSON.parse(r!.body) as { surrogate_keys: string[] }).surrogate_keys
  for (const k of [`a:${id}`, 'front', 'archive', 'feeds', 'sitemaps']) assert.ok(keys.includes(k), `${k} in ${keys.join(' ')}`)
  assert.ok(keys.some((k) => k.startsWith('section:')))
  assert.deepEqual((await store!.cdnPurges.list()).map((p) => p.status), (await store!.cdnPurges.list()).map(() => 'sent'))
  // Nothing is left: a second run sends nothing.
  await jobFor(store!, fastly(base)).run()
  assert.equal(received.length, 1)
})

forEachEngine('Cloudflare gets tags in groups of 30 and purge_everything for a change to the whole site', async (t, engine) => {
  const [store] = await purgingStores(t, engine)
  const articleIds = Array.from({ length: 40 }, (_, i) => i + 1)
  await store!.transaction((tx) => tx.invalidations.record({ all: false, articleIds, scopes: ['front'] }))
  const { base, received } = await receiver(t)
  const job = jobFor(store!, cloudflare(base))
  await job.run()
  assert.equal(received.length, 2)
  for (const r of received) {
    assert.equal(r.url, '/zones/023e105f4ecef8ad9ca31a8372d0c353/purge_cache')
    assert.equal(r.headers.authorization, 'Bearer cf-token-12345')
    assert.match(String(r.headers['content-type']), /application\/json/)
  }
  const tags = received.flatMap((r) => (JSON.parse(r.body) as { tags: string[] }).tags)
  assert.equal((JSON.parse(received[0]!.body) as { tags: string[] }).tags.length, 30)
  assert.deepEqual(new Set(tags), new Set([...articleIds.map((i) => `a:${i}`), 'front']))

  await store!.transaction((tx) => tx.invalidations.record(FLUSH_ALL))
  await job.run()
  assert.equal(received.length, 3)
  assert.deepEqual(JSON.parse(received[2]!.body), { purge_everything: true })
})

forEachEngine('the url form posts the keys as JSON signed like a webhook', async (t, engine) => {
  const [store] = await purgingStores(t, engine)
  await store!.transaction((tx) => tx.invalidations.record({ all: false, articleIds: [7], scopes: ['front', 'section:2'] }))
  const { base, received } = await receiver(t)
  const secret = 'a-long-purge-secret-0123'
  await jobFor(store!, { kind: 'url', url: `${base}/purge`, secret }).run()
  assert.equal(received.length, 1)
  const r = received[0]!
  assert.equal(r.url, '/purge')
  assert.deepEqual(JSON.parse(r.body), { keys: ['a:7', 'front', 'section:2'] })
  assert.equal(r.headers['broadsheet-event'], 'cdn.purge')
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(r.headers['broadsheet-signature']))
  assert.ok(m, String(r.headers['broadsheet-signature']))
  assert.equal(m[2], createHmac('sha256', secret).update(`${m[1]}.${r.body}`).digest('hex'))
})

forEachEngine('the same change recorded on two instances is purged once, and many changes go out in one request', async (t, engine) => {
  const [a, b] = await purgingStores(t, engine, 2)
  const event = { all: false, articleIds: [3, 1], scopes: ['front'] } as const
  await a!.transaction((tx) => tx.invalidations.record(event))
  await b!.transaction((tx) => tx.invalidations.record({ ...event, articleIds: [1, 3] }))
  await b!.transaction((tx) => tx.invalidations.record({ all: false, articleIds: [9], scopes: [] }))
  assert.equal((await a!.cdnPurges.list()).length, 2)
  const { base, received } = await receiver(t)
  // Both instances run the job at once: each purge is claimed by one of them.
  await Promise.all([jobFor(a!, fastly(base)).run(), jobFor(b!, fastly(base)).run()])
  const sent = received.flatMap((r) => (JSON.parse(r.body) as { surrogate_keys: string[] }).surrogate_keys).sort()
  assert.deepEqual(sent, ['a:1', 'a:3', 'a:9', 'front'])
})

forEachEngine('a rolled-back change queues no purge', async (t, engine) => {
  const [store] = await purgingStores(t, engine)
  await assert.rejects(store!.transaction(async (tx) => {
    await tx.invalidations.record({ all: false, articleIds: [5], scopes: [] })
    throw new Error('rolled back')
  }))
  assert.equal((await store!.cdnPurges.list()).length, 0)
})

forEachEngine('a purge the CDN refuses is retried later, and sent once it answers', async (t, engine) => {
  const [store] = await purgingStores(t, engine)
  await store!.transaction((tx) => tx.invalidations.record({ all: false, articleIds: [4], scopes: [] }))
  let status = 503
  const { base, received } = await receiver(t, () => status)
  const job = jobFor(store!, fastly(base))
  await job.run()
  const [failed] = await store!.cdnPurges.list()
  assert.equal(failed!.status, 'pending')
  assert.match(failed!.lastError ?? '', /503/)
  assert.equal(failed!.nextAttemptAt, NOW + 2_000)
  await job.run()
  assert.equal(received.length, 1, 'not retried before its time')
  status = 200
  job.clock.set(NOW + 2_000)
  await job.run()
  assert.equal(received.length, 2)
  assert.equal((await store!.cdnPurges.list())[0]!.status, 'sent')
})

forEachEngine('a purge claimed by an instance that died is sent by another once the claim lapses', async (t, engine) => {
  const [dead, alive] = await purgingStores(t, engine, 2)
  await dead!.transaction((tx) => tx.invalidations.record({ all: false, articleIds: [8], scopes: ['front'] }))
  // The first instance claims it and dies before sending: its claim holds for the lease.
  const lease = 10 * 2_000 + 30_000
  assert.equal((await dead!.cdnPurges.claimDue(NOW, 100, NOW + lease)).length, 1)
  const { base, received } = await receiver(t)
  const job = jobFor(alive!, fastly(base))
  await job.run()
  assert.equal(received.length, 0, 'held by the claim')
  job.clock.set(NOW + lease)
  await job.run()
  assert.equal(received.length, 1)
  assert.deepEqual(JSON.parse(received[0]!.body), { surrogate_keys: ['a:8', 'front'] })
  assert.equal((await alive!.cdnPurges.list())[0]!.status, 'sent')
})

test('too many keys for ten requests become one purge of everything', () => {
  const keys = Array.from({ length: 301 }, (_, i) => `a:${i + 1}`)
  const reqs = purgeRequests(cloudflare('https://cf.test'), keys, 0)
  assert.equal(reqs.length, 1)
  assert.deepEqual(JSON.parse(reqs[0]!.body), { purge_everything: true })
  assert.equal(purgeRequests(fastly('https://f.test'), 'all', 0)[0]!.url, 'https://f.test/service/SU1Z0isxPaozGVKXdv0eY/purge_all')
})

test('CDN_PURGE is validated, naming the variable and never repeating a token', () => {
  const base = { DATA_DIR: '/tmp/x' }
  assert.equal(loadConfig(base).cdn, null)
  assert.throws(() => loadConfig({ ...base, CDN_PURGE: 'akamai' }), /CDN_PURGE must be one of fastly, cloudflare, url/)
  assert.throws(() => loadConfig({ ...base, CDN_PURGE: 'fastly', FASTLY_SERVICE_ID: 'abc' }), /FASTLY_API_TOKEN is required/)
  assert.throws(() => loadConfig({ ...base, CDN_PURGE: 'cloudflare', CLOUDFLARE_ZONE_ID: 'zone', CLOUDFLARE_API_TOKEN: 'secret-token' }), (err: Error) =>
    /CLOUDFLARE_ZONE_ID is not a Cloudflare zone id/.test(err.message) && !err.message.includes('secret-token'))
  assert.throws(() => loadConfig({ ...base, CDN_PURGE: 'url', CDN_PURGE_URL: 'ftp://x', CDN_PURGE_SECRET: 'x'.repeat(20) }), /CDN_PURGE_URL must be http/)
  assert.throws(() => loadConfig({ ...base, CDN_PURGE: 'url', CDN_PURGE_URL: 'https://relay.example/purge', CDN_PURGE_SECRET: 'short' }), /CDN_PURGE_SECRET is not/)
  const cf = loadConfig({ ...base, CDN_PURGE: 'cloudflare', CLOUDFLARE_ZONE_ID: '023e105f4ecef8ad9ca31a8372d0c353', CLOUDFLARE_API_TOKEN: 'secret-token' }).cdn
  assert.deepEqual(cf, { kind: 'cloudflare', api: 'https://api.cloudflare.com/client/v4', zoneId: '023e105f4ecef8ad9ca31a8372d0c353', token: 'secret-token' })
  assert.equal(loadConfig({ ...base, CDN_PURGE: 'fastly', FASTLY_SERVICE_ID: 'abc', FASTLY_API_TOKEN: 'tok-12345678', CDN_API_URL: 'http://127.0.0.1:9/' }).cdn?.kind, 'fastly')
})

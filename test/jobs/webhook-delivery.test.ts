// The webhook delivery job against a real node:http receiver: signature and headers, retries, giving up, timeouts (src/jobs/webhook-delivery.ts).

import assert from 'node:assert/strict'
import { createHmac, timingSafeEqual } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { TestContext } from 'node:test'
import { forEachDatabase } from '../support/databases.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'
import { NOW } from '../support/editing.ts'
import { fixedClock } from '../support/build-test-app.ts'
import { createLogger } from '../../src/log.ts'
import { addReceiver } from '../../src/editorial/webhooks.ts'
import { createWebhookDelivery, type WebhookDeliveryOptions } from '../../src/jobs/webhook-delivery.ts'
import type { JobContext } from '../../src/jobs/runner.ts'
import { MAX_ATTEMPTS } from '../../src/domain/webhook.ts'
import type { Store } from '../../src/store/store.ts'

interface Received {
  readonly method: string
  readonly headers: http.IncomingHttpHeaders
  readonly body: string
}

/** A local receiver answering `status` (or never answering, for 'hang'); records every request. */
async function receiver(t: TestContext, status: number | 'hang'): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = []
  const server = http.createServer((req, res) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => { body += chunk })
    req.on('end', () => {
      received.push({ method: req.method ?? '', headers: req.headers, body })
      if (status !== 'hang') res.writeHead(status, { 'content-type': 'text/plain' }).end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.after(() => new Promise<void>((resolve) => {
    server.closeAllConnections()
    server.close(() => resolve())
  }))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/broadsheet`, received }
}

const SITE = new URL('https://news.example')

function jobFor(store: Store, opts: Partial<WebhookDeliveryOptions> = {}) {
  const clock = fixedClock(NOW)
  const ctx: JobContext = { store, clock, log: createLogger({ logLevel: 'silent' }) }
  const job = createWebhookDelivery({ siteUrl: SITE, allowPrivate: true, random: () => 0.5, ...opts })
  return { clock, run: () => job.run(ctx) }
}

async function receiverFor(store: Store, url: string) {
  return store.transaction((tx) => addReceiver(tx, url, { now: NOW, allowPrivate: true }))
}

forEachDatabase('a delivery POSTs the event, signed with the receiver secret, with the Broadsheet headers', async (store, t) => {
  await seedTaxonomy(store)
  const { url, received } = await receiver(t, 200)
  const { secret } = await receiverFor(store, url)
  const articleId = await seedArticle(store, { title: 'Observers report on the vote', slug: 'observers-report' })
  const { run } = jobFor(store)
  await run()

  assert.equal(received.length, 1)
  const [req] = received as [Received]
  assert.equal(req.method, 'POST')
  assert.equal(req.headers['content-type'], 'application/json')
  assert.equal(req.headers['broadsheet-event'], 'article.published')
  const [delivery] = await store.webhooks.log({ limit: 5 })
  assert.equal(req.headers['broadsheet-delivery'], String(delivery!.id))

  // Verify as a receiver would: recompute the HMAC over "<t>.<body>" and compare in constant time.
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(req.headers['broadsheet-signature']))
  assert.ok(match, `signature header: ${req.headers['broadsheet-signature']}`)
  assert.equal(Number(match[1]), Math.floor(NOW / 1000))
  const expected = createHmac('sha256', secret).update(`${match[1]}.${req.body}`).digest()
  assert.ok(timingSafeEqual(Buffer.from(match[2]!, 'hex'), expected), 'the signature verifies with the secret')
  const wrong = createHmac('sha256', 'not-the-secret').update(`${match[1]}.${req.body}`).digest()
  assert.ok(!timingSafeEqual(Buffer.from(match[2]!, 'hex'), wrong))

  const event = JSON.parse(req.body)
  assert.match(event.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  assert.deepEqual(event, {
    id: event.id, type: 'article.published', created_at: new Date(NOW).toISOString(),
    article: {
      id: articleId, url: 'https://news.example/news/observers-report', path: '/news/observers-report', title: 'Observers report on the vote',
      section: 'news', language: 'en', published_at: event.article.published_at, updated_at: event.article.updated_at,
    },
  })
  assert.ok(!Number.isNaN(Date.parse(event.article.published_at)))

  const after = await store.webhooks.delivery(delivery!.id)
  assert.equal(after?.status, 'delivered')
  assert.equal(after?.attempts, 1)
  assert.equal(after?.lastStatusCode, 200)
  assert.equal(after?.lastError, null)
  assert.ok((after?.lastDurationMs ?? -1) >= 0)
  await run()
  assert.equal(received.length, 1, 'a delivered event is not sent again')
})

forEachDatabase('a 500 is retried with exponential backoff: 30 s, then 2 min', async (store, t) => {
  await seedTaxonomy(store)
  const { url, received } = await receiver(t, 500)
  await receiverFor(store, url)
  await seedArticle(store)
  const { run, clock } = jobFor(store)
  await run()
  const [first] = await store.webhooks.log({ limit: 1 })
  assert.equal(first?.status, 'pending')
  assert.equal(first?.attempts, 1)
  assert.equal(first?.lastStatusCode, 500)
  assert.equal(first?.lastError, 'the receiver answered 500')
  assert.equal(first?.nextAttemptAt, NOW + 30_000)
  clock.set(NOW + 29_999)
  await run()
  assert.equal(received.length, 1, 'not before its time')
  clock.set(NOW + 30_000)
  await run()
  assert.equal(received.length, 2)
  const [second] = await store.webhooks.log({ limit: 1 })
  assert.equal(second?.attempts, 2)
  assert.equal(second?.nextAttemptAt, NOW + 30_000 + 120_000)
  assert.equal(received[0]!.headers['broadsheet-delivery'], received[1]!.headers['broadsheet-delivery'], 'a retry is the same delivery')
  assert.equal(JSON.parse(received[0]!.body).id, JSON.parse(received[1]!.body).id)
})

forEachDatabase('a delivery that keeps failing is marked failed after the last attempt and never sent again', async (store, t) => {
  await seedTaxonomy(store)
  const { url, received } = await receiver(t, 503)
  await receiverFor(store, url)
  await seedArticle(store)
  const { run, clock } = jobFor(store, { random: () => 0.999 })
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const [d] = await store.webhooks.log({ limit: 1 })
    clock.set(d!.nextAttemptAt)
    await run()
  }
  assert.equal(received.length, MAX_ATTEMPTS)
  const [last] = await store.webhooks.log({ limit: 1 })
  assert.equal(last?.status, 'failed')
  assert.equal(last?.attempts, MAX_ATTEMPTS)
  assert.equal(last?.lastStatusCode, 503)
  clock.set(NOW + 30 * 86_400_000 - 1)
  await run()
  assert.equal(received.length, MAX_ATTEMPTS)
})

forEachDatabase('a receiver that hangs does not slow publishing, and its delivery times out', async (store, t) => {
  await seedTaxonomy(store)
  const { url, received } = await receiver(t, 'hang')
  await receiverFor(store, url)
  await seedArticle(store)
  const timeoutMs = 1500
  const { run } = jobFor(store, { timeoutMs })
  const sending = run()
  // Publish while the delivery hangs: publishing only writes outbox rows, so it never waits for the receiver.
  while (received.length === 0) await new Promise((resolve) => setTimeout(resolve, 5))
  const started = performance.now()
  await seedArticle(store, { title: 'Published while a receiver hangs' })
  const publishMs = performance.now() - started
  assert.ok(publishMs < timeoutMs / 3, `publishing took ${Math.round(publishMs)} ms`)
  await sending
  const [newer, hung] = await store.webhooks.log({ limit: 2 })
  assert.equal(newer?.status, 'pending')
  assert.equal(newer?.attempts, 0, 'the second event waits for the next run')
  assert.equal(hung?.status, 'pending')
  assert.equal(hung?.attempts, 1)
  assert.equal(hung?.lastStatusCode, null)
  assert.equal(hung?.lastError, `timed out after ${timeoutMs} ms`)
  assert.ok((hung?.lastDurationMs ?? 0) >= timeoutMs - 50, `${hung?.lastDurationMs} ms`)
})

forEachDatabase('receivers on loopback are refused at send time unless private addresses are allowed', async (store, t) => {
  await seedTaxonomy(store)
  const { url, received } = await receiver(t, 200)
  // Written past the use-case's check, as if it had been added while WEBHOOK_ALLOW_PRIVATE was on.
  await store.webhooks.insertReceiver({ url, secret: 's'.repeat(64), createdAt: NOW })
  await store.webhooks.insertReceiver({ url: url.replace('127.0.0.1', 'localhost'), secret: 's'.repeat(64), createdAt: NOW })
  await seedArticle(store)
  await jobFor(store, { allowPrivate: false }).run()
  assert.equal(received.length, 0)
  const log = await store.webhooks.log({ limit: 5 })
  assert.equal(log.length, 2)
  for (const d of log) {
    assert.equal(d.status, 'pending')
    assert.match(d.lastError ?? '', /^refused: (127\.0\.0\.1|localhost) is a private address$/)
  }
})

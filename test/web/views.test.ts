// The view beacon endpoint: 204 for counted, repeated and crawler views; JSON 4xx for the rest; counts reach /popular.

import assert from 'node:assert/strict'
import { test, type TestContext } from 'node:test'
import { buildTestApp, type TestApp } from '../support/build-test-app.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'
import { takeDown } from '../support/editing.ts'

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36'
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0'

async function setup(t: TestContext, env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  const app = await buildTestApp(t, { env })
  await seedTaxonomy(app.store)
  await seedArticle(app.store, { title: 'Steppe wind farms', slug: 'steppe-wind-farms' })
  await seedArticle(app.store, { title: 'Draft only', slug: 'draft-only', draft: true })
  return app
}

const beacon = (app: TestApp, body: string, headers: Record<string, string> = {}) =>
  app.app.inject({
    method: 'POST', url: '/api/v1/views', payload: body,
    headers: { 'content-type': 'application/json', 'user-agent': CHROME, ...headers },
  })

const view = (path: string) => JSON.stringify({ path })

test('a counted view answers 204 without a cookie and shows on /popular after a flush', async (t) => {
  const app = await setup(t)
  const res = await beacon(app, view('/news/steppe-wind-farms'))
  assert.equal(res.statusCode, 204)
  assert.equal(res.body, '')
  assert.equal(res.headers['set-cookie'], undefined)
  assert.equal(res.headers['cache-control'], 'no-store')
  assert.equal(await app.services.popular.flush(), 1)
  assert.equal(await app.store.views.total(), 1)
  const page = await app.app.inject('/popular')
  assert.match(page.body, /Last 24 hours[\s\S]*Steppe wind farms/)
  assert.match(page.body, /Last 7 days[\s\S]*Steppe wind farms/)
})

test('a second view by the same visitor within 30 minutes answers 204 and is not counted', async (t) => {
  const app = await setup(t)
  assert.equal((await beacon(app, view('/news/steppe-wind-farms'))).statusCode, 204)
  assert.equal((await beacon(app, view('/news/steppe-wind-farms?utm_source=x'))).statusCode, 204)
  app.clock.set(app.clock.now() + 29 * 60_000)
  assert.equal((await beacon(app, view('/news/steppe-wind-farms'))).statusCode, 204)
  await app.services.popular.flush()
  assert.equal(await app.store.views.total(), 1)
  app.clock.set(app.clock.now() + 2 * 60_000)
  assert.equal((await beacon(app, view('/news/steppe-wind-farms'))).statusCode, 204)
  await app.services.popular.flush()
  assert.equal(await app.store.views.total(), 2)
})

test('crawler views and views without a user agent answer 204 and are not counted', async (t) => {
  const app = await setup(t)
  for (const ua of ['curl/8.5.0', 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0.0.0 Safari/537.36']) {
    assert.equal((await beacon(app, view('/news/steppe-wind-farms'), { 'user-agent': ua })).statusCode, 204, ua)
  }
  const none = await app.app.inject({ method: 'POST', url: '/api/v1/views', payload: view('/news/steppe-wind-farms'), headers: { 'content-type': 'application/json' } })
  assert.equal(none.statusCode, 204)
  assert.equal(await app.services.popular.flush(), 0)
  assert.equal(await app.store.views.total(), 0)
})

test('sendBeacon’s text/plain body is accepted', async (t) => {
  const app = await setup(t)
  const res = await beacon(app, view('/news/steppe-wind-farms'), { 'content-type': 'text/plain;charset=UTF-8' })
  assert.equal(res.statusCode, 204)
  assert.equal(await app.services.popular.flush(), 1)
})

test('a view of a translation is counted at its language path', async (t) => {
  const app = await setup(t)
  await seedArticle(app.store, { title: 'Ветряные фермы', slug: 'vetryanye-fermy', language: 'ru' })
  assert.equal((await beacon(app, view('/ru/news/vetryanye-fermy'))).statusCode, 204)
  assert.equal(await app.services.popular.flush(), 1)
})

test('paths that are not a live article answer 404 JSON', async (t) => {
  const app = await setup(t)
  for (const path of ['/news/no-such-story', '/news/draft-only', '/opinion/steppe-wind-farms', '/en/news/steppe-wind-farms',
    '/xx/news/steppe-wind-farms', '/news', '/', '/news/steppe-wind-farms/extra', '/news/Steppe-Wind-Farms', '/news/../news/steppe-wind-farms']) {
    const res = await beacon(app, view(path))
    assert.equal(res.statusCode, 404, path)
    assert.match(res.headers['content-type'] ?? '', /application\/json/)
    assert.equal(res.json().error.code, 404)
  }
  assert.equal(app.services.popular.pending(), 0)
})

test('malformed bodies answer 400 JSON that says what is wrong', async (t) => {
  const app = await setup(t)
  const cases: [string, RegExp][] = [
    ['{"path": ', /JSON/], ['', /JSON/], ['[]', /JSON/], ['"news"', /JSON/], ['null', /JSON/], ['{}', /path/],
    ['{"path": 42}', /path/], ['{"path": ["/news/x"]}', /path/], [view('news/steppe-wind-farms'), /path/],
    [view(`/news/${'a'.repeat(500)}`), /path/], ['{"__proto__": {"path": "/news/steppe-wind-farms"}}', /path/],
  ]
  for (const [body, message] of cases) {
    const res = await beacon(app, body)
    assert.equal(res.statusCode, 400, body)
    assert.match(res.json().error.message, message, body)
  }
  const big = await beacon(app, JSON.stringify({ path: '/news/steppe-wind-farms', pad: 'x'.repeat(4000) }))
  assert.equal(big.statusCode, 413)
  assert.equal(big.json().error.code, 413)
})

test('other content types answer 415 JSON', async (t) => {
  const app = await setup(t)
  for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml']) {
    const res = await beacon(app, 'path=/news/steppe-wind-farms', { 'content-type': type })
    assert.equal(res.statusCode, 415, type)
    assert.equal(res.json().error.code, 415)
  }
  const none = await app.app.inject({ method: 'POST', url: '/api/v1/views', payload: Buffer.from(view('/news/steppe-wind-farms')), headers: { 'user-agent': CHROME } })
  assert.equal(none.statusCode, 415)
})

test('with TRUST_PROXY on, different X-Forwarded-For addresses are different visitors', async (t) => {
  const app = await setup(t, { TRUST_PROXY: '1' })
  for (const ip of ['203.0.113.7', '198.51.100.23', '203.0.113.7']) {
    assert.equal((await beacon(app, view('/news/steppe-wind-farms'), { 'x-forwarded-for': ip })).statusCode, 204)
  }
  assert.equal(await app.services.popular.flush(), 2)
})

test('without TRUST_PROXY, X-Forwarded-For is ignored and one client stays one visitor', async (t) => {
  const app = await setup(t)
  for (const ip of ['203.0.113.7', '198.51.100.23']) await beacon(app, view('/news/steppe-wind-farms'), { 'x-forwarded-for': ip })
  assert.equal(await app.services.popular.flush(), 1)
})

test('the same address with another browser is another visitor', async (t) => {
  const app = await setup(t)
  await beacon(app, view('/news/steppe-wind-farms'))
  await beacon(app, view('/news/steppe-wind-farms'), { 'user-agent': FIREFOX })
  assert.equal(await app.services.popular.flush(), 2)
})

test('article pages load the beacon script, deferred, from a fingerprinted asset under the unchanged CSP', async (t) => {
  const app = await setup(t)
  const page = await app.app.inject('/news/steppe-wind-farms')
  const src = /<script src="(\/assets\/beacon\.[0-9a-f]{10}\.js)" defer><\/script>/.exec(page.body)?.[1]
  assert.ok(src, 'the article page has the beacon script')
  assert.match(page.headers['content-security-policy'] as string, /script-src 'self'(;|$)/)
  const script = await app.app.inject(src)
  assert.equal(script.statusCode, 200)
  assert.match(script.headers['content-type'] ?? '', /^text\/javascript/)
  assert.match(script.headers['cache-control'] ?? '', /immutable/)
  assert.match(script.body, /sendBeacon\('\/api\/v1\/views'/)
  assert.ok(script.body.length < 1024)
  const front = await app.app.inject('/')
  assert.doesNotMatch(front.body, /beacon\./)
})

test('400 beacons from one address with rotating user agents count three views; from 400 addresses, 400', async (t) => {
  const app = await setup(t, { TRUST_PROXY: '1' })
  for (let i = 0; i < 400; i++) {
    const ua = `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${90 + (i % 40)}.0.${i}.0 Safari/537.36`
    assert.equal((await beacon(app, view('/news/steppe-wind-farms'), { 'user-agent': ua, 'x-forwarded-for': '203.0.113.7' })).statusCode, 204)
  }
  assert.equal(await app.services.popular.flush(), 3)
  for (let i = 0; i < 400; i++) await beacon(app, view('/news/steppe-wind-farms'), { 'x-forwarded-for': `198.51.${i >> 8}.${i & 255}` })
  assert.equal(await app.services.popular.flush(), 400)
})

test('an article taken down stops counting at once, on an instance that had its path resolved', async (t) => {
  const app = await setup(t)
  const id = (await app.store.views.liveArticleId('en', 'news', 'steppe-wind-farms'))!
  assert.equal((await beacon(app, view('/news/steppe-wind-farms'))).statusCode, 204)
  assert.equal(await app.services.popular.flush(), 1)
  await takeDown(app.store, id)
  // The path was resolved a moment ago; the invalidation of the take-down makes it be looked up again (and not found).
  const after = await beacon(app, view('/news/steppe-wind-farms'), { 'user-agent': FIREFOX })
  assert.equal(after.statusCode, 404)
  assert.equal(await app.services.popular.flush(), 0)
})

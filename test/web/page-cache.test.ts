// The page cache in the real app (src/web/page-cache.ts): hits, encodings, 304, exact invalidation, bypass, expiry.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import zlib from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import { buildSiteApp, seedNewsroom } from '../support/web.ts'
import { seedArticle } from '../support/seed.ts'
import { editArticle, republish, takeDown, NOW } from '../support/editing.ts'

/** GETs `url` and returns its x-cache state (hit, miss, bypass, or none for responses that never touch the cache). */
async function state(app: FastifyInstance, url: string, headers: Record<string, string> = {}): Promise<string> {
  const res = await app.inject({ url, headers })
  assert.ok(res.statusCode === 200 || res.statusCode === 304, `${url} answered ${res.statusCode}`)
  return String(res.headers['x-cache'] ?? 'none')
}

test('a cached page is served again from memory with identical bytes, gzip or brotli as asked, and 304 for its ETag', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedNewsroom(store)
  const url = '/news/election-results'
  const first = await app.inject(url)
  assert.equal(first.headers['x-cache'], 'miss')
  const again = await app.inject(url)
  assert.equal(again.headers['x-cache'], 'hit')
  assert.equal(again.body, first.body)
  assert.equal(again.headers.etag, first.headers.etag)
  assert.equal(again.headers.vary, 'accept-encoding')
  assert.equal(again.headers['content-encoding'], undefined)

  const br = await app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } })
  assert.equal(br.headers['content-encoding'], 'br')
  assert.equal(zlib.brotliDecompressSync(br.rawPayload).toString(), first.body)
  assert.notEqual(br.headers.etag, first.headers.etag, 'each representation has its own strong ETag')
  const gz = await app.inject({ url, headers: { 'accept-encoding': 'gzip, br;q=0' } })
  assert.equal(gz.headers['content-encoding'], 'gzip')
  assert.equal(zlib.gunzipSync(gz.rawPayload).toString(), first.body)
  assert.ok(gz.rawPayload.length < first.rawPayload.length / 2)

  for (const etag of [first.headers.etag, br.headers.etag, `W/${gz.headers.etag}`]) {
    const res = await app.inject({ url, headers: { 'if-none-match': String(etag), 'accept-encoding': 'br' } })
    assert.equal(res.statusCode, 304)
    assert.equal(res.body, '')
    assert.equal(res.headers.etag, br.headers.etag)
  }
  for (const odd of ['', 'identity', 'br;q=0, gzip;q=0', ';;;,,q=', 'x'.repeat(2000), '*']) {
    const res = await app.inject({ url, headers: { 'accept-encoding': odd } })
    assert.equal(res.statusCode, 200, odd)
    const body = res.headers['content-encoding'] === 'br' ? zlib.brotliDecompressSync(res.rawPayload).toString() : res.body
    assert.equal(body, first.body, odd)
  }
})

test('publishing a new article re-renders the front, its section, tag and author pages, but not an unrelated tag page', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedNewsroom(store)
  const affected = ['/', '/news', '/tag/elections', '/author/newsroom', '/archive']
  const unaffected = ['/tag/energy', '/opinion', '/author/aigerim-sadykova', '/opinion/energy-deal-matters']
  for (const url of [...affected, ...unaffected]) await app.inject(url)
  for (const url of [...affected, ...unaffected]) assert.equal(await state(app, url), 'hit', url)

  await seedArticle(store, { title: 'Turnout hits a record', slug: 'turnout-record', section: 'news', tags: ['elections'], authors: ['newsroom'], publishedAt: NOW })

  for (const url of affected) {
    const res = await app.inject(url)
    assert.equal(res.headers['x-cache'], 'miss', url)
    assert.match(res.body, /turnout-record/, url)
  }
  for (const url of unaffected) assert.equal(await state(app, url), 'hit', url)
})

test('updating an article re-renders its page and the other pages that show it, in related or picks blocks', async (t) => {
  const { app, store } = await buildSiteApp(t)
  const { opinion, related } = await seedNewsroom(store)
  const pages = ['/opinion/energy-deal-matters', '/news/gas-pipeline-talks', '/news/election-results', '/tag/elections']
  for (const url of pages) await app.inject(url)
  // The opinion piece is an editor's choice, shown in the picks block of other article pages.
  assert.match((await app.inject('/news/election-results')).body, /energy-deal-matters/)

  await editArticle(store, opinion, { title: 'Why the energy deal matters more than ever' })
  await republish(store, opinion, NOW + 60_000)
  for (const url of ['/opinion/energy-deal-matters', '/news/gas-pipeline-talks', '/news/election-results']) {
    const res = await app.inject(url)
    assert.equal(res.headers['x-cache'], 'miss', url)
    assert.match(res.body, /more than ever/, url)
  }
  assert.equal(await state(app, '/tag/elections'), 'hit', 'a listing that never showed it stays cached')

  // A related article changing: the opinion page lists it among its related articles.
  assert.match((await app.inject('/opinion/energy-deal-matters')).body, /gas-pipeline-talks/)
  await editArticle(store, related, { title: 'Gas pipeline talks collapse' })
  await republish(store, related, NOW + 120_000)
  assert.match((await app.inject('/opinion/energy-deal-matters')).body, /Gas pipeline talks collapse/)
})

test('an article moved to another section leaves both section pages and both tag pages re-rendered', async (t) => {
  const { app, store } = await buildSiteApp(t)
  const { lead } = await seedNewsroom(store)
  for (const url of ['/news', '/analysis', '/tag/elections', '/tag/energy']) await app.inject(url)
  const analysis = await store.taxonomy.sectionBySlug('analysis')
  const energy = await store.taxonomy.tagBySlug('energy')
  await editArticle(store, lead, { sectionId: analysis!.id, tagIds: [energy!.id] })
  await republish(store, lead, NOW + 60_000)
  for (const url of ['/news', '/analysis', '/tag/energy']) assert.equal(await state(app, url), 'miss', url)
  // No live article carries `elections` any more: its page is no page of the site, not a stale copy.
  assert.equal((await app.inject('/tag/elections')).statusCode, 404)
  assert.doesNotMatch((await app.inject('/news')).body, /election-results/)
  assert.match((await app.inject('/analysis')).body, /election-results/)
})

test('an unpublished article answers 410 at once and leaves the pages that listed it', async (t) => {
  const { app, store } = await buildSiteApp(t)
  const { lead } = await seedNewsroom(store)
  for (const url of ['/news/election-results', '/', '/tag/elections']) assert.equal((await app.inject(url)).statusCode, 200)
  assert.equal(await state(app, '/news/election-results'), 'hit')
  await takeDown(store, lead)
  const gone = await app.inject('/news/election-results')
  assert.equal(gone.statusCode, 410)
  assert.equal(gone.headers['cache-control'], 'private, no-store')
  assert.doesNotMatch((await app.inject('/')).body, /election-results/)
  assert.doesNotMatch((await app.inject('/tag/elections')).body, /election-results/)
})

test('a request carrying the session cookie is rendered fresh, marked private, and never stored', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedNewsroom(store)
  const session = await app.inject({ url: '/news', headers: { cookie: 'theme=dark; bs_session=abc123' } })
  assert.equal(session.statusCode, 200)
  assert.equal(session.headers['cache-control'], 'private, no-store')
  assert.equal(session.headers['x-cache'], 'bypass')
  assert.equal(session.headers.etag, undefined)
  assert.equal(await state(app, '/news'), 'miss', 'the session render was not kept')
  assert.equal(await state(app, '/news', { cookie: 'bs_session=abc123' }), 'bypass', 'a session is not served from memory')
  assert.equal(await state(app, '/news', { cookie: 'not_bs_session=1; other=bs_session' }), 'hit', 'only the cookie itself counts')
})

test('error pages are never stored or served from the cache', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedNewsroom(store)
  for (const url of ['/no-such-page', '/news?page=99', '/news/no-such-article', '/tag/no-such-tag', '/archive?from=2026-13-01']) {
    for (let i = 0; i < 2; i++) {
      const res = await app.inject(url)
      assert.ok(res.statusCode >= 400, url)
      assert.equal(res.headers['cache-control'], 'private, no-store', url)
      assert.equal(res.headers['x-cache'], undefined, url)
    }
  }
})

test('HEAD is answered from the cache like GET, with the same headers and no body', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedNewsroom(store)
  for (const url of ['/', '/news', '/news/election-results', '/tag/energy', '/author/newsroom', '/archive', '/popular']) {
    const head = await app.inject({ method: 'HEAD', url })
    assert.equal(head.statusCode, 200, url)
    assert.equal(head.body, '', url)
    const get = await app.inject(url)
    assert.equal(get.headers['x-cache'], 'hit', `HEAD filled the cache for ${url}`)
    const again = await app.inject({ method: 'HEAD', url, headers: { 'accept-encoding': 'br' } })
    assert.equal(again.headers['x-cache'], 'hit', url)
    assert.equal(again.headers['content-encoding'], 'br', url)
    assert.equal(again.body, '', url)
    assert.equal((await app.inject({ method: 'HEAD', url, headers: { 'if-none-match': String(get.headers.etag) } })).statusCode, 304, url)
  }
})

test('pages with a Popular block are rendered again after a minute; listings without one stay until invalidated', async (t) => {
  const { app, store, clock } = await buildSiteApp(t)
  await seedNewsroom(store)
  for (const url of ['/', '/news/election-results', '/popular', '/news']) await app.inject(url)
  clock.set(NOW + 59_000)
  for (const url of ['/', '/news/election-results', '/popular', '/news']) assert.equal(await state(app, url), 'hit', url)
  clock.set(NOW + 61_000)
  for (const url of ['/', '/news/election-results', '/popular']) assert.equal(await state(app, url), 'miss', url)
  assert.equal(await state(app, '/news'), 'hit')
})

test('a change to the site settings flushes every cached page within seconds', async (t) => {
  const { app, store, clock } = await buildSiteApp(t)
  await seedNewsroom(store)
  await app.inject('/news')
  assert.equal(await state(app, '/news'), 'hit')
  await store.site.setSetting('name', 'The Steppe Ledger')
  clock.set(NOW + 6_000)
  let body = ''
  for (let i = 0; i < 5 && !body.includes('The Steppe Ledger'); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10))
    body = (await app.inject('/news')).body
  }
  assert.match(body, /The Steppe Ledger/)
})

test('unknown query parameters and page=1 share the entry of the bare path', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedNewsroom(store)
  assert.equal(await state(app, '/'), 'miss')
  assert.equal(await state(app, '/?utm_source=x&junk=1'), 'hit')
  assert.equal(await state(app, '/news'), 'miss')
  assert.equal(await state(app, '/news?page=1&x=2'), 'hit')
  assert.equal(await state(app, '/archive?section=news&from=2026-11-01'), 'miss')
  assert.equal(await state(app, '/archive?from=2026-11-01&section=news&section=news&utm=1'), 'hit')
})

test('PAGE_CACHE_MB=0 turns the cache off: every request renders', async (t) => {
  const { app, store } = await buildSiteApp(t, { env: { PAGE_CACHE_MB: '0' } })
  await seedNewsroom(store)
  for (let i = 0; i < 3; i++) assert.equal(await state(app, '/news'), 'miss')
  // Each response is compressed only in the encoding its client asked for, and the same page whichever it is.
  const plain = await app.inject({ url: '/news' })
  assert.equal(plain.headers['content-encoding'], undefined)
  const br = await app.inject({ url: '/news', headers: { 'accept-encoding': 'br' } })
  assert.equal(br.headers['content-encoding'], 'br')
  assert.equal(zlib.brotliDecompressSync(br.rawPayload).toString(), plain.body)
  const gz = await app.inject({ url: '/news', headers: { 'accept-encoding': 'gzip' } })
  assert.equal(gz.headers['content-encoding'], 'gzip')
  assert.equal(zlib.gunzipSync(gz.rawPayload).toString(), plain.body)
  assert.equal(gz.headers.etag, plain.headers.etag!.replace(/"$/, '-gz"'))
})

test('a page served from memory carries the same headers as the rendered one, security headers included', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedNewsroom(store)
  for (const encoding of ['', 'br', 'gzip']) {
    const url = '/news/election-results'
    const headers = { 'accept-encoding': encoding }
    const miss = await app.inject({ url: `${url}?e=${encoding}`, headers: { 'accept-encoding': 'identity' } })
    await app.inject({ url, headers })
    const hit = await app.inject({ url, headers })
    assert.equal(hit.headers['x-cache'], 'hit')
    for (const name of ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'strict-transport-security', 'content-type', 'cache-control', 'vary']) {
      assert.equal(hit.headers[name], miss.headers[name], `${name} (${encoding || 'identity'})`)
    }
    assert.equal(Number(hit.headers['content-length']), hit.rawPayload.length)
    const head = await app.inject({ method: 'HEAD', url, headers })
    assert.equal(head.headers['content-length'], hit.headers['content-length'])
    assert.equal(head.headers.etag, hit.headers.etag)
    assert.equal(head.body, '')
  }
})

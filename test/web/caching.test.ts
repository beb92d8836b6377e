// ETag, If-None-Match and Cache-Control on public pages, and HEAD wherever GET works (src/web/caching.ts).

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { buildSiteApp, seedNewsroom } from '../support/web.ts'
import { editArticle, republish, NOW } from '../support/editing.ts'

const PAGES = ['/', '/news', '/news/election-results', '/ru/opinion/pochemu-sdelka-vazhna', '/tag/energy', '/author/newsroom', '/archive', '/archive?section=news', '/popular']

test('public pages carry an ETag and a CDN-friendly Cache-Control', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedNewsroom(store)
  for (const url of PAGES) {
    const res = await app.inject(url)
    assert.equal(res.statusCode, 200, url)
    assert.match(res.headers.etag as string, /^"[A-Za-z0-9_-]+"$/, url)
    assert.match(res.headers['cache-control'] as string, /^public, max-age=60, s-maxage=300, stale-while-revalidate=600/, url)
    assert.equal(res.headers.vary, 'accept-encoding', url)
  }
})

test('a request with the current ETag in If-None-Match answers 304 with no body', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedNewsroom(store)
  for (const url of PAGES) {
    const first = await app.inject(url)
    const etag = first.headers.etag as string
    const again = await app.inject({ url, headers: { 'if-none-match': etag } })
    assert.equal(again.statusCode, 304, url)
    assert.equal(again.body, '', url)
    assert.equal(again.headers.etag, etag, url)
    assert.equal((await app.inject({ url, headers: { 'if-none-match': `W/${etag}` } })).statusCode, 304, `weak ${url}`)
    assert.equal((await app.inject({ url, headers: { 'if-none-match': `"other", ${etag}` } })).statusCode, 304, `list ${url}`)
    assert.equal((await app.inject({ url, headers: { 'if-none-match': '"stale"' } })).statusCode, 200, `stale ${url}`)
  }
})

test('the ETag changes when the page changes, so an old one gets the new page', async (t) => {
  const { app, store } = await buildSiteApp(t)
  const { lead } = await seedNewsroom(store)
  const before = await app.inject('/news/election-results')
  await editArticle(store, lead, { title: 'Election results confirmed' })
  await republish(store, lead, NOW + 60_000)
  const after = await app.inject({ url: '/news/election-results', headers: { 'if-none-match': before.headers.etag as string } })
  assert.equal(after.statusCode, 200)
  assert.notEqual(after.headers.etag, before.headers.etag)
  assert.match(after.body, /Election results confirmed/)
})

test('HEAD answers like GET, with the same status and headers and no body', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedNewsroom(store)
  for (const url of [...PAGES, '/healthz', '/no-such-page', '/news?page=abc', '/news/']) {
    const get = await app.inject(url)
    const head = await app.inject({ method: 'HEAD', url })
    assert.equal(head.statusCode, get.statusCode, url)
    assert.equal(head.body, '', url)
    assert.equal(head.headers['content-type'], get.headers['content-type'], url)
    assert.equal(head.headers.etag, get.headers.etag, url)
    assert.equal(head.headers.location, get.headers.location, url)
  }
})

test('error pages are never cached', async (t) => {
  const { app } = await buildSiteApp(t)
  for (const url of ['/no-such-page', '/news?page=0', '/%E0%A4%A']) {
    const res = await app.inject(url)
    assert.equal(res.headers['cache-control'], 'private, no-store', url)
    assert.equal(res.headers.etag, undefined, url)
  }
})

test('fingerprinted stylesheets are served with a year-long immutable cache', async (t) => {
  const { app } = await buildSiteApp(t)
  const home = (await app.inject('/')).body
  const css = /<link rel="stylesheet" href="(\/assets\/site\.[0-9a-f]{10}\.css)">/.exec(home)?.[1]
  assert.ok(css, 'the page links a fingerprinted stylesheet')
  const res = await app.inject(css)
  assert.equal(res.statusCode, 200)
  assert.match(res.headers['content-type'] as string, /^text\/css/)
  assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable')
  assert.ok(res.body.length > 0)
})

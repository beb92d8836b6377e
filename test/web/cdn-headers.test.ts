// Cacheable responses name their dependency keys for a CDN (Surrogate-Key, Cache-Tag), the keys purges use (src/web/page-cache.ts).

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { buildSiteApp, seedNewsroom } from '../support/web.ts'
import { purgeKeys } from '../../src/domain/cdn-keys.ts'
import { articleChanged } from '../../src/domain/invalidation.ts'
import { sectionId } from '../support/editing.ts'

const keysOf = (header: unknown): string[] => String(header ?? '').split(' ').filter(Boolean)

test('a page carries its keys as Surrogate-Key and Cache-Tag, on a miss and on a hit alike', async (t) => {
  const { app, store } = await buildSiteApp(t)
  const { lead } = await seedNewsroom(store)
  const url = '/news/election-results'
  const miss = await app.inject(url)
  assert.equal(miss.headers['x-cache'], 'miss')
  const keys = keysOf(miss.headers['surrogate-key'])
  for (const k of [`a:${lead}`, `related:${lead}`, 'picks']) assert.ok(keys.includes(k), `${k} in ${keys.join(' ')}`)
  assert.equal(miss.headers['cache-tag'], keys.join(','))
  // The second and third requests take the cache's two hit paths (through the route, then straight to the socket).
  for (let i = 0; i < 2; i++) {
    const hit = await app.inject({ url, headers: { 'accept-encoding': 'br' } })
    assert.equal(hit.headers['x-cache'], 'hit')
    assert.equal(hit.headers['surrogate-key'], miss.headers['surrogate-key'])
    assert.equal(hit.headers['cache-tag'], miss.headers['cache-tag'])
  }
})

test('publishing an article purges a key the front page carries', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedNewsroom(store)
  const front = keysOf((await app.inject('/')).headers['surrogate-key'])
  assert.ok(front.includes('front'))
  const purged = purgeKeys(articleChanged(999, null, { sectionId: await sectionId(store, 'news'), tagIds: [], authorIds: [], editorsChoice: false, translationIds: [] }))
  assert.notEqual(purged, 'all')
  assert.ok(front.some((k) => (purged as readonly string[]).includes(k)))
})

test('a response for a desk session, which no CDN may keep, names no keys', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedNewsroom(store)
  const res = await app.inject({ url: '/', headers: { cookie: 'bs_session=whatever' } })
  assert.equal(res.headers['x-cache'], 'bypass')
  assert.equal(res.headers['surrogate-key'], undefined)
  assert.equal(res.headers['cache-tag'], undefined)
})

test('search results and the Content API, sent outside the page cache, carry the scopes every publication purges', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedNewsroom(store)
  for (const [url, key] of [['/search?q=election', 'search'], ['/api/v1/search?q=election', 'search'], ['/api/v1/articles', 'feeds']] as const) {
    const res = await app.inject(url)
    assert.equal(res.statusCode, 200, url)
    assert.deepEqual(keysOf(res.headers['surrogate-key']), [key], url)
    assert.equal(res.headers['cache-tag'], key, url)
  }
  const purged = purgeKeys(articleChanged(999, null, { sectionId: await sectionId(store, 'news'), tagIds: [], authorIds: [], editorsChoice: false, translationIds: [] }))
  assert.ok(purged !== 'all' && purged.includes('search') && purged.includes('feeds'))
})

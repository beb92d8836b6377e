// The page cache on its own (src/web/page-cache.ts): the generation counter race, the byte bound and LRU order, coalescing.

import { test, type TestContext } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import Fastify from 'fastify'
import { createPageCache, pickEncoding, type Rendered } from '../../src/web/page-cache.ts'
import { createInvalidationFeed } from '../../src/store/invalidations.ts'
import { fixedClock } from '../support/build-test-app.ts'

/** A Fastify app whose only route serves `render(name)` through a page cache of `maxBytes`. */
async function cacheApp(t: TestContext, maxBytes: number, render: (name: string) => Promise<Rendered>) {
  const feed = createInvalidationFeed()
  const cache = createPageCache({ maxBytes, clock: fixedClock(), invalidation: feed })
  const app = Fastify()
  app.get<{ Params: { name: string } }>('/:name', (req, reply) => cache.serve(req, reply, req.params.name, () => render(req.params.name)))
  t.after(() => app.close())
  return { app, cache, feed }
}

const deps = (articleIds: number[]) => ({ articleIds, scopes: [], maxAgeMs: null })

test('a render that began before an invalidation is sent but not kept, so the next request renders again', async (t) => {
  let renders = 0
  let release: () => void = () => {}
  let gate: Promise<void> | null = null
  const { app, feed } = await cacheApp(t, 1 << 20, async (name) => {
    renders++
    if (gate) await gate
    return { body: `<p>${name} v${renders}</p>`, deps: deps([1]) }
  })
  gate = new Promise((resolve) => { release = resolve })
  const slow = app.inject('/page')
  await new Promise((resolve) => setTimeout(resolve, 20))
  // Article 1 changes while the page is being rendered from the state before the change.
  feed.emit({ all: false, articleIds: [1], scopes: [] })
  release()
  gate = null
  const first = await slow
  assert.equal(first.body, '<p>page v1</p>')
  assert.equal(first.headers['x-cache'], 'miss')
  const second = await app.inject('/page')
  assert.equal(second.headers['x-cache'], 'miss', 'the stale render was not stored')
  assert.equal(second.body, '<p>page v2</p>')
  assert.equal((await app.inject('/page')).headers['x-cache'], 'hit')
  assert.equal(renders, 2)
})

test('concurrent misses for one page render it once', async (t) => {
  let renders = 0
  const { app } = await cacheApp(t, 1 << 20, async (name) => {
    renders++
    await new Promise((resolve) => setTimeout(resolve, 20))
    return { body: name, deps: deps([]) }
  })
  const all = await Promise.all(Array.from({ length: 5 }, () => app.inject('/same')))
  assert.equal(renders, 1)
  assert.ok(all.every((r) => r.body === 'same'))
})

test('the cache holds at most its byte bound, evicting the least recently used page first', async (t) => {
  // Incompressible bodies: each entry costs about three times its size (identity, gzip, brotli).
  const bodies = new Map(['a', 'b', 'c'].map((n) => [n, randomBytes(4096).toString('base64')]))
  const { app, cache } = await cacheApp(t, 30_000, async (name) => ({ body: bodies.get(name) ?? 'tiny', deps: deps([]) }))
  const state = async (name: string) => String((await app.inject(`/${name}`)).headers['x-cache'])
  assert.equal(await state('a'), 'miss')
  assert.equal(await state('b'), 'miss')
  assert.equal(await state('a'), 'hit', 'a is now the most recently used')
  assert.equal(await state('c'), 'miss')
  assert.ok(cache.stats().bytes <= 30_000, `${cache.stats().bytes} bytes kept`)
  assert.equal(cache.stats().entries, 2)
  assert.equal(await state('a'), 'hit')
  assert.equal(await state('c'), 'hit')
  assert.equal(await state('b'), 'miss', 'b was the least recently used and went first')
})

test('a page bigger than the whole bound is served but never kept', async (t) => {
  const { app, cache } = await cacheApp(t, 1_000, async () => ({ body: randomBytes(2_000).toString('hex'), deps: deps([]) }))
  assert.equal((await app.inject('/big')).statusCode, 200)
  assert.equal((await app.inject('/big')).headers['x-cache'], 'miss')
  assert.equal(cache.stats().entries, 0)
})

test('a failed render is not kept and fails every request that waited for it', async (t) => {
  let fail = true
  const { app } = await cacheApp(t, 1 << 20, async () => {
    if (fail) throw new Error('database down')
    return { body: 'ok', deps: deps([]) }
  })
  assert.equal((await app.inject('/x')).statusCode, 500)
  fail = false
  const res = await app.inject('/x')
  assert.equal(res.statusCode, 200)
  assert.equal(res.headers['x-cache'], 'miss')
})

test('Accept-Encoding picks brotli, then gzip, honouring q=0 and odd spellings', () => {
  const cases: [string | undefined, string][] = [
    [undefined, 'identity'], ['', 'identity'], ['gzip, deflate, br, zstd', 'br'], ['gzip', 'gzip'], ['br;q=0, gzip', 'gzip'],
    ['BR', 'br'], ['x-gzip', 'gzip'], ['*', 'br'], ['gzip;q=0', 'identity'], ['br;q=0.5', 'br'], ['br;q=abc', 'identity'], [',;,;', 'identity'],
  ]
  for (const [header, expected] of cases) assert.equal(pickEncoding(header), expected, String(header))
})

// The Content API: every answer checked against the OpenAPI document with Ajv, filters, keyset paging, sync, errors, ETags and CORS.

import assert from 'node:assert/strict'
import { test, type TestContext } from 'node:test'
import type { LightMyRequestResponse } from 'fastify'
import { OPENAPI } from '../../src/web/api/openapi.ts'
import { buildSiteApp, seedNewsroom, type Newsroom } from '../support/web.ts'
import type { TestApp } from '../support/build-test-app.ts'
import { editArticle, HOUR, NOW, republish } from '../support/editing.ts'
import { seedArticle, seedArticles } from '../support/seed.ts'
import { documentValidator } from '../support/openapi.ts'

const check = documentValidator(OPENAPI)

/** Injects a GET and asserts the answer matches what the document says of that operation and status. */
async function get(app: TestApp, url: string, docPath: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  const res = await app.app.inject({ url, headers })
  check(docPath, 'get', res)
  return res
}

async function newsroom(t: TestContext): Promise<TestApp & { ids: Newsroom }> {
  const app = await buildSiteApp(t)
  return { ...app, ids: await seedNewsroom(app.store) }
}

const LIST = '/api/v1/articles'
const ONE = '/api/v1/articles/{section}/{slug}'

test('an article comes with its stable shape: absolute URL, section, tags, bylines, hero, ISO times and translations', async (t) => {
  const app = await buildSiteApp(t)
  const ids = await seedNewsroom(app.store)
  const hero = await app.store.media.insert({
    path: '2026/11/pipeline.jpg', mime: 'image/jpeg', width: 1600, height: 900, bytes: 120_000, alt: 'A gas pipeline',
    caption: 'The pipeline near Atyrau', credit: 'Photo: Newsroom', focalX: 0.5, focalY: 0.5, createdAt: NOW, uploadedBy: null,
  })
  await editArticle(app.store, ids.opinion, { heroMediaId: hero })
  await republish(app.store, ids.opinion, NOW + HOUR)
  const body = (await get(app, '/api/v1/articles/opinion/energy-deal-matters', ONE)).json()
  assert.deepEqual(body, {
    id: ids.opinion, url: 'https://news.example/opinion/energy-deal-matters', path: '/opinion/energy-deal-matters',
    title: 'Why the energy deal matters', standfirst: 'A columnist on the Caspian energy deal.',
    body_html: '<p>First paragraph.</p><blockquote class="pull-quote">A quote</blockquote>',
    section: { slug: 'opinion', name: 'Opinion' }, genre: 'opinion', language: 'en',
    tags: [{ slug: 'energy', name: 'Energy', kind: 'topic' }, { slug: 'kazakhstan', name: 'Kazakhstan', kind: 'place' }],
    authors: [{ slug: 'aigerim-sadykova', name: 'Aigerim Sadykova' }],
    hero: { url: 'https://news.example/media/2026/11/pipeline.jpg', alt: 'A gas pipeline', caption: 'The pipeline near Atyrau', credit: 'Photo: Newsroom', width: 1600, height: 900 },
    published_at: new Date(NOW - 2 * HOUR).toISOString(), updated_at: new Date(NOW + HOUR).toISOString(),
    translations: [{ language: 'ru', path: '/ru/opinion/pochemu-sdelka-vazhna' }],
  })
  const list = (await get(app, `${LIST}?section=opinion&limit=100`, LIST)).json()
  assert.deepEqual(list.items.find((a: { id: number }) => a.id === ids.opinion), body, 'the list and the lookup give the same item')
})

test('an article in another language is addressed with ?language=, and a bad language tag is a 400', async (t) => {
  const { ids, ...app } = await newsroom(t)
  const ru = (await get(app, '/api/v1/articles/opinion/pochemu-sdelka-vazhna?language=ru', ONE)).json()
  assert.equal(ru.id, ids.translation)
  assert.equal(ru.url, 'https://news.example/ru/opinion/pochemu-sdelka-vazhna')
  assert.deepEqual(ru.translations, [{ language: 'en', path: '/opinion/energy-deal-matters' }])
  assert.equal((await get(app, '/api/v1/articles/opinion/pochemu-sdelka-vazhna', ONE)).statusCode, 404, 'not in the site language')
  const bad = await get(app, '/api/v1/articles/opinion/pochemu-sdelka-vazhna?language=Russian!', ONE)
  assert.equal(bad.statusCode, 400)
  assert.equal(bad.json().error.field, 'language')
})

test('without since, articles come newest published first; section, tag and author filter and combine', async (t) => {
  const { ids, ...app } = await newsroom(t)
  const all = (await get(app, LIST, LIST)).json()
  assert.equal(all.items.length, 9)
  assert.equal(all.next_cursor, null)
  const times = all.items.map((a: { published_at: string }) => a.published_at)
  assert.deepEqual(times, [...times].sort().reverse())
  const idsOf = async (query: string) => (await get(app, `${LIST}?${query}`, LIST)).json().items.map((a: { id: number }) => a.id)
  assert.deepEqual(await idsOf('section=opinion'), [ids.translation, ids.opinion])
  assert.deepEqual(await idsOf('tag=energy'), [ids.translation, ids.opinion, ids.related])
  assert.deepEqual(await idsOf('author=newsroom'), [ids.lead])
  assert.deepEqual(await idsOf('tag=kazakhstan&section=news'), [ids.lead])
  assert.deepEqual(await idsOf('tag=energy&author=aigerim-sadykova&section=news'), [ids.related])
  assert.deepEqual(await idsOf('section=analysis'), [])
})

test('an unknown section, tag or author is a 400 naming the filter', async (t) => {
  const app = await newsroom(t)
  for (const [field, query] of [['section', 'section=sport'], ['tag', 'tag=volcanoes'], ['author', 'author=nobody'], ['section', 'section=Not%20A%20Slug'], ['tag', 'tag=a&tag=b']]) {
    const res = await get(app, `${LIST}?${query}`, LIST)
    assert.equal(res.statusCode, 400, query)
    assert.equal(res.json().error.field, field, query)
    assert.match(res.json().error.message, new RegExp(field!))
  }
})

test('45 articles page as 20, 20 and 5 by cursor, each once, newest first, and the last cursor is null', async (t) => {
  const app = await buildSiteApp(t)
  await seedNewsroom(app.store)
  const seeded = await seedArticles(app.store, { section: 'analysis', count: 45 }, NOW)
  const seen: number[] = []
  const sizes: number[] = []
  let cursor: string | null = null
  do {
    const body: { items: { id: number }[]; next_cursor: string | null } =
      (await get(app, `${LIST}?section=analysis&limit=20${cursor ? `&cursor=${cursor}` : ''}`, LIST)).json()
    sizes.push(body.items.length)
    seen.push(...body.items.map((a) => a.id))
    cursor = body.next_cursor
    if (cursor) assert.match(cursor, /^[A-Za-z0-9_-]+$/, 'base64url')
  } while (cursor)
  assert.deepEqual(sizes, [20, 20, 5])
  assert.deepEqual(seen, seeded, 'newest first (seedArticles goes back a day at a time), none twice')
})

test('limit defaults to 20 and allows 1 to 100; anything else is a 400 naming limit', async (t) => {
  const app = await buildSiteApp(t)
  await seedNewsroom(app.store)
  await seedArticles(app.store, { section: 'analysis', count: 21 }, NOW)
  assert.equal((await get(app, LIST, LIST)).json().items.length, 20)
  assert.equal((await get(app, `${LIST}?limit=1`, LIST)).json().items.length, 1)
  assert.equal((await get(app, `${LIST}?limit=100`, LIST)).json().items.length, 30)
  for (const limit of ['0', '101', 'abc', '-1', '1.5', '', 'Infinity', '1e400', '1e1', '0x10', '%20', '5&limit=6']) {
    const res = await get(app, `${LIST}?limit=${limit}`, LIST)
    assert.equal(res.statusCode, 400, `limit=${limit}`)
    assert.equal(res.json().error.field, 'limit', `limit=${limit}`)
    assert.match(res.json().error.message, /limit must be a whole number from 1 to 100/)
  }
})

test('with since, a partner syncs by updated time: oldest change first, every article once, later updates in a later sync', async (t) => {
  const app = await buildSiteApp(t)
  await seedNewsroom(app.store)
  const older = await seedArticles(app.store, { section: 'analysis', count: 7 }, NOW - 10 * 86_400_000)
  const sync = async (since: string, limit: number) => {
    const ids: number[] = []
    const updated: string[] = []
    let cursor: string | null = null
    do {
      const url = `${LIST}?since=${encodeURIComponent(since)}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`
      const body: { items: { id: number; updated_at: string }[]; next_cursor: string | null } = (await get(app, url, LIST)).json()
      ids.push(...body.items.map((a) => a.id))
      updated.push(...body.items.map((a) => a.updated_at))
      cursor = body.next_cursor
    } while (cursor)
    return { ids, updated }
  }
  const first = await sync('2000-01-01T00:00:00Z', 3)
  assert.equal(first.ids.length, 16)
  assert.equal(new Set(first.ids).size, 16, 'no article twice')
  assert.deepEqual(first.updated, [...first.updated].sort(), 'oldest change first')

  // The partner's next sync starts at the time of its last one; an article changed since comes once, the rest not at all.
  await editArticle(app.store, older[3]!, { title: 'A corrected headline' })
  await republish(app.store, older[3]!, NOW + 2 * HOUR)
  const second = await sync(new Date(NOW + HOUR).toISOString(), 3)
  assert.deepEqual(second.ids, [older[3]])
  // Offsets other than Z count: 11:00+01:00 is 10:00Z, before the change.
  assert.deepEqual((await sync('2026-11-27T11:00:00+01:00', 20)).ids, [older[3]])
  assert.deepEqual((await sync(new Date(NOW + 3 * HOUR).toISOString(), 20)).ids, [])
  // A newly published article is a change too.
  const fresh = await seedArticle(app.store, { title: 'Fresh news', publishedAt: NOW + 4 * HOUR }, NOW + 4 * HOUR)
  assert.deepEqual((await sync(new Date(NOW + HOUR).toISOString(), 1)).ids, [older[3], fresh])
})

test('a since that is not an ISO 8601 date-time with a zone is a 400 naming since', async (t) => {
  const app = await newsroom(t)
  for (const since of ['yesterday', '2026-11-27', '2026-11-27T09:00:00', '2026-13-01T00:00:00Z', '2026-02-30T00:00:00Z', '2026-11-27T25:00:00Z', '1', '', '2026-11-27T09:00:00+03:00'.replace('+', ' ')]) {
    const res = await get(app, `${LIST}?since=${encodeURIComponent(since)}`, LIST)
    assert.equal(res.statusCode, 400, `since=${since}`)
    assert.equal(res.json().error.field, 'since', `since=${since}`)
  }
})

test('a tampered, foreign or garbage cursor is a 400 naming cursor', async (t) => {
  const app = await buildSiteApp(t)
  await seedNewsroom(app.store)
  const next: string = (await get(app, `${LIST}?limit=2`, LIST)).json().next_cursor
  const sinceNext: string = (await get(app, `${LIST}?limit=2&since=2000-01-01T00:00:00Z`, LIST)).json().next_cursor
  const flipped = next.slice(0, -2) + (next.at(-2) === 'A' ? 'B' : 'A') + next.at(-1)
  const forged = Buffer.from('p.abc.1').toString('base64url')
  const padded = `${next}==`
  for (const cursor of [flipped, forged, padded, 'abc', '!!!', 'x'.repeat(500), Buffer.from('p.1.99999999999999999').toString('base64url')]) {
    const res = await get(app, `${LIST}?limit=2&cursor=${encodeURIComponent(cursor)}`, LIST)
    assert.equal(res.statusCode, 400, cursor)
    assert.equal(res.json().error.field, 'cursor', cursor)
  }
  const crossed = await get(app, `${LIST}?limit=2&cursor=${next}&since=2000-01-01T00:00:00Z`, LIST)
  assert.equal(crossed.statusCode, 400)
  assert.match(crossed.json().error.message, /without `since`/)
  assert.equal((await get(app, `${LIST}?limit=2&cursor=${sinceNext}`, LIST)).statusCode, 400)
})

test('sections, tags and authors list the taxonomy with paths, parents and ISO codes', async (t) => {
  const app = await newsroom(t)
  const sections = (await get(app, '/api/v1/sections', '/api/v1/sections')).json().items
  assert.deepEqual(sections.map((s: { slug: string }) => s.slug), ['news', 'opinion', 'analysis', 'monday-commentary'])
  assert.deepEqual(sections[0], { slug: 'news', name: 'News', description: 'News from the newsroom', path: '/news', url: 'https://news.example/news' })
  const tags = (await get(app, '/api/v1/tags', '/api/v1/tags')).json().items
  // Only tags a live article carries are public; Central Asia has none, so Kazakhstan names no parent.
  assert.deepEqual(tags.map((x: { slug: string }) => x.slug), ['elections', 'energy', 'kazakhstan'])
  assert.deepEqual(tags[2], {
    slug: 'kazakhstan', name: 'Kazakhstan', kind: 'place', parent_slug: null, iso_code: 'KZ', description: '',
    path: '/tag/kazakhstan', url: 'https://news.example/tag/kazakhstan', names: {},
  })
  const authors = (await get(app, '/api/v1/authors', '/api/v1/authors')).json().items
  assert.deepEqual(authors[1], { slug: 'newsroom', name: 'Newsroom', bio: '', kind: 'agency', path: '/author/newsroom', url: 'https://news.example/author/newsroom' })
})

test('answers carry an ETag and the cache policy, answer 304 to If-None-Match, and HEAD works', async (t) => {
  const app = await newsroom(t)
  for (const [url, docPath] of [[`${LIST}?limit=3`, LIST], ['/api/v1/articles/news/election-results', ONE], ['/api/v1/tags', '/api/v1/tags'], ['/api/v1/openapi.json', '/api/v1/openapi.json']] as const) {
    const res = await get(app, url, docPath)
    assert.equal(res.headers['cache-control'], 'public, max-age=60, s-maxage=300, stale-while-revalidate=600', url)
    const etag = res.headers.etag as string
    assert.match(etag, /^"[A-Za-z0-9_-]+"$/)
    assert.equal((await get(app, url, docPath)).headers.etag, etag, 'stable: the same body gives the same tag')
    const again = await get(app, url, docPath, { 'if-none-match': etag })
    assert.equal(again.statusCode, 304, url)
    assert.equal(again.body, '')
    assert.equal((await get(app, url, docPath, { 'if-none-match': '"stale"' })).statusCode, 200)
    const head = await app.app.inject({ method: 'HEAD', url })
    assert.equal(head.statusCode, 200)
    assert.equal(head.headers.etag, etag)
  }
  const before = (await get(app, '/api/v1/articles/news/election-results', ONE)).headers.etag
  await editArticle(app.store, app.ids.lead, { title: 'Election results confirmed' })
  await republish(app.store, app.ids.lead, NOW + HOUR)
  assert.notEqual((await get(app, '/api/v1/articles/news/election-results', ONE)).headers.etag, before, 'a change changes the tag')
})

test('any origin may read the API, errors included, and a GET preflight answers 204', async (t) => {
  const app = await newsroom(t)
  const origin = { origin: 'https://partner.example' }
  for (const [url, docPath] of [[LIST, LIST], [`${LIST}?limit=0`, LIST], ['/api/v1/articles/news/nope', ONE]] as const) {
    const res = await get(app, url, docPath, origin)
    assert.equal(res.headers['access-control-allow-origin'], '*', url)
    assert.match(res.headers['access-control-expose-headers'] as string, /ETag/i)
  }
  const preflight = await app.app.inject({
    method: 'OPTIONS', url: `${LIST}?tag=energy`, headers: { ...origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match' },
  })
  assert.equal(preflight.statusCode, 204)
  assert.equal(preflight.headers['access-control-allow-origin'], '*')
  assert.match(preflight.headers['access-control-allow-methods'] as string, /\bGET\b/)
  assert.doesNotMatch(preflight.headers['access-control-allow-methods'] as string, /POST|DELETE|PUT/)
  assert.match(preflight.headers['access-control-allow-headers'] as string, /If-None-Match/i)
})

test('an unknown article or API path is a JSON 404, never the HTML page', async (t) => {
  const app = await newsroom(t)
  await seedArticle(app.store, { title: 'Draft', slug: 'a-draft', draft: true })
  for (const url of ['/api/v1/articles/news/no-such-story', '/api/v1/articles/news/a-draft', '/api/v1/articles/sport/election-results']) {
    const res = await get(app, url, ONE)
    assert.equal(res.statusCode, 404, url)
    assert.match(res.headers['content-type'] as string, /^application\/json/)
    assert.equal(res.json().error.code, 404)
  }
  for (const url of ['/api/v1/nothing', '/api/v1/articles/x', '/api/v1/a/b/c/d', '/api/v1']) {
    const res = await app.app.inject(url)
    assert.equal(res.statusCode, 404, url)
    assert.match(res.headers['content-type'] as string, /^application\/json/, url)
    assert.equal(res.headers['access-control-allow-origin'], '*')
  }
  const post = await app.app.inject({ method: 'POST', url: LIST, payload: {} })
  assert.equal(post.statusCode, 404)
  assert.match(post.headers['content-type'] as string, /^application\/json/)
})

test('the search API and the view beacon answer as the document describes them', async (t) => {
  const app = await newsroom(t)
  const hits = await get(app, '/api/v1/search?q=energy&section=opinion', '/api/v1/search')
  assert.equal(hits.statusCode, 200)
  assert.ok(hits.json().items.length > 0)
  assert.equal((await get(app, '/api/v1/search?page=0', '/api/v1/search')).statusCode, 400)
  for (const [payload, status] of [['{"path":"/news/election-results"}', 204], ['{"nope":1}', 400], ['not json', 400]] as const) {
    const res = await app.app.inject({ method: 'POST', url: '/api/v1/views', payload, headers: { 'content-type': 'application/json' } })
    assert.equal(res.statusCode, status)
    check('/api/v1/views', 'post', res)
  }
})

test('the served OpenAPI document names this site as its server and documents every route', async (t) => {
  const app = await newsroom(t)
  const doc = (await get(app, '/api/v1/openapi.json', '/api/v1/openapi.json')).json()
  assert.equal(doc.openapi, '3.1.0')
  assert.deepEqual(doc.servers, [{ url: 'https://news.example' }])
  assert.deepEqual(Object.keys(doc.paths).sort(), [
    '/api/v1/admin/articles', '/api/v1/admin/articles/lookup', '/api/v1/admin/articles/{id}', '/api/v1/admin/articles/{id}/forever', '/api/v1/admin/articles/{id}/publish',
    '/api/v1/admin/articles/{id}/restore', '/api/v1/admin/articles/{id}/translation-group', '/api/v1/admin/articles/{id}/translations', '/api/v1/admin/articles/{id}/unpublish',
    '/api/v1/admin/bylines', '/api/v1/admin/media', '/api/v1/admin/pages', '/api/v1/admin/pages/{id}', '/api/v1/admin/redirects', '/api/v1/admin/sections', '/api/v1/admin/sections/{id}', '/api/v1/admin/tags',
    '/api/v1/articles', '/api/v1/articles/{section}/{slug}', '/api/v1/authors', '/api/v1/openapi.json', '/api/v1/quotes', '/api/v1/search', '/api/v1/search/suggest',
    '/api/v1/sections', '/api/v1/speakers', '/api/v1/tags', '/api/v1/views',
  ])
})

// Tag, author and archive pages over app.inject, including dates in SITE_TIMEZONE (src/web/site/listings.ts).

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { buildSiteApp, linkHrefs, seedNewsroom } from '../../support/web.ts'
import { seedArticle, seedArticles, seedTaxonomy } from '../../support/seed.ts'

const cards = (body: string): string[] => [...body.matchAll(/<h2 class="headline"><a href="([^"]+)"/g)].map((m) => m[1]!)

test('a topic tag page lists the articles with that tag, newest first', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedNewsroom(store)
  const res = await app.inject('/tag/energy')
  assert.equal(res.statusCode, 200)
  assert.match(res.body, /<p class="kicker">Topic<\/p><h1>Energy<\/h1>/)
  // The Russian translation of the opinion piece is listed on /ru/tag/energy, not here.
  assert.deepEqual(cards(res.body), ['/opinion/energy-deal-matters', '/news/gas-pipeline-talks'])
  assert.deepEqual(linkHrefs(res.body, 'canonical'), ['https://news.example/tag/energy'])
})

test('a place tag page names its kind and links its parent place', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedNewsroom(store)
  // The parent is linked once it is public itself: a live article carries it.
  await seedArticle(store, { title: 'Regional summit', slug: 'regional-summit', tags: ['central-asia'], publishedAt: Date.UTC(2026, 10, 17, 9) })
  const res = await app.inject('/tag/kazakhstan')
  assert.equal(res.statusCode, 200)
  assert.match(res.body, /<p class="kicker">Place · <a href="\/tag\/central-asia">Central Asia<\/a><\/p><h1>Kazakhstan<\/h1>/)
  assert.deepEqual(cards(res.body), ['/news/election-results', '/opinion/energy-deal-matters'])
})

test('a tag no live article carries is not public: its page is 404, as are unknown tags', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedTaxonomy(store)
  assert.equal((await app.inject('/tag/central-asia')).statusCode, 404)
  assert.equal((await app.inject('/tag/central-asia?page=2')).statusCode, 404)
  assert.equal((await app.inject('/tag/no-such-tag')).statusCode, 404)
  assert.equal((await app.inject('/tag/Not_A_Slug')).statusCode, 404)
})

test('tag pages paginate with rel=next and rel=prev', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedTaxonomy(store)
  await seedArticles(store, { section: 'news', count: 22, tags: ['energy'] })
  const first = await app.inject('/tag/energy')
  assert.equal(cards(first.body).length, 20)
  assert.deepEqual(linkHrefs(first.body, 'next'), ['/tag/energy?page=2'])
  const second = await app.inject('/tag/energy?page=2')
  assert.equal(cards(second.body).length, 2)
  assert.deepEqual(linkHrefs(second.body, 'prev'), ['/tag/energy'])
  assert.equal((await app.inject('/tag/energy?page=x')).statusCode, 400)
})

test('an author page shows the name and bio and lists their articles', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedNewsroom(store)
  const res = await app.inject('/author/aigerim-sadykova')
  assert.equal(res.statusCode, 200)
  assert.match(res.body, /<p class="kicker">Staff<\/p><h1>Aigerim Sadykova<\/h1><p class="page-description">Central Asia correspondent.<\/p>/)
  assert.ok(cards(res.body).includes('/opinion/energy-deal-matters'))
  assert.ok(!cards(res.body).includes('/news/election-results'), 'the Newsroom byline is not hers')
  const agency = await app.inject('/author/newsroom')
  assert.match(agency.body, /<p class="kicker">Byline<\/p><h1>Newsroom<\/h1>/)
  assert.deepEqual(cards(agency.body), ['/news/election-results'])
  assert.equal((await app.inject('/author/nobody')).statusCode, 404)
})

test('the archive filters by several sections and an inclusive date range', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedTaxonomy(store)
  await seedArticle(store, { title: 'News on the 1st', slug: 'n1', section: 'news', publishedAt: Date.parse('2026-11-01T12:00:00Z') })
  await seedArticle(store, { title: 'Opinion on the 10th', slug: 'o10', section: 'opinion', publishedAt: Date.parse('2026-11-10T23:59:00Z') })
  await seedArticle(store, { title: 'Analysis on the 5th', slug: 'a5', section: 'analysis', publishedAt: Date.parse('2026-11-05T12:00:00Z') })
  await seedArticle(store, { title: 'News on the 11th', slug: 'n11', section: 'news', publishedAt: Date.parse('2026-11-11T00:00:00Z') })
  const res = await app.inject('/archive?section=news&section=opinion&from=2026-11-01&to=2026-11-10')
  assert.equal(res.statusCode, 200)
  assert.deepEqual(cards(res.body), ['/opinion/o10', '/news/n1'])
  assert.match(res.body, /<input type="checkbox" name="section" value="news" checked>/)
  assert.match(res.body, /<input type="checkbox" name="section" value="analysis">/)
  assert.match(res.body, /<input type="date" name="from" value="2026-11-01">/)
  assert.match(res.body, /<meta name="robots" content="noindex">/)
  const all = await app.inject('/archive')
  assert.deepEqual(cards(all.body), ['/news/n11', '/opinion/o10', '/analysis/a5', '/news/n1'])
  assert.deepEqual(cards((await app.inject('/archive?from=2026-11-11')).body), ['/news/n11'])
})

test('the archive keeps its filter in the pagination links', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedTaxonomy(store)
  await seedArticles(store, { section: 'news', count: 21 })
  const first = await app.inject('/archive?section=news&from=2026-01-01')
  assert.deepEqual(linkHrefs(first.body, 'next'), ['/archive?section=news&amp;from=2026-01-01&amp;page=2'])
  const second = await app.inject('/archive?section=news&from=2026-01-01&page=2')
  assert.equal(second.statusCode, 200)
  assert.equal(cards(second.body).length, 1)
  assert.equal((await app.inject('/archive?section=news&from=2026-01-01&page=3')).statusCode, 404)
})

test('the archive `to` date is inclusive in SITE_TIMEZONE', async (t) => {
  const { app, store } = await buildSiteApp(t, { env: { SITE_TIMEZONE: 'Asia/Almaty' } })
  await seedTaxonomy(store)
  // 20:30 UTC on the 20th is 01:30 on the 21st in Almaty (UTC+5).
  await seedArticle(store, { title: 'Late in UTC', slug: 'late-in-utc', publishedAt: Date.parse('2026-11-20T20:30:00Z') })
  assert.deepEqual(cards((await app.inject('/archive?to=2026-11-21')).body), ['/news/late-in-utc'])
  assert.deepEqual(cards((await app.inject('/archive?to=2026-11-20')).body), [])
  assert.deepEqual(cards((await app.inject('/archive?from=2026-11-21&to=2026-11-21')).body), ['/news/late-in-utc'])
  assert.deepEqual(cards((await app.inject('/archive?from=2026-11-20&to=2026-11-20')).body), [])
})

test('the archive answers 400 naming `from` or `to` for a bad date', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedTaxonomy(store)
  for (const [query, field] of [['from=2022-13-45', 'from'], ['from=2022-02-30', 'from'], ['to=yesterday', 'to'], ['to=2022-1-1', 'to'], ['from=12345678901', 'from']] as const) {
    const res = await app.inject(`/archive?${query}`)
    assert.equal(res.statusCode, 400, query)
    assert.match(res.headers['content-type'] as string, /^text\/html/)
    assert.match(res.body, new RegExp(`<p class="error-detail">${field} `), query)
  }
})

test('the archive answers 400 when `from` is after `to`', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedTaxonomy(store)
  const res = await app.inject('/archive?from=2026-11-20&to=2026-11-01')
  assert.equal(res.statusCode, 400)
  assert.match(res.body, /`from` must not be after `to`/)
})

test('the archive answers 400 for an unknown or malformed section', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedTaxonomy(store)
  const unknown = await app.inject('/archive?section=news&section=sport')
  assert.equal(unknown.statusCode, 400)
  assert.match(unknown.body, /there is no section &quot;sport&quot;/)
  for (const q of ['section=NEWS', 'section=', 'section=a%20b']) {
    const res = await app.inject(`/archive?${q}`)
    assert.equal(res.statusCode, 400, q)
    assert.match(res.body, /<p class="error-detail">section /, q)
  }
})

test('a repeated section in the archive filter counts once', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedTaxonomy(store)
  await seedArticle(store, { title: 'Only', slug: 'only' })
  const res = await app.inject('/archive?section=news&section=news')
  assert.equal(res.statusCode, 200)
  assert.deepEqual(cards(res.body), ['/news/only'])
})

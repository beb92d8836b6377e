// A subset of the site over app.inject on PostgreSQL: the same pages answer the same way on the scale-out engine.

import { test, type TestContext } from 'node:test'
import assert from 'node:assert/strict'
import { postgresUnavailable } from '../support/databases.ts'
import { alternates, buildSiteApp, jsonLd, linkHrefs, seedNewsroom, sectionWithClass } from '../support/web.ts'
import { seedArticle, seedArticles, seedTaxonomy } from '../support/seed.ts'
import { HOUR, NOW } from '../support/editing.ts'
import type { TestApp } from '../support/build-test-app.ts'

/** The app on a scratch PostgreSQL database, or null after skipping the test with the reason. */
async function postgresApp(t: TestContext, env: NodeJS.ProcessEnv = {}): Promise<TestApp | null> {
  const reason = await postgresUnavailable()
  if (reason) {
    t.skip(reason)
    return null
  }
  return buildSiteApp(t, { engine: 'postgres', env })
}

test('on PostgreSQL the front page, article, translation, tag and author pages answer 200 with their content', async (t) => {
  const site = await postgresApp(t)
  if (!site) return
  const { app, store } = site
  const { related } = await seedNewsroom(store)
  await store.views.add(NOW - (NOW % HOUR), new Map([[related, 4]]))
  const front = await app.inject('/')
  assert.equal(front.statusCode, 200)
  assert.match(front.body, /<article class="lead-story">[\s\S]*election-results/)
  assert.match(sectionWithClass(front.body, 'block-picks') ?? '', /energy-deal-matters/)
  assert.match(sectionWithClass(front.body, 'block-popular') ?? '', /gas-pipeline-talks/)
  const article = await app.inject('/opinion/energy-deal-matters')
  assert.equal(article.statusCode, 200)
  assert.equal(jsonLd(article.body)[0]?.['@type'], 'OpinionNewsArticle')
  assert.deepEqual(linkHrefs(article.body, 'canonical'), ['https://news.example/opinion/energy-deal-matters'])
  assert.equal(alternates(article.body).ru, 'https://news.example/ru/opinion/pochemu-sdelka-vazhna')
  assert.equal((await app.inject('/ru/opinion/pochemu-sdelka-vazhna')).statusCode, 200)
  assert.equal((await app.inject('/en/opinion/energy-deal-matters')).statusCode, 404)
  assert.match((await app.inject('/tag/kazakhstan')).body, /<h1>Kazakhstan<\/h1>/)
  assert.match((await app.inject('/author/newsroom')).body, /election-results/)
  const health = await app.inject('/healthz')
  assert.deepEqual({ status: health.statusCode, database: (health.json() as { database: string }).database }, { status: 200, database: 'postgres' })
})

test('on PostgreSQL section pages paginate and reject bad page numbers', async (t) => {
  const site = await postgresApp(t)
  if (!site) return
  const { app, store } = site
  await seedTaxonomy(store)
  await seedArticles(store, { section: 'news', count: 21 })
  assert.deepEqual(linkHrefs((await app.inject('/news')).body, 'next'), ['/news?page=2'])
  const second = await app.inject('/news?page=2')
  assert.equal(second.statusCode, 200)
  assert.deepEqual(linkHrefs(second.body, 'prev'), ['/news'])
  assert.equal((await app.inject('/news?page=3')).statusCode, 404)
  for (const page of ['0', 'abc', '1.5', 'Infinity']) assert.equal((await app.inject(`/news?page=${page}`)).statusCode, 400, page)
})

test('on PostgreSQL the archive `to` date is inclusive in SITE_TIMEZONE and bad filters answer 400', async (t) => {
  const site = await postgresApp(t, { SITE_TIMEZONE: 'Asia/Almaty' })
  if (!site) return
  const { app, store } = site
  await seedTaxonomy(store)
  await seedArticle(store, { title: 'Late in UTC', slug: 'late-in-utc', publishedAt: Date.parse('2026-11-20T20:30:00Z') })
  await seedArticle(store, { title: 'An opinion', slug: 'an-opinion', section: 'opinion', publishedAt: Date.parse('2026-11-21T10:00:00Z') })
  assert.match((await app.inject('/archive?section=news&to=2026-11-21')).body, /late-in-utc/)
  assert.doesNotMatch((await app.inject('/archive?to=2026-11-20')).body, /late-in-utc/)
  const both = (await app.inject('/archive?section=news&section=opinion&from=2026-11-21&to=2026-11-21')).body
  assert.match(both, /href="\/opinion\/an-opinion"[\s\S]*href="\/news\/late-in-utc"/, 'both, newest first')
  assert.equal((await app.inject('/archive?from=2026-11-22&to=2026-11-21')).statusCode, 400)
  assert.equal((await app.inject('/archive?section=sport')).statusCode, 400)
  assert.match((await app.inject('/archive?to=2026-02-30')).body, /<p class="error-detail">to /)
})

test('on PostgreSQL redirects, 410s, ETags and odd URLs behave as on SQLite', async (t) => {
  const site = await postgresApp(t)
  if (!site) return
  const { app, store } = site
  await seedTaxonomy(store)
  const id = await seedArticle(store, { title: 'Legacy', slug: 'legacy' })
  await store.redirects.put({ fromPath: '/index.php?m=23&news_id=5477', status: 301, toArticleId: id, toUrl: null, kind: 'legacy', createdAt: NOW })
  await store.redirects.put({ fromPath: '/gone', status: 410, toArticleId: null, toUrl: null, kind: 'manual', createdAt: NOW })
  const legacy = await app.inject('/index.php?m=23&news_id=5477')
  assert.deepEqual([legacy.statusCode, legacy.headers.location], [301, '/news/legacy'])
  assert.equal((await app.inject('/gone')).statusCode, 410)
  const page = await app.inject('/news/legacy')
  assert.equal((await app.inject({ url: '/news/legacy', headers: { 'if-none-match': page.headers.etag as string } })).statusCode, 304)
  for (const url of ['/news/%00', '/tag/..%2f..', '/archive?section[]=x', '/archive?page=99999999999', '/%E0%A4%A', '/news/legacy/']) {
    assert.ok((await app.inject(url)).statusCode < 500, url)
  }
})

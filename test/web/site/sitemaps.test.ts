// Sitemap index and pages, the Google News sitemap and robots.txt over app.inject (src/web/site/sitemaps.ts).

import { test, type TestContext } from 'node:test'
import assert from 'node:assert/strict'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { buildApp } from '../../../src/web/app.ts'
import { createLogger } from '../../../src/log.ts'
import { createSitemaps } from '../../../src/reading/sitemaps.ts'
import { buildSiteApp, seedNewsroom } from '../../support/web.ts'
import { seedArticle, seedTaxonomy, DAY, seedPage } from '../../support/seed.ts'
import { NOW, takeDown } from '../../support/editing.ts'

const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['url', 'sitemap'].includes(name) })

/** The site app with sitemap pages of `pageSize` URLs, read from the store `batchSize` rows at a time. */
async function appWithPageSize(t: TestContext, pageSize: number, batchSize: number, newsMax?: number) {
  const base = await buildSiteApp(t)
  const sitemaps = createSitemaps({ store: base.store, clock: base.services.clock, site: base.services.site }, { pageSize, batchSize, ...(newsMax && { newsMax }) })
  const app = await buildApp({ services: { ...base.services, sitemaps }, config: base.config, log: createLogger(base.config) })
  t.after(() => app.close())
  return { ...base, app }
}

const parse = (body: string) => {
  assert.equal(XMLValidator.validate(body), true, 'well-formed XML')
  return xml.parse(body)
}

test('the sitemap index points to article pages of at most the page size, which together list every live article once', async (t) => {
  const { app, store } = await appWithPageSize(t, 3, 2)
  const { older, opinion } = await seedNewsroom(store)
  await takeDown(store, older[0]!)
  const res = await app.inject('/sitemap.xml')
  assert.equal(res.statusCode, 200)
  assert.equal(res.headers['content-type'], 'application/xml; charset=utf-8')
  const index = parse(res.body).sitemapindex
  assert.equal(index['@xmlns'], 'http://www.sitemaps.org/schemas/sitemap/0.9')
  const locs = index.sitemap.map((s: { loc: string; lastmod: string }) => s.loc)
  // 8 live articles in pages of 3, then the page of everything else.
  assert.deepEqual(locs, [1, 2, 3].map((n) => `https://news.example/sitemaps/articles-${n}.xml`).concat('https://news.example/sitemaps/pages.xml'))
  assert.ok(index.sitemap.every((s: { loc: string; lastmod: string }) => W3C.test(s.lastmod)))
  const seen: string[] = []
  for (const loc of locs.slice(0, 3)) {
    const page = await app.inject(new URL(loc).pathname)
    assert.equal(page.statusCode, 200)
    assert.equal(page.headers['content-type'], 'application/xml; charset=utf-8')
    const urls = parse(page.body).urlset.url as { loc: string; lastmod: string }[]
    assert.ok(urls.length >= 1 && urls.length <= 3)
    assert.ok(urls.every((u) => W3C.test(u.lastmod)))
    seen.push(...urls.map((u) => u.loc))
  }
  assert.equal(seen.length, 8)
  assert.equal(new Set(seen).size, 8)
  assert.ok(seen.includes('https://news.example/opinion/energy-deal-matters') && seen.includes('https://news.example/ru/opinion/pochemu-sdelka-vazhna'))
  assert.ok(!seen.includes('https://news.example/news/news-story-1'), 'an unpublished article is not listed')
  assert.ok(opinion > 0)
})

test('the page of other pages lists the front, sections, tags and authors with something live, and static pages', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedNewsroom(store)
  await seedPage(store, { slug: 'about', title: 'About', bodyHtml: '<p>x</p>' as never, updatedAt: NOW - DAY })
  const urls = parse((await app.inject('/sitemaps/pages.xml')).body).urlset.url as { loc: string; lastmod: string }[]
  assert.deepEqual(urls.map((u) => u.loc.replace('https://news.example', '')), [
    '/', '/news', '/opinion', '/tag/elections', '/tag/energy', '/tag/kazakhstan', '/author/aigerim-sadykova', '/author/newsroom', '/about',
  ])
  assert.ok(urls.every((u) => W3C.test(u.lastmod)))
})

test('article sitemap pages that do not exist answer 404', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedNewsroom(store)
  for (const path of ['/sitemaps/articles-2.xml', '/sitemaps/articles-0.xml', '/sitemaps/articles-01.xml', '/sitemaps/articles-x.xml',
    '/sitemaps/articles-99999999999.xml', '/sitemaps/other.xml', '/sitemaps/articles-1.xml.gz']) {
    assert.equal((await app.inject(path)).statusCode, 404, path)
  }
})

test('an empty site has an index with only the page of other pages, and no article page', async (t) => {
  const { app } = await buildSiteApp(t)
  const index = parse((await app.inject('/sitemap.xml')).body).sitemapindex
  assert.deepEqual(index.sitemap.map((s: { loc: string; lastmod: string }) => s.loc), ['https://news.example/sitemaps/pages.xml'])
  assert.equal((await app.inject('/sitemaps/articles-1.xml')).statusCode, 404)
})

test('HEAD answers a streamed sitemap page with headers and no body', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedNewsroom(store)
  const head = await app.inject({ method: 'HEAD', url: '/sitemaps/articles-1.xml' })
  assert.equal(head.statusCode, 200)
  assert.equal(head.headers['content-type'], 'application/xml; charset=utf-8')
  assert.equal(head.body, '')
  assert.equal((await app.inject({ method: 'HEAD', url: '/sitemap.xml' })).statusCode, 200)
})

test('the news sitemap lists articles of the last two days with the Google News elements, titles escaped', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedTaxonomy(store)
  await seedArticle(store, { title: 'Oil & gas <prices> 🚀', slug: 'oil', publishedAt: NOW - 3_600_000 })
  await seedArticle(store, { title: 'Yesterday', slug: 'yesterday', language: 'ru', publishedAt: NOW - DAY - 60_000 })
  await seedArticle(store, { title: 'Too old', slug: 'old', publishedAt: NOW - 2 * DAY - 60_000 })
  const res = await app.inject('/news-sitemap.xml')
  assert.equal(res.headers['content-type'], 'application/xml; charset=utf-8')
  assert.match(res.body, /xmlns:news="http:\/\/www.google.com\/schemas\/sitemap-news\/0.9"/)
  const urls = parse(res.body).urlset.url as Record<string, any>[]
  assert.deepEqual(urls.map((u) => u.loc), ['https://news.example/news/oil', 'https://news.example/ru/news/yesterday'])
  const news = urls[0]!['news:news']
  assert.equal(news['news:publication']['news:name'], 'Broadsheet')
  assert.equal(news['news:publication']['news:language'], 'en')
  assert.equal(news['news:title'], 'Oil & gas <prices> 🚀')
  assert.match(news['news:publication_date'], W3C)
  assert.equal(urls[1]!['news:news']['news:publication']['news:language'], 'ru')
})

test('the news sitemap stops at its limit, keeping the newest, and the limit is 1,000 by default', async (t) => {
  const { app, store, services } = await appWithPageSize(t, 50_000, 1_000, 4)
  await seedTaxonomy(store)
  for (let i = 0; i < 6; i++) await seedArticle(store, { title: `Story ${i}`, slug: `story-${i}`, publishedAt: NOW - i * 60_000 })
  const urls = parse((await app.inject('/news-sitemap.xml')).body).urlset.url as Record<string, any>[]
  assert.deepEqual(urls.map((u) => u['news:news']['news:title']), ['Story 0', 'Story 1', 'Story 2', 'Story 3'])
  assert.equal(services.sitemaps.newsMax, 1000)
  assert.equal(services.sitemaps.pageSize, 50_000)
  assert.equal(createSitemaps({ store, clock: services.clock, site: services.site }, { pageSize: 80_000, newsMax: 5000 }).pageSize, 50_000, 'never more than the protocol allows')
})

test('robots.txt names both sitemaps and keeps crawlers out of the desk and the Admin API', async (t) => {
  const { app } = await buildSiteApp(t)
  const res = await app.inject('/robots.txt')
  assert.equal(res.statusCode, 200)
  assert.equal(res.headers['content-type'], 'text/plain; charset=utf-8')
  const lines = res.body.split('\n')
  for (const line of ['User-agent: *', 'Disallow: /desk', 'Disallow: /api/v1/admin', 'Sitemap: https://news.example/sitemap.xml', 'Sitemap: https://news.example/news-sitemap.xml']) {
    assert.ok(lines.includes(line), line)
  }
  assert.ok(!lines.includes('Disallow: /'), 'the site itself stays crawlable')
})

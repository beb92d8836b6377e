// Feeds over app.inject, read back by independent parsers (rss-parser, fast-xml-parser) and checked against each spec (src/web/site/feeds.ts).

import { test } from 'node:test'
import assert from 'node:assert/strict'
import Parser from 'rss-parser'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { buildSiteApp, seedNewsroom } from '../../support/web.ts'
import { seedArticle, seedArticles, seedTaxonomy } from '../../support/seed.ts'
import type { TestApp } from '../../support/build-test-app.ts'

const TRICKY = 'Gas & <oil> deal 🚀 ]]> done'
const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/
const SCOPES = ['', '/news', '/tag/energy', '/author/aigerim-sadykova']
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['item', 'entry', 'link', 'author', 'category'].includes(name) })
const decodeHtml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')

/** The newsroom plus one article with a title that XML must escape and a body with relative URLs and a CDATA terminator. */
async function seedFeeds(t: Parameters<typeof buildSiteApp>[0]): Promise<TestApp> {
  const testApp = await buildSiteApp(t)
  await seedNewsroom(testApp.store)
  await seedArticle(testApp.store, {
    title: TRICKY, slug: 'tricky', tags: ['energy'], standfirst: 'Oil & gas <today>',
    bodyHtml: '<p>Read <a href="/news/election-results">this</a> and <a href="https://other.example/x">that</a>. src="/not-a-link" ]]> and ]]> again</p><p><img src="/media/a.jpg" alt="A"></p>',
    publishedAt: Date.UTC(2026, 10, 27, 8, 30),
  })
  return testApp
}

test('every RSS feed parses in rss-parser and has the RSS 2.0 channel and item elements', async (t) => {
  const { app } = await seedFeeds(t)
  for (const scope of SCOPES) {
    const res = await app.inject(`${scope}/rss.xml`)
    assert.equal(res.statusCode, 200, scope)
    assert.equal(res.headers['content-type'], 'application/rss+xml; charset=utf-8')
    assert.equal(XMLValidator.validate(res.body), true, `${scope}/rss.xml is well-formed`)
    const feed = await new Parser().parseString(res.body)
    assert.ok(feed.title && feed.description, scope)
    assert.equal(feed.link, `https://news.example${scope || '/'}`)
    assert.ok(feed.items.length > 0, scope)
    const channel = xml.parse(res.body).rss.channel
    for (const item of channel.item) {
      assert.ok(item.title && item.link && item.guid['#text'], scope)
      assert.match(item.pubDate, RFC822)
      assert.equal(item.guid['@isPermaLink'], 'true')
    }
  }
})

test('an RSS item carries the title (entity-encoded, as readers take HTML), the full body with absolute URLs, bylines and tags', async (t) => {
  const { app } = await seedFeeds(t)
  const feed = await new Parser({ customFields: { item: ['content:encoded', 'dc:creator'] } }).parseString((await app.inject('/rss.xml')).body)
  const item = feed.items.find((i) => i.link === 'https://news.example/news/tricky') as Record<string, unknown> | undefined
  assert.ok(item)
  assert.equal(decodeHtml(item.title as string), TRICKY)
  assert.doesNotMatch(item.title as string, /[<>]/, 'no markup a reader could render')
  const content = item['content:encoded'] as string
  assert.match(content, /<a href="https:\/\/news.example\/news\/election-results">this<\/a>/)
  assert.match(content, /<a href="https:\/\/other.example\/x"[^>]*>that<\/a>/)
  assert.match(content, /<img src="https:\/\/news.example\/media\/a.jpg" alt="A" \/>/)
  assert.match(content, /src="\/not-a-link"/, 'text that looks like an attribute is left alone')
  assert.match(content, /\]\]&gt; and \]\]&gt; again/)
  assert.equal(item['dc:creator'], 'Aigerim Sadykova')
  assert.deepEqual((item.categories as { _: string; $: { domain: string } }[]).map((c) => [c._, c.$.domain]), [['Energy', 'https://news.example/tag/energy']])
  assert.equal(decodeHtml(item.content as string), 'Oil & gas <today>')
})

test('every Atom feed parses and has the RFC 4287 feed and entry elements', async (t) => {
  const { app } = await seedFeeds(t)
  for (const scope of SCOPES) {
    const res = await app.inject(`${scope}/atom.xml`)
    assert.equal(res.statusCode, 200, scope)
    assert.equal(res.headers['content-type'], 'application/atom+xml; charset=utf-8')
    assert.equal(XMLValidator.validate(res.body), true, `${scope}/atom.xml is well-formed`)
    const parsed = await new Parser().parseString(res.body)
    assert.ok(parsed.items.length > 0)
    const feed = xml.parse(res.body).feed
    assert.equal(feed['@xmlns'], 'http://www.w3.org/2005/Atom')
    assert.ok(feed.id && feed.title)
    assert.match(feed.updated, ISO)
    assert.ok(feed.link.some((l: Record<string, string>) => l['@rel'] === 'self' && l['@href'] === `https://news.example${scope}/atom.xml`))
    const feedHasAuthor = (feed.author ?? []).length > 0
    for (const entry of feed.entry) {
      assert.ok(entry.id && entry.title, scope)
      assert.match(entry.updated, ISO)
      assert.match(entry.published, ISO)
      assert.ok(entry.link[0]['@href'].startsWith('https://news.example/'))
      assert.ok(feedHasAuthor || (entry.author ?? []).length > 0, 'every entry has an author, its own or the feed’s')
      assert.ok(entry.author.every((a: Record<string, string>) => a.name && a.uri))
    }
  }
})

test('an Atom entry title is a type="text" title that reads back as the exact title', async (t) => {
  const { app } = await seedFeeds(t)
  const body = (await app.inject('/tag/energy/atom.xml')).body
  const feed = await new Parser().parseString(body)
  const item = feed.items.find((i) => i.link === 'https://news.example/news/tricky')
  assert.ok(item?.title)
  assert.equal(item.title, TRICKY)
  const entry = xml.parse(body).feed.entry.find((e: { id: string }) => e.id === 'https://news.example/news/tricky')
  assert.deepEqual(entry.title, { '#text': TRICKY, '@type': 'text' })
  assert.match(item.content ?? '', /href="https:\/\/news.example\/news\/election-results"/)
})

test('every JSON Feed is version 1.1 with the required fields, authors arrays and language', async (t) => {
  const { app } = await seedFeeds(t)
  for (const scope of SCOPES) {
    const res = await app.inject(`${scope}/feed.json`)
    assert.equal(res.statusCode, 200, scope)
    assert.equal(res.headers['content-type'], 'application/feed+json; charset=utf-8')
    const feed = JSON.parse(res.body)
    assert.equal(feed.version, 'https://jsonfeed.org/version/1.1')
    assert.equal(typeof feed.title, 'string')
    assert.equal(feed.home_page_url, `https://news.example${scope || '/'}`)
    assert.equal(feed.feed_url, `https://news.example${scope}/feed.json`)
    assert.equal(feed.language, 'en')
    assert.ok(Array.isArray(feed.authors) && feed.authors.every((a: Record<string, unknown>) => typeof a.name === 'string'))
    assert.equal(feed.author, undefined, 'version 1.1 uses `authors`, not the deprecated `author`')
    assert.ok(feed.items.length > 0)
    for (const item of feed.items) {
      assert.equal(typeof item.id, 'string')
      assert.ok(typeof item.content_html === 'string' && item.content_html.length > 0)
      assert.match(item.date_published, ISO)
      assert.ok(Array.isArray(item.authors) && item.authors.every((a: Record<string, unknown>) => typeof a.name === 'string' && typeof a.url === 'string'))
      assert.equal(typeof item.language, 'string')
    }
  }
  const site = JSON.parse((await app.inject('/feed.json')).body)
  const tricky = site.items.find((i: Record<string, unknown>) => i.url === 'https://news.example/news/tricky')
  assert.equal(tricky.title, TRICKY)
  assert.match(tricky.content_html, /<img src="https:\/\/news.example\/media\/a.jpg"/)
  assert.ok(site.items.every((i: Record<string, unknown>) => i.language === 'en'), 'the default language’s feed holds its own articles only')
})

test('a feed holds the newest 50 articles, newest first', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedTaxonomy(store)
  await seedArticles(store, { section: 'analysis', count: 53 })
  for (const path of ['/analysis/feed.json', '/feed.json']) {
    const items = JSON.parse((await app.inject(path)).body).items as { date_published: string; title: string }[]
    assert.equal(items.length, 50, path)
    assert.equal(items[0]!.title, 'analysis story 1')
    assert.ok(items.every((item, i) => i === 0 || item.date_published <= items[i - 1]!.date_published))
  }
  const rss = await new Parser().parseString((await app.inject('/analysis/rss.xml')).body)
  assert.equal(rss.items.length, 50)
})

test('feeds of sections, tags and authors that do not exist answer 404, as do segments that are no slug', async (t) => {
  const { app } = await seedFeeds(t)
  for (const path of ['/no-such-section/rss.xml', '/tag/no-such-tag/atom.xml', '/author/nobody/feed.json', '/Bad_Slug/rss.xml',
    '/tag/%3Cx%3E/rss.xml', '/tag/rss.xml', '/news/tricky/rss.xml', '/ru/rss.xml']) {
    assert.equal((await app.inject(path)).statusCode, 404, path)
  }
})

test('a section feed is not shadowed by /:section/:slug, and articles beside it still answer', async (t) => {
  const { app } = await seedFeeds(t)
  assert.equal((await app.inject('/news/rss.xml')).headers['content-type'], 'application/rss+xml; charset=utf-8')
  assert.equal((await app.inject('/opinion/atom.xml')).headers['content-type'], 'application/atom+xml; charset=utf-8')
  assert.equal((await app.inject('/news/feed.json')).headers['content-type'], 'application/feed+json; charset=utf-8')
  const article = await app.inject('/news/tricky')
  assert.equal(article.statusCode, 200)
  assert.match(article.headers['content-type'] as string, /^text\/html/)
})

test('HEAD answers a feed with its headers and no body, and a matching ETag answers 304', async (t) => {
  const { app } = await seedFeeds(t)
  for (const path of ['/rss.xml', '/news/atom.xml', '/tag/energy/feed.json']) {
    const head = await app.inject({ method: 'HEAD', url: path })
    assert.equal(head.statusCode, 200, path)
    assert.equal(head.body, '')
    assert.match(head.headers['content-type'] as string, /^application\/(rss\+xml|atom\+xml|feed\+json); charset=utf-8$/)
    const get = await app.inject(path)
    const again = await app.inject({ url: path, headers: { 'if-none-match': get.headers.etag as string } })
    assert.equal(again.statusCode, 304, path)
  }
})

test('pages advertise the site feeds, and section, tag and author pages their own', async (t) => {
  const { app } = await seedFeeds(t)
  const feedLinks = (body: string) => [...body.matchAll(/<link rel="alternate" type="([^"]+)" title="[^"]*" href="([^"]+)">/g)].map((m) => `${m[1]} ${m[2]}`)
  const site = ['application/rss+xml https://news.example/rss.xml', 'application/atom+xml https://news.example/atom.xml', 'application/feed+json https://news.example/feed.json']
  for (const path of ['/', '/news/tricky', '/archive', '/search?q=gas']) {
    assert.deepEqual(feedLinks((await app.inject(path)).body), site, path)
  }
  for (const path of ['/news', '/tag/energy', '/author/aigerim-sadykova']) {
    assert.deepEqual(feedLinks((await app.inject(path)).body), [...site,
      `application/rss+xml https://news.example${path}/rss.xml`, `application/atom+xml https://news.example${path}/atom.xml`,
      `application/feed+json https://news.example${path}/feed.json`], path)
  }
})

test('an empty section has a valid feed with no items', async (t) => {
  const { app } = await seedFeeds(t)
  const res = await app.inject('/monday-commentary/rss.xml')
  assert.equal(res.statusCode, 200)
  assert.equal((await new Parser().parseString(res.body)).items.length, 0)
  assert.deepEqual(JSON.parse((await app.inject('/monday-commentary/feed.json')).body).items, [])
})

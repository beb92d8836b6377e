// Canonical URL, Open Graph, Twitter card and JSON-LD on every page type, and the publisher wordmark (src/render/*).

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { XMLValidator } from 'fast-xml-parser'
import { buildSiteApp, jsonLd, linkHrefs, seedNewsroom } from '../../support/web.ts'
import { seedArticle, seedPage } from '../../support/seed.ts'
import { NOW } from '../../support/editing.ts'
import { publisherLogoPath } from '../../../src/render/publisher-logo.ts'

const meta = (body: string, attr: 'property' | 'name', key: string): string | undefined =>
  new RegExp(`<meta ${attr}="${key.replace(/[.:]/g, '\\$&')}" content="([^"]*)">`).exec(body)?.[1]

test('every public page type has a canonical URL, Open Graph and a Twitter card', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedNewsroom(store)
  await seedPage(store, { slug: 'about', title: 'About', bodyHtml: '<p>x</p>' as never, updatedAt: NOW })
  for (const path of ['/', '/news/election-results', '/ru/opinion/pochemu-sdelka-vazhna', '/news', '/tag/energy', '/author/newsroom', '/archive', '/popular', '/about', '/news?page=1']) {
    const body = (await app.inject(path)).body
    const canonical = `https://news.example${path.replace('?page=1', '')}`
    assert.deepEqual(linkHrefs(body, 'canonical'), [canonical], path)
    assert.equal(meta(body, 'property', 'og:url'), canonical, path)
    assert.ok(meta(body, 'property', 'og:title') && meta(body, 'property', 'og:description') && meta(body, 'property', 'og:type'), path)
    assert.match(meta(body, 'name', 'twitter:card') ?? '', /^summary(_large_image)?$/, path)
  }
})

test('the front page has WebSite JSON-LD with a SearchAction and the publisher with a logo', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedNewsroom(store)
  const blocks = jsonLd((await app.inject('/')).body)
  assert.equal(blocks.length, 1)
  const site = blocks[0] as Record<string, any>
  assert.equal(site['@context'], 'https://schema.org')
  assert.equal(site['@type'], 'WebSite')
  assert.equal(site.url, 'https://news.example/')
  assert.equal(site.potentialAction['@type'], 'SearchAction')
  assert.equal(site.potentialAction.target, 'https://news.example/search?q={search_term_string}')
  assert.equal(site.potentialAction['query-input'], 'required name=search_term_string')
  assert.equal(site.publisher.name, 'Broadsheet')
  assert.match(site.publisher.logo.url, /^https:\/\/news.example\/assets\/publisher-logo\.[0-9a-f]{8}\.svg$/)
})

test('article JSON-LD has the type of its genre and every field news search engines read', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedNewsroom(store)
  const genres = { news: 'NewsArticle', opinion: 'OpinionNewsArticle', commentary: 'OpinionNewsArticle', analysis: 'AnalysisNewsArticle', interview: 'NewsArticle', statement: 'NewsArticle' } as const
  for (const [genre, type] of Object.entries(genres)) {
    await seedArticle(store, { title: `A ${genre} piece`, slug: `${genre}-piece`, section: 'analysis', genre: genre as keyof typeof genres, tags: ['energy'], standfirst: `About ${genre}.` })
    const blocks = jsonLd((await app.inject(`/analysis/${genre}-piece`)).body) as Record<string, any>[]
    assert.deepEqual(blocks.map((b) => b['@type']), [type, 'BreadcrumbList'], genre)
    const a = blocks[0]!
    const url = `https://news.example/analysis/${genre}-piece`
    assert.equal(a.headline, `A ${genre} piece`)
    assert.equal(a.description, `About ${genre}.`)
    assert.ok(Array.isArray(a.image) && a.image.length > 0 && a.image.every((u: string) => u.startsWith('https://news.example/')), genre)
    assert.match(a.datePublished, /^\d{4}-\d{2}-\d{2}T/)
    assert.match(a.dateModified, /^\d{4}-\d{2}-\d{2}T/)
    assert.deepEqual(a.author, [{ '@type': 'Person', name: 'Aigerim Sadykova', url: 'https://news.example/author/aigerim-sadykova' }])
    assert.equal(a.publisher.name, 'Broadsheet')
    assert.equal(a.publisher.logo['@type'], 'ImageObject')
    assert.match(a.publisher.logo.url, /^https:\/\/news.example\/assets\/publisher-logo\.[0-9a-f]{8}\.svg$/)
    assert.ok(a.publisher.logo.width <= 600 && a.publisher.logo.height <= 60)
    assert.equal(a.articleSection, 'Analysis')
    assert.deepEqual(a.keywords, ['Energy'])
    assert.deepEqual(a.mainEntityOfPage, { '@type': 'WebPage', '@id': url })
    const crumbs = blocks[1]!.itemListElement as Record<string, unknown>[]
    assert.deepEqual(crumbs.map((c) => [c.position, c.item]), [[1, 'https://news.example/'], [2, 'https://news.example/analysis'], [3, url]])
  }
})

test('section, tag and author pages have a BreadcrumbList under the front page', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedNewsroom(store)
  for (const [path, name] of [['/news', 'News'], ['/tag/energy', 'Energy'], ['/author/newsroom', 'Newsroom']] as const) {
    const blocks = jsonLd((await app.inject(path)).body) as Record<string, any>[]
    assert.deepEqual(blocks.map((b) => b['@type']), ['BreadcrumbList'], path)
    assert.equal(blocks[0]!['@context'], 'https://schema.org')
    assert.deepEqual(blocks[0]!.itemListElement.map((c: Record<string, unknown>) => [c.position, c.name, c.item]),
      [[1, 'Broadsheet', 'https://news.example/'], [2, name, `https://news.example${path}`]])
  }
})

test('the publisher wordmark is served as well-formed SVG at its fingerprint, follows the site name, and old fingerprints are gone', async (t) => {
  const { app, store, services } = await buildSiteApp(t)
  await seedNewsroom(store)
  const logoOf = async () => ((jsonLd((await app.inject('/')).body)[0] as Record<string, any>).publisher.logo.url as string).replace('https://news.example', '')
  const before = await logoOf()
  const res = await app.inject(before)
  assert.equal(res.statusCode, 200)
  assert.equal(res.headers['content-type'], 'image/svg+xml; charset=utf-8')
  assert.match(res.headers['cache-control'] as string, /immutable/)
  assert.equal(XMLValidator.validate(res.body), true)
  assert.match(res.body, />Broadsheet<\/text>/)
  await store.site.setSetting('name', 'Caspian & <Steppe> Review')
  services.site.invalidate()
  // Pages that show the logo are cached until an article changes; the wordmark route reads the current name.
  const after = publisherLogoPath('Caspian & <Steppe> Review')
  assert.equal(before, publisherLogoPath('Broadsheet'))
  assert.notEqual(after, before)
  const renamed = await app.inject(after)
  assert.equal(XMLValidator.validate(renamed.body), true)
  assert.match(renamed.body, />Caspian &amp; &lt;Steppe&gt; Review<\/text>/)
  assert.equal((await app.inject(before)).statusCode, 404)
  assert.equal((await app.inject('/assets/publisher-logo.deadbeef.svg')).statusCode, 404)
})

test('an uploaded logo is the publisher logo when the site has one', async (t) => {
  const { app, store, services } = await buildSiteApp(t)
  await seedNewsroom(store)
  // Set before the first request, so no cached page holds the old settings.
  await store.site.setSetting('logo', 'brand/logo.png')
  services.site.invalidate()
  const a = jsonLd((await app.inject('/news/election-results')).body)[0] as Record<string, any>
  assert.deepEqual(a.publisher.logo, { '@type': 'ImageObject', url: 'https://news.example/media/brand/logo.png' })
})

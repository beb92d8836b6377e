// Feed documents rendered from hostile text stay well-formed and read back exactly (src/render/feeds/*.ts).

import { test } from 'node:test'
import assert from 'node:assert/strict'
import Parser from 'rss-parser'
import { XMLValidator } from 'fast-xml-parser'
import type { FeedItem, FeedModel } from '../../../src/domain/feeds.ts'
import { DEFAULT_SETTINGS } from '../../../src/domain/site.ts'
import { storedSanitizedHtml } from '../../../src/content/sanitize.ts'
import type { RenderContext } from '../../../src/render/context.ts'
import { ENGLISH } from '../../../src/i18n/catalogues.ts'
import { absoluteBody, xmlChars } from '../../../src/render/feeds/feed-content.ts'
import { atomFeed, rssFeed } from '../../../src/render/feeds/rss-atom.ts'
import { jsonFeed } from '../../../src/render/feeds/json-feed.ts'

const ctx: RenderContext = {
  settings: { ...DEFAULT_SETTINGS, name: 'Tom & Jerry <Daily>' }, sections: [], siteUrl: 'https://news.example',
  language: DEFAULT_SETTINGS.languages[0]!, t: ENGLISH,
  assets: { css: '/a.css', printCss: '/p.css', beacon: '/b.js' }, year: 2026,
}

const item = (over: Partial<FeedItem> = {}): FeedItem => ({
  id: 1, path: '/news/one', title: 'One', standfirst: 'S', genre: 'news', language: 'en', section: { slug: 'news', name: 'News' },
  authors: [{ name: 'A & B <C>', slug: 'a-b' }], publishedAt: Date.UTC(2026, 0, 1), updatedAt: Date.UTC(2026, 0, 2), hero: null,
  bodyHtml: storedSanitizedHtml('<p>x</p>'), summary: 'S', tags: [{ slug: 'x', name: 'X < Y & Z', kind: 'topic' }], ...over,
})

const model = (items: FeedItem[]): FeedModel => ({
  title: 'Title &amp; more', description: 'D & <d>', pagePath: '/', language: 'en', updatedAt: Date.UTC(2026, 0, 2), items,
})

test('a body with several CDATA terminators, control characters and lone surrogates still makes well-formed RSS and Atom', async () => {
  const body = storedSanitizedHtml('<p>a ]]> b ]]> c\u0001\u000B d \uD800 e</p>')
  const m = model([item({ title: 'T ]]> one ]]> two \u0002 🚀 & <b>', bodyHtml: body })])
  for (const doc of [rssFeed(ctx, m), atomFeed(ctx, m)]) {
    assert.equal(XMLValidator.validate(doc), true)
    const parsed = await new Parser({ customFields: { item: ['content:encoded'] } }).parseString(doc)
    const first = parsed.items[0] as unknown as Record<string, string>
    assert.match(first['content:encoded'] ?? first.content ?? '', /<p>a \]\]&gt; b \]\]&gt; c d {2}e<\/p>/)
  }
  assert.equal(XMLValidator.validate(rssFeed(ctx, model([]))), true)
})

const decodeHtml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')

test('text fields read back exactly, including a literal "&amp;", and a tag name with "<" never breaks an attribute', async () => {
  const rss = await new Parser().parseString(rssFeed(ctx, model([item()])))
  // RSS text is entity-encoded HTML, as readers take it: decoded once, it is the text as written.
  assert.equal(decodeHtml(rss.title ?? ''), 'Title &amp; more')
  assert.equal(decodeHtml(rss.description ?? ''), 'D & <d>')
  const atomDoc = atomFeed(ctx, model([item()]))
  assert.equal(XMLValidator.validate(atomDoc), true)
  assert.match(atomDoc, /<category scheme="https:\/\/news.example\/tag\/" term="x"\/>/)
  assert.match(atomDoc, /<name>A &amp; B &lt;C&gt;<\/name>/)
  assert.match(atomDoc, /<name>Tom &amp; Jerry &lt;Daily&gt;<\/name>/)
})

test('a hero image becomes an RSS enclosure with its media type and size, and the JSON Feed image', () => {
  const hero = { id: 9, path: '2026/01/a.jpg', mime: 'image/jpeg', width: 10, height: 10, bytes: 1234, alt: '', caption: '', credit: '', focalX: 0.5, focalY: 0.5, createdAt: 0, uploadedBy: null, variants: [] }
  const m = model([item({ hero })])
  assert.match(rssFeed(ctx, m), /<enclosure length="1234" type="image\/jpeg" url="https:\/\/news.example\/media\/2026\/01\/a.jpg"\/>/)
  assert.equal(JSON.parse(jsonFeed(ctx, m)).items[0].image, 'https://news.example/media/2026/01/a.jpg')
})

test('relative URLs in a body become absolute against the article, and URLs with a scheme are kept', () => {
  const base = 'https://news.example/news/one'
  assert.equal(absoluteBody('<a href="/x?a=1&amp;b=2">x</a>', base), '<a href="https://news.example/x?a=1&amp;b=2">x</a>')
  assert.equal(absoluteBody('<a href="other">x</a><a href="#n">n</a>', base), '<a href="https://news.example/news/other">x</a><a href="https://news.example/news/one#n">n</a>')
  assert.equal(absoluteBody('<img srcset="/a.jpg 1x, b.jpg 2x" src="https://cdn.example/c.jpg">', base),
    '<img srcset="https://news.example/a.jpg 1x, https://news.example/news/b.jpg 2x" src="https://cdn.example/c.jpg">')
  assert.equal(absoluteBody('<a href="mailto:x@y.example">m</a><p>href="/plain text"</p>', base), '<a href="mailto:x@y.example">m</a><p>href="/plain text"</p>')
})

test('xmlChars keeps tabs, newlines, emoji and paired surrogates and drops what XML 1.0 forbids', () => {
  assert.equal(xmlChars('a\tb\nc\r🚀\u0000\u001F\uFFFE\uDC00'), 'a\tb\nc\r🚀')
})

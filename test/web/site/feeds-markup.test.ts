// Titles, bylines and tag names holding markup characters read back in each feed as exactly those characters (src/render/feeds/).

import { test } from 'node:test'
import assert from 'node:assert/strict'
import Parser from 'rss-parser'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { buildSiteApp } from '../../support/web.ts'
import { seedArticle, seedTaxonomy } from '../../support/seed.ts'

const TITLE = 'A <b> tag & "co" </title>'
const AUTHOR = '<i>Ann</i> & Bo'
const TAG = 'R&D <script>x</script>'

const decodeHtml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
/** What a reader that renders the element as HTML shows: tags dropped, entities decoded. */
const shownAsHtml = (s: string) => decodeHtml(s.replace(/<[^>]*>/g, ''))
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['item', 'entry', 'category', 'author'].includes(name) })

async function seedMarkup(t: Parameters<typeof buildSiteApp>[0]) {
  const a = await buildSiteApp(t)
  await seedTaxonomy(a.store)
  await a.store.transaction(async (tx) => {
    await tx.taxonomy.insertTag({ slug: 'r-and-d', name: TAG, kind: 'topic', parentId: null, isoCode: null, description: '' })
    await tx.people.insertAuthor({ slug: 'ann-bo', name: AUTHOR, bio: '', kind: 'staff', photoMediaId: null })
  })
  await seedArticle(a.store, { title: TITLE, slug: 'markup', tags: ['r-and-d'], authors: ['ann-bo'] })
  return a
}

test('RSS title, category and dc:creator are entity-encoded, so an HTML-rendering reader shows the literal characters', async (t) => {
  const { app } = await seedMarkup(t)
  const body = (await app.inject('/rss.xml')).body
  assert.equal(XMLValidator.validate(body), true)
  const feed = await new Parser({ customFields: { item: ['dc:creator'] } }).parseString(body)
  const item = feed.items.find((i) => i.link === 'https://news.example/news/markup') as Record<string, unknown> | undefined
  assert.ok(item)
  assert.equal(shownAsHtml(item.title as string), TITLE)
  assert.equal(shownAsHtml(item['dc:creator'] as string), AUTHOR)
  const categories = (xml.parse(body).rss.channel.item as Record<string, unknown>[]).find((i) => i.link === 'https://news.example/news/markup')!.category as { '#text': string }[]
  assert.deepEqual(categories.map((c) => shownAsHtml(c['#text'])), [TAG])
  const tagFeed = await new Parser().parseString((await app.inject('/tag/r-and-d/rss.xml')).body)
  assert.ok(shownAsHtml(tagFeed.title ?? '').includes(TAG), tagFeed.title)
})

test('Atom entry titles are type="text" and author names plain text: both read back exactly', async (t) => {
  const { app } = await seedMarkup(t)
  const body = (await app.inject('/atom.xml')).body
  assert.equal(XMLValidator.validate(body), true)
  const entry = (xml.parse(body).feed.entry as Record<string, unknown>[]).find((e) => e.id === 'https://news.example/news/markup')!
  assert.deepEqual(entry.title, { '#text': TITLE, '@type': 'text' })
  assert.equal((entry.author as { name: string }[])[0]!.name, AUTHOR)
  const parsed = await new Parser().parseString(body)
  assert.equal(parsed.items.find((i) => i.link === 'https://news.example/news/markup')?.title, TITLE)
  const tagFeed = xml.parse((await app.inject('/tag/r-and-d/atom.xml')).body).feed
  assert.ok(String(tagFeed.title).includes(TAG), String(tagFeed.title))
})

test('JSON Feed titles, author names and tags are plain text, exactly as written', async (t) => {
  const { app } = await seedMarkup(t)
  const doc = (await app.inject('/feed.json')).json() as { items: { url: string; title: string; authors: { name: string }[]; tags: string[] }[] }
  const item = doc.items.find((i) => i.url === 'https://news.example/news/markup')!
  assert.equal(item.title, TITLE)
  assert.deepEqual(item.authors.map((x) => x.name), [AUTHOR])
  assert.deepEqual(item.tags, [TAG])
})

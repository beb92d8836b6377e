// WordPress items onto articles (src/importers/wordpress/mapping.ts): sections, tags, bylines, statuses, times, old paths.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mapItem, newContext, sitePath, wpTime, type MappedItem, type WxrContext } from '../../../src/importers/wordpress/mapping.ts'
import { parseWxr } from '../../../src/importers/wordpress/wxr-parser.ts'
import type { ImportArticle } from '../../../src/editorial/import-input.ts'
import { fixtureText } from './fixtures.ts'

/** Every item of the fixture mapped in file order, by post id. */
async function mapFixture(timeZone = 'UTC'): Promise<Map<string, MappedItem>> {
  let ctx: WxrContext | null = null
  const out = new Map<string, MappedItem>()
  for await (const r of parseWxr((async function* () { yield fixtureText() })())) {
    if (r.kind === 'channel') ctx = newContext(r.channel, timeZone)
    else if (r.kind === 'author') ctx!.authors.set(r.author.login, r.author)
    else if (r.kind === 'category') {
      ctx!.categories.set(r.category.nicename, r.category)
      ctx!.categoryByTermId.set(r.category.termId, r.category.nicename)
    } else if (r.kind === 'item') out.set(r.item.postId, mapItem(r.item, ctx!))
  }
  return out
}

const article = (m: MappedItem | undefined): ImportArticle => {
  if (m?.kind !== 'article') throw new Error(`not an article: ${JSON.stringify(m)}`)
  return m.article
}

test('the Yoast primary category is the section; the other categories (with their parents) and tags are topics', async () => {
  const a = article((await mapFixture()).get('10'))
  assert.deepEqual(a.section, { sourceId: 'europe', slug: 'europe', name: 'Europe' })
  assert.deepEqual(a.tags.map((t) => [t.sourceId, t.slug, t.parent?.slug ?? null]), [['category:news', 'news', null], ['post_tag:elections', 'elections', null]])
  const long = article((await mapFixture()).get('15'))
  assert.equal(long.section.slug, 'world')
})

test('without a primary category the first is the section; a category named like a genre sets the genre', async () => {
  const items = await mapFixture()
  const greek = article(items.get('12'))
  assert.equal(greek.section.slug, 'news')
  assert.deepEqual(greek.tags.map((t) => [t.slug, t.parent?.slug ?? null, t.parent?.name ?? null]), [['europe', 'world', 'World']])
  const opinion = article(items.get('11'))
  assert.equal(opinion.section.slug, 'opinion')
  assert.equal(opinion.genre, 'opinion')
})

test('bylines, standfirst, SEO fields and sticky posts are mapped; SEO templates are not copied', async () => {
  const items = await mapFixture()
  const a = article(items.get('10'))
  assert.deepEqual(a.authors, [{ sourceId: 'anna', slug: 'anna-petrova', name: 'Anna Petrova' }])
  assert.equal(a.standfirst, 'Turnout was high & the vote calm.')
  assert.equal(a.seoTitle, 'Election results: what they mean')
  assert.equal(a.seoDescription, 'The commission announced the results.')
  assert.equal(a.editorsChoice, true)
  const b = article(items.get('11'))
  assert.equal(b.seoTitle, '')
  assert.equal(b.seoDescription, 'Why the gas deal matters.')
  assert.equal(b.editorsChoice, false)
})

test('statuses: publish with its GMT times, future scheduled, draft, pending in review, private and protected as drafts', async () => {
  const items = await mapFixture()
  const published = article(items.get('10'))
  assert.equal(published.status, 'published')
  assert.equal(published.publishedAt, Date.UTC(2019, 2, 4, 10, 15))
  assert.equal(published.updatedAt, Date.UTC(2019, 2, 5, 8, 0))
  const scheduled = article(items.get('17'))
  assert.deepEqual([scheduled.status, scheduled.publishedAt], ['scheduled', Date.UTC(2030, 0, 1, 8)])
  assert.equal(article(items.get('18')).status, 'draft')
  assert.equal(article(items.get('19')).status, 'in_review')
  for (const [id, reason] of [['16', 'private in WordPress'], ['20', 'password-protected in WordPress']]) {
    const m = items.get(id!)
    assert.equal(m?.kind === 'article' && [m.article.status, m.drafted].join(), `draft,${reason}`)
  }
})

test('titles lose their markup, an empty title comes from the body, and non-Latin slugs are transliterated', async () => {
  const items = await mapFixture()
  assert.equal(article(items.get('11')).title, 'Gas & oil: the deal')
  const untitled = items.get('14')
  assert.equal(untitled?.kind === 'article' && untitled.article.title, 'Parliament approved the budget on Tuesday after a long debate about spending')
  assert.match(untitled?.kind === 'article' ? untitled.notes.join() : '', /title was empty/)
  assert.equal(article(items.get('12')).slug, 'ellinika-nea')
  assert.equal(article(items.get('13')).slug, 'novosti-dnya')
  assert.equal(article(items.get('18')).slug, 'unfinished-draft')
})

test('old paths are the permalink, /?p=ID and the guid on the same host, without trailing slashes', async () => {
  const items = await mapFixture()
  assert.deepEqual(article(items.get('10')).oldPaths, ['/2019/03/04/election-results', '/?p=10'])
  assert.deepEqual(article(items.get('12')).oldPaths, ['/2019/05/01/%ce%b5%ce%bb%ce%bb%ce%b7%ce%bd%ce%b9%ce%ba%ce%ac-%ce%bd%ce%ad%ce%b1', '/?p=12'])
  assert.equal(sitePath('https://elsewhere.example/a/', 'https://old.example.org'), null)
  assert.equal(sitePath('https://www.old.example.org/a/', 'https://old.example.org'), '/a')
})

test('attachments, menu items and custom post types are counted, not mapped; pages are mapped as pages', async () => {
  const items = await mapFixture()
  assert.deepEqual(['30', '50', '40', '41'].map((id) => { const m = items.get(id); return m?.kind === 'other' ? m.what : m?.kind }),
    ['page', 'attachments (left remote)', 'event (custom post type)', 'menu items'])
})

test('a local WordPress time without its GMT twin is read in the site’s time zone', () => {
  assert.equal(wpTime('0000-00-00 00:00:00', '2019-03-04 12:15:30', 'Europe/Athens'), Date.UTC(2019, 2, 4, 10, 15, 30))
  assert.equal(wpTime('2019-03-04 10:15:00', '2019-03-04 12:15:00', 'Asia/Almaty'), Date.UTC(2019, 2, 4, 10, 15))
  assert.equal(wpTime('', '0000-00-00 00:00:00', 'UTC'), null)
})

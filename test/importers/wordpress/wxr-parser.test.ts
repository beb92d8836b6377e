// Streaming WXR into records (src/importers/wordpress/wxr-parser.ts): namespaces by URI, split CDATA, clear errors.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseWxr } from '../../../src/importers/wordpress/wxr-parser.ts'
import { WxrError, type WxrItem, type WxrRecord } from '../../../src/importers/wordpress/wxr-records.ts'
import { fixtureText, wxr11 } from './fixtures.ts'

/** The text in chunks of `size` characters, as a stream would hand it over. */
async function* chunked(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size)
}

async function collect(text: string, size = 97): Promise<{ records: WxrRecord[]; error: unknown }> {
  const records: WxrRecord[] = []
  try {
    for await (const r of parseWxr(chunked(text, size))) records.push(r)
    return { records, error: null }
  } catch (error) {
    return { records, error }
  }
}

const items = (records: WxrRecord[]): WxrItem[] => records.flatMap((r) => r.kind === 'item' ? [r.item] : [])

test('a WXR 1.2 export reads as the channel, its authors and terms, then every item, with meta and comments', async () => {
  const { records, error } = await collect(fixtureText())
  assert.equal(error, null)
  assert.equal(records[0]?.kind, 'channel')
  assert.deepEqual(records[0]?.kind === 'channel' && records[0].channel, { title: 'Old Example News', link: 'https://old.example.org', language: 'en-US', wxrVersion: '1.2', baseSiteUrl: 'https://old.example.org' })
  assert.deepEqual(records.filter((r) => r.kind === 'author').map((r) => r.kind === 'author' && r.author.displayName), ['Anna Petrova', 'Bob Smith'])
  assert.deepEqual(records.filter((r) => r.kind === 'category').map((r) => r.kind === 'category' && `${r.category.termId}:${r.category.nicename}<${r.category.parent}`), ['2:news<', '3:world<', '4:europe<world', '5:opinion<'])
  const list = items(records)
  assert.deepEqual(list.map((i) => `${i.postId}/${i.postType}/${i.status}`), ['30/page/publish', '50/attachment/inherit', '10/post/publish', '11/post/publish', '12/post/publish', '13/post/publish', '14/post/publish', '15/post/publish', '16/post/private', '17/post/future', '18/post/draft', '19/post/pending', '20/post/publish', '40/event/publish', '41/nav_menu_item/publish'])
  const post = list[2]!
  assert.equal(post.creator, 'anna')
  assert.equal(post.meta.get('_yoast_wpseo_primary_category'), '4')
  assert.equal(post.comments, 1)
  assert.equal(post.isSticky, true)
  assert.deepEqual(post.terms.map((t) => `${t.domain}:${t.nicename}:${t.name}`), ['category:news:News', 'category:europe:Europe', 'post_tag:elections:Elections'])
  assert.match(post.content, /^The commission announced the results on Monday\.\nTurnout was high\./)
  assert.equal(post.excerpt, '<strong>Turnout</strong> was high &amp; the vote calm.')
  assert.equal(list[1]!.attachmentUrl, 'https://old.example.org/wp-content/uploads/2019/03/photo-1.jpg')
})

test('WXR 1.1 with the http namespace under another prefix reads the same, in chunks of any size', async () => {
  const a = await collect(fixtureText(), 4096)
  const b = await collect(wxr11(), 13)
  assert.equal(b.error, null)
  const strip = (records: WxrRecord[]) => JSON.stringify(records.map((r) => r.kind === 'channel' ? { ...r.channel, wxrVersion: '' } : r.kind === 'item' ? { ...r.item, line: 0, meta: [...r.item.meta] } : r))
  assert.equal(strip(b.records), strip(a.records))
})

test('CDATA split into several sections is joined, and a wp: element of another namespace is not taken for WordPress’s', async () => {
  const text = `<rss xmlns:wp="http://wordpress.org/export/1.2/" xmlns:x="http://example.org/not-wp/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><link>https://a.example</link><wp:wxr_version>1.2</wp:wxr_version>
<item><content:encoded><![CDATA[one ]]]]><![CDATA[> two]]></content:encoded><x:post_id>99</x:post_id><wp:post_id>7</wp:post_id></item></channel></rss>`
  const { records, error } = await collect(text, 5)
  assert.equal(error, null)
  const [item] = items(records)
  assert.equal(item?.content, 'one ]]> two')
  assert.equal(item?.postId, '7')
})

test('malformed XML fails with its line and column, after the items before the fault', async () => {
  const text = fixtureText().replace('<title><![CDATA[Ελληνικά νέα]]></title>', '<title><![CDATA[Ελληνικά νέα]]></titel>')
  const { records, error } = await collect(text)
  assert.ok(error instanceof WxrError)
  const line = text.split('\n').findIndex((l) => l.includes('</titel>')) + 1
  assert.equal(error.line, line)
  assert.ok(error.column! > 1)
  assert.match(error.message, new RegExp(`line ${line}, column \\d+`))
  assert.deepEqual(items(records).map((i) => i.postId), ['30', '50', '10', '11'])
})

test('a Ghost export, another XML file, or an RSS feed says what it is and which importer to use', async () => {
  const ghost = await collect('{"db":[{"meta":{},"data":{"posts":[]}}]}')
  assert.match(String((ghost.error as Error).message), /Ghost export.*broadsheet import ghost/)
  const svg = await collect('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>')
  assert.match(String((svg.error as Error).message), /not a WordPress export \(WXR\): its root element is <svg>/)
  const rss = await collect('<rss><channel><title>T</title><link>https://a.example</link><item><title>x</title></item></channel></rss>')
  assert.match(String((rss.error as Error).message), /RSS feed, not a WordPress export/)
  const empty = await collect('   ')
  assert.match(String((empty.error as Error).message), /empty or not XML/)
})

test('an item cut short by a mismatched close tag is not handed over', async () => {
  const text = fixtureText().replace('<title><![CDATA[Staff only memo]]></title>', '<title><![CDATA[Staff only memo]]></title></oops>')
  for (const size of [7, 4096, text.length]) {
    const { records, error } = await collect(text, size)
    assert.ok(error instanceof WxrError)
    assert.deepEqual(items(records).map((i) => i.postId), ['30', '50', '10', '11', '12', '13', '14', '15'], `chunks of ${size}`)
  }
})

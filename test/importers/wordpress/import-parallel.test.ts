// Batches written side by side (PostgreSQL keeps two in flight): posts that meet the same new tags, bylines and slugs
// in two open transactions at once all land, each once, and the report keeps the order of the file.

import assert from 'node:assert/strict'
import { forEachDatabase } from '../../support/databases.ts'
import type { Store } from '../../../src/store/store.ts'
import { tempFile } from './fixtures.ts'
import { runImport, SITE } from './support.ts'

const POSTS = 24

/** A WXR of `POSTS` posts in one category, each with two of six new tags and one of two authors. */
function sharedTermsWxr(): string {
  const items = Array.from({ length: POSTS }, (_, i) => {
    const id = 100 + i
    // Two posts of every pair of batches share a slug, so one of them takes the post id as a suffix.
    const slug = `story-${Math.floor(i / 3)}`
    const day = String(1 + (i % 28)).padStart(2, '0')
    return `	<item>
		<title><![CDATA[Story ${id}]]></title>
		<link>${SITE}/2020/01/${day}/${slug}/</link>
		<dc:creator><![CDATA[${i % 2 ? 'anna' : 'bob'}]]></dc:creator>
		<guid isPermaLink="false">${SITE}/?p=${id}</guid>
		<content:encoded><![CDATA[Paragraph one of story ${id}.

Paragraph two.]]></content:encoded>
		<excerpt:encoded><![CDATA[]]></excerpt:encoded>
		<wp:post_id>${id}</wp:post_id>
		<wp:post_date_gmt><![CDATA[2020-01-${day} 10:00:00]]></wp:post_date_gmt>
		<wp:post_name><![CDATA[${slug}]]></wp:post_name>
		<wp:status><![CDATA[publish]]></wp:status>
		<wp:post_type><![CDATA[post]]></wp:post_type>
		<category domain="category" nicename="news"><![CDATA[News]]></category>
		<category domain="post_tag" nicename="tag-${i % 6}"><![CDATA[Tag ${i % 6}]]></category>
		<category domain="post_tag" nicename="tag-${(i + 1) % 6}"><![CDATA[Tag ${(i + 1) % 6}]]></category>
	</item>`
  })
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="https://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="https://wordpress.org/export/1.2/">
<channel>
	<title>Old Example News</title>
	<link>${SITE}</link>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>${SITE}</wp:base_site_url>
	<wp:base_blog_url>${SITE}</wp:base_blog_url>
	<wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[anna]]></wp:author_login><wp:author_display_name><![CDATA[Anna Petrova]]></wp:author_display_name></wp:author>
	<wp:author><wp:author_id>2</wp:author_id><wp:author_login><![CDATA[bob]]></wp:author_login><wp:author_display_name><![CDATA[Bob Smith]]></wp:author_display_name></wp:author>
${items.join('\n')}
</channel>
</rss>
`
}

/** Counts the transactions open at once while `store` is used. */
function countOpenTransactions(store: Store): { readonly most: () => number } {
  const transaction = store.transaction.bind(store)
  let open = 0, most = 0
  ;(store as { transaction: Store['transaction'] }).transaction = async (fn) => {
    most = Math.max(most, ++open)
    try {
      return await transaction(fn)
    } finally {
      open--
    }
  }
  return { most: () => most }
}

forEachDatabase('batches written side by side land every post once, with each new tag and byline made once', async (store, t) => {
  const file = await tempFile(t, 'shared.wxr', sharedTermsWxr())
  const open = countOpenTransactions(store)
  const report = await runImport(store, file, { batchSize: 2 })
  assert.equal(report.error, null)
  assert.deepEqual(report.refusals, [])
  assert.deepEqual(report.articles, { imported: POSTS, updated: 0, skipped: 0, refused: 0 })
  // PostgreSQL writes two batches at once; SQLite has one writer, and a second transaction would only wait for it.
  assert.equal(open.most(), store.dialect.name === 'postgres' ? 2 : 1)

  assert.deepEqual((await store.taxonomy.tags()).map((tag) => tag.slug).sort(), ['tag-0', 'tag-1', 'tag-2', 'tag-3', 'tag-4', 'tag-5'])
  assert.deepEqual((await store.people.authors()).map((a) => a.slug).sort(), ['anna-petrova', 'bob-smith'])
  assert.equal(await store.live.count(), POSTS)
  // Every slug once in the section: the later posts of a shared slug carry their post id, and say so in the report.
  const slugs: string[] = []
  for (let i = 0; i < POSTS; i++) {
    const origin = await store.origins.find({ system: 'wordpress', site: SITE, kind: 'article', sourceId: String(100 + i) })
    slugs.push((await store.articles.get(origin!.targetId))!.slug)
  }
  assert.equal(new Set(slugs).size, POSTS)
  assert.equal(slugs.filter((s) => /^story-\d+$/.test(s)).length, POSTS / 3)
  const renamed = report.notes.filter((n) => /is taken in \/news; imported as/.test(n.reason)).map((n) => n.item)
  assert.equal(renamed.length, POSTS - POSTS / 3)
  // The report follows the file, whichever batch committed first.
  assert.deepEqual(renamed, [...renamed].sort((a, b) => Number(a.replace(/\D/g, '')) - Number(b.replace(/\D/g, ''))))

  // Run again: nothing changed, nothing doubled.
  const again = await runImport(store, file, { batchSize: 2 })
  assert.deepEqual(again.articles, { imported: 0, updated: 0, skipped: POSTS, refused: 0 })
  assert.equal((await store.taxonomy.tags()).length, 6)
  assert.equal(await store.live.count(), POSTS)
})

// Ghost bodies and links: HTML cards, Mobiledoc through Ghost's renderer, Lexical refused, links onto the new addresses.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ghostBody, rewriteLinks } from '../../../src/importers/ghost/content.ts'
import { ghostTime, readGhostExport } from '../../../src/importers/ghost/ghost-export.ts'
import { resolver } from '../../../src/importers/ghost/mapping.ts'

const post = (fields: Partial<Parameters<typeof ghostBody>[0]>) => ({
  id: 'x', uuid: '', title: '', slug: '', html: null, mobiledoc: null, lexical: null, type: 'post' as const, status: 'published', visibility: 'public',
  featured: false, featureImage: null, customExcerpt: '', publishedAt: null, updatedAt: null, metaTitle: '', metaDescription: '', authorId: '', ...fields,
})

test('Ghost\'s image and embed cards become the editor\'s figure and player', () => {
  const body = ghostBody(post({ html: '<figure class="kg-card kg-image-card"><img src="/a.jpg" class="kg-image" alt="A" srcset="/content/images/size/w600/a.jpg 600w" sizes="(min-width: 720px) 720px"></figure>'
    + '<figure class="kg-card kg-embed-card"><iframe width="200" height="113" src="https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed"></iframe></figure>' }))
  assert.ok(body.ok)
  assert.match(body.html, /^<figure class="image"><img src="\/a\.jpg" class="kg-image" alt="A"><\/figure>/, 'Ghost\'s resized copies (srcset) are not ours')
  assert.match(body.html, /<figure class="embed embed-video"><iframe src="https:\/\/www\.youtube-nocookie\.com\/embed\/dQw4w9WgXcQ"/)
})

test('a Lexical-only post is refused as needing html; broken Mobiledoc is refused with its reason; no body at all is empty', () => {
  const lexical = ghostBody(post({ lexical: '{"root":{}}' }))
  assert.equal(lexical.ok, false)
  assert.match(lexical.ok ? '' : lexical.reason, /^needs html/)
  const broken = ghostBody(post({ mobiledoc: '{' }))
  assert.match(broken.ok ? '' : broken.reason, /mobiledoc could not be read/)
  assert.deepEqual(ghostBody(post({})), { ok: true, html: '', from: 'empty', unknownCards: [] })
})

test('links to the old site are rewritten with their query and fragment; other sites and unknown paths are left', () => {
  const links = resolver(new Map([['/old-post', '/news/old-post'], ['/tag/energy', '/tag/energy']]))
  const html = '<a href="__GHOST_URL__/old-post/#part">a</a><a href="https://blog.example/tag/energy/?page=2">b</a>'
    + '<a href="https://else.example/old-post/">c</a><a href="__GHOST_URL__/unknown/">d</a><img src="__GHOST_URL__/content/images/x.png">'
  assert.equal(rewriteLinks(html, 'https://blog.example', links), '<a href="/news/old-post#part">a</a><a href="/tag/energy?page=2">b</a>'
    + '<a href="https://else.example/old-post/">c</a><a href="/unknown/">d</a><img src="https://blog.example/content/images/x.png">')
})

test('export times are read as ISO strings with or without a zone, or epoch milliseconds', () => {
  assert.equal(ghostTime('2021-03-04T10:15:00.000Z'), Date.UTC(2021, 2, 4, 10, 15))
  assert.equal(ghostTime('2021-03-04 10:15:00'), Date.UTC(2021, 2, 4, 10, 15))
  assert.equal(ghostTime(1614852900000), 1614852900000)
  assert.equal(ghostTime('not a date'), null)
  assert.equal(ghostTime(null), null)
})

test('the primary tag is the first by sort_order, whatever order the rows come in; page:true is a page (Ghost 2)', () => {
  const data = readGhostExport(JSON.stringify({ data: { posts: [{ id: 'p', page: true }], posts_tags: [{ post_id: 'p', tag_id: 'b', sort_order: 1 }, { post_id: 'p', tag_id: 'a', sort_order: 0 }] } }))
  assert.deepEqual(data.postTags.get('p'), ['a', 'b'])
  assert.equal(data.posts[0]!.type, 'page')
})

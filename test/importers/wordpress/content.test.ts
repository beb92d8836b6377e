// WordPress bodies into the editor's markup (src/importers/wordpress/content.ts), then through the one sanitizer.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { sanitizeBody } from '../../../src/content/sanitize.ts'
import { convertContent } from '../../../src/importers/wordpress/content.ts'

test('classic posts get paragraphs and line breaks by WordPress’s rules; more and nextpage markers go', () => {
  const { html } = convertContent('First line\nsecond line\n\nSecond paragraph <!--more Read on-->\n<!--nextpage-->\nPage two')
  assert.equal(sanitizeBody(html), '<p>First line<br />\nsecond line</p>\n<p>Second paragraph </p>\n<p>Page two</p>')
})

test('a caption becomes the editor’s figure with its caption, out of the link around the image, and survives the sanitizer', () => {
  const { html, notes } = convertContent('[caption id="attachment_5" width="300"]<a href="/p"><img src="https://old.example/a.jpg" alt="Voters" width="300" height="200" class="wp-image-5" /></a> Voters queue[/caption]')
  assert.equal(sanitizeBody(html), '<figure class="image"><img src="https://old.example/a.jpg" alt="Voters" width="300" height="200" /><figcaption>Voters queue</figcaption></figure>')
  assert.deepEqual([...notes.converted], [['caption', 1]])
  assert.deepEqual(notes.remoteImages, ['https://old.example/a.jpg'])
})

test('a gallery becomes one figure per known attachment; unknown ids are noted', () => {
  const { html, notes } = convertContent('[gallery ids="7, 8"]', new Map([['7', 'https://old.example/7.jpg']]))
  assert.equal(sanitizeBody(html), '<figure class="image"><img src="https://old.example/7.jpg" alt="" /></figure>')
  assert.deepEqual(notes.galleryIds, ['8'])
})

test('[embed], a bare player address on its own line and a block-editor embed become the editor’s player', () => {
  const player = (src: string, title: string) => `<figure class="embed embed-video"><iframe src="${src}" title="${title}" width="560" height="315" allowfullscreen="true" loading="lazy"></iframe></figure>`
  const classic = convertContent('Intro\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\n[embed]https://vimeo.com/76979871[/embed]\n\nSee https://www.youtube.com/watch?v=dQw4w9WgXcQ inline.')
  assert.equal(sanitizeBody(classic.html), [
    '<p>Intro</p>', player('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ', 'YouTube video'),
    player('https://player.vimeo.com/video/76979871', 'Vimeo video'), '<p>See https://www.youtube.com/watch?v=dQw4w9WgXcQ inline.</p>',
  ].join('\n'))
  const block = convertContent('<!-- wp:embed {"url":"https://youtu.be/dQw4w9WgXcQ"} -->\n<figure class="wp-block-embed is-type-video"><div class="wp-block-embed__wrapper">\nhttps://youtu.be/dQw4w9WgXcQ\n</div></figure>\n<!-- /wp:embed -->')
  assert.equal(sanitizeBody(block.html), player('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ', 'YouTube video'))
})

test('block-editor comments go and their HTML stays, without a second pass of paragraphs', () => {
  const { html } = convertContent('<!-- wp:paragraph -->\n<p>One</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:separator /-->\n<!-- wp:paragraph -->\n<p>Two</p>\n<!-- /wp:paragraph -->')
  assert.equal(sanitizeBody(html).replace(/\n+/g, ''), '<p>One</p><p>Two</p>')
})

test('other shortcodes stay as text and are named; bracketed words and escaped shortcodes are not shortcodes', () => {
  const { html, notes } = convertContent('[contact-form-7 id="3"] see [1] and [[caption]] and [audio src="a.mp3"][/audio]')
  assert.equal(sanitizeBody(html), '<p>[contact-form-7 id="3"] see [1] and [caption] and [audio src="a.mp3"][/audio]</p>')
  assert.deepEqual([...notes.kept].sort(), [['audio', 1], ['contact-form-7', 1]])
  assert.deepEqual([...notes.converted], [])
})

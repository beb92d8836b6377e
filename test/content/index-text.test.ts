// The text that search and related articles read from a body (src/content/index-text.ts): plainText's, capped, read in slices.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { plainText } from '../../src/content/excerpt.ts'
import { INDEX_TEXT_MAX, indexText } from '../../src/content/index-text.ts'

test('a short body gives the same text as plainText', async () => {
  const html = '<h2>Title</h2><p>One<br>two &amp; <strong>thr</strong>ee</p><ul><li>a</li></ul>'
  assert.equal(await indexText(html), plainText(html))
})

test('a long body read in slices gives plainText of the whole, cut at a space near the cap', async () => {
  const unit = '<p>Observers <em>reported</em> queues&nbsp;at polling stations &#x263A; in Almaty.</p>'
  const html = unit.repeat(3_000)
  assert.ok(html.length > 200_000)
  const whole = plainText(html)
  const text = await indexText(html)
  assert.ok(text.length <= INDEX_TEXT_MAX && text.length > INDEX_TEXT_MAX * 0.9, String(text.length))
  assert.ok(whole.startsWith(text), 'the beginning of the whole text, unchanged at slice borders')
  assert.equal(text, whole.slice(0, text.length))
  assert.ok(!text.endsWith(' '))
})

test('slices never cut an entity or a tag, even in markup without spaces', async () => {
  const html = `<p>${'a&amp;b&eacute;'.repeat(20_000)}</p>`
  const text = await indexText(html, 1_000_000)
  assert.equal(text, plainText(html))
})

test('a body of tags with little text is read to its end for the text it has', async () => {
  const nested = `${'<strong>'.repeat(200)}x${'</strong>'.repeat(200)}`
  const html = `${nested.repeat(1_000)}<p>last words</p>`
  assert.ok(html.length > 3_000_000)
  const text = await indexText(html)
  assert.ok(text.endsWith('last words'))
  assert.equal(text, plainText(html))
})

test('a 2,000,000-character word is cut to the cap', async () => {
  const text = await indexText(`<p>${'a'.repeat(2_000_000)}</p>`)
  assert.equal(text.length, INDEX_TEXT_MAX)
})

// Plain text of sanitized HTML and word-boundary excerpts (src/content/excerpt.ts).

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { excerpt, plainText } from '../../src/content/excerpt.ts'

test('plainText drops tags and separates blocks with single spaces', () => {
  assert.equal(plainText('<h2>Title</h2><p>One<br>two</p><ul><li>a</li><li>b</li></ul><blockquote>q</blockquote>'), 'Title One two a b q')
})

test('plainText decodes the entities the sanitizer writes, and numeric ones', () => {
  assert.equal(plainText('<p>Tom &amp; Jerry &lt;3 &gt; &quot;x&quot; &#39;y&#39; &apos;z&apos;</p>'), 'Tom & Jerry <3 > "x" \'y\' \'z\'')
  assert.equal(plainText('a&nbsp;b &#8212; &#x263A; &#X263a;'), 'a b — ☺ ☺')
})

test('plainText does not turn decoded text back into markup', () => {
  assert.equal(plainText('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'), '<script>alert(1)</script>')
})

test('plainText collapses whitespace and trims', () => {
  assert.equal(plainText('  <p>  a \n\t b </p>  '), 'a b')
  assert.equal(plainText(''), '')
})

test('a short text is its own excerpt', () => {
  assert.equal(excerpt('Short text.', 50), 'Short text.')
  assert.equal(excerpt('x'.repeat(200)), 'x'.repeat(200))
})

test('a long text is cut at a word boundary with an ellipsis, within the limit', () => {
  const text = 'Election observers from the OSCE said the vote was orderly but lacked genuine competition between candidates.'
  const out = excerpt(text, 40)
  assert.ok(out.length <= 40, out)
  assert.match(out, /…$/)
  assert.ok(text.startsWith(out.slice(0, -1)))
  assert.equal(out, 'Election observers from the OSCE said…')
})

test('an excerpt never ends in punctuation before the ellipsis', () => {
  assert.equal(excerpt('Alpha beta gamma, delta epsilon zeta eta theta', 18), 'Alpha beta gamma…')
})

test('one very long word is cut mid-word rather than left empty', () => {
  const out = excerpt('a'.repeat(300), 100)
  assert.equal(out.length, 100)
  assert.match(out, /^a+…$/)
})

test('plainText leaves numeric references past U+10FFFF as written instead of throwing', () => {
  assert.equal(plainText('<p>a &#99999999; b &#x110000; c</p>'), 'a &#99999999; b &#x110000; c')
})

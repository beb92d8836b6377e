// Reading time of a body at 230 words a minute, at least one minute (src/content/reading-time.ts).

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { READING_SCAN_MAX, readingMinutes, wordCount } from '../../src/content/reading-time.ts'
import { plainText } from '../../src/content/excerpt.ts'

const words = (n: number): string => `<p>${Array.from({ length: n }, (_, i) => `w${i}`).join(' ')}</p>`

test('an empty or short body takes one minute', () => {
  assert.equal(readingMinutes(''), 1)
  assert.equal(readingMinutes(words(10)), 1)
})

test('minutes are words divided by 230, rounded', () => {
  assert.equal(readingMinutes(words(230)), 1)
  assert.equal(readingMinutes(words(460)), 2)
  assert.equal(readingMinutes(words(1000)), 4)
  assert.equal(readingMinutes(words(1100)), 5)
})

test('markup and entities do not count as words', () => {
  const tagged = `<p>${Array.from({ length: 460 }, () => '<strong>word</strong> &amp;').join(' ')}</p>`
  // 460 words and 460 ampersands: the ampersands are words of their own once decoded.
  assert.equal(readingMinutes(tagged), 4)
  assert.equal(readingMinutes(`<figure><img src="/media/a.jpg" alt="a long alt text that is not read"></figure>${words(230)}`), 1)
})

test('words are counted as in the plain text of the body, without building it', () => {
  const samples = [
    '', '<p>one</p>', '<p>two words</p>', '<p>wo<strong>rd</strong></p><p>next</p>', 'a<br>b<br/>c', '<h2>Title</h2>Body',
    '<p>non&nbsp;breaking&#160;spaces&#xA0;here</p>', '<p>Tom &amp; Jerry &lt;3 &unknown; &#x263a;</p>',
    '<ul><li>one</li><li>two</li></ul><blockquote><p>quoted</p></blockquote>',
    '<figure><img src="/media/a.jpg" alt="not read"><figcaption>A caption</figcaption></figure>After',
    '<p>\tTabs\nand\r\nnewlines\u2003em\u3000ideographic</p>', '<p>  leading and trailing  </p>',
  ]
  for (const html of samples) assert.equal(wordCount(html), plainText(html).split(' ').filter(Boolean).length, html)
})

test('a body longer than the scanned part is estimated from its beginning, within a minute of the count', () => {
  const long = `<p>${'Observers reported queues at polling stations in Almaty. '.repeat(20_000)}</p>`
  assert.ok(long.length > READING_SCAN_MAX)
  const exact = Math.round(wordCount(long) / 230)
  assert.ok(Math.abs(readingMinutes(long) - exact) <= 1, `${readingMinutes(long)} against ${exact}`)
})

// Counting terms on two threads (src/related/term-counter.ts): the same frequencies as on one, in the order given,
// and a fault in counting reported as it would be here.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { RelatedSource } from '../../src/store/related.ts'
import { countHere, createTermCounter } from '../../src/related/term-counter.ts'
import { DEFAULT_TERM_PARAMS } from '../../src/related/terms.ts'

const WORDS = ['pipeline', 'Caspian', 'crude', 'élection', 'парламент', 'Tbilisi', 'tram', 'goal', 'Ölpreis', 'ballot']

/** `n` articles of different lengths, languages and tags, so that each one's frequencies are its own. */
const sources = (n: number): RelatedSource[] => Array.from({ length: n }, (_, i) => ({
  id: i + 1, title: `${WORDS[i % WORDS.length]} report ${i}`, standfirst: `${WORDS[(i + 3) % WORDS.length]} and more`,
  bodyHtml: `<p>${Array.from({ length: 20 + (i % 7) * 30 }, (_, k) => WORDS[(i * k + k) % WORDS.length]).join(' ')} &amp; ${i}</p>`,
  tags: i % 3 === 0 ? ['energy', `tag ${i}`] : [], publishedAt: 0, language: ['en', 'ru', 'de', 'fr'][i % 4]!,
}))

test('two threads count the same frequencies as one, in the order given', async (t) => {
  const counter = createTermCounter()
  t.after(() => counter.close())
  for (const n of [1, 25, 26, 333]) {
    const all = sources(n)
    const expected = await countHere(all, DEFAULT_TERM_PARAMS)
    const got = await counter.count(all, DEFAULT_TERM_PARAMS)
    assert.equal(got.length, n)
    // Maps compare by entries in order: the same terms, counts and insertion order.
    got.forEach((tf, i) => assert.deepEqual([...tf], [...expected[i]!], `${n} sources: source ${i}`))
  }
})

test('a fault in counting fails the call, and the counter goes on counting after close', async (t) => {
  const counter = createTermCounter()
  t.after(() => counter.close())
  const bad = sources(100)
  // A body that is not text cannot be counted, on either thread; its piece is the first, which goes to the other thread.
  ;(bad[3] as { bodyHtml: unknown }).bodyHtml = null
  await assert.rejects(counter.count(bad, DEFAULT_TERM_PARAMS))
  await assert.rejects(countHere(bad, DEFAULT_TERM_PARAMS))
  await counter.close()
  const again = await counter.count(sources(60), DEFAULT_TERM_PARAMS)
  assert.deepEqual(again.map((tf) => [...tf]), (await countHere(sources(60), DEFAULT_TERM_PARAMS)).map((tf) => [...tf]))
})

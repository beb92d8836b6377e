// Search-as-you-type over names: word starts, folded, aliases, and the most used first.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mostUsed, namesStartingWith } from '../../src/search/name-match.ts'

const NAMES = [
  { id: 1, slug: 'central-asia', name: 'Central Asia' },
  { id: 2, slug: 'zurich', name: 'Zürich' },
  { id: 3, slug: 'kazakhstan', name: 'Казахстан', aliases: ['Kazakhstan'] },
  { id: 4, slug: 'asian-games', name: 'Asian Games' },
]

test('a name matches by the start of any of its words, folded, or of an alias; a longer word never matches', () => {
  const slugs = (typed: string) => namesStartingWith(NAMES, typed).map((n) => n.slug)
  assert.deepEqual(slugs('as'), ['central-asia', 'asian-games'])
  assert.deepEqual(slugs('zur'), ['zurich'])
  assert.deepEqual(slugs('каз'), ['kazakhstan'])
  assert.deepEqual(slugs('kaz'), ['kazakhstan'])
  assert.deepEqual(slugs('asians'), [])
  assert.deepEqual(slugs(''), [])
})

test('the most used come first, then by name; names no live article uses are left out; the limit holds', () => {
  const uses = new Map([[1, 2], [2, 5], [4, 2]])
  assert.deepEqual(mostUsed(NAMES, uses, 5).map((n) => n.id), [2, 4, 1])
  assert.deepEqual(mostUsed(NAMES, uses, 2).map((n) => n.id), [2, 4])
  assert.deepEqual(mostUsed(NAMES, new Map(), 5), [])
})

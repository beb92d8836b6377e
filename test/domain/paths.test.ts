// Public paths of reader pages and the reserved first segments (src/domain/paths.ts).

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { articlePath, authorPath, isReservedSegment, RESERVED_SEGMENTS, sectionPath, tagPath } from '../../src/domain/paths.ts'

test('an article in the site language has no language prefix', () => {
  assert.equal(articlePath({ language: 'en', sectionSlug: 'news', slug: 'vote-count' }, 'en'), '/news/vote-count')
})

test('an article in another language is prefixed with its primary subtag', () => {
  assert.equal(articlePath({ language: 'ru', sectionSlug: 'news', slug: 'vybory' }, 'en'), '/ru/news/vybory')
  assert.equal(articlePath({ language: 'kk-Cyrl', sectionSlug: 'analysis', slug: 'x' }, 'en'), '/kk/analysis/x')
  assert.equal(articlePath({ language: 'en', sectionSlug: 'news', slug: 'x' }, 'ru'), '/en/news/x')
})

test('a regional variant of the site language is not prefixed', () => {
  assert.equal(articlePath({ language: 'en-GB', sectionSlug: 'news', slug: 'x' }, 'en'), '/news/x')
  assert.equal(articlePath({ language: 'pt-BR', sectionSlug: 'news', slug: 'x' }, 'pt-PT'), '/news/x')
})

test('section, tag and author paths', () => {
  assert.equal(sectionPath('monday-commentary'), '/monday-commentary')
  assert.equal(tagPath('kazakhstan'), '/tag/kazakhstan')
  assert.equal(authorPath('aigerim-sadykova'), '/author/aigerim-sadykova')
})

test('application segments and language codes are reserved, never section slugs', () => {
  for (const s of ['tag', 'author', 'archive', 'search', 'popular', 'api', 'desk', 'media', 'assets', 'healthz', 'ru', 'en', 'kk', 'uz']) {
    assert.ok(isReservedSegment(s), s)
    assert.ok(RESERVED_SEGMENTS.includes(s), s)
  }
})

test('ordinary section slugs are not reserved', () => {
  for (const s of ['news', 'opinion', 'analysis', 'monday-commentary', 'about']) assert.equal(isReservedSegment(s), false, s)
})

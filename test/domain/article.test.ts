// Article statuses and the moves between them, genres and their structured-data types (src/domain/article.ts).

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ARTICLE_STATUSES, canTransition, genreLabel, isArticleStatus, isGenre, schemaType, type ArticleStatus } from '../../src/domain/article.ts'

const ALLOWED: readonly [ArticleStatus, ArticleStatus][] = [
  ['draft', 'in_review'], ['draft', 'scheduled'], ['draft', 'published'],
  ['in_review', 'draft'], ['in_review', 'scheduled'], ['in_review', 'published'],
  ['scheduled', 'draft'], ['scheduled', 'published'],
  ['published', 'unpublished'],
  ['unpublished', 'draft'], ['unpublished', 'published'],
]

test('every allowed status move is allowed', () => {
  for (const [from, to] of ALLOWED) assert.ok(canTransition(from, to), `${from} → ${to}`)
})

test('every move not in the list is forbidden, including staying put', () => {
  const allowed = new Set(ALLOWED.map(([a, b]) => `${a}>${b}`))
  let forbidden = 0
  for (const from of ARTICLE_STATUSES) {
    for (const to of ARTICLE_STATUSES) {
      if (allowed.has(`${from}>${to}`)) continue
      assert.equal(canTransition(from, to), false, `${from} → ${to}`)
      forbidden++
    }
  }
  assert.equal(forbidden, 25 - ALLOWED.length)
})

test('a published article cannot go back to draft, review or schedule without being unpublished first', () => {
  assert.equal(canTransition('published', 'draft'), false)
  assert.equal(canTransition('published', 'in_review'), false)
  assert.equal(canTransition('published', 'scheduled'), false)
  assert.equal(canTransition('unpublished', 'scheduled'), false)
  assert.equal(canTransition('scheduled', 'in_review'), false)
})

test('isArticleStatus knows the five statuses and nothing else', () => {
  assert.deepEqual([...ARTICLE_STATUSES], ['draft', 'in_review', 'scheduled', 'published', 'unpublished'])
  for (const s of ARTICLE_STATUSES) assert.ok(isArticleStatus(s))
  for (const s of ['', 'Draft', 'deleted', 'review']) assert.equal(isArticleStatus(s), false)
})

test('opinion and commentary are OpinionNewsArticle, analysis is AnalysisNewsArticle, the rest NewsArticle', () => {
  assert.equal(schemaType('opinion'), 'OpinionNewsArticle')
  assert.equal(schemaType('commentary'), 'OpinionNewsArticle')
  assert.equal(schemaType('analysis'), 'AnalysisNewsArticle')
  for (const g of ['news', 'interview', 'statement'] as const) assert.equal(schemaType(g), 'NewsArticle')
})

test('genres have reader labels and unknown genres are rejected', () => {
  assert.equal(genreLabel('statement'), 'Statement')
  assert.ok(isGenre('interview'))
  assert.equal(isGenre('gossip'), false)
})

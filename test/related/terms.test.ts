// Unit tests of tokenizing, stemming and weighting terms for related articles.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { cosine, fold, stem, termFrequencies, tokenize, weighTerms } from '../../src/related/terms.ts'

test('tokenize lower-cases, folds diacritics and drops stopwords, numbers and punctuation', () => {
  assert.deepEqual(tokenize('The Café’s PRICES rose 12% in Zürich, and the ПРАВИТЕЛЬСТВО said so!'), ['cafe', 'price', 'rose', 'zurich', 'правительств'])
})

test('tokenize drops Russian stopwords and keeps Cyrillic words', () => {
  assert.deepEqual(tokenize('Это был очень холодный год в Казахстане'), ['холодн', 'казахстан'])
})

test('fold removes accents and ё', () => {
  assert.equal(fold('Ёлка Naïve ÉTÉ'), 'елка naive ete')
})

test('stem removes English plurals but not -ss or -us endings', () => {
  assert.equal(stem('elections'), 'election')
  assert.equal(stem('policies'), 'policy')
  assert.equal(stem('taxes'), 'tax')
  assert.equal(stem('business'), 'business')
  assert.equal(stem('census'), 'census')
})

test('an odd or empty text gives no terms and no vector', () => {
  assert.deepEqual(tokenize(''), [])
  assert.deepEqual(tokenize('!!! --- 2025 ¿?'), [])
  assert.deepEqual(weighTerms(new Map(), new Map(), 10, { keep: 5, idfPower: 1 }), [])
})

test('title and tags count more than the body', () => {
  const tf = termFrequencies({ title: 'Pipeline', standfirst: 'Gas', body: 'pipeline gas oil', tags: ['Energy'] }, { titleBoost: 3, standfirstBoost: 2, tagBoost: 4, keep: 10, idfPower: 1 })
  assert.equal(tf.get('pipeline'), 4)
  assert.equal(tf.get('gas'), 3)
  assert.equal(tf.get('oil'), 1)
  assert.equal(tf.get('energy'), 4)
})

test('weighTerms keeps the strongest terms, rare ones first, as a unit vector', () => {
  const tf = new Map([['common', 3], ['rare', 3], ['middle', 3]])
  const df = new Map([['common', 90], ['rare', 1], ['middle', 20]])
  const v = weighTerms(tf, df, 100, { keep: 2, idfPower: 1 })
  assert.deepEqual(v.map((t) => t.term), ['rare', 'middle'])
  assert.ok(Math.abs(v.reduce((s, t) => s + t.weight ** 2, 0) - 1) < 1e-9)
})

test('cosine of unit vectors is 1 for the same vector and 0 with nothing shared', () => {
  const a = new Map([['x', 0.6], ['y', 0.8]])
  assert.ok(Math.abs(cosine(a, a) - 1) < 1e-9)
  assert.equal(cosine(a, new Map([['z', 1]])), 0)
})

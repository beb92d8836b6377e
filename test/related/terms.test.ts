// Unit tests of counting and weighting terms for related articles.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { cosine, termFrequencies, weighTerms } from '../../src/related/terms.ts'

test('terms of an English article are folded, stemmed and free of stopwords, numbers and punctuation', () => {
  const tf = termFrequencies({ title: '', standfirst: '', body: 'The Café’s PRICES rose 12% in Zürich, and elections said so!', tags: [], language: 'en' }, { titleBoost: 1, standfirstBoost: 1, tagBoost: 1, keep: 10, idfPower: 1 })
  assert.deepEqual([...tf.keys()], ['cafe', 'price', 'rose', 'zurich', 'elect'])
})

test('terms of a Russian article use Russian stopwords and stems', () => {
  const tf = termFrequencies({ title: 'Выборы в Казахстане', standfirst: '', body: 'Это был очень холодный год. Выборов', tags: [], language: 'ru' }, { titleBoost: 1, standfirstBoost: 1, tagBoost: 1, keep: 10, idfPower: 1 })
  assert.deepEqual([...tf.entries()], [['выбор', 2], ['казахстан', 1], ['холодн', 1]])
})

test('an odd or empty text gives no terms and no vector', () => {
  assert.equal(termFrequencies({ title: '', standfirst: '!!! --- 2025 ¿?', body: '', tags: [], language: 'en' }).size, 0)
  assert.deepEqual(weighTerms(new Map(), new Map(), 10, { keep: 5, idfPower: 1 }), [])
})

test('title and tags count more than the body', () => {
  const tf = termFrequencies({ title: 'Pipeline', standfirst: 'Gas', body: 'pipeline gas oil', tags: ['Energy'], language: 'en' }, { titleBoost: 3, standfirstBoost: 2, tagBoost: 4, keep: 10, idfPower: 1 })
  assert.equal(tf.get('pipelin'), 4)
  assert.equal(tf.get('gas'), 3)
  assert.equal(tf.get('oil'), 1)
  assert.equal(tf.get('energi'), 4)
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

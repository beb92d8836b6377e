// Unit tests of counting and weighting terms for related articles.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { cosine, termFrequencies, weighTerms } from '../../src/related/terms.ts'

test('terms of an English article are folded, stemmed and free of stopwords, numbers and punctuation', () => {
  const tf = termFrequencies({ title: '', standfirst: '', body: 'The Café’s PRICES rose 12% in Zürich, and elections said so!', tags: [], language: 'en' }, { titleBoost: 1, standfirstBoost: 1, tagBoost: 1 })
  assert.deepEqual([...tf.keys()], ['cafe', 'price', 'rose', 'zurich', 'elect'])
})

test('terms of a Russian article use Russian stopwords and stems', () => {
  const tf = termFrequencies({ title: 'Выборы в Казахстане', standfirst: '', body: 'Это был очень холодный год. Выборов', tags: [], language: 'ru' }, { titleBoost: 1, standfirstBoost: 1, tagBoost: 1 })
  assert.deepEqual([...tf.entries()], [['выбор', 2], ['казахстан', 1], ['холодн', 1]])
})

test('an odd or empty text gives no terms and no vector', () => {
  assert.equal(termFrequencies({ title: '', standfirst: '!!! --- 2025 ¿?', body: '', tags: [], language: 'en' }).size, 0)
  assert.deepEqual(weighTerms(new Map(), new Map(), 10, { keep: 5, idfPower: 1, idfCap: 3, tfSaturation: 2 }), [])
})

test('title and tags count more than the body', () => {
  const tf = termFrequencies({ title: 'Pipeline', standfirst: 'Gas', body: 'pipeline gas oil', tags: ['Energy'], language: 'en' }, { titleBoost: 3, standfirstBoost: 2, tagBoost: 4 })
  assert.equal(tf.get('pipelin'), 4)
  assert.equal(tf.get('gas'), 3)
  assert.equal(tf.get('oil'), 1)
  assert.equal(tf.get('energi'), 4)
})

test('weighTerms keeps the strongest terms, rare ones first, as a unit vector', () => {
  const tf = new Map([['common', 3], ['rare', 3], ['middle', 3]])
  const df = new Map([['common', 90], ['rare', 1], ['middle', 20]])
  const v = weighTerms(tf, df, 100, { keep: 2, idfPower: 1, idfCap: 10, tfSaturation: 2 })
  assert.deepEqual(v.map((t) => t.term), ['rare', 'middle'])
  assert.ok(Math.abs(v.reduce((s, t) => s + t.weight ** 2, 0) - 1) < 1e-9)
})

test('weighTerms caps the idf: rare terms past the cap weigh alike, a common one a third as much', () => {
  // idf of df 1 of 100 is ln(101/2) + 1 ≈ 4.9, of df 5 ≈ 3.8: both past the cap of 3; df 50 is ln(101/51) + 1 ≈ 1.7.
  const tf = new Map([['name', 1], ['topic', 1], ['common', 1]])
  const df = new Map([['name', 1], ['topic', 5], ['common', 50]])
  const w = new Map(weighTerms(tf, df, 100, { keep: 10, idfPower: 1, idfCap: 3, tfSaturation: 2 }).map((t) => [t.term, t.weight]))
  assert.ok(Math.abs(w.get('name')! - w.get('topic')!) < 1e-12)
  assert.ok(Math.abs(w.get('common')! / w.get('name')! - (Math.log(101 / 51) + 1) / 3) < 1e-12)
})

test('weighTerms saturates the term frequency: f·(k+1)/(f+k), never past k+1 times a single mention', () => {
  const df = new Map([['once', 10], ['often', 10]])
  const weigh = (f: number) => {
    const v = weighTerms(new Map([['once', 1], ['often', f]]), df, 100, { keep: 10, idfPower: 1, idfCap: 3, tfSaturation: 2 })
    const w = new Map(v.map((t) => [t.term, t.weight]))
    return w.get('often')! / w.get('once')!
  }
  // A single mention weighs 1·3/3 = 1; two 2·3/4 = 1.5; a hundred 300/102 ≈ 2.94, below 3.
  assert.ok(Math.abs(weigh(2) - 1.5) < 1e-12)
  assert.ok(Math.abs(weigh(100) - 300 / 102) < 1e-12)
  assert.ok(weigh(10_000) < 3)
})

test('weighTerms leaves out terms in fewer than minDf articles, once the collection has minDfFrom articles', () => {
  const tf = new Map([['alone', 1], ['pair', 1], ['topic', 1]])
  const df = new Map([['alone', 1], ['pair', 2], ['topic', 3]])
  const p = { keep: 10, idfPower: 1, idfCap: 3, tfSaturation: 2, minDf: 3, minDfFrom: 1000 }
  assert.deepEqual(weighTerms(tf, df, 1000, p), [{ term: 'topic', weight: 1 }])
  // A term missing from the frequencies counts as seen in this article only.
  assert.deepEqual(weighTerms(new Map([['unknown', 2], ['topic', 1]]), df, 5000, p).map((t) => t.term), ['topic'])
  // A smaller site keeps every term.
  assert.deepEqual(weighTerms(tf, df, 999, p).map((t) => t.term).sort(), ['alone', 'pair', 'topic'])
})

test('weighTerms keeps every term of an article whose terms are all rarer than minDf, so that it still has a vector', () => {
  const tf = new Map([['alone', 1], ['pair', 2]])
  const df = new Map([['alone', 1], ['pair', 2]])
  const v = weighTerms(tf, df, 5000, { keep: 10, idfPower: 1, idfCap: 3, tfSaturation: 2, minDf: 3, minDfFrom: 1000 })
  assert.deepEqual(v.map((t) => t.term), ['pair', 'alone'])
})

test('cosine of unit vectors is 1 for the same vector and 0 with nothing shared', () => {
  const a = new Map([['x', 0.6], ['y', 0.8]])
  assert.ok(Math.abs(cosine(a, a) - 1) < 1e-9)
  assert.equal(cosine(a, new Map([['z', 1]])), 0)
})

// Unit tests of src/text: word segmentation, case and diacritics folding, stopwords and stemming per language.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { analyze, searchWords } from '../../src/text/analyze.ts'
import { foldChars, foldWord } from '../../src/text/fold.ts'
import { segmentWords, wordRuns } from '../../src/text/segment.ts'
import { hasStemmer, stemmerOf } from '../../src/text/stem.ts'
import { stopwordsOf } from '../../src/text/stopwords.ts'

test('Russian word forms share one stem', () => {
  for (const forms of [['выборы', 'выборов', 'выборах', 'выборами'], ['правительство', 'правительства', 'правительству'], ['казахстане', 'казахстану', 'казахстаном']]) {
    assert.equal(new Set(forms.flatMap((f) => analyze(f, 'ru'))).size, 1, forms.join(' '))
  }
  assert.deepEqual(analyze('Выборы в Казахстане', 'ru'), ['выбор', 'казахстан'])
})

test('English word forms share one stem (Porter2, with its exceptions)', () => {
  assert.deepEqual(analyze('elections election elected', 'en'), ['elect', 'elect', 'elect'])
  assert.deepEqual(analyze('taxes news', 'en'), ['tax', 'news'])
})

test('ё folds to е, so ёлка and елка are one word in search and in related terms', () => {
  assert.equal(foldWord('Ёлка'), 'елка')
  assert.deepEqual(analyze('ёлка', 'ru'), analyze('елка', 'ru'))
  assert.deepEqual(searchWords('Её ЁЖ'), ['ее', 'еж'])
})

test('й stays a letter of its own, and Latin and Greek accents fold', () => {
  assert.equal(foldWord('Йошкар-Ола'), 'йошкар-ола')
  assert.equal(foldWord('Naïve ÉTÉ Zürich'), 'naive ete zurich')
  assert.equal(foldWord('Ἀθῆναι'), 'αθηναι')
  assert.equal(foldWord('ΣΟΦΟΣ'), 'σοφοσ')
  assert.equal(foldWord('σοφός'), 'σοφοσ')
})

test('the Turkish I: İ is i everywhere, I is ı in Turkish and Azerbaijani only', () => {
  assert.equal(foldWord('İSTANBUL'), 'istanbul')
  assert.equal(foldWord('IRAK', 'tr'), 'ırak')
  assert.equal(foldWord('IRAK', 'en'), 'irak')
  assert.equal(foldWord('ıslak', 'tr'), 'ıslak')
})

test('Georgian and Armenian words are kept whole, letters and all', () => {
  assert.deepEqual(segmentWords('საქართველოს პარლამენტმა მიიღო კანონი'), ['საქართველოს', 'პარლამენტმა', 'მიიღო', 'კანონი'])
  assert.deepEqual(analyze('საქართველოს პარლამენტმა', 'ka'), ['საქართველოს', 'პარლამენტმა'])
  assert.deepEqual(analyze('Հայաստանի կառավարությունը', 'hy'), ['հայաստանի', 'կառավարությունը'])
  // Mtavruli capitals lower to Mkhedruli.
  assert.equal(foldWord('ᲡᲐᲥᲐᲠᲗᲕᲔᲚᲝ'), 'საქართველო')
})

test('marks of other scripts are part of the word', () => {
  assert.deepEqual(searchWords('नमस्ते दुनिया'), ['नमस्ते', 'दुनिया'])
})

test('scripts without spaces are split by dictionary for related terms, and left as the engines split them for search', () => {
  assert.deepEqual(segmentWords('東京は日本の首都です'), ['東京', 'は', '日本', 'の', '首都', 'です'])
  assert.deepEqual(wordRuns('東京は日本の首都です'), ['東京は日本の首都です'])
})

test('stopwords are per language; numbers, punctuation and single letters give no terms', () => {
  assert.ok(stopwordsOf('en').has('the'))
  assert.ok(stopwordsOf('ru').has('еще'))
  assert.ok(stopwordsOf('en-GB').has('the'))
  assert.equal(stopwordsOf('ka').size, 0)
  assert.deepEqual(analyze('The да 2025 !!! ¿? x', 'en'), ['да'])
  assert.deepEqual(analyze('The да 2025 !!! ¿? x', 'ru'), ['the'])
})

test('languages without a stemmer keep words whole', () => {
  assert.equal(hasStemmer('ru'), true)
  assert.equal(hasStemmer('kk'), false)
  assert.equal(stemmerOf('kk')('сайлаулары'), 'сайлаулары')
  assert.equal(stemmerOf('pt-BR')('eleições'), stemmerOf('pt')('eleições'))
})

test('a language only snowball-stemmers stems gets its Snowball stems (the package loads on first use)', () => {
  const german = stemmerOf('de')
  assert.equal(german('wahlen'), german('wahl'))
  assert.equal(stemmerOf('fr')('élections'), stemmerOf('fr')('élection'))
  assert.notEqual(german('regierungen'), 'regierungen')
})

test('foldChars keeps the length of the text, so positions stay valid', () => {
  const text = 'İstanbul Zürich Ёлка ﬁ'
  const folded = foldChars(text)
  assert.equal(folded.length, text.length)
  assert.ok(folded.includes('zurich'))
  assert.ok(folded.includes('елка'))
})

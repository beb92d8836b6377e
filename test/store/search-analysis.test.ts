// The folded words search derives from a text (src/store/search-analysis.ts): remembered for the texts folded last,
// never for another text or another language's folding.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { foldedWords, stemText, vocabularyWords } from '../../src/store/search-analysis.ts'
import { folderOf } from '../../src/text/fold.ts'
import { wordRuns } from '../../src/text/segment.ts'

const fresh = (text: string, language: string) => wordRuns(text).map(folderOf(language))

test('folded words are the same whether remembered or folded again, per text and per language', () => {
  const texts = ['IRAK ve İstanbul', 'Ёлка в Zürich', 'Oil exports climb', 'A fourth text', 'IRAK ve İstanbul']
  for (let round = 0; round < 2; round++) {
    for (const text of texts) {
      for (const language of ['tr', 'en', 'ru']) assert.deepEqual(foldedWords(text, language), fresh(text, language), `${text} (${language})`)
    }
  }
  // The Turkish dotless ı: the same text folds otherwise in Turkish, whichever was folded first.
  assert.deepEqual(foldedWords('IRAK', 'tr'), ['ırak'])
  assert.deepEqual(foldedWords('IRAK', 'en'), ['irak'])
  assert.deepEqual(foldedWords('IRAK', 'tr'), ['ırak'])
  // A text that only equals a remembered one in length is folded for itself.
  assert.deepEqual(foldedWords('Oil exports drop', 'en'), ['oil', 'exports', 'drop'])
})

test('stems and vocabulary of a text folded twice in a row come out as from a text folded once', () => {
  const body = 'Kazakhstan raised crude oil output; the pipelines ran at record volumes.'
  const vocabulary = vocabularyWords([body], 'en')
  assert.equal(stemText(body, 'en'), fresh(body, 'en').map((w) => stemText(w, 'en')).join(' '))
  assert.deepEqual(vocabularyWords([body], 'en'), vocabulary)
})

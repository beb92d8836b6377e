// Message catalogues (src/i18n): every catalogue is complete, the check finds what is missing, plurals and dates follow the language.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { CATALOGUES, catalogueFor, ENGLISH } from '../../src/i18n/catalogues.ts'
import { catalogueProblems } from '../../src/i18n/check.ts'
import { fill, plural, type Catalogue } from '../../src/i18n/catalogue.ts'
import { formatDate } from '../../src/render/format.ts'

test('every catalogue has every key of the English one, its placeholders and all its plural forms', () => {
  assert.ok(CATALOGUES.size >= 2, 'English and Russian at least')
  for (const [tag, catalogue] of CATALOGUES) assert.deepEqual(catalogueProblems(ENGLISH, catalogue), [], tag)
})

test('the check names a missing key, a missing plural form, a changed placeholder and an unknown key', () => {
  const ru = catalogueFor('ru')
  const { archive: _gone, ...rest } = ru
  const broken = {
    ...rest, minRead: { one: '{n} минута', other: '{n} минуты' }, pageNumber: 'Страница {номер}', extra: 'x',
    errors: { ...ru.errors, 404: undefined },
  } as unknown as Catalogue
  const problems = catalogueProblems(ENGLISH, broken)
  assert.ok(problems.includes('archive is missing'), problems.join('\n'))
  assert.ok(problems.includes('minRead lacks the plural form "few"'))
  assert.ok(problems.includes('minRead lacks the plural form "many"'))
  assert.ok(problems.some((p) => p.startsWith('pageNumber must use the placeholders {n}')))
  assert.ok(problems.includes('errors.404 is missing'))
  assert.ok(problems.includes('extra is not a key of the English catalogue'))
})

test('a language is found by its tag, then its primary subtag, else English', () => {
  assert.equal(catalogueFor('ru').home, 'Главная')
  assert.equal(catalogueFor('ru-RU').home, 'Главная')
  assert.equal(catalogueFor('kk').home, 'Home')
})

test('reading time takes the plural form of the language', () => {
  const ru = catalogueFor('ru')
  assert.deepEqual([1, 2, 5, 21, 11].map((n) => plural(ru.locale, ru.minRead, n)),
    ['1 минута чтения', '2 минуты чтения', '5 минут чтения', '21 минута чтения', '11 минут чтения'])
  assert.equal(plural(ENGLISH.locale, ENGLISH.minRead, 7), '7 min read')
})

test('messages are filled by name and dates are written in the language', () => {
  assert.equal(fill('{title} – page {n}', { title: 'News', n: 2 }), 'News – page 2')
  assert.equal(fill('{unknown} stays', {}), '{unknown} stays')
  const ms = Date.UTC(2026, 10, 27, 9)
  assert.equal(formatDate(ms, 'UTC', catalogueFor('ru').locale), '27 ноября 2026 г.')
  assert.equal(formatDate(ms, 'UTC', ENGLISH.locale), '27 November 2026')
})

// Language tags, their path prefixes and names (src/domain/language.ts).

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { isLanguageTag, languageName, languagePrefix, localizedPath, PATH_LANGUAGES, siteLanguages } from '../../src/domain/language.ts'

test('simple BCP 47 tags with script or region subtags are language tags', () => {
  for (const t of ['en', 'ru', 'kk', 'kk-Cyrl', 'kk-Latn', 'pt-BR', 'es-419', 'fil', 'uz-Latn-UZ']) assert.ok(isLanguageTag(t), t)
})

test('malformed tags are not language tags', () => {
  for (const t of ['', 'E', 'EN', 'english', 'en_GB', 'en-', '-en', 'en-GBR', 'en GB', '12']) {
    assert.equal(isLanguageTag(t), false, JSON.stringify(t))
  }
})

test('the path prefix is the primary subtag', () => {
  assert.equal(languagePrefix('pt-BR'), 'pt')
  assert.equal(languagePrefix('kk-Cyrl'), 'kk')
  assert.equal(languagePrefix('ru'), 'ru')
})

test('every path language is a two-letter lower-case code, listed once', () => {
  assert.equal(new Set(PATH_LANGUAGES).size, PATH_LANGUAGES.length)
  for (const l of PATH_LANGUAGES) assert.match(l, /^[a-z]{2}$/)
  for (const l of ['ru', 'kk', 'uz', 'ky', 'en']) assert.ok(PATH_LANGUAGES.includes(l), l)
})

test('languages are named in themselves, falling back to the tag', () => {
  assert.equal(languageName('ru'), 'Русский')
  assert.equal(languageName('kk-Cyrl'), 'Қазақша')
  assert.equal(languageName('en-GB'), 'English')
  assert.equal(languageName('xx'), 'xx')
})

test('site languages: the default first without a prefix, then each other language once, with its names', () => {
  const languages = siteLanguages([
    { tag: 'en', name: 'English' }, { tag: 'ru', name: 'Русский', sections: { news: 'Новости', bad: 3 }, description: 'Независимые новости' },
    { tag: 'ru-RU' }, { tag: 'xx-not a tag' }, 'kk', { tag: 'zz' }, null, { tag: 'kk-Cyrl' },
  ], 'en')
  assert.deepEqual(languages.map((l) => [l.tag, l.prefix, l.name]), [['en', '', 'English'], ['ru', '/ru', 'Русский'], ['kk-Cyrl', '/kk', 'Қазақша']])
  assert.deepEqual(languages[1]!.sectionNames, { news: 'Новости' })
  assert.equal(languages[1]!.description, 'Независимые новости')
  assert.deepEqual(siteLanguages(undefined, 'de').map((l) => [l.tag, l.prefix, l.name]), [['de', '', 'Deutsch']])
  assert.equal(localizedPath('/ru', '/'), '/ru')
  assert.equal(localizedPath('/ru', '/news'), '/ru/news')
  assert.equal(localizedPath('', '/news'), '/news')
})

// slugify and isSlug: how titles become URL segments (src/domain/slug.ts).

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { isSlug, MAX_SLUG_LENGTH, slugify } from '../../src/domain/slug.ts'

test('a plain English title becomes lower-case words joined by single hyphens', () => {
  assert.equal(slugify('Kazakh elections: EU view'), 'kazakh-elections-eu-view')
  assert.equal(slugify('  Energy   Prices  Rise  '), 'energy-prices-rise')
})

test('Latin letters with diacritics lose their marks', () => {
  assert.equal(slugify('Café déjà vu — Zürich'), 'cafe-deja-vu-zurich')
  assert.equal(slugify('Ñandú señor Ångström Čapek'), 'nandu-senor-angstrom-capek')
  assert.equal(slugify('İstanbul'), 'istanbul')
})

test('Latin letters without a Unicode decomposition are spelled out, not dropped', () => {
  assert.equal(slugify('Łódź Øresund straße Æsir'), 'lodz-oresund-strasse-aesir')
  assert.equal(slugify('Işık Əliyev'), 'isik-eliyev')
})

test('Russian Cyrillic is transliterated', () => {
  assert.equal(slugify('Выборы в Казахстане'), 'vybory-v-kazakhstane')
  assert.equal(slugify('Щука, ёж и объявление'), 'shchuka-ezh-i-obyavlenie')
})

test('Kazakh Cyrillic letters are transliterated too', () => {
  assert.equal(slugify('Қазақстан жаңалықтары'), 'qazaqstan-zhanalyqtary')
  assert.equal(slugify('Өскемен Үштөбе'), 'oskemen-ushtobe')
})

test('punctuation and symbols become single hyphens, never leading or trailing', () => {
  assert.equal(slugify('"Hello," she said -- (again)!'), 'hello-she-said-again')
  assert.equal(slugify('EU/US & UK: 3 views?'), 'eu-us-uk-3-views')
  assert.equal(slugify('...dots...'), 'dots')
})

test('a slug is at most MAX_SLUG_LENGTH characters and never ends in a hyphen after the cut', () => {
  assert.equal(MAX_SLUG_LENGTH, 120)
  const long = slugify('a'.repeat(500))
  assert.equal(long.length, 120)
  const words = slugify('abc '.repeat(60))
  assert.ok(words.length <= 120)
  assert.doesNotMatch(words, /-$/)
  assert.ok(isSlug(words))
})

test('a title with nothing sluggable becomes "untitled"', () => {
  for (const title of ['', '   ', '!!!', '中文', '—']) assert.equal(slugify(title), 'untitled', JSON.stringify(title))
})

test('every slugify result is a valid slug', () => {
  for (const title of ['Kazakh elections: EU view', 'Выборы', 'Łódź', '½ price', '---', 'A'.repeat(300)]) {
    assert.ok(isSlug(slugify(title)), title)
  }
})

test('isSlug accepts lower-case ASCII words joined by single hyphens', () => {
  for (const s of ['news', 'monday-commentary', 'a1-b2', '2026']) assert.ok(isSlug(s), s)
})

test('isSlug rejects capitals, double, leading or trailing hyphens, spaces, dots and over-long values', () => {
  for (const s of ['', 'News', 'a--b', '-a', 'a-', 'a b', '..', 'a.b', 'a/b', 'ü', 'a_b', 'a'.repeat(121)]) {
    assert.equal(isSlug(s), false, JSON.stringify(s))
  }
  assert.ok(isSlug('a'.repeat(120)))
})

test('Greek titles are transliterated, accents and final sigma included', () => {
  assert.equal(slugify('Ελληνικά νέα'), 'ellinika-nea')
  assert.equal(slugify('Ψυχή και θάλασσα'), 'psychi-kai-thalassa')
})

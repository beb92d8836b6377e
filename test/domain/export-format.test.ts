// Version-1 exports are still read: their flat static pages become version 2's published top-level pages.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { FORMAT_VERSION, hasKind, KIND_ORDER, KINDS, READABLE_VERSIONS, upgradeLine } from '../../src/domain/export-format.ts'

test('a version-1 page line gets every field of version 2: top level, its slug as path, published, language left to the site', () => {
  const v1 = { id: 3, slug: 'about', title: 'About us', body_html: '<p>Hi</p>', updated_at: '2026-01-02T03:04:05.000Z' }
  const line = upgradeLine(1, 'pages', v1)
  assert.deepEqual(Object.keys(line).sort(), Object.keys(KINDS.pages.fields).sort())
  assert.deepEqual(line, { ...v1, parent_id: null, path: '/about', language: '', status: 'published', created_at: v1.updated_at, published_at: v1.updated_at })
})

test('lines of the version this code writes, and other kinds, are read as they are', () => {
  assert.equal(FORMAT_VERSION, 4)
  assert.deepEqual(READABLE_VERSIONS, [1, 2, 3, 4])
  const page = { id: 1, parent_id: null, slug: 'a', path: '/a', title: 'A', body_html: '', language: 'en', status: 'draft', created_at: 'x', updated_at: 'x', published_at: null }
  assert.deepEqual(upgradeLine(2, 'pages', page), page)
  assert.deepEqual(upgradeLine(2, 'sections', { id: 1, slug: 'news', allow_unsigned: false }), { id: 1, slug: 'news', allow_unsigned: false })
  assert.deepEqual(upgradeLine(1, 'tags', { id: 1, slug: 'energy', names: [] }), { id: 1, slug: 'energy', names: [] })
  // Names per language came within version 3: a tag line without them has none, whatever its version.
  assert.deepEqual(upgradeLine(3, 'tags', { id: 1, slug: 'energy' }), { id: 1, slug: 'energy', names: [] })
  const article = { id: 1, hero_caption: 'Own', hero_credit: null, live: { hero_caption: 'Own', hero_credit: null } }
  assert.deepEqual(upgradeLine(3, 'articles', article), article)
})

test('an article of a version-1 or 2 export shows the library\'s hero caption and credit, in its working and live copy', () => {
  for (const version of [1, 2]) {
    assert.deepEqual(upgradeLine(version, 'articles', { id: 1, live: { title: 'T' } }),
      { id: 1, hero_caption: null, hero_credit: null, live: { title: 'T', hero_caption: null, hero_credit: null } })
    assert.deepEqual(upgradeLine(version, 'articles', { id: 2, live: null }), { id: 2, hero_caption: null, hero_credit: null, live: null })
  }
})

test('a version-1 section publishes unsigned pieces, as every section did before bylines belonged to accounts', () => {
  assert.deepEqual(upgradeLine(1, 'sections', { id: 1, slug: 'news' }), { id: 1, slug: 'news', allow_unsigned: true })
})

test('speakers, quotes and live quotes are files from version 4 on; older exports have every other kind\'s file', () => {
  const added = ['speakers', 'quotes', 'live_quotes']
  for (const version of [1, 2, 3]) assert.deepEqual(KIND_ORDER.filter((k) => !hasKind(version, k)), added)
  assert.ok(KIND_ORDER.every((k) => hasKind(4, k)))
  // Each comes after what it refers to: speakers after tags and media, quotes after articles and speakers.
  assert.ok(KIND_ORDER.indexOf('speakers') > KIND_ORDER.indexOf('tags') && KIND_ORDER.indexOf('quotes') > KIND_ORDER.indexOf('articles'))
  assert.ok(KIND_ORDER.indexOf('live_quotes') > KIND_ORDER.indexOf('quotes'))
})

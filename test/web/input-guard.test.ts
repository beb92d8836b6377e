// A NUL anywhere in a request answers 400 on both engines and changes nothing (src/web/input-guard.ts).

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { onBothEngines } from '../support/both-engines.ts'
import { seedNewsroom } from '../support/web.ts'
import { cookieHeader, csrfOf, postForm, setupOwner } from '../support/desk.ts'
import { apiUser } from '../support/admin-api.ts'
import { holdsNonFinite, holdsNul } from '../../src/web/input-guard.ts'

test('holdsNul finds a NUL in strings, keys, arrays and nested objects, and nothing in clean bodies', () => {
  assert.equal(holdsNul('a\u0000b'), true)
  assert.equal(holdsNul({ title: 'ok', tags: ['x', 'y\u0000'] }), true)
  assert.equal(holdsNul({ ['k\u0000']: 1 }), true)
  assert.equal(holdsNul({ a: { b: { c: [[['\u0000']]] } } }), true)
  assert.equal(holdsNul({ title: 'ok', n: 1, nothing: null, list: [1, 'two', { three: true }] }), false)
  assert.equal(holdsNul(undefined), false)
  let deep: unknown = 'end'
  for (let i = 0; i < 100_000; i++) deep = [deep]
  assert.equal(holdsNul(deep), false, 'deep nesting does not overflow the stack')
})

test('holdsNonFinite finds Infinity and NaN at any depth, and passes finite numbers and numeric strings', () => {
  assert.equal(holdsNonFinite({ id: Infinity }), true)
  assert.equal(holdsNonFinite({ a: [{ b: -Infinity }] }), true)
  assert.equal(holdsNonFinite(JSON.parse('{"version":1e400}')), true)
  assert.equal(holdsNonFinite([NaN]), true)
  assert.equal(holdsNonFinite({ id: 5, page: '99999999999999999999', n: Number.MAX_SAFE_INTEGER, s: 'Infinity' }), false)
})

onBothEngines('a NUL in a slug, a path parameter or a text filter answers 400', async (a) => {
  await seedNewsroom(a.store)
  const owner = cookieHeader(await setupOwner(a))
  const urls = [
    '/api/v1/articles/news/%00', '/news/%00', '/news/election%00results', '/tag/%00', '/%00', '/search?q=%00', '/api/v1/search?q=a%00',
    '/desk?q=%00', '/desk/tags?q=%00', '/desk/media?q=%00', '/desk/redirects?q=%00', '/desk/front?q=%00', '/index.php?id=%00',
  ]
  for (const url of urls) {
    const res = await a.app.inject({ url, headers: { cookie: owner } })
    assert.equal(res.statusCode, 400, url)
    assert.match(res.body, /NUL character/, url)
  }
})

onBothEngines('a NUL in a form or JSON body answers 400 and changes nothing', async (a) => {
  await seedNewsroom(a.store)
  const owner = await setupOwner(a)
  const page = await a.app.inject({ url: '/desk/tags', headers: { cookie: cookieHeader(owner) } })
  const before = (await a.store.taxonomy.tags()).length
  const form = await postForm(a, '/desk/tags', { _csrf: csrfOf(page.body), name: 'Bad\u0000tag', slug: 'bad-tag', kind: 'topic' }, owner)
  assert.equal(form.statusCode, 400, form.body)
  assert.match(form.body, /NUL character/)
  assert.equal((await a.store.taxonomy.tags()).length, before)
  assert.equal(await a.store.taxonomy.tagBySlug('bad-tag'), undefined)
  const admin = await apiUser(a, 'admin')
  const json = await a.app.inject({
    method: 'POST', url: '/api/v1/admin/articles', headers: { authorization: `Bearer ${admin.token}` },
    payload: { title: 'A title', section: 'news', body_html: '<p>a\u0000b</p>' },
  })
  assert.equal(json.statusCode, 400, json.body)
  assert.equal(json.json().error.code, 400)
  const list = await a.app.inject({ url: '/api/v1/admin/articles?status=draft', headers: { authorization: `Bearer ${admin.token}` } })
  assert.equal(list.json().items.length, 0, 'no draft was made')
})

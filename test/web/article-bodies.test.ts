// Article bodies through the Admin API and the desk: too deeply nested ones are refused with a 400 that changes nothing,
// and a long one is cleaned while other requests keep being answered (src/content/sanitize.ts, src/editorial/article-input.ts).

import { Readable } from 'node:stream'
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { buildSiteApp } from '../support/web.ts'
import { seedTaxonomy } from '../support/seed.ts'
import { api, apiUser, createViaApi } from '../support/admin-api.ts'
import { cookieHeader, csrfOf, postForm, setupOwner } from '../support/desk.ts'
import { INLINE_MAX_CHARS, MAX_NESTING } from '../../src/content/sanitize.ts'

/** The body of the report: 200,000 unclosed `<b>`, 600 KB, well under the body's length limit. */
const DEEP = '<b>'.repeat(200_000)

test('the Admin API refuses a body nesting deeper than the limit with a 400 naming body_html, and changes nothing', async (t) => {
  const a = await buildSiteApp(t)
  await seedTaxonomy(a.store)
  const editor = await apiUser(a, 'editor')

  const created = await api(a, editor, { method: 'POST', url: '/api/v1/admin/articles', payload: { title: 'Deep', section: 'news', body_html: DEEP } })
  assert.equal(created.statusCode, 400, created.body)
  assert.match(created.body, new RegExp(`nests elements deeper than ${MAX_NESTING} levels`))
  assert.match(created.body, /body_html/)
  assert.equal(await a.store.articles.get(1), undefined, 'no article was created')

  const draft = await createViaApi(a, editor, { body_html: '<p>Kept.</p>' })
  const stray = '<b></i>'.repeat(1000) // end tags that close nothing do not make the nesting shallower
  for (const body_html of [DEEP, stray, `<p>${'<em>'.repeat(MAX_NESTING)}x</p>`]) {
    const patched = await api(a, editor, { method: 'PATCH', url: `/api/v1/admin/articles/${draft.id}`, payload: { version: draft.version, body_html } })
    assert.equal(patched.statusCode, 400, patched.body)
    assert.match(patched.body, /nests elements deeper/)
  }
  const after = (await a.store.articles.get(draft.id))!
  assert.equal(after.version, draft.version, 'the article was not saved')
  assert.equal(after.bodyHtml, '<p>Kept.</p>')
  assert.equal((await a.store.revisions.list(draft.id, { page: 1, perPage: 50 })).items.length, 1, 'no revision was kept')

  // Nesting right at the limit is ordinary content.
  const atLimit = `${'<em>'.repeat(MAX_NESTING)}x${'</em>'.repeat(MAX_NESTING)}`
  const ok = await api(a, editor, { method: 'PATCH', url: `/api/v1/admin/articles/${draft.id}`, payload: { version: draft.version, body_html: atLimit } })
  assert.equal(ok.statusCode, 200, ok.body)
  assert.equal((await a.store.articles.get(draft.id))!.bodyHtml, atLimit)
})

test('the desk refuses a too deeply nested body with a 400 at the body field, keeping the text and the article as they were', async (t) => {
  const a = await buildSiteApp(t)
  await seedTaxonomy(a.store)
  const owner = await setupOwner(a)
  const form = { title: 'Deep', standfirst: '', section: 'news', genre: 'news', tags: '' }
  const deep = `<p>${'<b>'.repeat(MAX_NESTING + 5)}deep text</p>`
  const newPage = await a.app.inject({ url: '/desk/articles/new', headers: { cookie: cookieHeader(owner) } })
  const refused = await postForm(a, '/desk/articles', { ...form, body: deep, _csrf: csrfOf(newPage.body) }, owner)
  assert.equal(refused.statusCode, 400, refused.body)
  assert.match(refused.body, /nests elements deeper than/)
  assert.match(refused.body, /deep text/, 'the writer gets the text back')
  assert.equal(await a.store.articles.get(1), undefined, 'no article was created')

  const created = await postForm(a, '/desk/articles', { ...form, body: '<p>Kept.</p>', _csrf: csrfOf(newPage.body) }, owner)
  assert.equal(created.statusCode, 303, created.body)
  const id = Number(/\/desk\/articles\/(\d+)\/edit/.exec(String(created.headers.location))![1])
  const edit = await a.app.inject({ url: `/desk/articles/${id}/edit`, headers: { cookie: cookieHeader(owner) } })
  const version = /name="version" value="(\d+)"/.exec(edit.body)![1]!
  const saved = await postForm(a, `/desk/articles/${id}`, { ...form, body: deep, version, _csrf: csrfOf(edit.body) }, owner)
  assert.equal(saved.statusCode, 400, saved.body)
  assert.match(saved.body, /nests elements deeper than/)
  const article = (await a.store.articles.get(id))!
  assert.equal(article.version, Number(version))
  assert.equal(article.bodyHtml, '<p>Kept.</p>')
})

test('a long body is cleaned off the event loop: requests sent after it are all answered before its save finishes', async (t) => {
  const a = await buildSiteApp(t)
  await seedTaxonomy(a.store)
  const editor = await apiUser(a, 'editor')
  // About 1.9 MB of markup that is all stripped: long to clean, but an empty body to store and send back, so that the
  // save's time is the sanitizer's.
  const long = '<span class="c" onclick="steal()"><font face="x"></font></span>'.repeat(30_000)
  assert.ok(long.length > 20 * INLINE_MAX_CHARS)
  // The probes start once the save's body has been read whole and its handling has begun, so that they run while it is
  // being cleaned. (A hook on the app would not see the save: the Admin API is an instance of its own, lazy-area.ts.)
  let handling!: () => void
  const handled = new Promise<void>((resolve) => { handling = resolve })
  const payload = Readable.from([JSON.stringify({ title: 'Long', section: 'news', body_html: long })])
  payload.once('end', () => setImmediate(handling))
  const order: string[] = []
  const save = api(a, editor, { method: 'POST', url: '/api/v1/admin/articles', headers: { 'content-type': 'application/json' }, payload })
    .then((res) => {
      order.push('save')
      return res
    })
  await handled
  // Fifty requests one after the other: inline, the sanitizing would hold them until the save was all but done.
  for (let i = 0; i < 50; i++) {
    const res = await a.app.inject('/healthz')
    assert.equal(res.statusCode, 200)
  }
  order.push('probes')
  const res = await save
  assert.equal(res.statusCode, 201, res.body)
  assert.deepEqual(order, ['probes', 'save'])
  const stored = (await a.store.articles.get(res.json<{ id: number }>().id))!.bodyHtml
  assert.equal(stored, '')
})

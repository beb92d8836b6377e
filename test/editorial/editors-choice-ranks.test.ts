// Editor's choice ranks never repeat: setting an article's rank shifts the others, from the Admin API and the desk alike.

import assert from 'node:assert/strict'
import { api, apiNewsroom, createViaApi, forEachEngine } from '../support/admin-api.ts'
import { cookieHeader, csrfOf, login } from '../support/desk.ts'
import type { TestApp } from '../support/build-test-app.ts'

const ARTICLES = '/api/v1/admin/articles'

/** The editor's choice as [id, rank] pairs in rank order. */
const picks = async (a: TestApp): Promise<[number, number | null][]> => (await a.store.articles.editorsChoice()).map((p) => [p.id, p.rank])

forEachEngine("a rank set through the Admin API takes its place and moves the picks from there down one", async (a) => {
  const { users } = await apiNewsroom(a)
  const one = await createViaApi(a, users.editor, { editors_choice: 1 })
  const two = await createViaApi(a, users.editor, { editors_choice: 2 })
  const three = await createViaApi(a, users.editor, { editors_choice: 3 })
  assert.deepEqual(await picks(a), [[one.id, 1], [two.id, 2], [three.id, 3]])

  // A new article asking for rank 1 pushes every pick down: no two share a rank.
  const top = await createViaApi(a, users.editor, { editors_choice: 1 })
  assert.deepEqual(await picks(a), [[top.id, 1], [one.id, 2], [two.id, 3], [three.id, 4]])

  // Moving the last pick to 2 shifts the ones between.
  const v = (await a.store.articles.get(three.id))!.version
  const move = await api(a, users.editor, { method: 'PATCH', url: `${ARTICLES}/${three.id}`, payload: { version: v, editors_choice: 2 } })
  assert.equal(move.statusCode, 200, move.body)
  assert.equal(move.json().editors_choice, 2)
  assert.deepEqual(await picks(a), [[top.id, 1], [three.id, 2], [one.id, 3], [two.id, 4]])

  // A rank past the end puts the article last, with the next free rank rather than a gap.
  const far = await api(a, users.editor, { method: 'PATCH', url: `${ARTICLES}/${top.id}`, payload: { version: (await a.store.articles.get(top.id))!.version, editors_choice: 900 } })
  assert.equal(far.statusCode, 200, far.body)
  assert.equal(far.json().editors_choice, 4)
  assert.deepEqual(await picks(a), [[three.id, 1], [one.id, 2], [two.id, 3], [top.id, 4]])

  // Leaving the picks closes the ranks behind it.
  const out = await api(a, users.editor, { method: 'PATCH', url: `${ARTICLES}/${one.id}`, payload: { version: (await a.store.articles.get(one.id))!.version, editors_choice: null } })
  assert.equal(out.statusCode, 200, out.body)
  assert.deepEqual(await picks(a), [[three.id, 1], [two.id, 2], [top.id, 3]])
})

forEachEngine("a rank typed in the desk's form shifts the others the same way, and the front's list stays unique", async (a) => {
  const { users } = await apiNewsroom(a)
  const first = await createViaApi(a, users.editor, { editors_choice: 1 })
  const second = await createViaApi(a, users.editor, { editors_choice: 2 })
  const mine = await createViaApi(a, users.editor)
  const { session } = await login(a, 'editor@news.example', 'a long enough password')
  const cookie = cookieHeader(session!)
  const page = await a.app.inject({ url: `/desk/articles/${mine.id}/edit`, headers: { cookie } })
  assert.equal(page.statusCode, 200)
  const form = new URLSearchParams({
    _csrf: csrfOf(page.body), version: String(mine.version), title: 'Picked from the desk', section: 'news', genre: 'news',
    editors_choice_rank: '1', editors_choice_rank_was: '',
  })
  const saved = await a.app.inject({
    method: 'POST', url: `/desk/articles/${mine.id}`, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: form.toString(),
  })
  assert.equal(saved.statusCode, 303, saved.body)
  assert.deepEqual(await picks(a), [[mine.id, 1], [first.id, 2], [second.id, 3]])
  // The shifted articles' own forms show their new ranks.
  const other = await a.app.inject({ url: `/desk/articles/${first.id}/edit`, headers: { cookie } })
  assert.match(other.body, /name="editors_choice_rank"[^>]*value="2"/)
})

// Editor's choice is curation: only roles with the curation right set it, whether through the Admin API or the desk.

import assert from 'node:assert/strict'
import { api, apiNewsroom, createViaApi, forEachEngine } from '../support/admin-api.ts'
import { cookieHeader, csrfOf, login } from '../support/desk.ts'
import type { TestApp } from '../support/build-test-app.ts'

const ARTICLES = '/api/v1/admin/articles'

/** The front page's editor's choice, as ids in rank order. */
const picks = async (a: TestApp): Promise<number[]> => (await a.store.articles.editorsChoice()).map((p) => p.id)

forEachEngine("authors and contributors get 403 for editors_choice in an Admin API create or update, and the front page keeps its picks", async (a) => {
  const n = await apiNewsroom(a)
  for (const role of ['contributor', 'author'] as const) {
    const user = n.users[role]
    const create = await api(a, user, { method: 'POST', url: ARTICLES, payload: { title: `First in line (${role})`, section: 'news', editors_choice: 1 } })
    assert.equal(create.statusCode, 403, create.body)
    assert.equal(create.json().error.field, 'editors_choice')
    assert.equal((await a.store.deskArticles.list({ page: 1, perPage: 50, text: 'First in line' })).items.length, 0, 'nothing was created')

    const own = await createViaApi(a, user)
    const patch = await api(a, user, { method: 'PATCH', url: `${ARTICLES}/${own.id}`, payload: { version: own.version, editors_choice: 1 } })
    assert.equal(patch.statusCode, 403, patch.body)
    assert.equal((await a.store.articles.get(own.id))!.editorsChoiceRank, null)
    // Sending the rank the article already has is no curation: the rest of the change goes through.
    const same = await api(a, user, { method: 'PATCH', url: `${ARTICLES}/${own.id}`, payload: { version: own.version, editors_choice: null, title: 'Retitled' } })
    assert.equal(same.statusCode, 200, same.body)
  }
  assert.deepEqual(await picks(a), [])

  // An author publishes their own article; an editor may pick it, and the author's later edits keep the pick untouched.
  const authors = await createViaApi(a, n.users.author)
  assert.equal((await api(a, n.users.author, { method: 'POST', url: `${ARTICLES}/${authors.id}/publish` })).statusCode, 200)
  const version = (await a.store.articles.get(authors.id))!.version
  const pick = await api(a, n.users.editor, { method: 'PATCH', url: `${ARTICLES}/${authors.id}`, payload: { version, editors_choice: 1 } })
  assert.equal(pick.statusCode, 200, pick.body)
  assert.deepEqual(await picks(a), [authors.id])
  const drop = await api(a, n.users.author, { method: 'PATCH', url: `${ARTICLES}/${authors.id}`, payload: { version: version + 1, editors_choice: null } })
  assert.equal(drop.statusCode, 403, 'an author may not take it out either')
  const edit = await api(a, n.users.author, { method: 'PATCH', url: `${ARTICLES}/${authors.id}`, payload: { version: version + 1, standfirst: 'Updated.' } })
  assert.equal(edit.statusCode, 200, edit.body)
  assert.deepEqual(await picks(a), [authors.id])
  assert.equal(edit.json().editors_choice, 1)
})

forEachEngine("a forged editor's choice rank in the desk's form or autosave answers 403 for an author", async (a) => {
  const n = await apiNewsroom(a)
  const { session } = await login(a, 'author@news.example', 'a long enough password')
  const cookies = session!
  const own = await createViaApi(a, n.users.author)
  const page = await a.app.inject({ url: `/desk/articles/${own.id}/edit`, headers: { cookie: cookieHeader(cookies) } })
  assert.equal(page.statusCode, 200)
  assert.match(page.body, /name="editors_choice_rank"[^>]*disabled/, 'the field is shown disabled to authors')
  const csrf = csrfOf(page.body)
  const fields = { title: 'Own piece', section: 'news', genre: 'news', editors_choice_rank: '1', editors_choice_rank_was: '' }
  const form = await a.app.inject({
    method: 'POST', url: `/desk/articles/${own.id}`, headers: { cookie: cookieHeader(cookies), 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ ...fields, version: String(own.version), _csrf: csrf }).toString(),
  })
  assert.equal(form.statusCode, 403)
  const autosave = await a.app.inject({
    method: 'POST', url: `/desk/articles/${own.id}/autosave`, headers: { cookie: cookieHeader(cookies) }, payload: { _csrf: csrf, version: own.version, fields },
  })
  assert.equal(autosave.statusCode, 403)
  assert.match(autosave.json().error, /curate/)
  assert.equal((await a.store.articles.get(own.id))!.editorsChoiceRank, null)
  // Without the field (as the browser sends the disabled form) the save goes through.
  const { editors_choice_rank: _r, ...plain } = fields
  const ok = await a.app.inject({
    method: 'POST', url: `/desk/articles/${own.id}/autosave`, headers: { cookie: cookieHeader(cookies) }, payload: { _csrf: csrf, version: own.version, fields: plain },
  })
  assert.equal(ok.statusCode, 200, ok.body)
})

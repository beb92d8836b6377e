// A contributor's article, once an editor scheduled or published it, is no longer theirs to change: from every door.

import assert from 'node:assert/strict'
import type { TestContext } from 'node:test'
import { forEachEngine } from '../support/databases.ts'
import { cookieHeader, csrfOf, postForm, setupOwner, userSession } from '../support/desk.ts'
import { buildSiteApp } from '../support/web.ts'
import { allowUnsigned, seedTaxonomy } from '../support/seed.ts'
import type { TestApp } from '../support/build-test-app.ts'
import type { Engine } from '../support/databases.ts'

type Cookies = Record<string, string>

const FORM = { title: 'Water talks in Almaty', standfirst: 'Both sides met.', body: '<p>The talks began.</p>', section: 'news', genre: 'news', tags: 'energy' }
const HOUR = 3_600_000

const get = (a: TestApp, url: string, cookies: Cookies) => a.app.inject({ url, headers: { cookie: cookieHeader(cookies) } })

/** A contributor's article that an editor then moved to `status`; the contributor's session and API token. */
async function approved(t: TestContext, engine: Engine, status: 'scheduled' | 'published') {
  const a = await buildSiteApp(t, { engine })
  await seedTaxonomy(a.store)
  await allowUnsigned(a.store, 'news', 'opinion')
  const owner = await setupOwner(a)
  const contributor = await userSession(a, 'contributor')
  const { token } = await a.services.accounts.createToken('contributor@news.example', 'tests')
  const csrf = csrfOf((await get(a, '/desk/articles/new', contributor.cookies)).body)
  const created = await postForm(a, '/desk/articles', { ...FORM, _csrf: csrf }, contributor.cookies)
  assert.equal(created.statusCode, 303, created.body)
  const id = Number(/\/desk\/articles\/(\d+)\/edit/.exec(created.headers.location as string)![1])
  // A second save, so there is an older revision to restore.
  const saved = await postForm(a, `/desk/articles/${id}`, { ...FORM, title: 'Water talks in Almaty resume', version: '1', _csrf: csrf }, contributor.cookies)
  assert.equal(saved.statusCode, 303, saved.body)
  assert.equal((await postForm(a, `/desk/articles/${id}/status`, { to: 'in_review', _csrf: csrf }, contributor.cookies)).statusCode, 303)
  const ownerCsrf = csrfOf((await get(a, `/desk/articles/${id}/edit`, owner)).body)
  const move = status === 'published' ? { to: 'published' } : { to: 'scheduled', at: new Date(a.clock.now() + 2 * HOUR).toISOString().slice(0, 16) }
  const moved = await postForm(a, `/desk/articles/${id}/status`, { ...move, _csrf: ownerCsrf }, owner)
  assert.equal(moved.statusCode, 303, moved.body)
  const article = (await a.store.articles.get(id))!
  assert.equal(article.status, status)
  const oldest = (await a.services.editing.revisions(id)).items.at(-1)!.id
  return { a, id, csrf, cookies: contributor.cookies, token, version: article.version, title: article.title, oldest }
}

for (const status of ['scheduled', 'published'] as const) {
  forEachEngine(`a contributor cannot change their own article once it is ${status}: form, autosave, restore and the Admin API all answer 403`, async (t, engine) => {
    const { a, id, csrf, cookies, token, version, title, oldest } = await approved(t, engine, status)
    const unchanged = async (door: string) => {
      const article = (await a.store.articles.get(id))!
      assert.equal(article.title, title, `${door} left the title alone`)
      assert.equal(article.version, version, `${door} left the version alone`)
    }

    const form = await postForm(a, `/desk/articles/${id}`, { ...FORM, title: 'Rewritten after approval', version: String(version), _csrf: csrf }, cookies)
    assert.equal(form.statusCode, 403, 'the desk form')
    await unchanged('the desk form')

    const autosave = await a.app.inject({
      method: 'POST', url: `/desk/articles/${id}/autosave`, headers: { cookie: cookieHeader(cookies) },
      payload: { _csrf: csrf, version, fields: { ...FORM, title: 'Autosaved after approval' } },
    })
    assert.equal(autosave.statusCode, 403, 'autosave')
    assert.match(autosave.json().error, /contributor/)
    await unchanged('autosave')

    const restore = await postForm(a, `/desk/articles/${id}/revisions/${oldest}/restore`, { _csrf: csrf }, cookies)
    assert.equal(restore.statusCode, 403, 'restoring a revision')
    await unchanged('restoring a revision')

    const patch = await a.app.inject({
      method: 'PATCH', url: `/api/v1/admin/articles/${id}`, headers: { authorization: `Bearer ${token}` }, payload: { version, title: 'Patched after approval' },
    })
    assert.equal(patch.statusCode, 403, 'the Admin API')
    await unchanged('the Admin API')

    // They may still read it, and an editor may still change it.
    assert.equal((await get(a, `/desk/articles/${id}/edit`, cookies)).statusCode, 200)
    const editor = await a.services.editing.save({ articleId: id, version, input: { title: 'An editor’s fix', section: 'news' }, actor: { userId: null, role: 'editor' }, kind: 'save' })
    assert.equal(editor.version, version + 1)
  })
}

forEachEngine('a contributor still changes their own article while it is a draft or in review, through the form, autosave and restore', async (t, engine) => {
  const a = await buildSiteApp(t, { engine })
  await seedTaxonomy(a.store)
  await allowUnsigned(a.store, 'news', 'opinion')
  await setupOwner(a)
  const { cookies } = await userSession(a, 'contributor')
  const csrf = csrfOf((await get(a, '/desk/articles/new', cookies)).body)
  const created = await postForm(a, '/desk/articles', { ...FORM, _csrf: csrf }, cookies)
  const id = Number(/\/desk\/articles\/(\d+)\/edit/.exec(created.headers.location as string)![1])
  assert.equal((await postForm(a, `/desk/articles/${id}`, { ...FORM, title: 'Second take', version: '1', _csrf: csrf }, cookies)).statusCode, 303)
  assert.equal((await postForm(a, `/desk/articles/${id}/status`, { to: 'in_review', _csrf: csrf }, cookies)).statusCode, 303)
  const autosave = await a.app.inject({
    method: 'POST', url: `/desk/articles/${id}/autosave`, headers: { cookie: cookieHeader(cookies) },
    payload: { _csrf: csrf, version: 2, fields: { ...FORM, title: 'Third take' } },
  })
  assert.equal(autosave.statusCode, 200, autosave.body)
  const oldest = (await a.services.editing.revisions(id)).items.at(-1)!.id
  assert.equal((await postForm(a, `/desk/articles/${id}/revisions/${oldest}/restore`, { _csrf: csrf }, cookies)).statusCode, 303)
  assert.equal((await a.store.articles.get(id))!.title, FORM.title)
})

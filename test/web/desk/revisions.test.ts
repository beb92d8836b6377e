// An article's revisions on the desk, on both engines: the list, a comparison with <ins>/<del>, restore, and who may see them.

import type { TestContext } from 'node:test'
import assert from 'node:assert/strict'
import { buildSiteApp } from '../../support/web.ts'
import { seedTaxonomy } from '../../support/seed.ts'
import { cookieHeader, csrfOf, postForm, setupOwner, userSession } from '../../support/desk.ts'
import { forEachEngine as eachEngine } from '../../support/databases.ts'
import type { TestApp } from '../../support/build-test-app.ts'

/** Defines `name` once per engine, on an app with the test taxonomy. */
function forEachEngine(name: string, fn: (a: TestApp, t: TestContext) => Promise<void>): void {
  eachEngine(name, async (t, engine) => {
    const a = await buildSiteApp(t, { engine })
    await seedTaxonomy(a.store)
    await fn(a, t)
  })
}

const get = (a: TestApp, url: string, cookies: Record<string, string>) => a.app.inject({ url, headers: { cookie: cookieHeader(cookies) } })
const FORM = { title: 'Talks resume in Geneva', standfirst: '', body: '<p>The delegations met on Monday.</p>', section: 'news', genre: 'news' }
const revisionIds = (body: string): number[] => [...body.matchAll(/data-revision="(\d+)"/g)].map((m) => Number(m[1]))

/** An article created and saved twice through the desk; returns its id and the owner's cookies. */
async function editedArticle(a: TestApp) {
  const owner = await setupOwner(a)
  const csrf = csrfOf((await get(a, '/desk/articles/new', owner)).body)
  const created = await postForm(a, '/desk/articles', { ...FORM, _csrf: csrf }, owner)
  const id = Number(/articles\/(\d+)/.exec(created.headers.location as string)![1])
  await postForm(a, `/desk/articles/${id}`, { ...FORM, body: '<p>The delegations met on Tuesday in Geneva.</p>', version: '1', _csrf: csrf }, owner)
  await postForm(a, `/desk/articles/${id}`, { ...FORM, title: 'Talks resume in Geneva after a year', body: '<p>The delegations met on Tuesday in Geneva.</p>', version: '2', _csrf: csrf }, owner)
  return { id, owner, csrf }
}

forEachEngine('the revisions page lists each save with what, who and when, newest first', async (a) => {
  const { id, owner } = await editedArticle(a)
  const page = await get(a, `/desk/articles/${id}/revisions`, owner)
  assert.equal(page.statusCode, 200)
  const ids = revisionIds(page.body)
  assert.equal(ids.length, 3)
  assert.deepEqual([...ids].sort((x, y) => y - x), ids, 'newest first')
  assert.match(page.body, /<td>Saved<\/td><td>Olga Owner<\/td>/)
  assert.match(page.body, /aria-label="Compare from revision \d+"/)
  assert.match(page.body, /aria-label="Restore revision \d+"/)
  assert.equal((await get(a, `/desk/articles/${id}/revisions?page=0`, owner)).statusCode, 400)
  assert.equal((await get(a, `/desk/articles/${id}/revisions?page=9`, owner)).statusCode, 404)
  assert.equal((await get(a, '/desk/articles/424242/revisions', owner)).statusCode, 404)
})

forEachEngine('comparing two revisions marks words added with <ins> and removed with <del>, and other fields that changed', async (a) => {
  const { id, owner } = await editedArticle(a)
  const [newest, , oldest] = revisionIds((await get(a, `/desk/articles/${id}/revisions`, owner)).body)
  const page = await get(a, `/desk/articles/${id}/revisions?from=${oldest}&to=${newest}`, owner)
  assert.equal(page.statusCode, 200)
  assert.match(page.body, /<del> Monday.<\/del><ins> Tuesday in Geneva.<\/ins>/)
  assert.match(page.body, /<ins> after a year<\/ins>/)
  assert.match(page.body, /Changes from revision \d+ to revision \d+/)
  const other = await get(a, `/desk/articles/${id}/revisions?from=${oldest}&to=999999`, owner)
  assert.equal(other.statusCode, 404)
  assert.equal((await get(a, `/desk/articles/${id}/revisions?from=x&to=1`, owner)).statusCode, 400)
})

forEachEngine('restoring a revision makes it the working copy again, kept as a restore revision; it needs the CSRF token', async (a) => {
  const { id, owner, csrf } = await editedArticle(a)
  const oldest = revisionIds((await get(a, `/desk/articles/${id}/revisions`, owner)).body).at(-1)!
  const forged = await postForm(a, `/desk/articles/${id}/revisions/${oldest}/restore`, {}, owner)
  assert.equal(forged.statusCode, 403)
  assert.equal((await a.store.articles.get(id))!.title, 'Talks resume in Geneva after a year')
  const res = await postForm(a, `/desk/articles/${id}/revisions/${oldest}/restore`, { _csrf: csrf }, owner)
  assert.equal(res.statusCode, 303)
  assert.equal(res.headers.location, `/desk/articles/${id}/edit?notice=restored`)
  const article = (await a.store.articles.get(id))!
  assert.equal(article.title, 'Talks resume in Geneva')
  assert.equal(article.bodyHtml, '<p>The delegations met on Monday.</p>')
  assert.match((await get(a, `/desk/articles/${id}/revisions`, owner)).body, /<td>Restored<\/td>/)
  assert.equal((await postForm(a, `/desk/articles/${id}/revisions/999999/restore`, { _csrf: csrf }, owner)).statusCode, 404)
})

forEachEngine('a contributor may not see or restore the revisions of someone else’s article', async (a) => {
  const { id } = await editedArticle(a)
  const contributor = await userSession(a, 'contributor')
  assert.equal((await get(a, `/desk/articles/${id}/revisions`, contributor.cookies)).statusCode, 403)
  const csrf = csrfOf((await get(a, '/desk/articles/new', contributor.cookies)).body)
  const oldest = (await a.services.editing.revisions(id)).items.at(-1)!.id
  assert.equal((await postForm(a, `/desk/articles/${id}/revisions/${oldest}/restore`, { _csrf: csrf }, contributor.cookies)).statusCode, 403)
  assert.equal((await a.store.articles.get(id))!.title, 'Talks resume in Geneva after a year')
})

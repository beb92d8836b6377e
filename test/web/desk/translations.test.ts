// The desk's Translations panel on both engines: Add translation from the article page, versions with links, link, unlink.

import assert from 'node:assert/strict'
import { type TestContext } from 'node:test'
import { buildSiteApp } from '../../support/web.ts'
import { seedArticle, seedTaxonomy } from '../../support/seed.ts'
import { cookieHeader, csrfOf, postForm, userSession } from '../../support/desk.ts'
import { forEachEngine as eachEngine } from '../../support/databases.ts'
import type { TestApp } from '../../support/build-test-app.ts'

type Cookies = Record<string, string>

function forEachEngine(name: string, fn: (a: TestApp, t: TestContext) => Promise<void>): void {
  eachEngine(name, async (t, engine) => {
    const a = await buildSiteApp(t, { engine })
    await seedTaxonomy(a.store)
    await fn(a, t)
  })
}

const get = (a: TestApp, url: string, cookies: Cookies) => a.app.inject({ url, headers: { cookie: cookieHeader(cookies) } })
const idIn = (location: unknown): number => Number(/^\/desk\/articles\/(\d+)\/edit/.exec(String(location))?.[1])

forEachEngine('Add translation on the article page makes a linked draft, and both pages list the versions with links', async (a) => {
  const { cookies } = await userSession(a, 'editor')
  const en = await seedArticle(a.store, { title: 'Election results announced', tags: ['elections'], standfirst: 'Turnout was high.' })
  const page = await get(a, `/desk/articles/${en}/edit`, cookies)
  assert.equal(page.statusCode, 200)
  assert.match(page.body, /<h2 id="translations-title">Translations<\/h2>/)
  assert.match(page.body, /<option value="ru">Русский \(ru\)<\/option>/)
  assert.doesNotMatch(page.body, /<option value="en">/, 'the article’s own language is not offered')

  const res = await postForm(a, `/desk/articles/${en}/translations`, { language: 'ru', _csrf: csrfOf(page.body) }, cookies)
  assert.equal(res.statusCode, 303, res.body)
  assert.match(String(res.headers.location), /notice=translated/)
  const ru = idIn(res.headers.location)
  const translation = await get(a, String(res.headers.location), cookies)
  assert.match(translation.body, /value="Election results announced"/, 'prefilled with the original')
  assert.match(translation.body, /name="language"[^>]*value="ru"/)
  assert.match(translation.body, new RegExp(`<a href="/desk/articles/${en}/edit" hreflang="en">Election results announced</a>`))
  assert.match(translation.body, /Published/, 'the original’s status is shown')
  const original = await get(a, `/desk/articles/${en}/edit`, cookies)
  assert.match(original.body, new RegExp(`<a href="/desk/articles/${ru}/edit" hreflang="ru">`))
  assert.match(original.body, /Draft/)
  assert.equal((await a.store.revisions.snapshotOf(ru))!.snapshot.tags.join(), 'elections')
})

forEachEngine('the desk forms refuse a second version in one language, a link to itself, and need CSRF', async (a) => {
  const { cookies } = await userSession(a, 'editor')
  const en = await seedArticle(a.store, { title: 'Original' })
  const ru = await seedArticle(a.store, { title: 'Оригинал', language: 'ru', draft: true })
  const csrf = csrfOf((await get(a, `/desk/articles/${en}/edit`, cookies)).body)
  assert.equal((await postForm(a, `/desk/articles/${en}/translations`, { language: 'ru' }, cookies)).statusCode, 403, 'no CSRF token')
  assert.equal((await postForm(a, `/desk/articles/${en}/translation-group`, { translation_of: String(en), _csrf: csrf }, cookies)).statusCode, 400)
  assert.equal((await postForm(a, `/desk/articles/${en}/translations`, { language: 'no such', _csrf: csrf }, cookies)).statusCode, 400)
  const linked = await postForm(a, `/desk/articles/${ru}/translation-group`, { translation_of: String(en), _csrf: csrf }, cookies)
  assert.equal(linked.statusCode, 303, linked.body)
  const twice = await postForm(a, `/desk/articles/${en}/translations`, { language: 'ru', _csrf: csrf }, cookies)
  assert.equal(twice.statusCode, 409)
  assert.match(twice.body, /already the Русский \(ru\) version/)
  const unlinked = await postForm(a, `/desk/articles/${ru}/translation-group/remove`, { _csrf: csrf }, cookies)
  assert.equal(unlinked.statusCode, 303)
  assert.match((await get(a, `/desk/articles/${en}/edit`, cookies)).body, /No other language versions/)
  assert.equal((await postForm(a, `/desk/articles/${ru}/translation-group/remove`, { _csrf: csrf }, cookies)).statusCode, 409)
})

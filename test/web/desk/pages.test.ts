// The desk's pages and menu over HTTP on both engines, and what readers get: nested paths with breadcrumbs, a 301 after
// a move, the sitemap, the footer, and the menu in the masthead.

import assert from 'node:assert/strict'
import { onBothEngines } from '../../support/both-engines.ts'
import { cookieHeader, csrfOf, postForm, setupOwner, userSession } from '../../support/desk.ts'
import { seedNewsroom } from '../../support/web.ts'
import type { TestApp } from '../../support/build-test-app.ts'

const get = (a: TestApp, url: string, cookies: Record<string, string>) => a.app.inject({ url, headers: { cookie: cookieHeader(cookies) } })

async function createPage(a: TestApp, cookies: Record<string, string>, fields: Record<string, string>): Promise<number> {
  const csrf = csrfOf((await get(a, '/desk/pages/new', cookies)).body)
  const res = await postForm(a, '/desk/pages', { _csrf: csrf, language: 'en', body: '', parent: '', ...fields }, cookies)
  assert.equal(res.statusCode, 303, res.body)
  return Number(/\/desk\/pages\/(\d+)/.exec(res.headers.location!)![1])
}

onBothEngines('an editor creates a child page from the desk; readers see it nested with breadcrumbs, and a move leaves a 301', async (a) => {
  await seedNewsroom(a.store)
  await setupOwner(a)
  const editor = (await userSession(a, 'editor')).cookies
  const about = await createPage(a, editor, { title: 'About the institute', slug: 'institute', body: '<p>Since 2001.</p>', publish: '1' })
  const team = await createPage(a, editor, { title: 'Our team', slug: 'team', parent: String(about), body: '<p>Analysts</p><script>x()</script>', publish: '1' })
  const list = (await get(a, '/desk/pages', editor)).body
  assert.match(list, /class="page-row depth-2"[\s\S]*Our team/)
  const page = await a.app.inject('/institute/team')
  assert.equal(page.statusCode, 200)
  assert.match(page.body, /<h1>Our team<\/h1>/)
  assert.match(page.body, /class="breadcrumbs"[\s\S]*href="\/institute">About the institute</)
  assert.doesNotMatch(page.body, /x\(\)/)
  assert.match((await a.app.inject('/')).body, /<a href="\/institute">About the institute<\/a>/, 'top pages are in the footer')
  assert.match((await a.app.inject('/sitemaps/pages.xml')).body, /\/institute\/team<\/loc>/)
  // Move: the old path answers 301 to the new one.
  const csrf = csrfOf((await get(a, `/desk/pages/${team}`, editor)).body)
  const saved = await postForm(a, `/desk/pages/${team}`, { _csrf: csrf, title: 'Our people', slug: 'people', parent: String(about), language: 'en', body: '<p>Analysts</p>' }, editor)
  assert.equal(saved.statusCode, 303, saved.body)
  const old = await a.app.inject('/institute/team')
  assert.equal(old.statusCode, 301)
  assert.equal(old.headers.location, '/institute/people')
  assert.match((await a.app.inject('/institute/people')).body, /<h1>Our people<\/h1>/)
  // A section's slug is refused at the field, and articles below sections still answer.
  const csrf2 = csrfOf((await get(a, '/desk/pages/new', editor)).body)
  const clash = await postForm(a, '/desk/pages', { _csrf: csrf2, title: 'News', slug: 'news', parent: '', language: 'en', body: '' }, editor)
  assert.equal(clash.statusCode, 400)
  assert.match(clash.body, /id="f-slug-error"/)
  assert.equal((await a.app.inject('/news/election-results')).statusCode, 200)
  // Drafts are not on the site but preview on the desk.
  const draft = await createPage(a, editor, { title: 'Draft page', slug: 'draft-page' })
  assert.equal((await a.app.inject('/draft-page')).statusCode, 404)
  assert.match((await get(a, `/desk/pages/${draft}/preview`, editor)).body, /<h1>Draft page<\/h1>/)
  // Authors may not open the pages desk.
  const author = (await userSession(a, 'author')).cookies
  assert.equal((await get(a, '/desk/pages', author)).statusCode, 403)
})

onBothEngines('the menu is edited as rows without JavaScript: add, pick a page, reorder, remove; bad rows change nothing', async (a) => {
  await seedNewsroom(a.store)
  await setupOwner(a)
  const editor = (await userSession(a, 'editor')).cookies
  await createPage(a, editor, { title: 'Contact us', slug: 'contact-us', publish: '1' })
  const csrf = csrfOf((await get(a, '/desk/menu', editor)).body)
  const post = (fields: Record<string, string>) => postForm(a, '/desk/menu', { _csrf: csrf, ...fields }, editor)
  assert.equal((await post({ rows: '3', label_1: 'Energy', href_1: '/tag/energy', label_2: '', href_2: '', pick_2: '/contact-us', label_3: 'Reports', href_3: 'https://reports.example.org/', op: 'save' })).statusCode, 303)
  assert.deepEqual((await a.services.site.get()).settings.menu.map((m) => m.href), ['/tag/energy', '/contact-us', 'https://reports.example.org/'])
  assert.match((await a.app.inject('/')).body, /class="primary-nav"[\s\S]*href="\/contact-us">Contact us</)
  // Move row 3 up, then remove row 1: each button saves the rows as posted with its change.
  const rows = { rows: '3', label_1: 'Energy', href_1: '/tag/energy', label_2: 'Contact us', href_2: '/contact-us', label_3: 'Reports', href_3: 'https://reports.example.org/' }
  assert.equal((await post({ ...rows, op: 'up-3' })).statusCode, 303)
  assert.deepEqual((await a.services.site.get()).settings.menu.map((m) => m.label), ['Energy', 'Reports', 'Contact us'])
  assert.equal((await post({ ...rows, op: 'remove-1' })).statusCode, 303)
  assert.deepEqual((await a.services.site.get()).settings.menu.map((m) => m.label), ['Contact us', 'Reports'])
  for (const [bad, field] of [[{ href_2: '//evil.example/' }, 'href_2'], [{ href_2: 'javascript:alert(1)' }, 'href_2'], [{ href_2: 'http://plain.example/' }, 'href_2'], [{ label_1: '' }, 'label_1']] as const) {
    const res = await post({ ...rows, ...bad, op: 'save' })
    assert.equal(res.statusCode, 400, JSON.stringify(bad))
    assert.match(res.body, new RegExp(`id="${field}-error"`))
  }
  assert.deepEqual((await a.services.site.get()).settings.menu.map((m) => m.label), ['Contact us', 'Reports'])
  assert.equal((await postForm(a, '/desk/menu', { rows: '1', label_1: 'X', href_1: '/x', op: 'save', _csrf: '' }, editor)).statusCode, 403, 'CSRF')
  const author = (await userSession(a, 'author')).cookies
  assert.equal((await get(a, '/desk/menu', author)).statusCode, 403)
})

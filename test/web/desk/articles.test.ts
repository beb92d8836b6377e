// The desk's articles list: role-aware (contributors see their own), filters, pages, and odd query strings.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { buildSiteApp } from '../../support/web.ts'
import { seedArticle, seedTaxonomy } from '../../support/seed.ts'
import { cookieHeader, setupOwner, userSession } from '../../support/desk.ts'
import type { TestApp } from '../../support/build-test-app.ts'

const ids = (body: string): number[] => [...body.matchAll(/data-article="(\d+)"/g)].map((m) => Number(m[1]))
const get = (a: TestApp, url: string, cookies: Record<string, string>) => a.app.inject({ url, headers: { cookie: cookieHeader(cookies) } })

async function newsroom(t: Parameters<typeof buildSiteApp>[0]) {
  const a = await buildSiteApp(t)
  await seedTaxonomy(a.store)
  const owner = await setupOwner(a)
  const contributor = await userSession(a, 'contributor')
  const other = await userSession(a, 'contributor', 'other@news.example')
  const author = await userSession(a, 'author')
  const editor = await userSession(a, 'editor')
  const mine = await seedArticle(a.store, { title: 'Contributor draft on energy', draft: true })
  const theirs = await seedArticle(a.store, { title: 'Other contributor draft', draft: true, section: 'opinion' })
  const published = await seedArticle(a.store, { title: 'Published by the newsroom', authors: ['newsroom'] })
  const authorsOwn = await seedArticle(a.store, { title: 'Author piece', draft: true })
  await a.store.deskArticles.setCreatedBy(mine, contributor.id)
  await a.store.deskArticles.setCreatedBy(theirs, other.id)
  await a.store.deskArticles.setCreatedBy(authorsOwn, author.id)
  return { a, owner, contributor, author, editor, mine, theirs, published, authorsOwn }
}

test('the articles list by role: contributors and authors see what they created, editors and admins see everything', async (t) => {
  const n = await newsroom(t)
  const all = [n.mine, n.theirs, n.published, n.authorsOwn].sort()
  assert.deepEqual(ids((await get(n.a, '/desk', n.contributor.cookies)).body), [n.mine])
  const c = await get(n.a, '/desk', n.contributor.cookies)
  assert.match(c.body, /You see the articles you created/)
  // Authors edit only their own (domain/roles.ts), so they list only their own too.
  assert.deepEqual(ids((await get(n.a, '/desk', n.author.cookies)).body), [n.authorsOwn])
  assert.deepEqual(ids((await get(n.a, '/desk', n.editor.cookies)).body).sort(), all)
  assert.deepEqual(ids((await get(n.a, '/desk', n.owner)).body).sort(), all)
})

test('the articles list filters by status, section, author and title text', async (t) => {
  const n = await newsroom(t)
  assert.deepEqual(ids((await get(n.a, '/desk?status=published', n.editor.cookies)).body), [n.published])
  assert.deepEqual(ids((await get(n.a, '/desk?section=opinion', n.editor.cookies)).body), [n.theirs])
  assert.deepEqual(ids((await get(n.a, '/desk?author=newsroom', n.editor.cookies)).body), [n.published])
  assert.deepEqual(ids((await get(n.a, '/desk?q=ENERGY', n.editor.cookies)).body), [n.mine])
  assert.deepEqual(ids((await get(n.a, '/desk?q=100%25', n.editor.cookies)).body), [], '% is literal')
  assert.deepEqual(ids((await get(n.a, '/desk?status=&section=&author=&q=', n.editor.cookies)).body).length, 4, 'empty filters mean any')
  const page = await get(n.a, '/desk?status=draft', n.editor.cookies)
  assert.match(page.body, /<option value="draft" selected>Draft<\/option>/)
  assert.match(page.body, /<label for="f-status">Status<\/label>/)
})

test('the articles list pages 30 at a time, newest change first', async (t) => {
  const a = await buildSiteApp(t)
  await seedTaxonomy(a.store)
  const owner = await setupOwner(a)
  const created: number[] = []
  for (let i = 0; i < 32; i++) created.push(await seedArticle(a.store, { title: `Story ${i}`, draft: true }, Date.UTC(2026, 0, 1) + i * 60_000))
  const first = await get(a, '/desk', owner)
  assert.equal(ids(first.body).length, 30)
  assert.equal(ids(first.body)[0], created.at(-1))
  assert.match(first.body, /rel="next" href="\/desk\?page=2"/)
  const second = await get(a, '/desk?page=2', owner)
  assert.deepEqual(ids(second.body), [created[1], created[0]])
  assert.doesNotMatch(second.body, /rel="next"/)
})

test('bad list queries answer 400 naming the field', async (t) => {
  const a = await buildSiteApp(t)
  await seedTaxonomy(a.store)
  const owner = await setupOwner(a)
  // Unknown parameters are dropped by the schema (Fastify's removeAdditional), not refused.
  for (const [url, field] of [['/desk?status=lost', /status/], ['/desk?page=0', /page/], ['/desk?page=abc', /page/], ['/desk?section=nowhere', /section/],
    ['/desk?author=Bad%20Slug', /author/], ['/desk?q=' + 'x'.repeat(201), /q/]] as const) {
    const res = await get(a, url, owner)
    assert.equal(res.statusCode, 400, url)
    assert.match(res.body, field, url)
  }
})

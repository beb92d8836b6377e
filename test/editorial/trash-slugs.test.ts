// An article in the trash keeps its slug: no other article may be created with it or renamed to it, with a message
// that names the trashed article and how to free the slug; restoring or deleting it forever frees it. Both engines.

import assert from 'node:assert/strict'
import { forEachEngine } from '../support/databases.ts'
import { buildSiteApp } from '../support/web.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'
import type { Actor } from '../../src/editorial/editing.ts'
import type { ArticleInput } from '../../src/editorial/article-input.ts'

const input = (title: string, slug: string, section = 'news'): ArticleInput =>
  ({ title, slug, section, standfirst: 'A standfirst.', bodyHtml: '<p>Body.</p>', authors: ['aigerim-sadykova'] })

/** The AppError a promise rejects with, as kind, field and message; 'ok' when it resolves. */
const failure = (p: Promise<unknown>) => p.then(() => 'ok', (e: { kind?: string; field?: string; message: string }) => ({ kind: e.kind, field: e.field, message: e.message }))

forEachEngine('a trashed article keeps its slug reserved until it is restored or deleted for good', async (t, engine) => {
  const a = await buildSiteApp(t, { engine })
  await seedTaxonomy(a.store)
  const u = await a.services.accounts.createUser({ email: 'ed@news.example', name: 'Ed', role: 'editor', password: 'a long enough password' }, null)
  const editor: Actor = { userId: u.id, role: u.role }
  const trashed = await seedArticle(a.store, { title: 'Election statement', slug: 'election-statement' })
  await a.services.editing.remove(trashed, editor)

  const created = await failure(a.services.editing.create(input('A new statement', 'election-statement'), editor))
  assert.ok(typeof created === 'object', 'creating with a trashed slug is refused')
  assert.equal(created.kind, 'Conflict')
  assert.equal(created.field, 'slug')
  assert.match(created.message, /"Election statement".*in the trash.*restore it or delete it forever/)

  // Renaming another article onto it is refused the same way, and the rename changes nothing.
  const other = await a.services.editing.create(input('Another piece', 'another-piece'), editor)
  const renamed = await failure(a.services.editing.save({ articleId: other.id, version: other.version, input: input('Another piece', 'election-statement'), actor: editor, kind: 'save' }))
  assert.ok(typeof renamed === 'object')
  assert.deepEqual([renamed.kind, renamed.field], ['Conflict', 'slug'])
  assert.match(renamed.message, /in the trash/)
  assert.equal((await a.store.articles.get(other.id))!.slug, 'another-piece')

  // The same slug in another section is free: the reservation is per section, as for live articles.
  await a.services.editing.create(input('Opinion on the election', 'election-statement', 'opinion'), editor)

  // Restoring takes the slug back with the article: still taken, now by a working draft (the ordinary message).
  await a.services.editing.restoreFromTrash(trashed, editor)
  const afterRestore = await failure(a.services.editing.create(input('A new statement', 'election-statement'), editor))
  assert.ok(typeof afterRestore === 'object')
  assert.equal(afterRestore.kind, 'Conflict')
  assert.doesNotMatch(afterRestore.message, /trash/)
  assert.match(afterRestore.message, /already used in this section/)

  // Deleting it forever frees the slug for a new article.
  await a.services.editing.remove(trashed, editor)
  await a.services.editing.deleteForever(trashed, editor)
  const reused = await a.services.editing.create(input('A new statement', 'election-statement'), editor)
  assert.equal((await a.store.articles.get(reused.id))!.slug, 'election-statement')
})

forEachEngine('the Admin API answers 409 naming the slug field when the slug belongs to a trashed article', async (t, engine) => {
  const a = await buildSiteApp(t, { engine })
  await seedTaxonomy(a.store)
  const u = await a.services.accounts.createUser({ email: 'ed@news.example', name: 'Ed', role: 'editor', password: 'a long enough password' }, null)
  const { token } = await a.services.accounts.createToken('ed@news.example', 'tests')
  const trashed = await seedArticle(a.store, { title: 'Old report', slug: 'old-report' })
  await a.services.editing.remove(trashed, { userId: u.id, role: u.role })
  const res = await a.app.inject({ method: 'POST', url: '/api/v1/admin/articles', headers: { authorization: `Bearer ${token}` }, payload: { title: 'New report', slug: 'old-report', section: 'news', body_html: '<p>Body.</p>', authors: ['aigerim-sadykova'] } })
  assert.equal(res.statusCode, 409)
  assert.match(res.body, /slug/)
  assert.match(res.body, /in the trash/)
  assert.equal((await a.store.deskArticles.list({ page: 1, perPage: 10 })).items.length, 0, 'nothing was created')
})

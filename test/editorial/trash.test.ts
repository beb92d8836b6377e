// Deleting moves an article to the trash: off the site (410 at its old path), out of every desk list but the trash,
// restorable as a draft, deletable for good by editors and admins only (src/editorial/deleting.ts), on both engines.

import assert from 'node:assert/strict'
import { forEachEngine } from '../support/databases.ts'
import { buildSiteApp } from '../support/web.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'
import { HOUR } from '../support/editing.ts'
import { publishDue } from '../../src/editorial/scheduling.ts'
import type { Actor } from '../../src/editorial/editing.ts'

async function newsroom(t: Parameters<Parameters<typeof forEachEngine>[1]>[0], engine: 'sqlite' | 'postgres') {
  const a = await buildSiteApp(t, { engine })
  await seedTaxonomy(a.store)
  const user = async (role: string): Promise<Actor> => {
    const u = await a.services.accounts.createUser({ email: `${role}@news.example`, name: `${role} user`, role, password: 'a long enough password' }, null)
    return { userId: u.id, role: u.role }
  }
  return { a, editor: await user('editor'), author: await user('author'), contributor: await user('contributor') }
}

const kindOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: { kind?: string }) => e.kind ?? String(e))

forEachEngine('a published article moved to the trash is off the site, answers 410, and is listed only in the trash', async (t, engine) => {
  const { a, editor } = await newsroom(t, engine)
  const id = await seedArticle(a.store, { title: 'Soon in the trash', slug: 'soon-in-the-trash' })
  assert.equal((await a.app.inject('/news/soon-in-the-trash')).statusCode, 200)
  const preview = (await a.services.editing.previewUrl(id)).url
  const { formerPath } = await a.services.editing.remove(id, editor)
  assert.equal(formerPath, '/news/soon-in-the-trash')
  assert.equal((await a.app.inject('/news/soon-in-the-trash')).statusCode, 410)
  assert.equal((await a.app.inject('/api/v1/articles/news/soon-in-the-trash')).statusCode, 404)
  assert.equal((await a.app.inject(preview)).statusCode, 404, 'a preview link made before shows nothing')
  const article = (await a.store.articles.get(id))!
  assert.equal(article.status, 'unpublished')
  assert.notEqual(article.deletedAt, null)
  assert.ok(!(await a.store.deskArticles.list({ page: 1, perPage: 50 })).items.some((i) => i.id === id), 'not in the articles list')
  const trash = await a.services.editing.trash(editor)
  assert.deepEqual(trash.items.map((i) => [i.id, i.deletedByName]), [[id, 'editor user']])
  // Nothing else can be done to it in the trash.
  assert.equal(await kindOf(a.services.editing.open(id, editor)), 'NotFound')
  assert.equal(await kindOf(a.services.editing.transition(id, 'published', editor)), 'NotFound')
  assert.equal(await kindOf(a.services.editing.remove(id, editor)), 'NotFound', 'already in the trash')
  const [entry] = await a.store.audit.list({ limit: 1 })
  assert.deepEqual([entry!.action, entry!.userId, entry!.subjectId, entry!.details.path], ['article.delete', editor.userId, String(id), '/news/soon-in-the-trash'])
})

forEachEngine('a scheduled article moved to the trash loses its schedule and is never published from there', async (t, engine) => {
  const { a, editor } = await newsroom(t, engine)
  const id = await seedArticle(a.store, { draft: true, title: 'Due tomorrow' })
  await a.services.editing.transition(id, 'scheduled', editor, a.clock.now() + HOUR)
  await a.services.editing.remove(id, editor)
  const report = await publishDue(a.store, a.clock.now() + 2 * HOUR, { siteLanguage: 'en' })
  assert.deepEqual(report.published, [])
  const article = (await a.store.articles.get(id))!
  assert.equal(article.status, 'draft')
  assert.equal(article.scheduledAt, null)
})

forEachEngine('restoring brings an article back as a draft; its old path answers 410 until it is published again', async (t, engine) => {
  const { a, editor, author, contributor } = await newsroom(t, engine)
  const id = await seedArticle(a.store, { title: 'Back again', slug: 'back-again' })
  await a.services.editing.remove(id, editor)
  await a.store.deskArticles.setCreatedBy(id, author.userId!)
  assert.equal(await kindOf(a.services.editing.restoreFromTrash(id, contributor)), 'Forbidden', 'not theirs')
  await a.services.editing.restoreFromTrash(id, author)
  const article = (await a.store.articles.get(id))!
  assert.deepEqual([article.status, article.deletedAt], ['draft', null])
  assert.ok((await a.store.deskArticles.list({ page: 1, perPage: 50 })).items.some((i) => i.id === id))
  assert.equal((await a.app.inject('/news/back-again')).statusCode, 410)
  await a.services.editing.transition(id, 'published', author)
  assert.equal((await a.app.inject('/news/back-again')).statusCode, 200, 'published again at the same path')
  assert.equal(await kindOf(a.services.editing.restoreFromTrash(id, author)), 'NotFound', 'not in the trash')
  assert.equal((await a.store.audit.list({ limit: 5, action: 'article.restore' }))[0]?.userId, author.userId)
})

forEachEngine('only editors and admins delete for good, and only from the trash; authors and contributors see their own trash', async (t, engine) => {
  const { a, editor, author, contributor } = await newsroom(t, engine)
  const mine = await seedArticle(a.store, { draft: true, title: 'Contributor draft' })
  await a.store.deskArticles.setCreatedBy(mine, contributor.userId!)
  const other = await seedArticle(a.store, { draft: true, title: 'Someone else' })
  assert.equal(await kindOf(a.services.editing.deleteForever(mine, editor)), 'NotFound', 'not in the trash yet')
  await a.services.editing.remove(mine, contributor)
  await a.services.editing.remove(other, editor)
  assert.deepEqual((await a.services.editing.trash(contributor)).items.map((i) => i.id), [mine])
  assert.deepEqual((await a.services.editing.trash(author)).items.map((i) => i.id), [])
  assert.equal((await a.services.editing.trash(editor)).items.length, 2)
  assert.equal((await a.services.editing.trash(contributor)).mayDeleteForever, false)
  assert.equal(await kindOf(a.services.editing.deleteForever(mine, contributor)), 'Forbidden')
  assert.equal(await kindOf(a.services.editing.deleteForever(mine, author)), 'Forbidden')
  assert.ok(await a.store.articles.get(mine), 'still there')
  await a.services.editing.deleteForever(mine, editor)
  assert.equal(await a.store.articles.get(mine), undefined)
  assert.equal((await a.store.revisions.latest(mine)), undefined, 'revisions went with it')
  const [entry] = await a.store.audit.list({ limit: 1 })
  assert.deepEqual([entry!.action, entry!.userId, entry!.subjectId, entry!.details.title], ['article.delete-forever', editor.userId, String(mine), 'Contributor draft'])
})

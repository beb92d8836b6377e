// A published article whose working copy differs from its live copy says so, and its changes can be discarded
// (src/editorial/live-changes.ts, the editing service's open and discardChanges), on both engines.

import assert from 'node:assert/strict'
import { forEachEngine } from '../support/databases.ts'
import { buildSiteApp } from '../support/web.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'
import { editArticle, republish, tagIds } from '../support/editing.ts'
import type { Actor } from '../../src/editorial/editing.ts'
import type { TestApp } from '../support/build-test-app.ts'

async function newsroom(t: Parameters<Parameters<typeof forEachEngine>[1]>[0], engine: 'sqlite' | 'postgres') {
  const a = await buildSiteApp(t, { engine })
  await seedTaxonomy(a.store)
  const user = async (role: string): Promise<Actor> => {
    const u = await a.services.accounts.createUser({ email: `${role}@news.example`, name: `${role} user`, role, password: 'a long enough password' }, null)
    return { userId: u.id, role: u.role }
  }
  return { a, editor: await user('editor'), contributor: await user('contributor') }
}

const pending = async (a: TestApp, id: number): Promise<boolean> => (await a.store.liveChanges.pending([id])).has(id)

forEachEngine('a saved change to a published article is pending until it is published, in any field readers see', async (t, engine) => {
  const { a, editor } = await newsroom(t, engine)
  const id = await seedArticle(a.store, { title: 'Polls close', tags: ['energy'] })
  assert.equal(await pending(a, id), false, 'just published')
  let opened = await a.services.editing.open(id, editor)
  assert.equal(opened.unpublishedChanges, false)
  assert.ok(!opened.moves.includes('published'), 'nothing to republish')

  await editArticle(a.store, id, { title: 'Polls close early' })
  assert.equal(await pending(a, id), true, 'the title')
  opened = await a.services.editing.open(id, editor)
  assert.equal(opened.unpublishedChanges, true)
  assert.ok(opened.moves.includes('published'), 'Publish changes is offered')
  await editArticle(a.store, id, { title: 'Polls close' })
  assert.equal(await pending(a, id), false, 'saved back to what readers have')

  // Tags: another one, and the same ones in another order.
  await editArticle(a.store, id, { tagIds: await tagIds(a.store, 'energy', 'elections') })
  assert.equal(await pending(a, id), true, 'a tag added')
  await republish(a.store, id)
  assert.equal(await pending(a, id), false, 'published')
  await editArticle(a.store, id, { tagIds: await tagIds(a.store, 'elections', 'energy') })
  assert.equal(await pending(a, id), true, 'tags reordered')
  await editArticle(a.store, id, { tagIds: await tagIds(a.store, 'energy', 'elections'), authorIds: [] })
  assert.equal(await pending(a, id), true, 'byline removed')

  const draft = await seedArticle(a.store, { draft: true })
  assert.equal(await pending(a, draft), false, 'a draft has no live copy to differ from')
  const set = await a.store.liveChanges.pending([id, draft])
  assert.deepEqual([...set], [id])
})

forEachEngine('discarding puts the live text back in the working copy, keeps the discarded text in the revisions and is audited', async (t, engine) => {
  const { a, editor } = await newsroom(t, engine)
  const id = await seedArticle(a.store, { title: 'Polls close', tags: ['energy'], bodyHtml: '<p>Live text.</p>' })
  const version = (await a.store.articles.get(id))!.version
  const saved = await a.services.editing.save({
    articleId: id, version, actor: editor, kind: 'save',
    input: { title: 'Polls close, maybe', section: 'news', bodyHtml: '<p>Rewritten text.</p>', tagNames: ['Elections'], authors: ['newsroom'] },
  })
  assert.equal(await pending(a, id), true)

  const before = (await a.store.articles.get(id))!
  const result = await a.services.editing.discardChanges(id, saved.version, editor)
  const after = (await a.store.articles.get(id))!
  assert.equal(after.title, 'Polls close')
  assert.equal(after.bodyHtml, '<p>Live text.</p>')
  assert.deepEqual(after.tagIds, await tagIds(a.store, 'energy'))
  assert.equal(after.version, before.version + 1)
  assert.equal(after.status, 'published')
  assert.equal(await pending(a, id), false)

  const revisions = (await a.services.editing.revisions(id)).items
  assert.equal(revisions[0]!.id, result.revisionId)
  assert.equal(revisions[0]!.kind, 'restore')
  const discarded = await a.services.editing.revision(id, saved.revisionId)
  assert.equal(discarded.snapshot.title, 'Polls close, maybe', 'the discarded text is still in the revisions')

  const [entry] = await a.store.audit.list({ limit: 1 })
  assert.deepEqual([entry!.action, entry!.userId, entry!.subjectType, entry!.subjectId], ['article.discard', editor.userId, 'article', String(id)])
})

forEachEngine('discarding is refused, changing nothing, when stale, not published, without changes, or by a contributor', async (t, engine) => {
  const { a, editor, contributor } = await newsroom(t, engine)
  const id = await seedArticle(a.store, { title: 'Polls close' })
  const kind = async (fn: () => Promise<unknown>) => fn().then(() => 'ok', (e: { kind?: string }) => e.kind)
  const fresh = (await a.store.articles.get(id))!.version
  assert.equal(await kind(() => a.services.editing.discardChanges(id, fresh, editor)), 'Conflict', 'no changes')
  await editArticle(a.store, id, { title: 'Polls close early' })
  const current = (await a.store.articles.get(id))!
  assert.equal(await kind(() => a.services.editing.discardChanges(id, current.version - 1, editor)), 'Conflict', 'a stale version')
  // The contributor created it, and an editor published it: it is no longer theirs to change.
  await a.store.deskArticles.setCreatedBy(id, contributor.userId!)
  assert.equal(await kind(() => a.services.editing.discardChanges(id, current.version, contributor)), 'Forbidden')
  const draft = await seedArticle(a.store, { draft: true })
  assert.equal(await kind(() => a.services.editing.discardChanges(draft, 1, editor)), 'Conflict', 'a draft')
  assert.equal(await kind(() => a.services.editing.discardChanges(99_999, 1, editor)), 'NotFound')
  const unchanged = (await a.store.articles.get(id))!
  assert.equal(unchanged.title, 'Polls close early')
  assert.equal(unchanged.version, current.version)
  assert.equal((await a.store.audit.list({ limit: 10, action: 'article.discard' })).length, 0)
})

// The questions before a destructive action (may this actor unpublish or trash this article now?) are the editing
// use-case's, with the answers the desk's confirmation pages show: Conflict, Forbidden, or the article to confirm.

import assert from 'node:assert/strict'
import { deskNewsroom, forEachEngine } from '../support/desk-newsroom.ts'

const kindOf = (kind: string, message: RegExp) => (e: Error & { kind?: string }) => e.kind === kind && message.test(e.message)

forEachEngine('toUnpublish and toRemove answer as the workflow and the trash will: Conflict for a draft, Forbidden by role, else the article', async (t, engine) => {
  const d = await deskNewsroom(t, engine)
  const { editing } = d.a.services
  const contributorId = (await d.a.store.users.byEmail('contributor@news.example'))!.id
  const contributor = { userId: contributorId, role: 'contributor' as const }
  const editor = { userId: d.editorId, role: 'editor' as const }

  const opened = await editing.toUnpublish(d.news.lead, editor)
  assert.equal(opened.article.id, d.news.lead)
  assert.equal((await editing.toRemove(d.news.lead, editor)).article.id, d.news.lead)

  const draft = await editing.create({ title: 'A contributor\'s draft', section: 'news' }, contributor)
  await assert.rejects(editing.toUnpublish(draft.id, contributor), kindOf('Conflict', /not published, so there is nothing to take off the site/))
  assert.equal((await editing.toRemove(draft.id, contributor)).article.id, draft.id, 'a contributor may trash their own draft')
  // Someone else's article: a contributor may not even open it.
  await assert.rejects(editing.toUnpublish(d.news.lead, contributor), kindOf('Forbidden', /./))
  await assert.rejects(editing.toRemove(d.news.lead, contributor), kindOf('Forbidden', /./))

  // Their own article once published: neither unpublished nor trashed by them.
  await editing.transition(draft.id, 'published', editor)
  await assert.rejects(editing.toUnpublish(draft.id, contributor), kindOf('Forbidden', /contributor role may not unpublish this article/))
  await assert.rejects(editing.toRemove(draft.id, contributor), kindOf('Forbidden', /contributor role may not delete this article/))
  assert.equal((await d.a.store.articles.get(draft.id))!.status, 'published', 'asking changes nothing')
})

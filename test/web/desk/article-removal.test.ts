// The desk's destructive article actions are confirmed on pages that work without JavaScript and say what readers will
// see; the trash page; the list and editor say when readers lack saved changes; approved articles are read-only to
// contributors. On both engines.

import assert from 'node:assert/strict'
import { forEachEngine } from '../../support/databases.ts'
import { deskNewsroom } from '../../support/desk-newsroom.ts'
import { postForm } from '../../support/desk.ts'
import { editArticle } from '../../support/editing.ts'

forEachEngine('unpublishing asks first, on a page naming the 410 readers will get; only the confirmed form with its token acts', async (t, engine) => {
  const d = await deskNewsroom(t, engine)
  const id = d.news.lead
  const editor = await d.get(`/desk/articles/${id}/edit`, d.editor)
  assert.match(editor.body, /action="\/desk\/articles\/\d+\/unpublish"[^>]*method="get"|method="get" action="\/desk\/articles\/\d+\/unpublish"/, 'Unpublish is a link to the confirmation, not a post')
  const unconfirmed = await d.post(`/desk/articles/${id}/status`, { to: 'unpublished' })
  assert.equal(unconfirmed.statusCode, 303)
  assert.equal(unconfirmed.headers.location, `/desk/articles/${id}/unpublish`)
  assert.equal((await d.a.store.articles.get(id))!.status, 'published', 'nothing changed')
  const page = await d.get(`/desk/articles/${id}/unpublish`, d.editor)
  assert.equal(page.statusCode, 200)
  assert.match(page.body, /Unpublish “Election results announced”\?/)
  assert.match(page.body, /\/news\/election-results/)
  assert.match(page.body, /410 Gone/)
  assert.match(page.body, /name="_csrf"/)
  assert.match(page.body, /name="confirm" value="yes"/)
  const forged = await postForm(d.a, `/desk/articles/${id}/status`, { to: 'unpublished', confirm: 'yes' }, d.editor)
  assert.equal(forged.statusCode, 403, 'no CSRF token')
  assert.equal((await d.a.store.articles.get(id))!.status, 'published')
  const done = await d.post(`/desk/articles/${id}/status`, { to: 'unpublished', confirm: 'yes' })
  assert.equal(done.statusCode, 303)
  assert.equal((await d.a.app.inject('/news/election-results')).statusCode, 410)
  assert.equal((await d.get(`/desk/articles/${id}/unpublish`, d.editor)).statusCode, 409, 'not published any more')
  assert.equal((await d.get(`/desk/articles/${d.news.opinion}/unpublish`, d.contributor)).statusCode, 403)
})

forEachEngine('moving to the trash is confirmed; the trash lists, restores and (for editors) deletes for good, each confirmed', async (t, engine) => {
  const d = await deskNewsroom(t, engine)
  const id = d.news.lead
  const confirm = await d.get(`/desk/articles/${id}/delete`, d.editor)
  assert.equal(confirm.statusCode, 200)
  assert.match(confirm.body, /Move “Election results announced” to the trash\?/)
  assert.match(confirm.body, /410 Gone/)
  assert.equal((await d.post(`/desk/articles/${id}/delete`, {})).headers.location, `/desk/articles/${id}/delete`, 'unconfirmed: back to the question')
  assert.equal((await d.a.store.articles.get(id))!.deletedAt, null)
  const moved = await d.post(`/desk/articles/${id}/delete`, { confirm: 'yes' })
  assert.equal(moved.headers.location, '/desk/trash?done=trashed')
  assert.equal((await d.a.app.inject('/news/election-results')).statusCode, 410)
  assert.doesNotMatch((await d.get('/desk', d.editor)).body, /Election results announced/, 'not in the articles list')
  const trash = await d.get('/desk/trash?done=trashed', d.editor)
  assert.match(trash.body, /moved to the trash/)
  assert.match(trash.body, /Election results announced/)
  assert.match(trash.body, /Delete forever/)
  assert.equal((await d.get(`/desk/articles/${id}/edit`, d.editor)).statusCode, 404, 'opened only by restoring')
  // An author sees no other's trash and may not delete for good.
  assert.doesNotMatch((await d.get('/desk/trash', d.author)).body, /Election results announced/)
  assert.equal((await d.get(`/desk/trash/${id}/delete`, d.author)).statusCode, 403)
  assert.equal((await d.post(`/desk/trash/${id}/delete`, { confirm: 'yes' }, d.author)).statusCode, 403)

  const restored = await d.post(`/desk/trash/${id}/restore`, {})
  assert.equal(restored.headers.location, `/desk/articles/${id}/edit?notice=untrashed`)
  assert.match((await d.get(restored.headers.location as string, d.editor)).body, /Restored from the trash as a draft/)
  await d.post(`/desk/articles/${id}/delete`, { confirm: 'yes' })
  const forever = await d.get(`/desk/trash/${id}/delete`, d.editor)
  assert.match(forever.body, /Delete “Election results announced” for good\?/)
  assert.match(forever.body, /cannot be undone/)
  assert.equal((await d.post(`/desk/trash/${id}/delete`, { confirm: 'yes' })).headers.location, '/desk/trash?done=deleted')
  assert.equal(await d.a.store.articles.get(id), undefined)
  assert.equal((await d.get(`/desk/trash/${id}/delete`, d.editor)).statusCode, 404)
  assert.equal((await d.get('/desk/trash?page=0', d.editor)).statusCode, 400)
})

forEachEngine('a published article with saved changes says so in the list and the editor, which offers Publish changes and Discard changes', async (t, engine) => {
  const d = await deskNewsroom(t, engine)
  const id = d.news.lead
  const clean = await d.get(`/desk/articles/${id}/edit`, d.editor)
  assert.match(clean.body, /see the text as saved/)
  assert.doesNotMatch(clean.body, /Publish changes|Update \(republish\)/)
  await editArticle(d.a.store, id, { title: 'Election results confirmed' })
  const list = await d.get('/desk', d.editor)
  assert.match(list.body, new RegExp(`data-article="${id}">.*?Published · unpublished changes`, 's'))
  const page = await d.get(`/desk/articles/${id}/edit?notice=saved`, d.editor)
  assert.match(page.body, /Published · unpublished changes/)
  assert.match(page.body, /Saved\. Readers still see the published version/)
  assert.match(page.body, /Readers at <a href="\/news\/election-results">\/news\/election-results<\/a> still see the version/)
  assert.match(page.body, /Publish changes/)
  const version = /name="version" value="(\d+)"/.exec(page.body)![1]!
  const discarded = await d.post(`/desk/articles/${id}/discard`, { version })
  assert.equal(discarded.headers.location, `/desk/articles/${id}/edit?notice=discarded`)
  assert.equal((await d.a.store.articles.get(id))!.title, 'Election results announced')
  assert.equal((await d.post(`/desk/articles/${id}/discard`, { version })).statusCode, 409, 'the version moved on')
  assert.equal((await d.post(`/desk/articles/${id}/discard`, { version: 'x' })).statusCode, 400)
})

forEachEngine('a contributor opening their article after an editor published it sees it read-only, with the reason and no save', async (t, engine) => {
  const d = await deskNewsroom(t, engine)
  const created = await d.post('/desk/articles', { title: 'My report', standfirst: 'S.', body: '<p>Reported <em>text</em>.</p>', section: 'news', genre: 'news', tags: '' }, d.contributor)
  const id = Number(/\/articles\/(\d+)\//.exec(created.headers.location as string)![1])
  const editable = await d.get(`/desk/articles/${id}/edit`, d.contributor)
  assert.match(editable.body, /<button type="submit" class="save">Save<\/button>/)
  assert.equal((await d.post(`/desk/articles/${id}/status`, { to: 'published' })).statusCode, 303)
  const page = await d.get(`/desk/articles/${id}/edit`, d.contributor)
  assert.equal(page.statusCode, 200)
  assert.doesNotMatch(page.body, /class="save"/, 'no save button')
  assert.doesNotMatch(page.body, /data-autosave/, 'no autosave')
  assert.doesNotMatch(page.body, /name="body"/, 'nothing to send')
  assert.match(page.body, /Read only\.<\/strong> An editor has published this article/)
  assert.match(page.body, /<p>Reported <em>text<\/em>\.<\/p>/, 'the body as it reads')
  assert.match(page.body, /<fieldset class="read-only-fields" disabled>/)
  // The editor still gets the form.
  assert.match((await d.get(`/desk/articles/${id}/edit`, d.editor)).body, /class="save"/)
})

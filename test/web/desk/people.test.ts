// The desk's bylines: roles, CSRF, validation, photos from the media library, and renames readers see at once.

import assert from 'node:assert/strict'
import { postForm } from '../../support/desk.ts'
import { deskNewsroom, forEachEngine, lastAction, type DeskNewsroom } from '../../support/desk-newsroom.ts'
import { NOW } from '../../support/editing.ts'

const addMedia = (d: DeskNewsroom, path: string, mime: string) => d.a.store.media.insert({
  path, mime, width: 400, height: 400, bytes: 1000, alt: `Portrait ${path}`, caption: '', credit: '', focalX: 0.5, focalY: 0.5, createdAt: NOW, uploadedBy: null,
})

forEachEngine('authors are for editors and admins; posts need the CSRF field', async (t, engine) => {
  const d = await deskNewsroom(t, engine)
  const aigerim = (await d.a.store.people.authorBySlug('aigerim-sadykova'))!
  for (const url of ['/desk/authors', `/desk/authors/${aigerim.id}`]) {
    assert.equal((await d.get(url, d.contributor)).statusCode, 403, url)
    assert.equal((await d.get(url, d.author)).statusCode, 403, url)
    assert.equal((await d.get(url, d.editor)).statusCode, 200, url)
    assert.equal((await d.get(url, d.owner)).statusCode, 200, url)
  }
  assert.equal((await d.post('/desk/authors', { name: 'Guest', slug: 'guest', kind: 'guest' }, d.contributor)).statusCode, 403)
  assert.equal((await postForm(d.a, '/desk/authors', { name: 'Guest', slug: 'guest', kind: 'guest' }, d.editor)).statusCode, 403)
  assert.equal(await d.a.store.people.authorBySlug('guest'), undefined)
})

forEachEngine('a new author needs a name, a free slug, a kind, and a photo that is an image in the library', async (t, engine) => {
  const d = await deskNewsroom(t, engine)
  const pdf = await addMedia(d, 'report.pdf', 'application/pdf')
  const photo = await addMedia(d, 'portrait.jpg', 'image/jpeg')
  const refused: [Record<string, string>, string][] = [
    [{ name: '', slug: 'x', kind: 'staff' }, 'name'],
    [{ name: 'Dana', slug: 'Dana K', kind: 'staff' }, 'slug'],
    [{ name: 'Dana', slug: 'newsroom', kind: 'staff' }, 'slug'],
    [{ name: 'Dana', slug: 'dana', kind: 'intern' }, 'kind'],
    [{ name: 'Dana', slug: 'dana', kind: 'staff', photo: String(pdf) }, 'photo'],
    [{ name: 'Dana', slug: 'dana', kind: 'staff', photo: '99999' }, 'photo'],
  ]
  // Every account has a byline of its own: count what refusals must leave as it was.
  const bylines = (await d.a.store.people.authors()).length
  for (const [form, field] of refused) {
    const res = await d.post('/desk/authors', form)
    assert.equal(res.statusCode, 400, JSON.stringify(form))
    assert.match(res.body, new RegExp(`name="${field}"[^>]*aria-invalid="true"`), field)
  }
  assert.equal((await d.a.store.people.authors()).length, bylines)
  const res = await d.post('/desk/authors', { name: 'Dana Kim', slug: 'dana-kim', kind: 'guest', bio: 'Writes on water.', photo: String(photo) })
  assert.equal(res.statusCode, 303)
  assert.equal(res.headers.location, '/desk/authors?done=created')
  const dana = (await d.a.store.people.authorBySlug('dana-kim'))!
  assert.deepEqual({ kind: dana.kind, bio: dana.bio, photo: dana.photoMediaId }, { kind: 'guest', bio: 'Writes on water.', photo })
  assert.equal(await lastAction(d), 'author.create')
  const page = await d.get(`/desk/authors/${dana.id}`, d.editor)
  assert.match(page.body, new RegExp(`<option value="${photo}" selected>`))
  assert.doesNotMatch(page.body, new RegExp(`<option value="${pdf}"`), 'only images are offered')
})

forEachEngine('renaming an author shows on article pages at once, and the old author page answers 301', async (t, engine) => {
  const d = await deskNewsroom(t, engine)
  const aigerim = (await d.a.store.people.authorBySlug('aigerim-sadykova'))!
  assert.match((await d.a.app.inject('/opinion/energy-deal-matters')).body, /Aigerim Sadykova/)
  const res = await d.post(`/desk/authors/${aigerim.id}`, { name: 'Aigerim Sadykova-Berg', slug: 'aigerim-sadykova-berg', kind: 'staff', bio: 'Correspondent.' })
  assert.equal(res.statusCode, 303)
  assert.match((await d.a.app.inject('/opinion/energy-deal-matters')).body, /Aigerim Sadykova-Berg/)
  const old = await d.a.app.inject('/author/aigerim-sadykova')
  assert.equal(old.statusCode, 301)
  assert.equal(old.headers.location, '/author/aigerim-sadykova-berg')
  assert.equal((await d.a.app.inject('/author/aigerim-sadykova-berg')).statusCode, 200)
  const entry = (await d.a.store.audit.list({ limit: 1 }))[0]!
  assert.equal(entry.action, 'author.update')
  assert.equal(entry.subjectId, String(aigerim.id))

  const bad = await d.post(`/desk/authors/${aigerim.id}`, { name: 'X', slug: 'newsroom', kind: 'staff' })
  assert.equal(bad.statusCode, 400)
  assert.equal((await d.a.store.people.author(aigerim.id))!.name, 'Aigerim Sadykova-Berg')
})

forEachEngine('an author with articles cannot be deleted (409); one without can', async (t, engine) => {
  const d = await deskNewsroom(t, engine)
  const newsroom = (await d.a.store.people.authorBySlug('newsroom'))!
  const busy = await d.post(`/desk/authors/${newsroom.id}/delete`, {})
  assert.equal(busy.statusCode, 409)
  assert.match(busy.body, /Newsroom is the byline of 1 article/)
  assert.ok(await d.a.store.people.author(newsroom.id))
  await d.post('/desk/authors', { name: 'Spare', slug: 'spare', kind: 'agency' })
  const spare = (await d.a.store.people.authorBySlug('spare'))!
  assert.equal((await d.post(`/desk/authors/${spare.id}/delete`, {})).statusCode, 303)
  assert.equal(await d.a.store.people.author(spare.id), undefined)
  assert.equal(await lastAction(d), 'author.delete')
  assert.equal((await d.post(`/desk/authors/${spare.id}/delete`, {})).statusCode, 404)
})

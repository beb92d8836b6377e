// An article's own caption and credit for its hero image: set in the desk and the Admin API, shown to readers over the
// media library's, compared with the live copy, and given back to the library's with a new hero.

import assert from 'node:assert/strict'
import { deskNewsroom, forEachEngine } from '../support/desk-newsroom.ts'
import { jpegImage } from '../support/images.ts'
import { republish } from '../support/editing.ts'

forEachEngine('an article\'s own hero caption and credit reach readers over the library\'s, from the desk and the Admin API', async (t, engine) => {
  const d = await deskNewsroom(t, engine)
  const { media, accounts } = d.a.services
  const photo = await media.upload({ data: await jpegImage(), filename: 'square.jpg', alt: 'A square in Tbilisi', caption: 'Library caption', credit: 'Library credit' }, { userId: null, role: 'admin' })
  const other = await media.upload({ data: await jpegImage(), filename: 'other.jpg', alt: 'Another square', caption: 'Other caption', credit: 'Other credit' }, { userId: null, role: 'admin' })

  // The desk's form: the own caption is kept, an empty credit is the library's.
  const created = await d.post('/desk/articles', {
    title: 'The square a year later', section: 'news', genre: 'news', body: '<p>Text.</p>', 'author:newsroom': '1',
    hero: String(photo.id), hero_caption: '  The square a year earlier  ', hero_credit: '',
  })
  assert.equal(created.statusCode, 303, created.body)
  const id = Number(/\/desk\/articles\/(\d+)\/edit/.exec(String(created.headers.location))![1])
  const stored = (await d.a.store.articles.get(id))!
  assert.deepEqual([stored.heroCaption, stored.heroCredit], ['The square a year earlier', null])
  const edit = (await d.get(`/desk/articles/${id}/edit`, d.editor)).body
  assert.match(edit, /<textarea id="f-hero_caption"[^>]*placeholder="Library caption"[^>]*>The square a year earlier<\/textarea>/)
  assert.match(edit, /<input id="f-hero_credit"[^>]*value=""[^>]*placeholder="Library credit"/)

  await republish(d.a.store, id)
  const page = (await d.get('/news/the-square-a-year-later')).body
  assert.match(page, /<figure class="hero">[\s\S]*?<figcaption>The square a year earlier <small class="credit">Library credit<\/small><\/figcaption>/)
  assert.doesNotMatch(page, /Library caption/)
  // The Content API gives the same to other front ends.
  const content = await d.get('/api/v1/articles/news/the-square-a-year-later')
  assert.equal(content.statusCode, 200, content.body)
  assert.match(content.body, /"caption":"The square a year earlier","credit":"Library credit"/)

  // The Admin API shows and changes them; a change is an unpublished change until it is published.
  const { token } = await accounts.createToken('editor@news.example', 'tests')
  const bearer = { authorization: `Bearer ${token}` }
  const got = await d.a.app.inject({ url: `/api/v1/admin/articles/${id}`, headers: bearer })
  assert.equal(got.statusCode, 200, got.body)
  assert.deepEqual([got.json().hero_caption, got.json().hero_credit], ['The square a year earlier', null])
  const tooLong = await d.a.app.inject({ method: 'PATCH', url: `/api/v1/admin/articles/${id}`, headers: bearer, payload: { version: got.json().version, hero_credit: 'x'.repeat(301) } })
  assert.equal(tooLong.statusCode, 400)
  assert.match(tooLong.body, /hero_credit/)
  const patched = await d.a.app.inject({ method: 'PATCH', url: `/api/v1/admin/articles/${id}`, headers: bearer, payload: { version: got.json().version, hero_credit: 'Own credit' } })
  assert.equal(patched.statusCode, 200, patched.body)
  assert.equal(patched.json().hero_credit, 'Own credit')
  assert.equal(patched.json().hero_caption, 'The square a year earlier', 'a field not sent keeps its value')
  assert.deepEqual([...await d.a.store.liveChanges.pending([id])], [id], 'the live copy still has the library\'s credit')
  assert.match((await d.get('/news/the-square-a-year-later')).body, /<small class="credit">Library credit<\/small>/)
  await republish(d.a.store, id)
  assert.deepEqual([...await d.a.store.liveChanges.pending([id])], [])
  assert.match((await d.get('/news/the-square-a-year-later')).body, /The square a year earlier <small class="credit">Own credit<\/small>/)

  // A new hero without its own text goes back to the library's: the old caption was written for the old image.
  const moved = await d.a.app.inject({ method: 'PATCH', url: `/api/v1/admin/articles/${id}`, headers: bearer, payload: { version: patched.json().version, hero_media: other.id } })
  assert.equal(moved.statusCode, 200, moved.body)
  assert.deepEqual([moved.json().hero_caption, moved.json().hero_credit], [null, null])
  await republish(d.a.store, id)
  assert.match((await d.get('/news/the-square-a-year-later')).body, /<figcaption>Other caption <small class="credit">Other credit<\/small><\/figcaption>/)

  // The revisions compare them like any other field.
  const compared = (await d.get(`/desk/articles/${id}/revisions?from=1&to=2`, d.editor)).body
  assert.match(compared, /Hero credit/)
  assert.match(compared, /Own credit/)
})

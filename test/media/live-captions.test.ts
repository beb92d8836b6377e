// Captions readers see at once are an editor's: who may change an image's alt text, caption and credit, through the desk.

import assert from 'node:assert/strict'
import { deskNewsroom, forEachEngine, type DeskNewsroom } from '../support/desk-newsroom.ts'
import { jpegImage } from '../support/images.ts'
import { editArticle, republish } from '../support/editing.ts'

const DETAILS = { alt: 'Changed alt', caption: 'Changed caption', credit: 'Changed credit', focal_x: '0.5', focal_y: '0.5' }

/** The id of the desk account with `email`. */
const idOf = async (d: DeskNewsroom, email: string): Promise<number> => (await d.a.store.users.byEmail(email))!.id

forEachEngine('a contributor changes the caption of an image they uploaded while no live article shows it, never once it is live, never another\'s', async (t, engine) => {
  const d = await deskNewsroom(t, engine)
  const contributorId = await idOf(d, 'contributor@news.example')
  const authorId = await idOf(d, 'author@news.example')
  const own = await d.a.services.media.upload({ data: await jpegImage(), filename: 'own.jpg', alt: 'Own alt', caption: 'Own caption' }, { userId: contributorId, role: 'contributor' })
  const authors = await d.a.services.media.upload({ data: await jpegImage(), filename: 'theirs.jpg', alt: 'Theirs', caption: 'Theirs' }, { userId: authorId, role: 'author' })
  const system = await d.a.services.media.upload({ data: await jpegImage(), filename: 'system.jpg', alt: 'System', caption: 'System' }, { userId: null, role: 'admin' })
  assert.deepEqual([own.uploadedBy, authors.uploadedBy, system.uploadedBy], [contributorId, authorId, null])

  // Another's image, unused: refused, and nothing changes.
  for (const image of [authors, system]) {
    const res = await d.post(`/desk/media/${image.id}`, DETAILS, d.contributor)
    assert.equal(res.statusCode, 403, `image ${image.id}`)
    assert.match(res.body, /only images they uploaded/)
    assert.equal((await d.a.services.media.get(image.id)).caption, image.caption)
  }
  // Their own image, unused: allowed.
  const spare = await d.post(`/desk/media/${own.id}`, { ...DETAILS, alt: 'Own alt', caption: 'By the contributor' }, d.contributor)
  assert.equal(spare.statusCode, 303)
  assert.equal((await d.a.services.media.get(own.id)).caption, 'By the contributor')
  // In a draft only, it is still theirs: no reader sees the draft.
  await editArticle(d.a.store, d.news.lead, { heroMediaId: own.id })
  assert.equal((await d.post(`/desk/media/${own.id}`, { ...DETAILS, alt: 'Own alt', caption: 'Still mine' }, d.contributor)).statusCode, 303)

  // Once a published article shows it: refused, and the live page keeps its text.
  await republish(d.a.store, d.news.lead)
  const refused = await d.post(`/desk/media/${own.id}`, DETAILS, d.contributor)
  assert.equal(refused.statusCode, 403)
  assert.match(refused.body, /published pages show/)
  assert.equal((await d.a.services.media.get(own.id)).caption, 'Still mine')
  const page = (await d.get('/news/election-results')).body
  assert.match(page, /alt="Own alt"/)
  assert.doesNotMatch(page, /Changed alt/)

  // Editors and admins change any image, live or not, whoever uploaded it.
  for (const [who, cookies] of [['editor', d.editor], ['admin', d.owner]] as const) {
    for (const image of [own, authors, system]) {
      const res = await d.post(`/desk/media/${image.id}`, { ...DETAILS, caption: `By the ${who}` }, cookies)
      assert.equal(res.statusCode, 303, `${who} on image ${image.id}`)
      assert.equal((await d.a.services.media.get(image.id)).caption, `By the ${who}`)
    }
  }
})

forEachEngine('an author, too, changes only their own images and only while unused on a live article', async (t, engine) => {
  const d = await deskNewsroom(t, engine)
  const authorId = await idOf(d, 'author@news.example')
  const live = await d.a.services.media.upload({ data: await jpegImage(), filename: 'live.jpg', alt: 'Original alt', caption: 'Original caption' }, { userId: authorId, role: 'author' })
  const others = await d.a.services.media.upload({ data: await jpegImage(), filename: 'editor.jpg', alt: 'Editor', caption: 'Editor' }, { userId: await idOf(d, 'editor@news.example'), role: 'editor' })
  await editArticle(d.a.store, d.news.lead, { heroMediaId: live.id })
  await republish(d.a.store, d.news.lead)
  assert.equal((await d.post(`/desk/media/${live.id}`, DETAILS, d.author)).statusCode, 403)
  assert.equal((await d.post(`/desk/media/${others.id}`, DETAILS, d.author)).statusCode, 403)
  assert.equal((await d.a.services.media.get(live.id)).caption, 'Original caption')
  assert.equal((await d.a.services.media.get(others.id)).caption, 'Editor')
})

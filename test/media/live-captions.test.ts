// Captions readers see at once are an editor's: who may change an image's alt text, caption and credit, through the desk.

import assert from 'node:assert/strict'
import { deskNewsroom, forEachEngine } from '../support/desk-newsroom.ts'
import { jpegImage } from '../support/images.ts'
import { editArticle, republish } from '../support/editing.ts'

const DETAILS = { alt: 'Changed alt', caption: 'Changed caption', credit: 'Changed credit', focal_x: '0.5', focal_y: '0.5' }

forEachEngine('a contributor or author may not change the caption of an image a live article shows; editors may, and unused images stay open to writers', async (t, engine) => {
  const d = await deskNewsroom(t, engine)
  const live = await d.a.services.media.upload({ data: await jpegImage(), filename: 'live.jpg', alt: 'Original alt', caption: 'Original caption' })
  const unused = await d.a.services.media.upload({ data: await jpegImage(), filename: 'unused.jpg', alt: 'Spare', caption: 'Spare' })
  await editArticle(d.a.store, d.news.lead, { heroMediaId: live.id })
  await republish(d.a.store, d.news.lead)
  const page = await d.get('/news/election-results')
  assert.match(page.body, /Original alt/)

  for (const who of ['contributor', 'author'] as const) {
    const res = await d.post(`/desk/media/${live.id}`, DETAILS, d[who])
    assert.equal(res.statusCode, 403, `${who} on a live image`)
    assert.match(res.body, /published pages show/)
    assert.equal((await d.a.services.media.get(live.id)).caption, 'Original caption')
    const spare = await d.post(`/desk/media/${unused.id}`, { ...DETAILS, caption: `By the ${who}` }, d[who])
    assert.equal(spare.statusCode, 303, `${who} on an unused image`)
    assert.equal((await d.a.services.media.get(unused.id)).caption, `By the ${who}`)
  }
  assert.doesNotMatch((await d.get('/news/election-results')).body, /Changed alt/, 'the live page kept its text')

  const editor = await d.post(`/desk/media/${live.id}`, DETAILS, d.editor)
  assert.equal(editor.statusCode, 303)
  assert.equal((await d.a.services.media.get(live.id)).caption, 'Changed caption')
})

// The desk's speakers: who may see and change them, CSRF, validation, merges that leave a 301, and the autocomplete.

import assert from 'node:assert/strict'
import { postForm } from '../../support/desk.ts'
import { deskNewsroom, forEachEngine, lastAction } from '../../support/desk-newsroom.ts'

forEachEngine('speakers are listed, added, edited, merged and deleted in the desk by editors; others are refused', async (t, engine) => {
  const d = await deskNewsroom(t, engine)
  for (const who of [d.contributor, d.author]) assert.equal((await d.get('/desk/speakers', who)).statusCode, 403)
  assert.equal((await postForm(d.a, '/desk/speakers', { name: 'No Token', kind: 'person' }, d.editor)).statusCode, 403, 'CSRF')

  const bad = await d.post('/desk/speakers', { name: 'Ministry', kind: 'ministry', slug: '' })
  assert.equal(bad.statusCode, 400)
  assert.match(bad.body, /id="new-kind-error"/)
  assert.match(bad.body, /value="Ministry"/, 'the form keeps what was typed')
  const badLink = await d.post('/desk/speakers', { name: 'Ministry', kind: 'organisation', links: 'ftp://x' })
  assert.equal(badLink.statusCode, 400)
  assert.match(badLink.body, /id="new-links-error"/)

  const ok = await d.post('/desk/speakers', { name: 'Ministry of Foreign Affairs', kind: 'organisation', country: 'kazakhstan', description: 'The ministry.', links: 'https://gov.kz\nhttps://x.example/mfa' })
  assert.equal(ok.statusCode, 303)
  assert.equal(await lastAction(d), 'speaker.create')
  const mfa = (await d.a.store.speakers.speakerBySlug('ministry-of-foreign-affairs'))!
  assert.deepEqual(mfa.links, ['https://gov.kz', 'https://x.example/mfa'])
  const list = await d.get('/desk/speakers', d.editor)
  assert.equal(list.statusCode, 200)
  assert.match(list.body, /<a href="\/desk\/speakers\/\d+">Ministry of Foreign Affairs<\/a>/)
  assert.match(list.body, /href="\/desk\/speakers">Speakers</, 'in the desk menu')
  const edit = await d.get(`/desk/speakers/${mfa.id}`, d.editor)
  assert.match(edit.body, /value="kazakhstan"/)

  await d.post('/desk/speakers', { name: 'MFA', kind: 'organisation' })
  const dup = (await d.a.store.speakers.speakerBySlug('mfa'))!
  const wrong = await d.post(`/desk/speakers/${dup.id}/merge`, { into: 'nobody' })
  assert.equal(wrong.statusCode, 400)
  assert.match(wrong.body, /id="merge-into-error"/)
  assert.equal((await d.post(`/desk/speakers/${dup.id}/merge`, { into: mfa.slug })).headers.location, '/desk/speakers?done=merged')
  assert.equal(await d.a.store.speakers.speaker(dup.id), undefined)
  assert.equal((await d.a.app.inject('/people/mfa')).headers.location, `/people/${mfa.slug}`)

  const saved = await d.post(`/desk/speakers/${mfa.id}`, { name: 'Ministry of Foreign Affairs of Kazakhstan', slug: 'mfa-kz', kind: 'organisation' })
  assert.equal(saved.statusCode, 303)
  assert.equal((await d.a.store.speakers.speaker(mfa.id))?.slug, 'mfa-kz')

  const suggest = await d.get('/desk/speakers/suggest?q=minis', d.contributor)
  assert.equal(suggest.statusCode, 200, 'writers use the autocomplete')
  assert.deepEqual(suggest.json().speakers.map((s: { slug: string }) => s.slug), ['mfa-kz'])
  assert.equal((await d.get('/desk/speakers/suggest?q=' + 'x'.repeat(300), d.editor)).statusCode, 400)

  assert.equal((await d.post(`/desk/speakers/${mfa.id}/delete`, {})).headers.location, '/desk/speakers?done=deleted')
  assert.equal(await lastAction(d), 'speaker.delete')
  assert.equal((await d.get(`/desk/speakers/${mfa.id}`, d.editor)).statusCode, 404)
})

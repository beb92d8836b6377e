// The desk's newsletters: editors and admins only, CSRF on the form, a refused field shown at its place, the list's counts.

import assert from 'node:assert/strict'
import { postForm } from '../../support/desk.ts'
import { deskNewsroom, forEachEngine, lastAction } from '../../support/desk-newsroom.ts'

const FORM = {
  name: 'Caucasus Concise', slug: 'caucasus-concise', description: 'The week in the South Caucasus.', language: 'en', senderName: 'Caucasus Concise',
  senderAddress: 'newsletter@news.example', replyTo: '', cadence: 'weekly', sendTime: '08:30', sendWeekday: '1', sections: 'news',
}

forEachEngine('newsletters are defined in the desk by editors, with CSRF, and listed with their counts', async (t, engine) => {
  const d = await deskNewsroom(t, engine)
  assert.doesNotMatch((await d.a.app.inject('/news')).body, /newsletter-form/, 'no newsletter yet, no form')
  assert.equal((await d.get('/desk/newsletters', d.author)).statusCode, 403)
  assert.equal((await d.get('/desk/newsletters', d.editor)).statusCode, 200)
  assert.equal((await postForm(d.a, '/desk/newsletters', FORM, d.editor)).statusCode, 403, 'no CSRF field')
  assert.equal((await d.post('/desk/newsletters', FORM, d.author)).statusCode, 403)

  const bad = await d.post('/desk/newsletters', { ...FORM, sendTime: '8 o’clock' })
  assert.equal(bad.statusCode, 400)
  assert.match(bad.body, /aria-invalid="true"[^>]*aria-describedby="n-time-hint n-time-error"/)
  assert.match(bad.body, /value="Caucasus Concise"/, 'the refused form keeps what was typed')

  const ok = await d.post('/desk/newsletters', FORM)
  assert.equal(ok.statusCode, 303)
  assert.match(String(ok.headers.location), /^\/desk\/newsletters\/\d+\?done=created$/)
  assert.equal(await lastAction(d), 'newsletter.create')
  const page = await d.get(String(ok.headers.location), d.editor)
  assert.equal(page.statusCode, 200)
  assert.match(page.body, /Every Monday at 08:30, after approval/)
  const list = await d.get('/desk/newsletters', d.editor)
  assert.match(list.body, /data-newsletter="caucasus-concise"/)
  // The site now offers it in the footer, on section pages and after articles (the page cache was flushed).
  const signUp = /<form class="newsletter-form" method="post" action="\/newsletters\/caucasus-concise">/g
  assert.equal([...(await d.a.app.inject('/')).body.matchAll(signUp)].length, 1, 'footer')
  assert.equal([...(await d.a.app.inject('/news')).body.matchAll(signUp)].length, 2, 'section page and footer')
  assert.equal([...(await d.a.app.inject('/opinion/energy-deal-matters')).body.matchAll(signUp)].length, 2, 'article end and footer')
  assert.equal((await d.get('/desk/newsletters/999999', d.editor)).statusCode, 404)
  assert.equal((await d.get('/desk/newsletters/abc', d.editor)).statusCode, 400)
})

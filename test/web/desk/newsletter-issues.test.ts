// Composing and sending an issue from the desk, on both engines, with a real SMTP server: compose from the newsroom's
// rules, trim, reorder and annotate, preview (a sandboxed frame and plain text), a test to oneself, send, progress.

import assert from 'node:assert/strict'
import { deskNewsroom, forEachEngine } from '../../support/desk-newsroom.ts'
import { mailEnv, mailJob, startSmtp } from '../../support/smtp.ts'
import { deliveryJob, NEWSLETTER } from '../../support/newsletters.ts'

forEachEngine('an editor composes, edits, previews, tests and sends an issue, and watches it go out', async (t, engine) => {
  const smtp = await startSmtp(t)
  const d = await deskNewsroom(t, engine, mailEnv(smtp))
  const mail = mailJob(t, d.a)
  const newsletterId = await d.a.store.newsletters.insert({ ...NEWSLETTER, sections: ['news'] }, d.a.clock.now())
  const reader = await d.a.store.newsletters.ensureSubscriber('reader@example.org', 'form', '', 1)
  await d.a.store.newsletters.putActive(newsletterId, reader.id, 1)

  assert.equal((await d.post(`/desk/newsletters/${newsletterId}/issues`, {}, d.author)).statusCode, 403)
  const composed = await d.post(`/desk/newsletters/${newsletterId}/issues`, {})
  assert.equal(composed.statusCode, 303)
  const path = String(composed.headers.location).split('?')[0]!
  const issueId = Number(path.split('/').pop())
  const page = await d.get(path, d.editor)
  assert.equal(page.statusCode, 200)
  assert.match(String(page.headers['content-security-policy']), /frame-src 'self'/)
  // The introduction: a plain HTML textarea that the articles' editor mounts on, with the tools that need no article.
  assert.match(page.body, /<textarea id="f-body" name="intro"/)
  assert.match(page.body, /data-command="bold"/)
  assert.doesNotMatch(page.body, /data-command="(figure|embed|quote|pullQuote)"/)
  const items = (await d.a.store.newsletterIssues.get(issueId))!.items
  assert.equal(items[0]?.articleId, d.news.opinion, "Editor's choice first")
  assert.ok(items.some((i) => i.articleId === d.news.lead), 'the newest of the chosen section')
  assert.match(items[0]!.url, /^https?:\/\/[^/]+\/opinion\/energy-deal-matters$/, "an absolute link on SITE_URL")

  // Keep two, the second first, with a note and an introduction; a script in it does not survive the sanitizer.
  const form: Record<string, string> = { subject: 'This week in the Caucasus', intro: '<p>Dear readers,</p><script>alert(1)</script>' }
  form[`keep-${d.news.opinion}`] = '1'
  form[`pos-${d.news.opinion}`] = '2'
  form[`keep-${d.news.lead}`] = '1'
  form[`pos-${d.news.lead}`] = '1'
  form[`note-${d.news.lead}`] = 'Results came in overnight.'
  assert.equal((await d.post(path, form)).statusCode, 303)
  const saved = (await d.a.store.newsletterIssues.get(issueId))!
  assert.deepEqual(saved.items.map((i) => [i.articleId, i.note]), [[d.news.lead, 'Results came in overnight.'], [d.news.opinion, '']])
  assert.equal(saved.introHtml, '<p>Dear readers,</p>')
  assert.equal((await d.post(path, { ...form, [`keep-999999`]: '1' })).statusCode, 400, 'an article not in the issue')

  const preview = await d.get(`${path}/preview`, d.editor)
  assert.equal(preview.statusCode, 200)
  assert.match(String(preview.headers['content-security-policy']), /sandbox/)
  assert.match(preview.body, /Results came in overnight\./)
  assert.match((await d.get(path, d.editor)).body, /<pre class="issue-text">[\s\S]*Election results announced/)

  assert.equal((await d.post(`${path}/test`, {})).statusCode, 303)
  await mail.deliver()
  const test = smtp.to('editor@news.example')
  assert.equal(test.length, 1)
  assert.equal(test[0]!.subject, '[Test] This week in the Caucasus')
  assert.equal(smtp.to('reader@example.org').length, 0, 'a test goes to the editor only')

  assert.equal((await d.post(`${path}/send`, {})).statusCode, 303)
  assert.equal((await d.post(`${path}/send`, {})).statusCode, 409, 'sent once')
  assert.equal((await d.post(path, form)).statusCode, 409, 'no change after sending')
  const sending = await d.get(path, d.editor)
  assert.match(sending.body, /<meta http-equiv="refresh" content="5">/)
  assert.match(sending.body, /data-count="pending">1</)
  await deliveryJob(t, d.a.store, d.a.clock, smtp.url).deliver()
  const progress = JSON.parse((await d.get(`${path}/progress`, d.editor)).body) as Record<string, unknown>
  assert.deepEqual(progress, { sent: 1, pending: 0, failed: 0, status: 'sent', recipients: 1 })
  const got = smtp.to('reader@example.org')
  assert.equal(got.length, 1)
  assert.match(got[0]!.text ?? '', /Dear readers,[\s\S]*Election results announced[\s\S]*Results came in overnight\./)
})

// Subscribing over HTTP on both engines, with a real SMTP server: double opt-in, the same answer for a subscribed
// address, a 48-hour link that works once, rate limits per address and per client, managing and one-click leaving.

import assert from 'node:assert/strict'
import type { TestContext } from 'node:test'
import { forEachEngine, type Engine } from '../support/databases.ts'
import { buildSiteApp } from '../support/web.ts'
import { mailEnv, mailJob, startSmtp } from '../support/smtp.ts'
import type { TestApp } from '../support/build-test-app.ts'
import { ADDRESS_LIMIT, CLIENT_LIMIT } from '../../src/newsletters/subscribing.ts'

export const NEWSLETTER = {
  slug: 'caucasus-concise', name: 'Caucasus Concise', description: 'The week in the South Caucasus.', language: 'en', senderName: 'Caucasus Concise',
  senderAddress: 'newsletter@news.example', replyTo: null, cadence: 'manual', sendTime: null, sendWeekday: null, autoSend: false, sections: [],
} as const

const form = (a: TestApp, url: string, body: Record<string, string>, ip = '203.0.113.7') =>
  a.app.inject({ method: 'POST', url, payload: new URLSearchParams(body).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' }, remoteAddress: ip })

/** The app with mail on, one newsletter, and the mail job. */
export async function newsletterSite(t: TestContext, engine: Engine) {
  const smtp = await startSmtp(t)
  const a = await buildSiteApp(t, { engine, env: mailEnv(smtp) })
  const id = await a.store.newsletters.insert(NEWSLETTER, a.clock.now())
  return { a, smtp, id, mail: mailJob(t, a) }
}

/** The path of the first site link (`/newsletters/…`) in a message's text part. */
const pathIn = (text: string | undefined, what: string): string => {
  const m = new RegExp(`https?://[^\\s]+(/newsletters/${what}\\?[^\\s]+)`).exec(text ?? '')
  if (!m) throw new Error(`no ${what} link in: ${text}`)
  return m[1]!
}

forEachEngine('double opt-in: the form sends a link, the link confirms once, a subscribed address gets the same answer and no mail', async (t, engine) => {
  const { a, smtp, id, mail } = await newsletterSite(t, engine)
  const page = await a.app.inject('/newsletters/caucasus-concise')
  assert.equal(page.statusCode, 200)
  assert.match(page.body, /<form class="newsletter-form" method="post" action="\/newsletters\/caucasus-concise">/)
  assert.equal(page.headers['set-cookie'], undefined)

  const first = await form(a, '/newsletters/caucasus-concise', { email: '  Reader@Example.ORG ' })
  assert.equal(first.statusCode, 200)
  assert.match(first.body, /Check your inbox/)
  assert.equal(first.headers['set-cookie'], undefined)
  await mail.deliver()
  assert.equal(smtp.messages.length, 1)
  const confirmation = smtp.messages[0]!
  assert.equal(confirmation.subject, 'Confirm your subscription to Caucasus Concise')
  const link = pathIn(confirmation.text, 'confirm')
  assert.match(String(confirmation.html), new RegExp(link.replace(/[?.]/g, '\\$&')))
  const subscriber = await a.store.newsletters.subscriberByEmail('reader@example.org')
  assert.equal((await a.store.newsletters.subscription(id, subscriber!.id))?.status, 'pending')

  // Opening the link shows a button (a mail scanner fetching it confirms nothing); pressing it starts the subscription.
  const opened = await a.app.inject(link)
  assert.equal(opened.statusCode, 200)
  assert.equal((await a.store.newsletters.subscription(id, subscriber!.id))?.status, 'pending')
  const token = new URL(link, 'http://x').searchParams.get('t')!
  const confirmed = await form(a, '/newsletters/confirm', { t: token })
  assert.equal(confirmed.statusCode, 200)
  assert.match(confirmed.body, /You are subscribed/)
  assert.equal((await a.store.newsletters.subscription(id, subscriber!.id))?.status, 'active')
  assert.equal((await form(a, '/newsletters/confirm', { t: token })).statusCode, 400, 'the link works once')
  assert.equal((await form(a, '/newsletters/confirm', { t: token.slice(0, -2) + 'xx' })).statusCode, 400, 'a forged token')

  // The same answer for an address that already receives it, and no message.
  const again = await form(a, '/newsletters/caucasus-concise', { email: 'reader@example.org' })
  assert.equal(again.statusCode, 200)
  assert.equal(again.body.replace(/reader@example\.org/g, ''), first.body.replace(/reader@example\.org/g, ''))
  await mail.deliver()
  assert.equal(smtp.messages.length, 1)

  // Bad input is a 400 with the form again, and changes nothing.
  const bad = await form(a, '/newsletters/caucasus-concise', { email: 'not an address' })
  assert.equal(bad.statusCode, 400)
  assert.match(bad.body, /aria-invalid="true"/)
  assert.equal((await form(a, '/newsletters/caucasus-concise', { email: 'x@example.org\r\nbcc: y@example.org' })).statusCode, 400)
  assert.equal((await a.app.inject('/newsletters/no-such-letter')).statusCode, 404)
  assert.equal((await form(a, '/newsletters/no-such-letter', { email: 'a@example.org' })).statusCode, 404)
})

forEachEngine('a confirmation link expires after 48 hours', async (t, engine) => {
  const { a, smtp, mail } = await newsletterSite(t, engine)
  await form(a, '/newsletters/caucasus-concise', { email: 'late@example.org' })
  await mail.deliver()
  const token = new URL(pathIn(smtp.messages[0]!.text, 'confirm'), 'http://x').searchParams.get('t')!
  a.clock.set(a.clock.now() + 48 * 3_600_000 + 1)
  const res = await form(a, '/newsletters/confirm', { t: token })
  assert.equal(res.statusCode, 400)
  assert.match(res.body, /not valid or has expired/)
})

forEachEngine('sign-ups are limited per address and per client', async (t, engine) => {
  const { a } = await newsletterSite(t, engine)
  for (let i = 0; i < ADDRESS_LIMIT; i++) assert.equal((await form(a, '/newsletters/caucasus-concise', { email: 'flood@example.org' }, `198.51.100.${i}`)).statusCode, 200)
  assert.equal((await form(a, '/newsletters/caucasus-concise', { email: 'flood@example.org' }, '198.51.100.99')).statusCode, 429)
  for (let i = 0; i < CLIENT_LIMIT; i++) assert.equal((await form(a, '/newsletters/caucasus-concise', { email: `r${i}@example.org` }, '192.0.2.1')).statusCode, 200)
  assert.equal((await form(a, '/newsletters/caucasus-concise', { email: 'one-more@example.org' }, '192.0.2.1')).statusCode, 429)
  assert.equal(await a.store.newsletters.subscriberByEmail('one-more@example.org'), undefined, 'a refused sign-up changes nothing')
  // An hour later the address may try again.
  a.clock.set(a.clock.now() + 3_600_001)
  assert.equal((await form(a, '/newsletters/caucasus-concise', { email: 'flood@example.org' }, '198.51.100.200')).statusCode, 200)
})

forEachEngine('the manage link lists every newsletter and leaves one or all; one-click unsubscribe needs no CSRF token', async (t, engine) => {
  const { a, id } = await newsletterSite(t, engine)
  const other = await a.store.newsletters.insert({ ...NEWSLETTER, slug: 'daily-brief', name: 'Daily brief' }, a.clock.now())
  const s = await a.store.newsletters.ensureSubscriber('both@example.org', 'form', '', 1)
  await a.store.newsletters.putActive(id, s.id, 1)
  await a.store.newsletters.putActive(other, s.id, 1)
  const token = await a.services.newsletterLinks.manageToken(s.id)

  const page = await a.app.inject(`/newsletters/manage?t=${token}`)
  assert.equal(page.statusCode, 200)
  assert.match(page.body, /both@example\.org/)
  assert.match(page.body, /Caucasus Concise/)
  assert.match(page.body, /Daily brief/)
  assert.equal((await a.app.inject(`/newsletters/manage?t=${s.id}.${'A'.repeat(32)}`)).statusCode, 404)
  assert.equal((await a.app.inject(`/newsletters/manage?t=${s.id + 1}.${token.split('.')[1]}`)).statusCode, 404, 'a signature is for one subscriber')

  const oneClick = await a.app.inject({ method: 'POST', url: `/newsletters/unsubscribe?t=${token}&n=${id}`, payload: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
  assert.equal(oneClick.statusCode, 200)
  assert.equal((await a.store.newsletters.subscription(id, s.id))?.status, 'left')
  assert.equal((await a.store.newsletters.subscription(other, s.id))?.status, 'active')
  assert.equal((await a.app.inject({ method: 'POST', url: `/newsletters/unsubscribe?t=${token}&n=${id}`, payload: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).statusCode, 200, 'twice is fine')
  assert.equal((await a.app.inject({ method: 'POST', url: `/newsletters/unsubscribe?t=bad&n=${id}`, payload: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).statusCode, 404)

  const all = await form(a, '/newsletters/manage', { t: token, newsletter: 'all' })
  assert.equal(all.statusCode, 200)
  assert.match(all.body, /You have left/)
  assert.equal((await a.store.newsletters.subscription(other, s.id))?.status, 'left')
})

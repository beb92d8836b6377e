// "Forgot password" on both engines: the same page for every address, a one-hour single-use link that ends sessions and
// API tokens, rate limits per address and per client; and what the desk says when mail is off.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { forEachEngine } from '../../support/databases.ts'
import { buildSiteApp } from '../../support/web.ts'
import { cookieHeader, csrfOf, login, OWNER, postForm, preSession, setupOwner, userSession } from '../../support/desk.ts'
import { linkIn, mailEnv, mailJob, startSmtp } from '../../support/smtp.ts'
import type { TestApp } from '../../support/build-test-app.ts'

const get = (a: TestApp, url: string, cookies: Record<string, string> = {}) => a.app.inject({ url, headers: { cookie: cookieHeader(cookies) } })

/** Asks for a reset link for `email` through the form, from `ip` (the pre-session token of the login page serves every such form). */
async function forgot(a: TestApp, email: string, ip = '203.0.113.7') {
  const { cookies, csrf } = await preSession(a, '/desk/login')
  return a.app.inject({
    method: 'POST', url: '/desk/forgot', remoteAddress: ip, payload: new URLSearchParams({ _csrf: csrf, email }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(cookies) },
  })
}

forEachEngine('forgot password answers the same page for a known and an unknown address; only the known one gets a link', async (t, engine) => {
  const smtp = await startSmtp(t)
  const a = await buildSiteApp(t, { engine, env: mailEnv(smtp) })
  const mail = mailJob(t, a)
  await setupOwner(a)
  const loginPage = await get(a, '/desk/login')
  assert.match(loginPage.body, /<a href="\/desk\/forgot">Forgot your password\?<\/a>/)
  const form = await get(a, '/desk/forgot')
  assert.equal(form.statusCode, 200)
  assert.match(form.body, /Send me a link/)

  const known = await forgot(a, OWNER.email)
  const unknown = await forgot(a, 'nobody@news.example')
  assert.equal(known.statusCode, 200)
  assert.equal(unknown.statusCode, 200)
  assert.equal(known.body.replace(OWNER.email, 'ADDRESS'), unknown.body.replace('nobody@news.example', 'ADDRESS'))
  assert.match(known.body, /If <strong>owner@news\.example<\/strong> belongs to an account on this desk, a link to choose a new password is on its way/)
  assert.equal(known.headers['set-cookie'] === undefined, unknown.headers['set-cookie'] === undefined)
  const bad = await forgot(a, 'not an address')
  assert.equal(bad.statusCode, 400)
  assert.match(bad.body, /enter a valid email address/)

  await mail.deliver()
  assert.equal(smtp.messages.length, 1)
  assert.equal(smtp.to(OWNER.email).length, 1)
  assert.equal(smtp.messages[0]!.subject, 'Reset your Broadsheet desk password')
  assert.match(smtp.messages[0]!.text ?? '', /Hello Olga Owner,[\s\S]*until 27 November 2026 at 10:00 \(UTC\)/)
})

forEachEngine('a reset link sets a new password once, within the hour, and ends the sessions and API tokens of the account', async (t, engine) => {
  const smtp = await startSmtp(t)
  const a = await buildSiteApp(t, { engine, env: mailEnv(smtp) })
  const mail = mailJob(t, a)
  await setupOwner(a)
  const editor = await userSession(a, 'editor')
  const { token: apiToken } = await a.services.accounts.createToken('editor@news.example', 'ci')
  assert.ok(await a.services.accounts.authenticateToken(apiToken))
  const start = a.clock.now()

  assert.equal((await forgot(a, 'editor@news.example')).statusCode, 200)
  await mail.deliver()
  const first = linkIn(smtp.to('editor@news.example')[0]!)
  // A second request replaces the first link.
  a.clock.set(start + 60_000)
  assert.equal((await forgot(a, 'editor@news.example')).statusCode, 200)
  await mail.deliver()
  const path = linkIn(smtp.to('editor@news.example')[1]!)
  assert.equal((await get(a, first)).statusCode, 404)
  const page = await get(a, path)
  assert.equal(page.statusCode, 200)
  assert.match(page.body, /Choose a new password[\s\S]*editor@news\.example[\s\S]*logs you out everywhere and revokes your API tokens/)
  assert.doesNotMatch(page.body, /name="name"/)

  a.clock.set(start + 60_000 + 3_600_000 - 1)
  const { cookies, csrf } = await preSession(a, path)
  const done = await postForm(a, path, { _csrf: csrf, password: 'the new long password' }, cookies)
  assert.equal(done.statusCode, 303, done.body)
  assert.equal(done.headers.location, '/desk/login?done=reset')
  // The old session and the API token stopped working; the old password too; the new one works.
  assert.equal((await get(a, '/desk', editor.cookies)).statusCode, 303)
  assert.equal(await a.services.accounts.authenticateToken(apiToken), null)
  assert.equal((await login(a, 'editor@news.example', 'a long enough password')).session, null)
  assert.ok((await login(a, 'editor@news.example', 'the new long password')).session)
  const again = await get(a, path)
  assert.equal(again.statusCode, 410)
  assert.match(again.body, /already been used/)
  const [entry] = await a.store.audit.list({ limit: 1, action: 'user.reset-password' })
  assert.deepEqual(entry?.details, { via: 'email', sessions: 1, tokens: 1 })
})

forEachEngine('a reset link expires after one hour and says so; an unknown token is 404', async (t, engine) => {
  const smtp = await startSmtp(t)
  const a = await buildSiteApp(t, { engine, env: mailEnv(smtp) })
  const mail = mailJob(t, a)
  await setupOwner(a)
  const start = a.clock.now()
  await forgot(a, OWNER.email)
  await mail.deliver()
  const path = linkIn(smtp.messages[0]!)
  a.clock.set(start + 3_600_000)
  const expired = await get(a, path)
  assert.equal(expired.statusCode, 410)
  assert.match(expired.body, /This link has expired\. Ask for a new one on the login page\./)
  assert.match(expired.body, /href="\/desk\/forgot"/)
  const { cookies, csrf } = await preSession(a, '/desk/forgot')
  assert.equal((await postForm(a, path, { _csrf: csrf, password: 'the new long password' }, cookies)).statusCode, 410)
  assert.equal((await login(a, OWNER.email, 'the new long password')).session, null)
  assert.equal((await get(a, '/desk/password/not-a-token')).statusCode, 404)
  assert.equal((await get(a, `/desk/password/${'x'.repeat(200)}`)).statusCode, 400)
})

forEachEngine('reset requests are limited per address (known or not) and per client address, with Retry-After', async (t, engine) => {
  const smtp = await startSmtp(t)
  const a = await buildSiteApp(t, { engine, env: mailEnv(smtp) })
  const mail = mailJob(t, a)
  await setupOwner(a)
  for (const email of [OWNER.email, 'ghost@news.example']) {
    for (let i = 0; i < 3; i++) assert.equal((await forgot(a, email, `198.51.100.${i}`)).statusCode, 200)
    const refused = await forgot(a, email, '198.51.100.99')
    assert.equal(refused.statusCode, 429, `the fourth request for ${email}`)
    assert.equal(refused.headers['retry-after'], '900')
    assert.match(refused.body, /Too many requests for a password link/)
  }
  await mail.deliver()
  assert.equal(smtp.messages.length, 3, 'three links for the known address, none for the unknown one')

  for (let i = 0; i < 10; i++) assert.equal((await forgot(a, `person${i}@news.example`, '192.0.2.1')).statusCode, 200)
  const busy = await forgot(a, 'person10@news.example', '192.0.2.1')
  assert.equal(busy.statusCode, 429)
  assert.equal((await forgot(a, 'person10@news.example', '192.0.2.2')).statusCode, 200, 'another client is not held back')
  // After the lock, requests are counted afresh.
  a.clock.set(a.clock.now() + 15 * 60_000)
  assert.equal((await forgot(a, OWNER.email, '192.0.2.1')).statusCode, 200)
})

test('with mail off the desk says so: forgot password, the users page, and inviting; users are still added with a password', async (t) => {
  const a = await buildSiteApp(t)
  const owner = await setupOwner(a)
  const forgotPage = await get(a, '/desk/forgot')
  assert.equal(forgotPage.statusCode, 200)
  assert.match(forgotPage.body, /mail is not configured \(<code>SMTP_URL<\/code> and <code>MAIL_FROM<\/code>\), so no reset link can be sent/)
  assert.doesNotMatch(forgotPage.body, /Send me a link/)
  const posted = await forgot(a, OWNER.email)
  assert.equal(posted.statusCode, 409)
  assert.match(posted.body, /mail is not configured/)

  const users = await get(a, '/desk/users', owner)
  assert.match(users.body, /Mail is not configured[\s\S]*broadsheet user create/)
  assert.match(users.body, /First password/)
  assert.doesNotMatch(users.body, /Invite a user/)
  const csrf = csrfOf(users.body)
  const invite = await postForm(a, '/desk/users/invite', { _csrf: csrf, email: 'x@news.example', name: 'X', role: 'author' }, owner)
  assert.equal(invite.statusCode, 409)
  assert.match(invite.body, /mail is not configured/)
  const added = await postForm(a, '/desk/users', { _csrf: csrf, email: 'x@news.example', name: 'X', role: 'author', password: 'a long enough password' }, owner)
  assert.equal(added.statusCode, 303)
  assert.deepEqual(await a.store.mailOutbox.list(), [])
})

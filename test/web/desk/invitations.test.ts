// Invitations by email, end to end over HTTP on both engines: invite → mail on a real SMTP server → link → password → login.

import assert from 'node:assert/strict'
import { forEachEngine } from '../../support/databases.ts'
import { buildSiteApp } from '../../support/web.ts'
import { cookieHeader, csrfOf, login, postForm, preSession, setupOwner, userSession } from '../../support/desk.ts'
import { linkIn, mailEnv, mailJob, startSmtp } from '../../support/smtp.ts'
import type { TestApp } from '../../support/build-test-app.ts'

const get = (a: TestApp, url: string, cookies: Record<string, string> = {}) => a.app.inject({ url, headers: { cookie: cookieHeader(cookies) } })
const HOUR = 3_600_000

/** Invites `email` as the owner through the users page; returns the response. */
async function invite(a: TestApp, owner: Record<string, string>, form: Record<string, string>) {
  const csrf = csrfOf((await get(a, '/desk/users', owner)).body)
  return postForm(a, '/desk/users/invite', { _csrf: csrf, ...form }, owner)
}

/** Opens a link's page and posts its form. */
async function choosePassword(a: TestApp, path: string, form: Record<string, string>) {
  const { cookies, csrf } = await preSession(a, path)
  return postForm(a, path, { _csrf: csrf, ...form }, cookies)
}

forEachEngine('an admin invites by email; the invitee sets a password through the link, once, and logs in', async (t, engine) => {
  const smtp = await startSmtp(t)
  const a = await buildSiteApp(t, { engine, env: mailEnv(smtp) })
  const mail = mailJob(t, a)
  const owner = await setupOwner(a)
  const page = await get(a, '/desk/users', owner)
  assert.match(page.body, /Invite a user/)
  assert.doesNotMatch(page.body, /First password/)

  const sent = await invite(a, owner, { email: 'Dana@News.Example', name: 'Dana <Desk>', role: 'editor' })
  assert.equal(sent.statusCode, 303, sent.body)
  assert.equal(sent.headers.location, '/desk/users?done=invited')
  const after = await get(a, sent.headers.location!, owner)
  assert.match(after.body, /The invitation is on its way/)
  assert.match(after.body, /Waiting for an answer[\s\S]*dana@news\.example<\/strong> \(Dana &lt;Desk&gt;\)/)
  // Nothing is sent by the request itself: the job sends what the committed transaction wrote.
  assert.equal(smtp.messages.length, 0)
  assert.equal(await a.store.users.byEmail('dana@news.example'), undefined)
  await mail.deliver()
  assert.equal(smtp.messages.length, 1)
  const letter = smtp.messages[0]!
  assert.equal(letter.subject, 'You are invited to the Broadsheet desk')
  assert.equal(letter.from?.text, '"The Desk" <desk@news.example>')
  assert.deepEqual(smtp.to('dana@news.example'), [letter])
  assert.match(letter.text ?? '', /Olga Owner has invited you to the desk of Broadsheet as an editor/)
  const path = linkIn(letter)
  assert.match(path, /^\/desk\/password\/[A-Za-z0-9_-]{43}$/)
  assert.ok(String(letter.html).includes(`href="https://news.example${path}"`), 'the HTML part links to the same page')
  // Only the hash of the token is stored, and the sent message keeps no body.
  const [outboxRow] = await a.store.mailOutbox.list()
  assert.equal(outboxRow?.status, 'sent')
  assert.equal(outboxRow?.text, '')

  const open = await get(a, path)
  assert.equal(open.statusCode, 200)
  assert.equal(open.headers['referrer-policy'], 'no-referrer')
  assert.match(open.body, /Welcome to the desk[\s\S]*dana@news\.example/)
  assert.match(open.body, /value="Dana &lt;Desk&gt;"/)

  const short = await choosePassword(a, path, { name: 'Dana Editor', password: 'short' })
  assert.equal(short.statusCode, 400)
  assert.match(short.body, /at least 12 characters/)
  assert.equal(await a.store.users.byEmail('dana@news.example'), undefined)

  const done = await choosePassword(a, path, { name: 'Dana Editor', password: 'a fine long password' })
  assert.equal(done.statusCode, 303, done.body)
  assert.equal(done.headers.location, '/desk/login?done=welcome')
  assert.match((await get(a, done.headers.location!)).body, /Your account is ready/)
  const user = await a.store.users.byEmail('dana@news.example')
  assert.equal(user?.role, 'editor')
  assert.equal(user?.name, 'Dana Editor')
  const { res, session } = await login(a, 'dana@news.example', 'a fine long password')
  assert.equal(res.statusCode, 303)
  assert.ok(session)
  assert.equal((await get(a, '/desk', session)).statusCode, 200)

  // Single use: the page and the form both say so, and nothing changes.
  const again = await get(a, path)
  assert.equal(again.statusCode, 410)
  assert.match(again.body, /This link has already been used/)
  const replay = await postForm(a, path, { name: 'Mallory', password: 'another long password' })
  assert.equal(replay.statusCode, 403, 'a form without its token is refused first')
  const { cookies, csrf } = await preSession(a, '/desk/forgot')
  const replayed = await postForm(a, path, { _csrf: csrf, name: 'Mallory', password: 'another long password' }, cookies)
  assert.equal(replayed.statusCode, 410)
  assert.equal((await a.store.users.byEmail('dana@news.example'))?.name, 'Dana Editor')
  assert.equal((await login(a, 'dana@news.example', 'another long password')).session, null)
})

forEachEngine('an invitation link works for 72 hours, then says it expired; a newer invitation replaces the older link', async (t, engine) => {
  const smtp = await startSmtp(t)
  const a = await buildSiteApp(t, { engine, env: mailEnv(smtp) })
  const mail = mailJob(t, a)
  const owner = await setupOwner(a)
  const start = a.clock.now()
  assert.equal((await invite(a, owner, { email: 'first@news.example', name: '', role: 'author' })).statusCode, 303)
  assert.equal((await invite(a, owner, { email: 'late@news.example', name: 'Late', role: 'author' })).statusCode, 303)
  await mail.deliver()
  const first = linkIn(smtp.to('first@news.example')[0]!)
  const late = linkIn(smtp.to('late@news.example')[0]!)

  a.clock.set(start + 72 * HOUR - 60_000)
  assert.equal((await get(a, late)).statusCode, 200)
  // Inviting the same address again: the earlier link stops working at once.
  assert.equal((await invite(a, owner, { email: 'first@news.example', name: '', role: 'editor' })).statusCode, 303)
  await mail.deliver()
  const replaced = await get(a, first)
  assert.equal(replaced.statusCode, 404)
  assert.match(replaced.body, /This link is not valid/)
  const second = linkIn(smtp.to('first@news.example')[1]!)
  // A name is required of the invitee when the admin gave none.
  const noName = await choosePassword(a, second, { name: '', password: 'a fine long password' })
  assert.equal(noName.statusCode, 400)
  assert.match(noName.body, /a name is required/)

  a.clock.set(start + 72 * HOUR)
  const expired = await get(a, late)
  assert.equal(expired.statusCode, 410)
  assert.match(expired.body, /This invitation has expired\. Ask an admin to invite you again\./)
  const { cookies, csrf } = await preSession(a, '/desk/forgot')
  assert.equal((await postForm(a, late, { _csrf: csrf, name: 'Late', password: 'a fine long password' }, cookies)).statusCode, 410)
  assert.equal(await a.store.users.byEmail('late@news.example'), undefined)
  assert.equal((await choosePassword(a, second, { name: 'First', password: 'a fine long password' })).statusCode, 303)
  assert.equal((await a.store.users.byEmail('first@news.example'))?.role, 'editor')
})

forEachEngine('only admins invite; an address that has an account, a bad address or role is refused at its field', async (t, engine) => {
  const smtp = await startSmtp(t)
  const a = await buildSiteApp(t, { engine, env: mailEnv(smtp) })
  const owner = await setupOwner(a)
  const editor = await userSession(a, 'editor')
  const editorCsrf = csrfOf((await get(a, '/desk/account', editor.cookies)).body)
  assert.equal((await postForm(a, '/desk/users/invite', { _csrf: editorCsrf, email: 'x@news.example', name: '', role: 'admin' }, editor.cookies)).statusCode, 403)
  const taken = await invite(a, owner, { email: 'editor@news.example', name: '', role: 'author' })
  assert.equal(taken.statusCode, 409)
  assert.match(taken.body, /already exists/)
  const bad = await invite(a, owner, { email: 'not an address', name: '', role: 'author' })
  assert.equal(bad.statusCode, 400)
  assert.match(bad.body, /id="new-email-error"/)
  assert.equal((await invite(a, owner, { email: 'y@news.example', name: '', role: 'owner' })).statusCode, 400)
  assert.deepEqual(await a.store.mailOutbox.list(), [])
  assert.equal(await a.store.accountLinks.pendingInvitations(a.clock.now()).then((l) => l.length), 0)
})

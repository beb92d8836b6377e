// The desk's own-account page: name, password with the current one, API tokens shown once, working as Bearer, revoked.

import assert from 'node:assert/strict'
import { onBothEngines } from '../../support/both-engines.ts'
import { cookieHeader, csrfOf, login, postForm, setupOwner, userSession } from '../../support/desk.ts'
import type { TestApp } from '../../support/build-test-app.ts'

const get = (a: TestApp, url: string, cookies: Record<string, string>) => a.app.inject({ url, headers: { cookie: cookieHeader(cookies) } })
const PASSWORD = 'a long enough password'

onBothEngines('every logged-in user has an account page; logged out it sends to the login form; CSRF is required', async (a) => {
  await setupOwner(a)
  const contributor = await userSession(a, 'contributor')
  const page = await get(a, '/desk/account', contributor.cookies)
  assert.equal(page.statusCode, 200)
  assert.match(page.body, /contributor@news.example/)
  assert.equal((await a.app.inject('/desk/account')).statusCode, 303)
  assert.equal((await postForm(a, '/desk/account/name', { name: 'Sneaky' }, contributor.cookies)).statusCode, 403)
  assert.equal((await a.store.users.get(contributor.id))?.name, 'Contributor User')
})

onBothEngines('a user renames themselves; an empty name is 400 at the field and changes nothing', async (a) => {
  await setupOwner(a)
  const u = await userSession(a, 'author')
  const csrf = csrfOf((await get(a, '/desk/account', u.cookies)).body)
  const ok = await postForm(a, '/desk/account/name', { _csrf: csrf, name: ' Aigerim Sadykova ' }, u.cookies)
  assert.equal(ok.statusCode, 303)
  const after = await get(a, ok.headers.location!, u.cookies)
  assert.match(after.body, /role="status">Your name was saved/)
  assert.match(after.body, /value="Aigerim Sadykova"/)
  const bad = await postForm(a, '/desk/account/name', { _csrf: csrf, name: '   ' }, u.cookies)
  assert.equal(bad.statusCode, 400)
  assert.match(bad.body, /id="account-name-error"/)
  assert.equal((await a.store.users.get(u.id))?.name, 'Aigerim Sadykova')
})

onBothEngines('changing the password needs the current one; other sessions end, this one stays', async (a) => {
  await setupOwner(a)
  const u = await userSession(a, 'editor')
  const other = await login(a, 'editor@news.example', PASSWORD)
  const csrf = csrfOf((await get(a, '/desk/account', u.cookies)).body)
  const wrong = await postForm(a, '/desk/account/password', { _csrf: csrf, current_password: 'not the password', new_password: 'a brand new passphrase' }, u.cookies)
  assert.equal(wrong.statusCode, 400)
  assert.match(wrong.body, /id="current-password-error"/)
  const short = await postForm(a, '/desk/account/password', { _csrf: csrf, current_password: PASSWORD, new_password: 'short' }, u.cookies)
  assert.equal(short.statusCode, 400)
  assert.ok((await login(a, 'editor@news.example', PASSWORD)).session, 'nothing changed yet')
  const ok = await postForm(a, '/desk/account/password', { _csrf: csrf, current_password: PASSWORD, new_password: 'a brand new passphrase' }, u.cookies)
  assert.equal(ok.statusCode, 303)
  assert.equal((await get(a, '/desk', u.cookies)).statusCode, 200, 'this session stays')
  assert.equal((await get(a, '/desk', other.session!)).statusCode, 303, 'the other session ended')
  assert.equal((await login(a, 'editor@news.example', PASSWORD)).session, null)
  assert.ok((await login(a, 'editor@news.example', 'a brand new passphrase')).session)
})

onBothEngines('a new API token is shown once, works as Bearer, is listed without its value, and can be revoked by its owner only', async (a) => {
  await setupOwner(a)
  const u = await userSession(a, 'editor')
  const someone = await userSession(a, 'author')
  const csrf = csrfOf((await get(a, '/desk/account', u.cookies)).body)
  const created = await postForm(a, '/desk/account/tokens', { _csrf: csrf, name: 'newsletter export', current_password: PASSWORD }, u.cookies)
  assert.equal(created.statusCode, 201)
  const token = /id="new-token" class="secret" type="text" readonly value="(bsk_[A-Za-z0-9_-]+)"/.exec(created.body)?.[1]
  assert.ok(token, 'the token is on the page')
  const viewer = await a.services.accounts.authenticateToken(token)
  assert.equal(viewer?.user.id, u.id)
  const later = await get(a, '/desk/account', u.cookies)
  assert.match(later.body, /newsletter export/)
  assert.equal(later.body.includes(token), false, 'never shown again')
  const id = Number(/data-token="(\d+)"/.exec(later.body)?.[1])
  // Someone else's token looks like no token.
  const theirCsrf = csrfOf((await get(a, '/desk/account', someone.cookies)).body)
  assert.equal((await postForm(a, `/desk/account/tokens/${id}/revoke`, { _csrf: theirCsrf }, someone.cookies)).statusCode, 404)
  assert.ok(await a.services.accounts.authenticateToken(token))
  const long = await postForm(a, '/desk/account/tokens', { _csrf: csrf, name: 'x'.repeat(150), current_password: PASSWORD }, u.cookies)
  assert.equal(long.statusCode, 400)
  assert.equal((await a.store.users.tokens(u.id)).length, 1)
  const revoked = await postForm(a, `/desk/account/tokens/${id}/revoke`, { _csrf: csrf }, u.cookies)
  assert.equal(revoked.statusCode, 303)
  assert.equal(await a.services.accounts.authenticateToken(token), null)
  assert.equal((await postForm(a, `/desk/account/tokens/${id}/revoke`, { _csrf: csrf }, u.cookies)).statusCode, 404)
})

// API tokens end with what should end them: minting asks for the password; a password change, "log out everywhere" and deactivation revoke them.

import assert from 'node:assert/strict'
import { onBothEngines } from '../../support/both-engines.ts'
import { cookieHeader, csrfOf, login, postForm, setupOwner, userSession } from '../../support/desk.ts'
import type { TestApp } from '../../support/build-test-app.ts'

const PASSWORD = 'a long enough password'
const get = (a: TestApp, url: string, cookies: Record<string, string>) => a.app.inject({ url, headers: { cookie: cookieHeader(cookies) } })

/** The Admin API's answer to the token: 200 while it works, 401 once it does not. */
const apiStatus = async (a: TestApp, token: string): Promise<number> =>
  (await a.app.inject({ url: '/api/v1/admin/articles', headers: { authorization: `Bearer ${token}` } })).statusCode

/** Mints a token on the account page with the current password; returns it. */
async function mint(a: TestApp, cookies: Record<string, string>, password = PASSWORD): Promise<string> {
  const csrf = csrfOf((await get(a, '/desk/account', cookies)).body)
  const res = await postForm(a, '/desk/account/tokens', { _csrf: csrf, name: 'script', current_password: password }, cookies)
  assert.equal(res.statusCode, 201, res.body)
  const token = /id="new-token" class="secret" type="text" readonly value="(bsk_[A-Za-z0-9_-]+)"/.exec(res.body)?.[1]
  assert.ok(token)
  return token
}

onBothEngines('minting a token on the desk asks for the current password: missing or wrong is 400 at the field and mints nothing', async (a) => {
  await setupOwner(a)
  const u = await userSession(a, 'editor')
  const csrf = csrfOf((await get(a, '/desk/account', u.cookies)).body)
  assert.match((await get(a, '/desk/account', u.cookies)).body, /name="current_password"[^>]*autocomplete="current-password"[\s\S]*Create token/)
  for (const form of [{ name: 'no password' }, { name: 'wrong', current_password: 'not my password at all' }, { name: 'huge', current_password: 'x'.repeat(2000) }]) {
    const res = await postForm(a, '/desk/account/tokens', { _csrf: csrf, ...form }, u.cookies)
    assert.equal(res.statusCode, 400, form.name)
    // Too long is refused as too long, never cut to a length that might match.
    assert.match(res.body, form.name === 'huge' ? /current_password is too long: at most 1025 characters/ : /the current password is not right/, form.name)
    assert.doesNotMatch(res.body, /bsk_/, form.name)
  }
  assert.deepEqual(await a.store.users.tokens(u.id), [])
  assert.equal(await apiStatus(a, await mint(a, u.cookies)), 200)
})

onBothEngines('changing one\'s password revokes one\'s API tokens; the session that made the change stays', async (a) => {
  await setupOwner(a)
  const u = await userSession(a, 'editor')
  const other = await userSession(a, 'author')
  const token = await mint(a, u.cookies)
  const othersToken = await mint(a, other.cookies)
  const csrf = csrfOf((await get(a, '/desk/account', u.cookies)).body)
  const res = await postForm(a, '/desk/account/password', { _csrf: csrf, current_password: PASSWORD, new_password: 'a brand new passphrase' }, u.cookies)
  assert.equal(res.statusCode, 303)
  assert.match((await get(a, res.headers.location!, u.cookies)).body, /your API tokens were revoked/)
  assert.equal(await apiStatus(a, token), 401)
  assert.equal(await apiStatus(a, othersToken), 200, 'someone else\'s token is untouched')
  assert.ok((await a.store.users.tokens(u.id)).every((t) => t.revokedAt !== null), 'listed as revoked')
})

onBothEngines('"log out everywhere", by the user or by an admin, revokes the user\'s API tokens', async (a) => {
  const owner = await setupOwner(a)
  const u = await userSession(a, 'editor')
  const first = await mint(a, u.cookies)
  const desk = await get(a, '/desk', u.cookies)
  assert.equal((await postForm(a, '/desk/logout', { _csrf: csrfOf(desk.body), everywhere: '1' }, u.cookies)).statusCode, 303)
  assert.equal(await apiStatus(a, first), 401)

  const again = await userSession(a, 'author', 'author@news.example')
  const second = await mint(a, again.cookies)
  const ownerToken = await mint(a, owner, 'correct horse battery')
  const csrf = csrfOf((await get(a, '/desk/users', owner)).body)
  assert.equal((await postForm(a, `/desk/users/${again.id}/sessions`, { _csrf: csrf }, owner)).statusCode, 303)
  assert.equal(await apiStatus(a, second), 401)
  assert.equal(await apiStatus(a, ownerToken), 200, 'the admin\'s own token is untouched')
})

onBothEngines('deactivation revokes the user\'s API tokens, and reactivation does not bring them back', async (a) => {
  const owner = await setupOwner(a)
  const u = await userSession(a, 'editor')
  const token = await mint(a, u.cookies)
  const csrf = csrfOf((await get(a, '/desk/users', owner)).body)
  assert.equal((await postForm(a, `/desk/users/${u.id}/active`, { _csrf: csrf, active: '0' }, owner)).statusCode, 303)
  assert.equal(await apiStatus(a, token), 401)
  assert.equal((await postForm(a, `/desk/users/${u.id}/active`, { _csrf: csrf, active: '1' }, owner)).statusCode, 303)
  assert.equal(await apiStatus(a, token), 401, 'still refused after reactivation')
  assert.ok((await a.store.users.tokens(u.id)).every((t) => t.revokedAt !== null))
})

onBothEngines('wrong current passwords on the account page count against the login limit: a session cannot be used to guess', async (a) => {
  await setupOwner(a)
  const u = await userSession(a, 'editor')
  const csrf = csrfOf((await get(a, '/desk/account', u.cookies)).body)
  const results = await Promise.all(Array.from({ length: 12 }, (_, i) => i % 2
    ? postForm(a, '/desk/account/tokens', { _csrf: csrf, name: `t${i}`, current_password: `guess number ${i}` }, u.cookies)
    : postForm(a, '/desk/account/password', { _csrf: csrf, current_password: `guess number ${i}`, new_password: 'a brand new passphrase' }, u.cookies)))
  const statuses = results.map((r) => r.statusCode).sort()
  assert.deepEqual(statuses, [...Array(5).fill(400), ...Array(7).fill(429)])
  assert.match(results.find((r) => r.statusCode === 429)!.body, /Too many failed logins/)
  const right = await postForm(a, '/desk/account/tokens', { _csrf: csrf, name: 'now', current_password: PASSWORD }, u.cookies)
  assert.equal(right.statusCode, 429, 'even the right password waits')
  assert.equal((await login(a, 'editor@news.example', PASSWORD)).res.statusCode, 429, 'and so does logging in')
  assert.deepEqual(await a.store.users.tokens(u.id), [])
  a.clock.set(a.clock.now() + 15 * 60_000)
  assert.equal(await apiStatus(a, await mint(a, u.cookies)), 200, 'after the lock the right password works again')
})

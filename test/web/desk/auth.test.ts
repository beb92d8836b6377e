// The desk's accounts on the web: setup once, login and logout, slowing after failures, session expiry and revocation, cookies, CSRF.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { buildSiteApp } from '../../support/web.ts'
import { cookieHeader, csrfOf, login, OWNER, postForm, preSession, setCookies, setupOwner } from '../../support/desk.ts'

const DAY = 86_400_000

test('setup creates the owner, logs them in, and answers 404 from then on', async (t) => {
  const a = await buildSiteApp(t)
  const login0 = await a.app.inject('/desk/login')
  assert.equal(login0.statusCode, 303, 'the login form sends a new desk to setup')
  assert.equal(login0.headers.location, '/desk/setup')
  const session = await setupOwner(a)
  const desk = await a.app.inject({ url: '/desk', headers: { cookie: cookieHeader(session) } })
  assert.equal(desk.statusCode, 200)
  assert.match(desk.body, /Olga Owner \(admin\)/)
  assert.equal((await a.app.inject('/desk/setup')).statusCode, 404)
  const again = await postForm(a, '/desk/setup', { name: 'Mallory', email: 'm@evil.example', password: 'another long password' })
  assert.equal(again.statusCode, 404)
  assert.equal(await a.store.users.count(), 1)
})

test('setup refuses a short password and a bad email with 400, creating nothing', async (t) => {
  const a = await buildSiteApp(t)
  const { cookies, csrf } = await preSession(a, '/desk/setup')
  const short = await postForm(a, '/desk/setup', { name: 'Olga', email: 'owner@news.example', password: 'short', _csrf: csrf }, cookies)
  assert.equal(short.statusCode, 400)
  assert.match(short.body, /at least 12 characters/)
  assert.match(short.body, /value="owner@news.example"/, 'the email is kept in the form')
  const bad = await postForm(a, '/desk/setup', { name: 'Olga', email: 'not an email', password: 'long enough password', _csrf: csrf }, cookies)
  assert.equal(bad.statusCode, 400)
  assert.match(bad.body, /valid email/)
  assert.equal(await a.store.users.count(), 0)
})

test('the session cookie is bs_session, HttpOnly, SameSite=Lax, Path=/ and Secure with an https SITE_URL', async (t) => {
  const a = await buildSiteApp(t)
  await setupOwner(a)
  const { res } = await login(a, OWNER.email, OWNER.password)
  assert.equal(res.statusCode, 303)
  const raw = [res.headers['set-cookie']].flat().find((c) => String(c).startsWith('bs_session='))!
  assert.match(raw, /; Path=\/; HttpOnly; SameSite=Lax; Max-Age=1209600; Secure$/)
  const plain = await buildSiteApp(t, { env: { SITE_URL: 'http://localhost:3000' } })
  await setupOwner(plain)
  const { res: res2 } = await login(plain, OWNER.email, OWNER.password)
  const raw2 = [res2.headers['set-cookie']].flat().find((c) => String(c).startsWith('bs_session='))!
  assert.doesNotMatch(raw2, /Secure/)
  assert.match(raw2, /HttpOnly; SameSite=Lax/)
})

test('desk pages are private, never stored and not indexed; without a session they redirect to the login form', async (t) => {
  const a = await buildSiteApp(t)
  const session = await setupOwner(a)
  const desk = await a.app.inject({ url: '/desk', headers: { cookie: cookieHeader(session) } })
  assert.equal(desk.headers['cache-control'], 'private, no-store')
  assert.equal(desk.headers['x-robots-tag'], 'noindex')
  const anon = await a.app.inject('/desk?status=draft')
  assert.equal(anon.statusCode, 303)
  assert.equal(anon.headers.location, '/desk/login?next=%2Fdesk%3Fstatus%3Ddraft')
  assert.equal(anon.headers['cache-control'], 'private, no-store')
  const form = await a.app.inject('/desk/login?next=%2Fdesk%3Fstatus%3Ddraft')
  assert.match(form.body, /name="next" value="\/desk\?status=draft"/)
  assert.match(form.body, /<label for="email">Email<\/label>/)
  assert.match(form.body, /<label for="password">Password<\/label>/)
  const evil = await a.app.inject('/desk/login?next=https%3A%2F%2Fevil.example')
  assert.match(evil.body, /name="next" value="\/desk"/, 'only desk paths are followed after login')
})

test('a wrong password answers 401 with a clear message and no session', async (t) => {
  const a = await buildSiteApp(t)
  await setupOwner(a)
  const { res, session } = await login(a, OWNER.email, 'wrong password entirely')
  assert.equal(res.statusCode, 401)
  assert.match(res.body, /Wrong email or password/)
  assert.equal(session, null)
  const unknown = await login(a, 'nobody@news.example', 'wrong password entirely')
  assert.equal(unknown.res.statusCode, 401, 'an unknown email looks the same')
})

test('after 5 failures for an account, logins are refused for 15 minutes with 429 and Retry-After, even with the right password', async (t) => {
  const a = await buildSiteApp(t)
  await setupOwner(a)
  for (let i = 0; i < 5; i++) {
    // Different addresses: only the account counter reaches the limit.
    const { res } = await login(a, OWNER.email, `wrong password ${i}!!`, { 'x-forwarded-for': `198.51.100.${i}` })
    assert.equal(res.statusCode, 401)
  }
  const { res } = await login(a, OWNER.email, OWNER.password)
  assert.equal(res.statusCode, 429)
  assert.equal(res.headers['retry-after'], '900')
  assert.match(res.body, /Too many failed logins\. Try again in 15 minutes/)
  a.clock.set(a.clock.now() + 14 * 60_000)
  assert.equal((await login(a, OWNER.email, OWNER.password)).res.statusCode, 429)
  assert.equal((await login(a, OWNER.email, OWNER.password)).res.headers['retry-after'], '60')
  a.clock.set(a.clock.now() + 60_000)
  assert.equal((await login(a, OWNER.email, OWNER.password)).res.statusCode, 303)
})

test('after 5 failures from one address across accounts, that address is refused with 429', async (t) => {
  const a = await buildSiteApp(t)
  await setupOwner(a)
  for (let i = 0; i < 5; i++) assert.equal((await login(a, `guess${i}@news.example`, 'wrong password here')).res.statusCode, 401)
  const { res } = await login(a, OWNER.email, OWNER.password)
  assert.equal(res.statusCode, 429)
  assert.ok(Number(res.headers['retry-after']) > 0)
})

test('logout revokes the session: the old cookie no longer opens the desk', async (t) => {
  const a = await buildSiteApp(t)
  const session = await setupOwner(a)
  const desk = await a.app.inject({ url: '/desk', headers: { cookie: cookieHeader(session) } })
  const out = await postForm(a, '/desk/logout', { _csrf: csrfOf(desk.body) }, session)
  assert.equal(out.statusCode, 303)
  assert.equal(out.headers.location, '/desk/login')
  assert.equal(setCookies(out).bs_session, '')
  assert.equal([out.headers['set-cookie']].flat().filter((c) => String(c).startsWith('bs_session=')).length, 1, 'one cookie, the cleared one')
  const after = await a.app.inject({ url: '/desk', headers: { cookie: cookieHeader(session) } })
  assert.equal(after.statusCode, 303, 'the revoked session is refused')
})

test('"log out everywhere" revokes every session of the user', async (t) => {
  const a = await buildSiteApp(t)
  const first = await setupOwner(a)
  const second = (await login(a, OWNER.email, OWNER.password)).session!
  const desk = await a.app.inject({ url: '/desk', headers: { cookie: cookieHeader(second) } })
  assert.equal((await postForm(a, '/desk/logout', { _csrf: csrfOf(desk.body), everywhere: '1' }, second)).statusCode, 303)
  for (const s of [first, second]) assert.equal((await a.app.inject({ url: '/desk', headers: { cookie: cookieHeader(s) } })).statusCode, 303)
})

test('sessions slide: 14 days without activity expire them, activity within them keeps them alive', async (t) => {
  const a = await buildSiteApp(t)
  const session = await setupOwner(a)
  const open = async () => (await a.app.inject({ url: '/desk', headers: { cookie: cookieHeader(session) } })).statusCode
  a.clock.set(a.clock.now() + 13 * DAY)
  assert.equal(await open(), 200)
  a.clock.set(a.clock.now() + 13 * DAY)
  assert.equal(await open(), 200, '26 days after login, but 13 after the last activity')
  a.clock.set(a.clock.now() + 14 * DAY + 1)
  assert.equal(await open(), 303, 'expired after 14 idle days')
})

test('last_seen_at moves at most once a minute', async (t) => {
  const a = await buildSiteApp(t)
  const session = await setupOwner(a)
  const token = session.bs_session!
  const { createHash } = await import('node:crypto')
  const id = createHash('sha256').update(token).digest('hex')
  const start = a.clock.now()
  a.clock.set(start + 30_000)
  await a.app.inject({ url: '/desk', headers: { cookie: cookieHeader(session) } })
  assert.equal((await a.store.sessions.active(id, a.clock.now()))!.lastSeenAt, start)
  a.clock.set(start + 61_000)
  await a.app.inject({ url: '/desk', headers: { cookie: cookieHeader(session) } })
  assert.equal((await a.store.sessions.active(id, a.clock.now()))!.lastSeenAt, start + 61_000)
})

test('a malformed or unknown session cookie is simply not logged in', async (t) => {
  const a = await buildSiteApp(t)
  await setupOwner(a)
  for (const value of ['x', 'A'.repeat(43), '%E0%A4%A', '"quoted"']) {
    const res = await a.app.inject({ url: '/desk', headers: { cookie: `bs_session=${value}` } })
    assert.equal(res.statusCode, 303, value)
  }
})

test('a form without its CSRF token, or with a wrong one, is refused with 403 and changes nothing', async (t) => {
  const a = await buildSiteApp(t)
  const session = await setupOwner(a)
  for (const form of [{}, { _csrf: 'forged' }, { _csrf: '' }]) {
    const res = await postForm(a, '/desk/logout', form, session)
    assert.equal(res.statusCode, 403)
    assert.match(res.body, /did not come from the desk/)
    assert.equal(res.headers['cache-control'], 'private, no-store')
  }
  assert.equal((await a.app.inject({ url: '/desk', headers: { cookie: cookieHeader(session) } })).statusCode, 200, 'still logged in')
  // The login form: the token must match the pre-session cookie.
  const { cookies, csrf } = await preSession(a, '/desk/login')
  assert.equal((await postForm(a, '/desk/login', { email: OWNER.email, password: OWNER.password }, cookies)).statusCode, 403)
  assert.equal((await postForm(a, '/desk/login', { email: OWNER.email, password: OWNER.password, _csrf: csrf })).statusCode, 403, 'no cookie')
  const other = await preSession(a, '/desk/login')
  assert.equal((await postForm(a, '/desk/login', { email: OWNER.email, password: OWNER.password, _csrf: csrf }, other.cookies)).statusCode, 403, 'another browser')
  const json = await a.app.inject({ method: 'POST', url: '/desk/logout', payload: { _csrf: 'x' }, headers: { cookie: cookieHeader(session) } })
  assert.equal(json.statusCode, 403)
})

test('odd login input gets a 4xx, never a 500', async (t) => {
  const a = await buildSiteApp(t)
  await setupOwner(a)
  const { cookies, csrf } = await preSession(a, '/desk/login')
  const long = await postForm(a, '/desk/login', { email: 'x'.repeat(5000), password: 'y'.repeat(5000), _csrf: csrf }, cookies)
  assert.equal(long.statusCode, 401)
  const empty = await postForm(a, '/desk/login', { _csrf: csrf }, cookies)
  assert.equal(empty.statusCode, 401)
  const bad = await a.app.inject({ method: 'POST', url: '/desk/login', payload: '%%%', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(cookies) } })
  assert.ok(bad.statusCode >= 400 && bad.statusCode < 500)
  assert.equal((await a.app.inject('/desk/nowhere')).statusCode, 404)
})

// Accounts as a service (src/editorial/accounts.ts, passwords.ts): scrypt hashes, the slowing window, sessions, setup once.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { forEachDatabase } from '../support/databases.ts'
import { fixedClock } from '../support/build-test-app.ts'
import { createAccounts, LoginThrottled } from '../../src/editorial/accounts.ts'
import { hashPassword, verifyPassword } from '../../src/editorial/passwords.ts'
import { isAppError } from '../../src/errors.ts'

const CLIENT = { ip: '203.0.113.7', userAgent: 'test' }
const PASSWORD = 'twelve chars or more'

test('passwords are hashed with scrypt N=2^15 r=8 p=1, a 16-byte salt and a 64-byte key, and verified', async () => {
  const hash = await hashPassword(PASSWORD)
  const m = /^scrypt\$N=32768,r=8,p=1\$([^$]+)\$([^$]+)$/.exec(hash)
  assert.ok(m, hash)
  assert.equal(Buffer.from(m[1]!, 'base64').length, 16)
  assert.equal(Buffer.from(m[2]!, 'base64').length, 64)
  assert.notEqual(await hashPassword(PASSWORD), hash, 'a fresh salt each time')
  assert.equal(await verifyPassword(PASSWORD, hash), true)
  assert.equal(await verifyPassword(PASSWORD + 'x', hash), false)
  for (const bad of ['', 'plain', 'scrypt$N=3,r=8,p=1$AAAA$AAAA', 'scrypt$N=1073741824,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA==$' + 'A'.repeat(88)]) {
    assert.equal(await verifyPassword(PASSWORD, bad), false, bad)
  }
})

forEachDatabase('setup works once; later calls are NotFound', async (store) => {
  const accounts = createAccounts({ store, clock: fixedClock() })
  assert.equal(await accounts.needsSetup(), true)
  const { user, token } = await accounts.setup({ email: 'Owner@News.Example', name: 'Owner', password: PASSWORD }, CLIENT)
  assert.equal(user.role, 'admin')
  assert.equal(user.email, 'owner@news.example')
  assert.equal((await accounts.authenticateSession(token))!.user.id, user.id)
  await assert.rejects(accounts.setup({ email: 'x@news.example', name: 'X', password: PASSWORD }, CLIENT), (e) => isAppError(e) && e.kind === 'NotFound')
  assert.equal(await accounts.needsSetup(), false)
  const audit = await store.audit.list({ limit: 5 })
  assert.deepEqual(audit.map((e) => e.action).sort(), ['author.create', 'session.login', 'user.setup'], 'the owner gets a byline too')
})

forEachDatabase('failures spread over more than 15 minutes do not lock; five within the window do, for 15 minutes', async (store) => {
  const clock = fixedClock()
  const accounts = createAccounts({ store, clock })
  await accounts.createUser({ email: 'ed@news.example', name: 'Ed', role: 'editor', password: PASSWORD }, null)
  const wrong = () => accounts.login('ed@news.example', 'not the password', CLIENT)
  for (let i = 0; i < 4; i++) await assert.rejects(wrong(), (e) => isAppError(e) && e.kind === 'Invalid')
  clock.set(clock.now() + 15 * 60_000)
  // A new window: four more failures still do not lock.
  for (let i = 0; i < 4; i++) await assert.rejects(wrong(), (e) => isAppError(e) && e.kind === 'Invalid')
  assert.ok(await accounts.login('ed@news.example', PASSWORD, { ...CLIENT, ip: '203.0.113.8' }), 'the right password still works')
  for (let i = 0; i < 5; i++) await assert.rejects(accounts.login('ed@news.example', 'nope nope nope', { ...CLIENT, ip: '203.0.113.9' }))
  await assert.rejects(accounts.login('ed@news.example', PASSWORD, { ...CLIENT, ip: '203.0.113.10' }), (e) => e instanceof LoginThrottled && e.retryAfterSeconds === 900)
})

forEachDatabase('a password reset ends every session; only admins create users from the desk', async (store) => {
  const clock = fixedClock()
  const accounts = createAccounts({ store, clock })
  const admin = await accounts.createUser({ email: 'ad@news.example', name: 'Ad', role: 'admin', password: PASSWORD }, null)
  const { token, sessionId } = await accounts.login('ad@news.example', PASSWORD, CLIENT)
  await accounts.resetPassword('AD@news.example', 'another good password')
  assert.equal(await accounts.authenticateSession(token), null)
  const editor = { user: { ...admin, role: 'editor' as const }, sessionId }
  await assert.rejects(accounts.createUser({ email: 'x@news.example', name: 'X', role: 'admin', password: PASSWORD }, editor), (e) => isAppError(e) && e.kind === 'Forbidden')
  await assert.rejects(accounts.resetPassword('ad@news.example', 'short'), (e) => isAppError(e) && e.field === 'password')
})

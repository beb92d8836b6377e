// Account-link use-cases on both engines (src/accounts/account-links.ts): single use under races, disabled users, stored hashes.

import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { forEachDatabase } from '../support/databases.ts'
import { fixedClock } from '../support/build-test-app.ts'
import { createAccountLinkService, LinkUnusable } from '../../src/accounts/account-links.ts'
import { createAccounts } from '../../src/editorial/accounts.ts'
import { letters } from '../../src/render/mail/letters.ts'
import type { Store } from '../../src/store/store.ts'

const outgoing = { letters, url: (p: string) => `https://news.example${p}`, siteName: async () => 'Broadsheet', timeZone: 'UTC' }

async function setUp(store: Store) {
  const clock = fixedClock()
  const accounts = createAccounts({ store, clock })
  const links = createAccountLinkService({ store, clock, outgoing })
  const admin = await accounts.createUser({ email: 'admin@news.example', name: 'Ada', role: 'admin', password: 'a long enough password' }, null)
  return { clock, accounts, links, admin: { user: admin, sessionId: null } }
}

/** The token in the newest message of the outbox. */
async function lastToken(store: Store): Promise<string> {
  const [m] = await store.mailOutbox.list(1)
  return /\/desk\/password\/([A-Za-z0-9_-]{43})/.exec(m?.text ?? '')![1]!
}

forEachDatabase('two requests using one invitation at once: exactly one creates the user, the other is told it was used', async (store) => {
  const { links, admin } = await setUp(store)
  await links.invite(admin, { email: 'race@news.example', name: 'Race', role: 'author' })
  const token = await lastToken(store)
  // Only the hash is stored.
  const sha = createHash('sha256').update(token).digest('hex')
  assert.ok(await store.accountLinks.byHash(sha))
  const results = await Promise.allSettled([
    links.complete(token, { password: 'first long password' }),
    links.complete(token, { password: 'second long password' }),
  ])
  assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1)
  const refused = results.find((r) => r.status === 'rejected')
  assert.ok(refused && refused.reason instanceof LinkUnusable && refused.reason.state === 'used', String(refused && (refused as PromiseRejectedResult).reason))
  assert.equal((await store.users.list()).filter((u) => u.email === 'race@news.example').length, 1)
})

forEachDatabase('no reset link for a deactivated user, and one made before deactivation stops working', async (store) => {
  const { accounts, links } = await setUp(store)
  const user = await accounts.createUser({ email: 'gone@news.example', name: 'Gone', role: 'author', password: 'a long enough password' }, null)
  await links.requestReset('gone@news.example', { ip: '192.0.2.1' })
  const token = await lastToken(store)
  await store.users.setDisabled(user.id, true)
  await links.requestReset('gone@news.example', { ip: '192.0.2.1' })
  assert.equal((await store.mailOutbox.list()).length, 1, 'nothing more is written for a deactivated user')
  await assert.rejects(links.complete(token, { password: 'a new long password' }), (err: unknown) => err instanceof LinkUnusable && err.state === 'unknown')
})

forEachDatabase('only admins invite, from any door; without mail, inviting is refused and a reset request writes nothing', async (store) => {
  const { accounts, clock } = await setUp(store)
  const editor = await accounts.createUser({ email: 'ed@news.example', name: 'Ed', role: 'editor', password: 'a long enough password' }, null)
  const links = createAccountLinkService({ store, clock, outgoing })
  await assert.rejects(links.invite({ user: editor, sessionId: null }, { email: 'x@news.example', name: '', role: 'author' }), { kind: 'Forbidden' })
  const off = createAccountLinkService({ store, clock, outgoing: null })
  assert.equal(off.mailEnabled, false)
  const admin = (await store.users.byEmail('admin@news.example'))!
  await assert.rejects(off.invite({ user: admin, sessionId: null }, { email: 'x@news.example', name: '', role: 'author' }), { kind: 'Conflict', message: /mail is not configured/ })
  await off.requestReset('ed@news.example', { ip: '192.0.2.1' })
  assert.deepEqual(await store.mailOutbox.list(), [])
})

// The prune-sessions job on both engines: old sessions and spent login counters go; live ones, fresh ones and locks stay.

import assert from 'node:assert/strict'
import { forEachDatabase } from '../support/databases.ts'
import { pruneSessions } from '../../src/jobs/prune-sessions.ts'
import { LOGIN_WINDOW_MS } from '../../src/editorial/accounts.ts'
import { createLogger } from '../../src/log.ts'
import type { Store } from '../../src/store/store.ts'

const NOW = Date.UTC(2026, 10, 27, 9)
const DAY = 86_400_000
const log = createLogger({ logLevel: 'silent' } as Parameters<typeof createLogger>[0])
const run = (store: Store, now: number) => pruneSessions.run({ store, clock: { now: () => now }, log })

forEachDatabase('the prune-sessions job deletes sessions ended over a day ago and login counters past their window without a lock', async (store) => {
  const userId = await store.users.insert({ email: 'ed@news.example', name: 'Ed', role: 'editor', passwordHash: 'scrypt$x', createdAt: NOW - 30 * DAY })
  const session = (id: string, expiresAt: number) => store.sessions.insert({ id, userId, now: NOW - 20 * DAY, expiresAt, userAgent: 'ua', ipHash: 'ip:x' })
  await session('live', NOW + DAY)
  await session('expired-long-ago', NOW - 2 * DAY)
  await session('expired-just-now', NOW - 60_000)
  await session('revoked-long-ago', NOW + DAY)
  await session('revoked-just-now', NOW + DAY)
  await store.sessions.revoke('revoked-long-ago', NOW - 2 * DAY)
  await store.sessions.revoke('revoked-just-now', NOW - 60_000)
  await store.sessions.putCounter('email:old@news.example', { windowStart: NOW - LOGIN_WINDOW_MS - 1, failures: 2, lockedUntil: null })
  await store.sessions.putCounter('email:fresh@news.example', { windowStart: NOW - 60_000, failures: 1, lockedUntil: null })
  await store.sessions.putCounter('email:locked@news.example', { windowStart: NOW - LOGIN_WINDOW_MS - 1, failures: 5, lockedUntil: NOW + 60_000 })
  await store.sessions.putCounter('email:lock-over@news.example', { windowStart: NOW - 2 * LOGIN_WINDOW_MS, failures: 5, lockedUntil: NOW - 1 })

  await run(store, NOW)
  await run(store, NOW) // idempotent
  assert.equal((await store.sessions.active('live', NOW))?.user.id, userId)
  assert.equal(await store.sessions.revokeAll(userId, NOW), 2, 'the live and the just-expired sessions are still there')
  assert.equal(await store.sessions.prune(NOW - DAY), 0, 'nothing older than a day is left')
  assert.equal(await store.sessions.prune(NOW + 2 * DAY), 3, 'the three recent ones were kept')
  assert.equal(await store.sessions.counter('email:old@news.example'), undefined)
  assert.equal(await store.sessions.counter('email:lock-over@news.example'), undefined)
  assert.ok(await store.sessions.counter('email:fresh@news.example'))
  assert.ok(await store.sessions.counter('email:locked@news.example'))
})

// The prune-presence job on both engines: rows of editors not heard from for over a minute go, on any article; fresh
// ones stay and still show.

import assert from 'node:assert/strict'
import { forEachDatabase } from '../support/databases.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'
import { prunePresence } from '../../src/jobs/prune-presence.ts'
import { PRESENCE_TTL_MS } from '../../src/editorial/presence.ts'
import { createLogger } from '../../src/log.ts'
import type { Store } from '../../src/store/store.ts'

const NOW = Date.UTC(2026, 10, 27, 9)
const log = createLogger({ logLevel: 'silent' } as Parameters<typeof createLogger>[0])
const run = (store: Store, now: number) => prunePresence.run({ store, clock: { now: () => now }, log })

forEachDatabase('the prune-presence job deletes presence rows not refreshed within the presence lifetime, on articles nobody reopens', async (store) => {
  await seedTaxonomy(store)
  const [left, open] = [await seedArticle(store, { slug: 'left-open' }), await seedArticle(store, { slug: 'still-open' })]
  const user = (email: string) => store.users.insert({ email, name: email, role: 'author', passwordHash: 'scrypt$x', createdAt: NOW - 86_400_000 })
  const [ann, bob, cat] = [await user('ann@news.example'), await user('bob@news.example'), await user('cat@news.example')]
  const stale = NOW - PRESENCE_TTL_MS - 1
  await store.presence.touch(left, ann, stale, stale - PRESENCE_TTL_MS)
  await store.presence.touch(open, bob, stale, stale - PRESENCE_TTL_MS)
  await store.presence.touch(open, cat, NOW - 1000, stale - PRESENCE_TTL_MS)

  await run(store, NOW)
  await run(store, NOW) // idempotent
  assert.equal(await store.presence.prune(Number.MAX_SAFE_INTEGER), 1, 'only the fresh row was left')
})

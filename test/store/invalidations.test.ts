// The invalidation outbox (src/store/invalidations.ts): delivery after commit only, placements, and NOTIFY payloads.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { forEachDatabase } from '../support/databases.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'
import { editArticle, republish, takeDown, tagIds, sectionId, authorId, NOW } from '../support/editing.ts'
import { decodeInvalidation, encodeInvalidation, MAX_PAYLOAD_BYTES } from '../../src/store/invalidations.ts'
import { articleChanged, FLUSH_ALL, type Invalidation } from '../../src/domain/invalidation.ts'
import type { Store } from '../../src/store/store.ts'

const heard = (store: Store): Invalidation[] => {
  const events: Invalidation[] = []
  store.invalidated.subscribe((e) => events.push(e))
  return events
}

forEachDatabase('an invalidation recorded in a transaction is heard after commit, and never after a rollback', async (store) => {
  const events = heard(store)
  const event: Invalidation = { all: false, articleIds: [7], scopes: ['front'] }
  await store.transaction(async (tx) => {
    await tx.invalidations.record(event)
    assert.equal(events.length, 0, 'not before commit')
  })
  assert.deepEqual(events, [event])
  await assert.rejects(store.transaction(async (tx) => {
    await tx.invalidations.record({ all: false, articleIds: [8], scopes: [] })
    throw new Error('roll back')
  }), /roll back/)
  assert.equal(events.length, 1)
})

forEachDatabase('publishing a moved article invalidates its old and new section, tags and authors', async (store) => {
  await seedTaxonomy(store)
  const id = await seedArticle(store, { section: 'news', tags: ['energy'], authors: ['newsroom'] })
  const events = heard(store)
  const [energy, elections] = await tagIds(store, 'energy', 'elections')
  await editArticle(store, id, { sectionId: await sectionId(store, 'analysis'), tagIds: [elections!], authorIds: [await authorId(store, 'aigerim-sadykova')] })
  await republish(store, id, NOW + 60_000)
  const change = events.find((e) => !e.all && e.articleIds.includes(id))
  assert.ok(change && !change.all)
  for (const scope of ['front', 'archive', 'feeds', 'sitemaps', 'popular', `section:${await sectionId(store, 'news')}`,
    `section:${await sectionId(store, 'analysis')}`, `tag:${energy}`, `tag:${elections}`,
    `author:${await authorId(store, 'newsroom')}`, `author:${await authorId(store, 'aigerim-sadykova')}`]) {
    assert.ok(change.scopes.includes(scope as never), scope)
  }
  assert.ok(!change.scopes.includes('picks'), 'not an editor’s choice')
  events.length = 0
  await takeDown(store, id)
  const gone = events.find((e) => !e.all && e.articleIds.includes(id))
  assert.ok(gone && !gone.all && gone.scopes.includes(`tag:${elections!}`))
  assert.equal(await store.invalidations.placement(id), null)
})

forEachDatabase('publishing a translation invalidates the pages of its original, which link to it', async (store) => {
  await seedTaxonomy(store)
  const original = await seedArticle(store, { section: 'opinion' })
  const events = heard(store)
  const translation = await seedArticle(store, { section: 'opinion', language: 'ru', translationOf: original })
  const change = events.find((e) => !e.all && e.articleIds.includes(translation))
  assert.ok(change && !change.all && change.articleIds.includes(original))
})

test('a change too big for one NOTIFY is sent as flush-everything; malformed payloads also flush everything', () => {
  const small: Invalidation = { all: false, articleIds: [1, 2], scopes: ['front', 'tag:3'] }
  assert.deepEqual(decodeInvalidation(encodeInvalidation(small, 'me')), { origin: 'me', event: small })
  const huge = articleChanged(1, null, { sectionId: 1, tagIds: Array.from({ length: 2000 }, (_, i) => i + 1), authorIds: [], editorsChoice: false, translationIds: [] })
  const payload = encodeInvalidation(huge, 'me')
  assert.ok(Buffer.byteLength(payload) <= MAX_PAYLOAD_BYTES)
  assert.deepEqual(decodeInvalidation(payload), { origin: 'me', event: FLUSH_ALL })
  for (const bad of [undefined, '', 'not json', '[]', 'null', '{"o":"x","a":[1],"s":["drop table"]}', '{"o":"x","a":["1"],"s":[]}', '{"a":[-1],"s":[]}']) {
    assert.deepEqual(decodeInvalidation(bad).event, FLUSH_ALL, String(bad))
  }
})

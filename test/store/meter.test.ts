// The database meter (src/store/meter.ts): connections held and waited for, and statements counted, on both engines.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { openStore } from '../../src/store/store.ts'
import { forEachDatabase, postgresUnavailable, scratchDatabase } from '../support/databases.ts'

forEachDatabase('a transaction holds a connection, released at its end; statements are counted', async (store) => {
  const { meter } = store
  assert.deepEqual([meter.inUse, meter.waiting], [0, 0])
  let release!: () => void
  const held = new Promise<void>((resolve) => { release = resolve })
  let entered!: () => void
  const inside = new Promise<void>((resolve) => { entered = resolve })
  const transaction = store.transaction(async (tx) => {
    await tx.site.settings()
    entered()
    await held
  })
  await inside
  const statementsBefore = meter.statements
  assert.equal(meter.inUse, 1)
  const read = store.ping()
  try {
    if (store.dialect.name === 'sqlite') {
      await new Promise((resolve) => setTimeout(resolve, 50))
      // One connection: the read waits for the transaction to end (in Kysely's queue, above the driver: not counted).
      assert.deepEqual([meter.inUse, meter.waiting, meter.measuresWaiting], [1, 0, false])
    } else {
      // A pool: the read gets a connection of its own and ends while the transaction still holds the first one.
      assert.equal(await read, true)
      assert.equal(meter.measuresWaiting, true)
      assert.deepEqual([meter.inUse, meter.waiting], [1, 0])
    }
  } finally {
    release()
    await transaction
  }
  assert.equal(await read, true)
  assert.deepEqual([meter.inUse, meter.waiting], [0, 0])
  assert.ok(meter.statements >= statementsBefore + 1)
  assert.ok(meter.poolSize >= 1)
})

test('on PostgreSQL a caller waiting for a full pool is counted as waiting', async (t) => {
  const unavailable = await postgresUnavailable()
  if (unavailable) return t.skip(unavailable)
  const db = await scratchDatabase('postgres', { migrated: true })
  t.after(() => db.drop())
  const store = await openStore(db.config, { poolSize: 1 })
  t.after(() => store.close())
  let release!: () => void
  const held = new Promise<void>((resolve) => { release = resolve })
  let entered!: () => void
  const inside = new Promise<void>((resolve) => { entered = resolve })
  const transaction = store.transaction(async (tx) => {
    await tx.site.settings()
    entered()
    await held
  })
  await inside
  const read = store.ping()
  try {
    await new Promise((resolve) => setTimeout(resolve, 50))
    assert.deepEqual([store.meter.poolSize, store.meter.inUse, store.meter.waiting], [1, 1, 1])
  } finally {
    release()
    await transaction
  }
  assert.equal(await read, true)
  assert.deepEqual([store.meter.inUse, store.meter.waiting], [0, 0])
})

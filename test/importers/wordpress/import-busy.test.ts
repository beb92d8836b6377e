// An import meeting a SQLite database locked by another writer past the busy timeout waits and lands every item; one
// that stays unavailable stops the import without refusing any item.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import SQLite from 'better-sqlite3'
import { databaseOf, scratchStore } from '../../support/databases.ts'
import { FIXTURE } from './fixtures.ts'
import { runImport } from './support.ts'
import { UnavailableError } from '../../../src/errors.ts'
import type { ImportReport } from '../../../src/importers/import-report.ts'
import type { Store } from '../../../src/store/store.ts'

test('a batch that meets a database locked longer than the busy timeout is written once the lock goes, not refused', async (t) => {
  const store = await scratchStore(t, 'sqlite')
  const config = databaseOf(store)
  if (config.engine !== 'sqlite') throw new Error('expected SQLite')
  // Another writer (a server's job, say) holds the write lock for longer than the store's busy timeout of 5 s.
  const other = new SQLite(config.file)
  t.after(() => other.close())
  other.exec('begin immediate')
  const release = setTimeout(() => other.exec('commit'), 6_000)
  t.after(() => clearTimeout(release))
  const report = await runImport(store, FIXTURE)
  assert.equal(report.error, null)
  assert.deepEqual(report.articles, { imported: 11, updated: 0, skipped: 0, refused: 0 })
  assert.deepEqual(report.refusals, [])
})

test('a database still unavailable after the pauses stops the import and refuses no item, and a new run lands every item', async (t) => {
  const store = await scratchStore(t, 'sqlite')
  const transaction = store.transaction
  let attempts = 0
  ;(store as { transaction: Store['transaction'] }).transaction = async () => {
    attempts++
    throw new UnavailableError('down', 'the database cannot be reached just now; nothing was changed, try again shortly', null)
  }
  const stopped = await runImport(store, FIXTURE).then((report) => report, (err: unknown) => err)
  ;(store as { transaction: Store['transaction'] }).transaction = transaction
  // The first batch is tried once and again after each pause, then the import stops: no item is reported as refused.
  assert.equal(attempts, 4)
  const message = stopped instanceof Error ? stopped.message : (stopped as ImportReport).error?.message ?? ''
  assert.match(message, /database cannot be reached/)
  if (!(stopped instanceof Error)) assert.deepEqual((stopped as ImportReport).refusals, [])
  const report = await runImport(store, FIXTURE)
  assert.equal(report.error, null)
  assert.deepEqual(report.articles, { imported: 11, updated: 0, skipped: 0, refused: 0 })
})

// An import meeting a SQLite database locked by another writer past the busy timeout waits and lands every item.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import SQLite from 'better-sqlite3'
import { databaseOf, scratchStore } from '../../support/databases.ts'
import { FIXTURE } from './fixtures.ts'
import { runImport } from './support.ts'

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

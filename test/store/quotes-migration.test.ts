// Migration 0033 on both engines: its down step removes the speaker and quote tables, and up adds them again.

import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { forEachEngine } from '../support/databases.ts'
import { scratchMigrator } from '../support/migrations.ts'

forEachEngine('migration 0033 adds speakers, quotes and live_quotes, and its down step takes them away', async (t, engine) => {
  const { db, migrator, before } = await scratchMigrator(t, engine)
  const has = async (table: string) => {
    const probe = sql`select count(*) as n from ${sql.table(table)}`.execute(db)
    return probe.then(() => true, () => false)
  }
  assert.ok(await has('speakers') && await has('quotes') && await has('live_quotes'))
  const down = await migrator.migrateTo(before('0033-quotes'))
  assert.equal(down.error, undefined)
  assert.ok(down.results?.some((r) => r.migrationName === '0033-quotes' && r.direction === 'Down'))
  assert.equal(await has('speakers'), false)
  assert.equal(await has('live_quotes'), false)
  const up = await migrator.migrateToLatest()
  assert.equal(up.error, undefined)
  assert.ok(await has('speakers'))
})

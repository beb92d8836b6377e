// Migration 0033 on both engines: its down step removes the speaker and quote tables, and up adds them again.

import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { Migrator } from 'kysely/migration'
import { forEachEngine, scratchDatabase } from '../support/databases.ts'
import { openSqlite } from '../../src/store/sqlite.ts'
import { openPostgres } from '../../src/store/postgres.ts'
import { postgresDialect, sqliteDialect } from '../../src/store/dialect.ts'
import { migrations } from '../../src/store/migrate.ts'

forEachEngine('migration 0033 adds speakers, quotes and live_quotes, and its down step takes them away', async (t, engine) => {
  const scratch = await scratchDatabase(engine, { migrated: true })
  t.after(() => scratch.drop())
  const db = scratch.config.engine === 'sqlite' ? openSqlite(scratch.config.file) : openPostgres(scratch.config.url, 2)
  t.after(() => db.destroy())
  const all = migrations(engine === 'sqlite' ? sqliteDialect : postgresDialect)
  const migrator = new Migrator({ db, provider: { getMigrations: async () => all } })
  // The migration just before this one, whatever others are added around it.
  const names = Object.keys(all)
  const before = names[names.indexOf('0033-quotes') - 1]!
  const has = async (table: string) => {
    const probe = sql`select count(*) as n from ${sql.table(table)}`.execute(db)
    return probe.then(() => true, () => false)
  }
  assert.ok(await has('speakers') && await has('quotes') && await has('live_quotes'))
  const down = await migrator.migrateTo(before)
  assert.equal(down.error, undefined)
  assert.ok(down.results?.some((r) => r.migrationName === '0033-quotes' && r.direction === 'Down'))
  assert.equal(await has('speakers'), false)
  assert.equal(await has('live_quotes'), false)
  const up = await migrator.migrateToLatest()
  assert.equal(up.error, undefined)
  assert.ok(await has('speakers'))
})

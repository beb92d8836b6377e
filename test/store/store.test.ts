// Opening a store on both engines: migrations applied once and idempotent, ping, transactions (src/store/store.ts, migrate.ts).

import assert from 'node:assert/strict'
import { forEachDatabase, forEachEngine, scratchDatabase } from '../support/databases.ts'
import { openStore } from '../../src/store/store.ts'
import { migrations } from '../../src/store/migrate.ts'
import { postgresDialect, sqliteDialect } from '../../src/store/dialect.ts'
import { openSqlite } from '../../src/store/sqlite.ts'
import { openPostgres } from '../../src/store/postgres.ts'
import { sql } from 'kysely'

forEachEngine('migrations are applied on the first open and none on the second', async (t, engine) => {
  const db = await scratchDatabase(engine)
  t.after(() => db.drop())
  const first = await openStore(db.config, { poolSize: 2 })
  const all = Object.keys(migrations(engine === 'sqlite' ? sqliteDialect : postgresDialect))
  assert.equal(all[0], '0001-content')
  assert.deepEqual(first.applied, all)
  assert.equal(first.dialect.name, engine)
  await first.site.setSetting('kept', true)
  await first.close()
  const second = await openStore(db.config, { poolSize: 2 })
  try {
    assert.deepEqual(second.applied, [])
    assert.deepEqual(await second.site.settings(), { kept: true }, 'reopening keeps the data')
    assert.equal(await second.ping(), true)
  } finally {
    await second.close()
  }
})

forEachEngine('a database that applied a migration this code does not know is refused, as the Migrator refuses it', async (t, engine) => {
  const db = await scratchDatabase(engine, { migrated: true })
  t.after(() => db.drop())
  const store = await openStore(db.config, { poolSize: 1 })
  assert.deepEqual(store.applied, [])
  await store.close()
  // Newer code applied one more; this older code must not serve that schema as if it were its own.
  const raw = db.config.engine === 'sqlite' ? openSqlite(db.config.file) : openPostgres(db.config.url, 1)
  await sql`insert into kysely_migration (name, timestamp) values ('9999-from-newer-code', '2026-01-01T00:00:00.000Z')`.execute(raw)
  await raw.destroy()
  await assert.rejects(openStore(db.config, { poolSize: 1 }), /9999-from-newer-code/)
})

forEachDatabase('a transaction that throws writes nothing; one that returns commits and returns its value', async (store) => {
  await assert.rejects(store.transaction(async (tx) => {
    await tx.site.setSetting('a', 1)
    throw new Error('rollback')
  }), /rollback/)
  assert.deepEqual(await store.site.settings(), {})
  const value = await store.transaction(async (tx) => {
    await tx.site.setSetting('b', 2)
    return 'done'
  })
  assert.equal(value, 'done')
  assert.deepEqual(await store.site.settings(), { b: 2 })
})

forEachDatabase('sections come back in menu order', async (store) => {
  await store.taxonomy.insertSection({ slug: 'opinion', name: 'Opinion', description: '', position: 2 })
  await store.taxonomy.insertSection({ slug: 'news', name: 'News', description: '', position: 1 })
  assert.deepEqual((await store.taxonomy.sections()).map((s) => s.slug), ['news', 'opinion'])
})

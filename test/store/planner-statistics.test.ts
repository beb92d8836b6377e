// Fresh planner statistics after bulk writes (store/planner-statistics.ts): on PostgreSQL a table that grew by more than
// a tenth since it was last analyzed is analyzed, once; SQLite keeps no statistics and has nothing to refresh.

import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { postgresDialect } from '../../src/store/dialect.ts'
import { openPostgres } from '../../src/store/postgres.ts'
import { repositories } from '../../src/store/store.ts'
import { databaseOf, forEachEngine, scratchStore } from '../support/databases.ts'

forEachEngine('a table grown in bulk is analyzed once, and only while its statistics are stale', async (t, engine) => {
  const store = await scratchStore(t, engine)
  const terms = new Map(Array.from({ length: 5_000 }, (_, i) => [`term${i}`, 1 + (i % 7)]))
  if (engine === 'sqlite') {
    await store.transaction((tx) => tx.related.replaceFrequencies(terms, 5_000))
    assert.deepEqual(await store.statistics.refreshStale(), [])
    return
  }
  const config = databaseOf(store)
  assert.equal(config.engine, 'postgres')
  // Written on a connection of the test's own, which can be told to report its counts at once rather than within 10 s.
  const db = openPostgres(config.url, 1)
  t.after(() => db.destroy())
  await db.transaction().execute((tx) => repositories(tx, postgresDialect).related.replaceFrequencies(terms, 5_000))
  await sql`select pg_stat_force_next_flush()`.execute(db)
  const stats = async () => (await sql<{ changed: string; analyzed: boolean; tuples: number }>`select s.n_mod_since_analyze as changed,
    s.last_analyze is not null as analyzed, c.reltuples as tuples from pg_stat_user_tables s join pg_class c on c.oid = s.relid
    where s.relname = 'related_df'`.execute(db)).rows[0]!
  // Counts reach the view once the backend reports them: at the end of the statement after the forced flush.
  for (const until = Date.now() + 10_000; Number((await stats()).changed) < 5_000; await new Promise((r) => setTimeout(r, 100))) {
    if (Date.now() > until) assert.fail('the writes to related_df were never counted in pg_stat_user_tables')
  }
  assert.equal((await stats()).analyzed, false)

  assert.ok((await store.statistics.refreshStale()).includes('related_df'))
  const after = await stats()
  assert.equal(after.analyzed, true)
  assert.equal(Number(after.changed), 0)
  assert.equal(after.tuples, 5_000, 'the planner now knows the table holds 5,000 rows')
  assert.ok(!(await store.statistics.refreshStale()).includes('related_df'), 'statistics still fresh are left alone')
})

// SQLite statements run synchronously: a long transaction lets the event loop turn between them (src/store/loop-yield.ts).

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { openSqlite } from '../../src/store/sqlite.ts'

/** A statement that keeps SQLite busy for some milliseconds. */
const slow = sql<{ n: number }>`with recursive c(n) as (select 1 union all select n + 1 from c where n < 200000) select count(*) as n from c`

test('a long SQLite transaction lets timers run between its statements, and other queries still wait for its commit', async (t) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-slices-'))
  const db = openSqlite(path.join(dir, 'slices.db'))
  t.after(async () => {
    await db.destroy()
    await rm(dir, { recursive: true, force: true })
  })
  await sql`create table marks (x integer)`.execute(db)
  let ticks = 0
  const timer = setInterval(() => ticks++, 1)
  t.after(() => clearInterval(timer))
  let outside: Promise<number> | null = null
  let committed = false
  let during = 0
  await db.transaction().execute(async (tx) => {
    await sql`insert into marks (x) values (1)`.execute(tx)
    const before = ticks
    for (let i = 0; i < 8; i++) {
      await slow.execute(tx)
      // A query from elsewhere, started while the transaction is open: it must see the transaction whole, after it.
      outside ??= sql<{ n: number }>`select count(*) as n from marks`.execute(db).then((r) => {
        assert.ok(committed, 'a query outside waited for the commit')
        return r.rows[0]!.n
      })
    }
    during = ticks - before
    committed = true
  })
  assert.ok(during > 0, 'timers ran while the transaction was open')
  assert.equal(await outside, 1)
})

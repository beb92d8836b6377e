// SQLite's write-ahead log is copied into the database file by a worker thread, not inside a commit (src/store/sqlite-checkpoints.ts).

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { checkpointerStopped, openSqlite } from '../../src/store/sqlite.ts'

test('a commit of several megabytes leaves the log to the worker, which copies it into the file soon after', async (t) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-checkpoints-'))
  const file = path.join(dir, 'big.db')
  const db = openSqlite(file)
  t.after(async () => {
    await db.destroy()
    // The thread's connection is closed once this resolves: the folder can go at once, without retries.
    await checkpointerStopped(db)
    await rm(dir, { recursive: true })
  })
  await sql`create table bodies (html text)`.execute(db)
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < 3; i++) await sql`insert into bodies (html) values (${'<p>x</p>'.repeat(250_000)})`.execute(tx)
  })
  assert.ok((await stat(file)).size < 1024 * 1024, 'the commit itself did not checkpoint')
  assert.ok((await stat(`${file}-wal`)).size > 5 * 1024 * 1024)
  const deadline = Date.now() + 10_000
  while ((await stat(file)).size < 5 * 1024 * 1024 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
  assert.ok((await stat(file)).size >= 5 * 1024 * 1024, 'the worker copied the log into the database file')
  const { rows } = await sql<{ n: number }>`select count(*) as n from bodies`.execute(db)
  assert.equal(rows[0]!.n, 3)
})

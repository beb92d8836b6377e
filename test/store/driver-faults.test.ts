// Driver faults become UnavailableError with their cause kept (src/store/driver-faults.ts, sqlite.ts, postgres.ts).

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { sql, type Kysely } from 'kysely'
import pg from 'pg'
import { isUnavailable, type UnavailableError } from '../../src/errors.ts'
import { openSqlite } from '../../src/store/sqlite.ts'
import { openPostgres } from '../../src/store/postgres.ts'
import { POSTGRES_ADMIN_URL, postgresUnavailable, scratchDatabase } from '../support/databases.ts'

const unavailable = (outage: 'down' | 'full', cause: RegExp) => (err: unknown) => {
  assert.ok(isUnavailable(err), `an UnavailableError, got ${String(err)}`)
  assert.equal((err as UnavailableError).outage, outage)
  assert.match(String(((err as UnavailableError).cause as Error).message), cause)
  return true
}

test('a full SQLite database fails the transaction as Unavailable (full) with SQLite\'s own error as cause, and the connection works on', async (t) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-full-'))
  t.after(() => rm(dir, { recursive: true, force: true }))
  const db: Kysely<any> = openSqlite(path.join(dir, 'full.db'))
  t.after(() => db.destroy())
  await sql`create table filler (x text)`.execute(db)
  const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(db)
  // A database that may grow by two pages: the next large write finds it full, as a full disk would.
  await sql.raw(`pragma max_page_count = ${rows[0]!.page_count + 2}`).execute(db)
  // SQLite rolls the transaction back by itself on SQLITE_FULL: a second ROLLBACK used to replace the cause with
  // "cannot rollback - no transaction is active".
  await assert.rejects(db.transaction().execute(async (trx) => {
    for (let i = 0; i < 20; i++) await trx.insertInto('filler').values({ x: 'x'.repeat(10_000) }).execute()
  }), unavailable('full', /database or disk is full/))
  assert.equal((await sql<{ n: number }>`select count(*) as n from filler`.execute(db)).rows[0]!.n, 0)
  await db.transaction().execute((trx) => trx.insertInto('filler').values({ x: 'small' }).execute())
  assert.equal((await sql<{ n: number }>`select count(*) as n from filler`.execute(db)).rows[0]!.n, 1)
})

test('a constraint violation on SQLite passes through unchanged', async (t) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-full-'))
  t.after(() => rm(dir, { recursive: true, force: true }))
  const db: Kysely<any> = openSqlite(path.join(dir, 'c.db'))
  t.after(() => db.destroy())
  await sql`create table u (x text unique)`.execute(db)
  await db.insertInto('u').values({ x: 'a' }).execute()
  await assert.rejects(db.transaction().execute((trx) => trx.insertInto('u').values({ x: 'a' }).execute()),
    (err: unknown) => !isUnavailable(err) && (err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE')
})

test('a PostgreSQL connection terminated mid-query fails that query as Unavailable (down); the pool replaces it and the process lives', async (t) => {
  const reason = await postgresUnavailable()
  if (reason) return t.skip(reason)
  const scratch = await scratchDatabase('postgres')
  const logged: string[] = []
  const db: Kysely<any> = openPostgres((scratch.config as { url: string }).url, 2, { warn: (_obj: object, msg: string) => { logged.push(msg) } } as never)
  t.after(async () => {
    await db.destroy()
    await scratch.drop()
  })
  const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db)
  const terminate = async (pid: number) => {
    const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL })
    await admin.connect()
    await admin.query('select pg_terminate_backend($1)', [pid])
    await admin.end()
  }
  // Idle: the pool hears the error and drops the client; the next query gets a new connection.
  await terminate(rows[0]!.pid)
  await new Promise((r) => setTimeout(r, 200))
  assert.equal((await sql<{ one: number }>`select 1 as one`.execute(db)).rows[0]!.one, 1)
  // In use, inside a transaction: the statement fails as Unavailable, and the failed rollback does not hide it.
  await assert.rejects(db.transaction().execute(async (trx) => {
    const { rows: [me] } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx)
    setTimeout(() => void terminate(me!.pid), 200)
    await sql`select pg_sleep(5)`.execute(trx)
  }), unavailable('down', /terminating connection due to administrator command/))
  await new Promise((r) => setTimeout(r, 200))
  assert.equal((await sql<{ one: number }>`select 1 as one`.execute(db)).rows[0]!.one, 1)
  assert.ok(logged.length >= 2, `both losses were logged: ${logged.join('; ')}`)
})

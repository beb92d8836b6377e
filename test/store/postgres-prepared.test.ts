// Statements prepared once per PostgreSQL connection: reused by text, bounded in number, and really prepared on the server.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import type pg from 'pg'
import { openPostgres, prepareStatements } from '../../src/store/postgres.ts'
import { PLAN_EACH_CALL } from '../../src/store/dialect.ts'
import { postgresUnavailable, scratchDatabase } from '../support/databases.ts'

/** A stand-in client that records what it is asked to run. */
function recordingClient() {
  const calls: unknown[][] = []
  const client = { query: (...args: unknown[]) => calls.push(args) } as unknown as pg.PoolClient
  return { client, calls }
}

test('each statement text gets one name; commands without values, texts past the bound and ones marked to be planned each call run unnamed', () => {
  const { client, calls } = recordingClient()
  prepareStatements(client, 2)
  client.query('select 1 where $1 = 1', [1])
  client.query('select 2 where $1 = 1', [1])
  client.query('select 1 where $1 = 1', [2])
  client.query('select 3 where $1 = 1', [1])
  client.query('begin')
  client.query(`${PLAN_EACH_CALL}select 4 where $1 = 1`, [1])
  assert.deepEqual(calls, [
    [{ name: 'bs_0', text: 'select 1 where $1 = 1', values: [1] }],
    [{ name: 'bs_1', text: 'select 2 where $1 = 1', values: [1] }],
    [{ name: 'bs_0', text: 'select 1 where $1 = 1', values: [2] }],
    ['select 3 where $1 = 1', [1]],
    ['begin', undefined],
    [`${PLAN_EACH_CALL}select 4 where $1 = 1`, [1]],
  ])
})

test('on PostgreSQL a repeated query is prepared once on its connection and answers as before', async (t) => {
  const reason = await postgresUnavailable()
  if (reason) return t.skip(reason)
  const scratch = await scratchDatabase('postgres')
  const db = openPostgres((scratch.config as { url: string }).url, 1)
  t.after(async () => {
    await db.destroy()
    await scratch.drop()
  })
  await sql`create table notes (id int primary key, body text not null)`.execute(db)
  await sql`insert into notes values (1, 'one'), (2, 'two')`.execute(db)
  const read = (id: number) => sql<{ body: string }>`select body from notes where id = ${id}`.execute(db)
  assert.equal((await read(1)).rows[0]!.body, 'one')
  assert.equal((await read(2)).rows[0]!.body, 'two')
  const { rows } = await sql<{ statement: string }>`select statement from pg_prepared_statements where statement like ${'%from notes where%'}`.execute(db)
  assert.equal(rows.length, 1, 'one prepared statement for the repeated text')
})

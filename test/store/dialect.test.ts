// The dialect's reading of engine errors, against errors the engines really raise.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import pg from 'pg'
import { postgresDialect, sqliteDialect } from '../../src/store/dialect.ts'
import { postgresUnavailable, scratchDatabase } from '../support/databases.ts'

test('a real PostgreSQL deadlock is a lock conflict to run again; a unique violation is not', async (t) => {
  const reason = await postgresUnavailable()
  if (reason) return t.skip(reason)
  const db = await scratchDatabase('postgres')
  assert.equal(db.config.engine, 'postgres')
  const url = db.config.engine === 'postgres' ? db.config.url : ''
  const [one, two] = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })]
  t.after(async () => {
    await Promise.all([one.end(), two.end()])
    await db.drop()
  })
  await Promise.all([one.connect(), two.connect()])
  await one.query('create table rows_ (id int primary key, n int); insert into rows_ values (1, 0), (2, 0)')
  await one.query('begin')
  await two.query('begin')
  await one.query('update rows_ set n = n + 1 where id = 1')
  await two.query('update rows_ set n = n + 1 where id = 2')
  // Each now waits for the row the other holds: PostgreSQL aborts one of them.
  const outcomes = await Promise.allSettled([one.query('update rows_ set n = n + 1 where id = 2'), two.query('update rows_ set n = n + 1 where id = 1')])
  const failure = outcomes.find((o) => o.status === 'rejected')
  assert.ok(failure, 'one transaction was aborted')
  assert.equal(postgresDialect.isLockConflict(failure.reason), true)
  await Promise.all([one.query('rollback'), two.query('rollback')])

  const duplicate = await one.query('insert into rows_ values (1, 0)').catch((err: unknown) => err)
  assert.equal(postgresDialect.isLockConflict(duplicate), false)
  assert.equal(sqliteDialect.isLockConflict(failure.reason), false, 'SQLite never reports a conflict to run again')
})

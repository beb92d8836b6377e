// `broadsheet doctor` (src/cli/doctor.ts) as an operator runs it: one line per check, the fix under each failure,
// status 1 when any check fails, and nothing changed (no migration).

import { test, type TestContext } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { scratchDatabase, postgresUnavailable } from '../support/databases.ts'
import { MAIN_SCRIPT, freePort, tempDir } from '../support/processes.ts'
import { mailEnv, startSmtp } from '../support/smtp.ts'

const run = promisify(execFile)

/** Runs `broadsheet doctor` (asynchronously: the test's own SMTP server must keep answering meanwhile). */
async function doctor(env: Record<string, string>): Promise<{ code: number; out: string }> {
  const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'silent', BROADSHEET_DEMO: '0' }
  try {
    const { stdout } = await run(process.execPath, [MAIN_SCRIPT, 'doctor'], { env: { ...base, ...env }, timeout: 60_000 })
    return { code: 0, out: stdout }
  } catch (err) {
    const e = err as { code?: unknown; stdout?: string; stderr?: string }
    if (typeof e.code !== 'number') throw err
    return { code: e.code, out: `${e.stdout ?? ''}${e.stderr ?? ''}` }
  }
}

async function migrate(t: TestContext, env: Record<string, string>): Promise<void> {
  const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'silent', BROADSHEET_DEMO: '0' }
  await run(process.execPath, [MAIN_SCRIPT, 'migrate'], { env: { ...base, ...env }, timeout: 60_000 })
  t.diagnostic('migrated')
}

const line = (out: string, check: string) => out.split('\n').find((l) => new RegExp(`^(ok  |WARN|FAIL)  ${check}\\s`).test(l)) ?? ''

test('a new SQLite DATA_DIR: the missing database fails with its fix, and doctor creates nothing', async (t) => {
  const dataDir = await tempDir(t, 'broadsheet-doctor-')
  const { code, out } = await doctor({ DATA_DIR: dataDir })
  assert.equal(code, 1, out)
  assert.match(line(out, 'configuration'), /^ok {4}configuration {2}SQLite /)
  assert.match(line(out, 'database'), /^FAIL {2}database .*no database at .*broadsheet\.db$/)
  assert.match(out, /fix: run `broadsheet migrate`/)
  assert.match(line(out, 'storage'), /^ok /)
  assert.match(line(out, 'disk'), /^(ok |WARN|FAIL).* MiB free of /)
  assert.match(out, /1 check failed\.$/m)
  assert.equal(existsSync(path.join(dataDir, 'broadsheet.db')), false)
})

test('a migrated SQLite site with a working SMTP server: every check passes, status 0', async (t) => {
  const dataDir = await tempDir(t, 'broadsheet-doctor-')
  await migrate(t, { DATA_DIR: dataDir })
  const smtp = await startSmtp(t)
  const { code, out } = await doctor({ DATA_DIR: dataDir, ...mailEnv(smtp) as Record<string, string> })
  assert.equal(code, 0, out)
  for (const check of ['database', 'migrations', 'clock', 'storage']) assert.match(line(out, check), /^ok /, out)
  assert.match(line(out, 'smtp'), /^ok {4}smtp .*127\.0\.0\.1:\d+ accepted the connection and EHLO$/)
  assert.match(out, /Everything Broadsheet needs is in place\./)
})

test('an SMTP server that refuses the connection, and a bad variable, fail with what to fix', async (t) => {
  const dataDir = await tempDir(t, 'broadsheet-doctor-')
  await migrate(t, { DATA_DIR: dataDir })
  const port = await freePort()
  const refused = await doctor({ DATA_DIR: dataDir, SMTP_URL: `smtp://desk:s3cret@127.0.0.1:${port}`, MAIL_FROM: 'desk@news.example' })
  assert.equal(refused.code, 1)
  assert.match(line(refused.out, 'smtp'), /^FAIL {2}smtp .*ECONNREFUSED/)
  assert.match(refused.out, /fix: check SMTP_URL/)
  assert.doesNotMatch(refused.out, /s3cret/)

  const bad = await doctor({ DATA_DIR: dataDir, PORT: 'eighty' })
  assert.equal(bad.code, 1)
  assert.match(line(bad.out, 'configuration'), /^FAIL {2}configuration {2}PORT must be a whole number/)
  assert.match(bad.out, /fix: set PORT to a valid value/)
})

test('PostgreSQL: an unmigrated database fails the migrations check and stays unmigrated; migrated, it passes', async (t) => {
  const unavailable = await postgresUnavailable()
  if (unavailable) return t.skip(unavailable)
  const db = await scratchDatabase('postgres')
  t.after(() => db.drop())
  const env = { DATA_DIR: await tempDir(t, 'broadsheet-doctor-'), DATABASE_URL: (db.config as { url: string }).url }
  const before = await doctor(env)
  assert.equal(before.code, 1, before.out)
  assert.match(line(before.out, 'database'), /^ok {4}database\s+postgres answers$/)
  assert.match(line(before.out, 'migrations'), /^FAIL {2}migrations .*no Broadsheet schema/)
  assert.match(line(before.out, 'clock'), /^ok {4}clock .*[+-]\d+ ms against the database's clock/)
  // Still unmigrated: doctor looked only.
  assert.match(line((await doctor(env)).out, 'migrations'), /^FAIL /)
  await migrate(t, env)
  const after = await doctor(env)
  assert.equal(after.code, 0, after.out)
  assert.match(line(after.out, 'migrations'), /^ok {4}migrations\s+every migration is applied$/)
})

test('a PostgreSQL server that does not answer fails the database check in one line, password hidden', async (t) => {
  const port = await freePort()
  const { code, out } = await doctor({ DATA_DIR: await tempDir(t, 'broadsheet-doctor-'), DATABASE_URL: `postgres://editor:s3cret@127.0.0.1:${port}/news` })
  assert.equal(code, 1)
  assert.match(line(out, 'database'), /^FAIL {2}database .*cannot open the PostgreSQL database postgres:\/\/editor:\*\*\*@127\.0\.0\.1:\d+\/news: .*ECONNREFUSED/)
  assert.doesNotMatch(out, /s3cret/)
  assert.doesNotMatch(out, /^\s+at /m)
})

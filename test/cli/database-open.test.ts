// A database that cannot be opened stops every command with one line naming it (password hidden) and status 1, no stack
// trace (src/store/open-error.ts, src/composition.ts).

import { test, type TestContext } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { POSTGRES_ADMIN_URL, postgresUnavailable } from '../support/databases.ts'
import { freePort, MAIN_SCRIPT, tempDir } from '../support/processes.ts'

const BASE_ENV = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'silent' }

/** Runs `broadsheet ...args` with `databaseUrl`; returns its status and stderr. */
async function run(t: TestContext, databaseUrl: string, args: string[] = []): Promise<{ code: number | null; stderr: string }> {
  const res = spawnSync(process.execPath, [MAIN_SCRIPT, ...args], {
    encoding: 'utf8', timeout: 60_000,
    env: { ...BASE_ENV, DATA_DIR: await tempDir(t, 'broadsheet-open-'), DATABASE_URL: databaseUrl, PORT: '0' },
  })
  return { code: res.status, stderr: res.stderr }
}

function assertOneLine(stderr: string, pattern: RegExp): void {
  const lines = stderr.trim().split('\n')
  assert.equal(lines.length, 1, `one line, got:\n${stderr}`)
  assert.doesNotMatch(stderr, /^\s+at /m)
  assert.match(lines[0]!, pattern)
}

test('a PostgreSQL server that does not answer: one line with the address, status 1, for start and for commands', async (t) => {
  const port = await freePort()
  for (const args of [[], ['migrate']]) {
    const { code, stderr } = await run(t, `postgres://editor:s3cret@127.0.0.1:${port}/news`, args)
    assert.equal(code, 1)
    assertOneLine(stderr, new RegExp(`^broadsheet: cannot open the PostgreSQL database postgres://editor:\\*\\*\\*@127\\.0\\.0\\.1:${port}/news: .*ECONNREFUSED`))
    assert.doesNotMatch(stderr, /s3cret/)
  }
})

test('a PostgreSQL database that does not exist: the server\'s own words', async (t) => {
  const unavailable = await postgresUnavailable()
  if (unavailable) return t.skip(unavailable)
  const url = new URL(POSTGRES_ADMIN_URL)
  url.pathname = '/broadsheet_no_such_database'
  const { code, stderr } = await run(t, url.href)
  assert.equal(code, 1)
  assertOneLine(stderr, /database "broadsheet_no_such_database" does not exist \(3D000\)$/)
})

test('a SQLite path that cannot be a database file: one line naming the file', async (t) => {
  const dir = await tempDir(t, 'broadsheet-open-dir-')
  const { code, stderr } = await run(t, `sqlite:${dir}`)
  assert.equal(code, 1)
  assertOneLine(stderr, /^broadsheet: cannot open the SQLite database .*: unable to open database file \(SQLITE_CANTOPEN\)$/)
})

test('a PostgreSQL host that does not resolve: one line with the resolver\'s words, status 1', async (t) => {
  const { code, stderr } = await run(t, 'postgres://editor:s3cret@db.invalid/news', ['migrate'])
  assert.equal(code, 1)
  assertOneLine(stderr, /^broadsheet: cannot open the PostgreSQL database postgres:\/\/editor:\*\*\*@db\.invalid\/news: .*(ENOTFOUND|EAI_AGAIN)/)
  assert.doesNotMatch(stderr, /s3cret/)
})

test('a PostgreSQL role the server does not know: the server\'s own words, status 1', async (t) => {
  const unavailable = await postgresUnavailable()
  if (unavailable) return t.skip(unavailable)
  const url = new URL(POSTGRES_ADMIN_URL)
  url.username = 'broadsheet_no_such_role'
  const { code, stderr } = await run(t, url.href)
  assert.equal(code, 1)
  assertOneLine(stderr, /role "broadsheet_no_such_role" does not exist \(28000\)$/)
})

test('a DATABASE_URL that is not a URL, or of another engine: one configuration line, status 1, nothing opened', async (t) => {
  for (const [url, pattern] of [
    ['postgres://editor:s3cret@[db/news', /^broadsheet: configuration error: DATABASE_URL is not a valid postgres:\/\/ URL$/],
    ['mysql://editor:s3cret@db/news', /^broadsheet: configuration error: DATABASE_URL must start with postgres:\/\/ or sqlite:, got "mysql:…"$/],
  ] as const) {
    const { code, stderr } = await run(t, url, ['migrate'])
    assert.equal(code, 1)
    assertOneLine(stderr, pattern)
    assert.doesNotMatch(stderr, /s3cret/)
  }
})

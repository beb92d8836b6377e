// The `broadsheet` command as a process: help, usage errors, migrate, configuration errors (src/cli/index.ts, src/main.ts).

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readdir } from 'node:fs/promises'
import { runBroadsheet, tempDir } from '../support/processes.ts'


test('`--help` exits 0 and prints the usage with every command', () => {
  const res = runBroadsheet(['--help'])
  assert.equal(res.code, 0)
  assert.match(res.stdout, /^Usage: broadsheet <command> \[options\]/)
  for (const command of ['start', 'migrate', 'seed-demo', 'help']) assert.match(res.stdout, new RegExp(`\\n  ${command}\\b`), command)
  assert.match(res.stdout, /PORT, HOST, DATA_DIR, DATABASE_URL, SITE_URL/)
  assert.equal(res.stderr, '')
})

test('an unknown command exits 2 with a one-line message naming it', () => {
  const res = runBroadsheet(['frobnicate'])
  assert.equal(res.code, 2)
  assert.equal(res.stdout, '')
  assert.equal(res.stderr.trim(), 'broadsheet: unknown command "frobnicate". Run "broadsheet --help" for the list.')
})

test('`start --bogus` exits 2 naming the flag, and touches nothing', async (t) => {
  const dir = await tempDir(t)
  const start = runBroadsheet(['start', '--bogus'], { DATA_DIR: dir })
  assert.equal(start.code, 2)
  assert.equal(start.stdout, '')
  assert.match(start.stderr, /^broadsheet start: .*'--bogus'/)
  assert.deepEqual(await readdir(dir), [])
})

test('`migrate` in a fresh DATA_DIR exits 0 and prints the migrations it applied; a second run has none to apply', async (t) => {
  const dir = await tempDir(t)
  const first = runBroadsheet(['migrate'], { DATA_DIR: dir })
  assert.equal(first.code, 0, first.stderr)
  assert.match(first.stdout, /^applied 0001-content(, [\w-]+)*\n$/)
  assert.ok((await readdir(dir)).includes('broadsheet.db'))
  const second = runBroadsheet(['migrate'], { DATA_DIR: dir })
  assert.equal(second.code, 0, second.stderr)
  assert.equal(second.stdout, 'the schema is up to date\n')
})

test('a bad PORT exits 1 with a message naming PORT, before touching the database', async (t) => {
  const dir = await tempDir(t)
  const res = runBroadsheet(['start'], { DATA_DIR: dir, PORT: 'abc' })
  assert.equal(res.code, 1)
  assert.equal(res.stdout, '')
  assert.equal(res.stderr, 'broadsheet: configuration error: PORT must be a whole number from 0 to 65535, got "abc"\n')
  assert.deepEqual(await readdir(dir), [])
})

// `broadsheet webhook …` as a process: add prints the secret once, list, remove, log as a table, bad flags exit 2 (src/cli/webhooks.ts).

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { openStore } from '../../src/store/store.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'
import { webhookCommand } from '../../src/cli/webhooks.ts'
import { runBroadsheet, tempDir } from '../support/processes.ts'


/** `broadsheet webhook …args` as a process. */
const broadsheet = (args: string[], env: Record<string, string>) => runBroadsheet(['webhook', ...args], env)

test('`webhook add` prints the id and the secret once; list shows the receiver without it; remove deactivates it', async (t) => {
  const env = { DATA_DIR: await tempDir(t), WEBHOOK_ALLOW_PRIVATE: '1' }
  const add = broadsheet(['add', '--url', 'http://127.0.0.1:8099/hook'], env)
  assert.equal(add.code, 0, add.stderr)
  const match = /^id: (\d+)\nurl: (\S+)\nsecret: ([0-9a-f]{64})\n/.exec(add.stdout)
  assert.ok(match, add.stdout)
  assert.equal(match[2], 'http://127.0.0.1:8099/hook')
  assert.match(add.stdout, /not shown again/)

  const list = broadsheet(['list'], env)
  assert.equal(list.code, 0, list.stderr)
  assert.match(list.stdout, /^id\s+active\s+created\s+url\n1\s+yes\s+\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\s+http:\/\/127\.0\.0\.1:8099\/hook\n$/)
  assert.ok(!list.stdout.includes(match[3]!), 'the secret is shown only once')

  const remove = broadsheet(['remove', '--id', match[1]!], env)
  assert.equal(remove.code, 0, remove.stderr)
  assert.equal(remove.stdout, `webhook receiver ${match[1]} removed\n`)
  assert.match(broadsheet(['list'], env).stdout, /\n1\s+no\s/)
  const again = broadsheet(['remove', '--id', match[1]!], env)
  assert.equal(again.code, 1)
  assert.match(again.stderr, /already removed/)
})

test('a bad receiver URL exits 1 with a message; private addresses need WEBHOOK_ALLOW_PRIVATE', async (t) => {
  const dir = await tempDir(t)
  const local = broadsheet(['add', '--url', 'http://127.0.0.1:8099/hook'], { DATA_DIR: dir })
  assert.equal(local.code, 1)
  assert.equal(local.stdout, '')
  assert.match(local.stderr, /^broadsheet webhook add: 127\.0\.0\.1 is a private or loopback address; set WEBHOOK_ALLOW_PRIVATE=1/)
  const ftp = broadsheet(['add', '--url', 'ftp://files.example.com/'], { DATA_DIR: dir })
  assert.equal(ftp.code, 1)
  assert.match(ftp.stderr, /only over http or https/)
  assert.equal(broadsheet(['list'], { DATA_DIR: dir }).stdout, 'no webhook receivers\n')
})

test('bad flags and subcommands exit 2 with a one-line message and touch nothing', async (t) => {
  const dir = await tempDir(t)
  const env = { DATA_DIR: dir }
  for (const [args, message] of [
    [['add'], /^broadsheet webhook add: add needs --url <url>\n$/],
    [['add', '--url', 'https://hooks.example.com', '--bogus'], /^broadsheet webhook add: .*'--bogus'/],
    [['log', '--status', 'lost'], /^broadsheet webhook log: --status must be pending, delivered or failed, got "lost"\n$/],
    [['frobnicate'], /unknown subcommand "frobnicate"/],
    [[], /^Usage: broadsheet webhook <subcommand>/],
  ] as const) {
    const res = broadsheet([...args], env)
    assert.equal(res.code, 2, args.join(' '))
    assert.equal(res.stdout, '', args.join(' '))
    assert.match(res.stderr, message, args.join(' '))
  }
  assert.deepEqual(await readdir(dir), [], 'no database was created')
})

test('every flag value is checked before the database is opened (in process)', async (t) => {
  const dir = await tempDir(t)
  const errors: string[] = []
  t.mock.method(console, 'error', (line: string) => { errors.push(line) })
  for (const [args, message] of [
    [['add', '--url'], /--url/],
    [['remove'], /needs --id <n>/],
    [['remove', '--id', 'abc'], /--id must be a positive whole number, got "abc"/],
    [['remove', '--id', '0'], /--id must be a positive whole number/],
    [['redeliver', '--id', '-3'], /--id/],
    [['log', '--limit', 'many'], /--limit must be a positive whole number/],
    [['log', '--limit', '100000'], /--limit must be at most 500, got 100000/],
    [['log', '--receiver', '1.5'], /--receiver must be a positive whole number/],
    [['list', 'extra'], /Unexpected argument 'extra'/],
  ] as const) {
    errors.length = 0
    assert.equal(await webhookCommand([...args], { DATA_DIR: dir, LOG_LEVEL: 'silent' }), 2, args.join(' '))
    assert.equal(errors.length, 1, args.join(' '))
    assert.match(errors[0]!, message, args.join(' '))
  }
  assert.deepEqual(await readdir(dir), [], 'no database was created')
})

test('`webhook log` prints the delivery log as a table, filtered by status and limited', async (t) => {
  const dir = await tempDir(t)
  const env = { DATA_DIR: dir, WEBHOOK_ALLOW_PRIVATE: '1' }
  assert.equal(broadsheet(['add', '--url', 'http://127.0.0.1:8099/hook'], env).code, 0)
  // Publish in this process, on the same SQLite file the command reads.
  const store = await openStore({ engine: 'sqlite', file: path.join(dir, 'broadsheet.db') })
  try {
    await seedTaxonomy(store)
    await seedArticle(store, { slug: 'first-story' })
    await seedArticle(store, { slug: 'second-story' })
  } finally {
    await store.close()
  }
  const log = broadsheet(['log', '--status', 'pending', '--limit', '1'], env)
  assert.equal(log.code, 0, log.stderr)
  const lines = log.stdout.trimEnd().split('\n')
  assert.equal(lines.length, 2)
  assert.match(lines[0]!, /^id\s+receiver\s+event\s+article\s+status\s+attempts\s+code\s+ms\s+when\s+error$/)
  assert.match(lines[1]!, /^2\s+1\s+article\.published\s+\/news\/second-story\s+pending\s+0\s+-\s+-\s+next \d{4}-/)
  assert.equal(broadsheet(['log', '--status', 'failed'], env).stdout, 'no webhook deliveries\n')
  const redo = broadsheet(['redeliver', '--id', '1'], env)
  assert.equal(redo.code, 0, redo.stderr)
  assert.match(redo.stdout, /^delivery 3 queued/)
})

// `broadsheet user …` and `broadsheet token …` as processes: the password from stdin is never echoed; bad input exits 1, bad flags 2.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readdir } from 'node:fs/promises'
import { loadConfig } from '../../src/config.ts'
import { openStore } from '../../src/store/store.ts'
import { createAccounts } from '../../src/editorial/accounts.ts'
import { systemClock } from '../../src/domain/clock.ts'
import { runBroadsheet, tempDir } from '../support/processes.ts'

const PASSWORD = 'stdin password 4 desk'

/** Whether `password` logs `email` in, checked through the accounts service on the same database. */
async function canLogIn(dir: string, email: string, password: string): Promise<boolean> {
  const store = await openStore(loadConfig({ DATA_DIR: dir }).database)
  try {
    await createAccounts({ store, clock: systemClock }).login(email, password, { ip: '127.0.0.1', userAgent: 'test' })
    return true
  } catch {
    return false
  } finally {
    await store.close()
  }
}

test('`user create` reads the password from stdin, never prints it, and the user can log in', async (t) => {
  const dir = await tempDir(t)
  const res = runBroadsheet(['user', 'create', '--email', 'Ed@News.Example', '--name', 'Ed Itor', '--role', 'editor'], { DATA_DIR: dir }, `${PASSWORD}\n`)
  assert.equal(res.code, 0, res.stderr)
  assert.match(res.stdout, /^user ed@news\.example created \(editor, id 1\)\n$/)
  assert.ok(!(res.stdout + res.stderr).includes(PASSWORD), 'the password is never printed')
  assert.equal(await canLogIn(dir, 'ed@news.example', PASSWORD), true)

  const dup = runBroadsheet(['user', 'create', '--email', 'ed@news.example', '--name', 'Again', '--role', 'author'], { DATA_DIR: dir }, `${PASSWORD}\n`)
  assert.equal(dup.code, 1)
  assert.match(dup.stderr, /already exists/)
})

test('`user reset-password` sets a new password from stdin and the old one stops working', async (t) => {
  const dir = await tempDir(t)
  assert.equal(runBroadsheet(['user', 'create', '--email', 'a@news.example', '--name', 'A', '--role', 'author'], { DATA_DIR: dir }, `${PASSWORD}\n`).code, 0)
  const res = runBroadsheet(['user', 'reset-password', '--email', 'a@news.example'], { DATA_DIR: dir }, 'a brand new password\n')
  assert.equal(res.code, 0, res.stderr)
  assert.ok(!(res.stdout + res.stderr).includes('a brand new password'))
  assert.equal(await canLogIn(dir, 'a@news.example', 'a brand new password'), true)
  assert.equal(await canLogIn(dir, 'a@news.example', PASSWORD), false)
  const missing = runBroadsheet(['user', 'reset-password', '--email', 'nobody@news.example'], { DATA_DIR: dir }, 'a brand new password\n')
  assert.equal(missing.code, 1)
  assert.match(missing.stderr, /no user has the email nobody@news\.example/)
})

/** A token for `email` made as `broadsheet token create` does, and a check of whether it still authenticates. */
async function tokenFor(dir: string, email: string): Promise<() => Promise<boolean>> {
  const res = runBroadsheet(['token', 'create', '--user', email, '--name', 'ci'], { DATA_DIR: dir })
  assert.equal(res.code, 0, res.stderr)
  const token = res.stdout.trim()
  return async () => {
    const store = await openStore(loadConfig({ DATA_DIR: dir }).database)
    try {
      return (await createAccounts({ store, clock: systemClock }).authenticateToken(token)) !== null
    } finally {
      await store.close()
    }
  }
}

test('`user reset-password` revokes the user\'s API tokens unless --keep-tokens', async (t) => {
  const dir = await tempDir(t)
  assert.equal(runBroadsheet(['user', 'create', '--email', 'a@news.example', '--name', 'A', '--role', 'author'], { DATA_DIR: dir }, `${PASSWORD}\n`).code, 0)
  const kept = await tokenFor(dir, 'a@news.example')
  const keep = runBroadsheet(['user', 'reset-password', '--email', 'a@news.example', '--keep-tokens'], { DATA_DIR: dir }, 'a brand new password\n')
  assert.equal(keep.code, 0, keep.stderr)
  assert.match(keep.stdout, /their API tokens were kept/)
  assert.equal(await kept(), true)
  const second = await tokenFor(dir, 'a@news.example')
  const reset = runBroadsheet(['user', 'reset-password', '--email', 'a@news.example'], { DATA_DIR: dir }, 'yet another new password\n')
  assert.equal(reset.code, 0, reset.stderr)
  assert.match(reset.stdout, /2 API tokens were revoked/)
  assert.equal(await kept(), false)
  assert.equal(await second(), false)
  assert.equal(runBroadsheet(['user', 'reset-password', '--email', 'a@news.example', '--keep-tokens=yes'], { DATA_DIR: dir }, 'x\n').code, 2)
})

test('bad user input exits 1 with a message; a short password is refused and not shown', async (t) => {
  const dir = await tempDir(t)
  for (const [args, input, message] of [
    [['--email', 'e@news.example', '--name', 'E', '--role', 'owner'], PASSWORD, /--role must be contributor, author, editor or admin/],
    [['--email', 'not-an-email', '--name', 'E', '--role', 'editor'], PASSWORD, /is not a valid email address/],
    [['--email', 'e@news.example', '--name', 'E', '--role', 'editor'], 'short', /at least 12 characters/],
    [['--email', 'e@news.example', '--name', ' ', '--role', 'editor'], PASSWORD, /a name is required/],
  ] as const) {
    const res = runBroadsheet(['user', 'create', ...args], { DATA_DIR: dir }, `${input}\n`)
    assert.equal(res.code, 1, args.join(' '))
    assert.match(res.stderr, message)
    assert.ok(!(res.stdout + res.stderr).includes(input), 'the password is not echoed')
  }
})

test('bad flags exit 2 and touch nothing', async (t) => {
  const dir = await tempDir(t)
  for (const args of [['user', 'create', '--email', 'e@news.example'], ['user', 'create', '--bogus'], ['user', 'frobnicate'],
    ['token', 'create'], ['token', 'revoke', '--id', 'x']]) {
    const res = runBroadsheet(args, { DATA_DIR: dir })
    assert.equal(res.code, 2, args.join(' '))
    assert.equal(res.stdout, '', args.join(' '))
  }
  assert.deepEqual(await readdir(dir), [], 'no database was created')
})

test('`token create` prints only the token; the token authenticates until `token revoke`', async (t) => {
  const dir = await tempDir(t)
  assert.equal(runBroadsheet(['user', 'create', '--email', 'bot@news.example', '--name', 'Bot', '--role', 'author'], { DATA_DIR: dir }, `${PASSWORD}\n`).code, 0)
  const res = runBroadsheet(['token', 'create', '--user', 'BOT@news.example', '--name', 'ci'], { DATA_DIR: dir })
  assert.equal(res.code, 0, res.stderr)
  assert.match(res.stdout, /^bsk_[A-Za-z0-9_-]{43}\n$/)
  const token = res.stdout.trim()
  const check = async () => {
    const store = await openStore(loadConfig({ DATA_DIR: dir }).database)
    try {
      return await createAccounts({ store, clock: systemClock }).authenticateToken(token)
    } finally {
      await store.close()
    }
  }
  assert.equal((await check())!.user.email, 'bot@news.example')
  const unknown = runBroadsheet(['token', 'create', '--user', 'nobody@news.example'], { DATA_DIR: dir })
  assert.equal(unknown.code, 1)
  assert.match(unknown.stderr, /no user has the email/)
  assert.equal(runBroadsheet(['token', 'revoke', '--id', '1'], { DATA_DIR: dir }).code, 0)
  assert.equal(await check(), null)
  assert.equal(runBroadsheet(['token', 'revoke', '--id', '1'], { DATA_DIR: dir }).code, 1)
})

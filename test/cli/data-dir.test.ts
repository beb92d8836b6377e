// A DATA_DIR that held a site never becomes a new (demo) site: a lost SQLite file stops every command with one line and
// status 1; on PostgreSQL the demo comes only when asked for (src/data-dir.ts, src/composition.ts, src/config.ts).

import { test, type TestContext } from 'node:test'
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import { mkdir, readdir, unlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { openStore } from '../../src/store/store.ts'
import { postgresUnavailable, scratchDatabase } from '../support/databases.ts'
import { freePort, MAIN_SCRIPT, tempDir } from '../support/processes.ts'

const BASE_ENV = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'silent' }

function broadsheet(args: string[], env: Record<string, string>) {
  const res = spawnSync(process.execPath, [MAIN_SCRIPT, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...BASE_ENV, ...env } })
  return { code: res.status, stdout: res.stdout, stderr: res.stderr }
}

/** Runs `broadsheet start …args` until it serves, then stops it with SIGTERM; returns its exit code. */
async function startAndStop(t: TestContext, args: string[], env: Record<string, string>): Promise<number> {
  const port = await freePort()
  const child = spawn(process.execPath, [MAIN_SCRIPT, ...args], { env: { ...BASE_ENV, ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString() })
  t.after(() => { if (child.exitCode === null) child.kill('SIGKILL') })
  const exited = once(child, 'exit')
  for (let i = 0; !(await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false)); i++) {
    // Seeding the demo on PostgreSQL takes seconds, more on a busy machine.
    if (i > 600 || child.exitCode !== null) assert.fail(`the server did not start: ${stderr}`)
    await sleep(100)
  }
  child.kill('SIGTERM')
  const [code] = await exited
  return code as number
}

test('a DATA_DIR whose SQLite file was deleted refuses start, migrate and seed-demo with one line and status 1, creating nothing', async (t) => {
  const dir = await tempDir(t)
  const first = broadsheet(['migrate'], { DATA_DIR: dir })
  assert.equal(first.code, 0, first.stderr)
  assert.ok(existsSync(path.join(dir, '.broadsheet-site')), 'the first open marks DATA_DIR')
  await unlink(path.join(dir, 'broadsheet.db'))
  for (const args of [['start'], ['migrate'], ['seed-demo']]) {
    const res = broadsheet(args, { DATA_DIR: dir, BROADSHEET_DEMO: '1' })
    assert.equal(res.code, 1, `${args.join(' ')}: ${res.stderr}`)
    assert.equal(res.stdout, '')
    assert.match(res.stderr, /^broadsheet: .* held a site but its database .*broadsheet\.db is missing; restore it from a backup/)
    assert.equal(res.stderr.trim().split('\n').length, 1, res.stderr)
    assert.ok(!existsSync(path.join(dir, 'broadsheet.db')), `${args.join(' ')} created a new database`)
  }
})

test('a DATA_DIR with uploaded media but no marker (an older install) and no database refuses to start', async (t) => {
  const dir = await tempDir(t)
  await mkdir(path.join(dir, 'media', '2026', '11'), { recursive: true })
  await writeFile(path.join(dir, 'media', '2026', '11', 'a1b2-map.png'), 'png')
  const res = broadsheet(['start'], { DATA_DIR: dir })
  assert.equal(res.code, 1, res.stderr)
  assert.match(res.stderr, /held a site but its database/)
  assert.deepEqual((await readdir(dir)).sort(), ['media'])
})

test('a new SQLite DATA_DIR still starts with the demo newsroom, and is marked', async (t) => {
  const dir = await tempDir(t)
  assert.equal(await startAndStop(t, [], { DATA_DIR: dir }), 0)
  assert.ok(existsSync(path.join(dir, '.broadsheet-site')))
  const store = await openStore({ engine: 'sqlite', file: path.join(dir, 'broadsheet.db') })
  try {
    assert.ok((await store.live.count()) > 0)
  } finally {
    await store.close()
  }
})

test('on PostgreSQL a new database gets the demo only when asked for', async (t) => {
  const reason = await postgresUnavailable()
  if (reason) return t.skip(reason)
  for (const [args, env, demo] of [[[], {}, false], [['--demo'], {}, true]] as const) {
    const scratch = await scratchDatabase('postgres')
    t.after(() => scratch.drop())
    const dir = await tempDir(t)
    const url = (scratch.config as { url: string }).url
    assert.equal(await startAndStop(t, [...args], { ...env, DATA_DIR: dir, DATABASE_URL: url }), 0)
    const store = await openStore(scratch.config)
    try {
      assert.equal((await store.live.count()) > 0, demo, `${args.join(' ')} ${JSON.stringify(env)}`)
    } finally {
      await store.close()
    }
  }
})

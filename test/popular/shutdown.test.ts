// A clean shutdown of the real server (SIGTERM) writes every view it answered 204 for, even those not yet flushed.

import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import { openStore } from '../../src/store/store.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'
import { freePort, MAIN_SCRIPT } from '../support/processes.ts'

const UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0'

test('SIGTERM right after a burst of beacons loses no view', async (t) => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-shutdown-'))
  t.after(() => rm(dataDir, { recursive: true, force: true }))
  const database = { engine: 'sqlite', file: path.join(dataDir, 'broadsheet.db') } as const
  const seeded = await openStore(database)
  await seedTaxonomy(seeded)
  await seedArticle(seeded, { slug: 'wind-farms' }, Date.now())
  await seeded.close()

  const port = await freePort()
  const server = spawn(process.execPath, [MAIN_SCRIPT, '--no-demo'], {
    // The SQLite file in DATA_DIR, whatever the environment says (spawn ignores undefined values).
    env: { ...process.env, DATABASE_URL: undefined, HOST: undefined, DATA_DIR: dataDir, PORT: String(port), TRUST_PROXY: '1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  server.stderr.on('data', (d: Buffer) => { stderr += d.toString() })
  const exited = once(server, 'exit')
  t.after(() => { if (server.exitCode === null) server.kill('SIGKILL') })

  const base = `http://127.0.0.1:${port}`
  for (let i = 0; ; i++) {
    if (await fetch(`${base}/healthz`).then((r) => r.ok, () => false)) break
    if (i > 100 || server.exitCode !== null) assert.fail(`the server did not start: ${stderr}`)
    await sleep(100)
  }
  const sent = 200
  const statuses = await Promise.all(Array.from({ length: sent }, (_, i) => fetch(`${base}/api/v1/views`, {
    method: 'POST', body: JSON.stringify({ path: '/news/wind-farms' }),
    headers: { 'content-type': 'text/plain;charset=UTF-8', 'user-agent': UA, 'x-forwarded-for': `10.1.${i >> 8}.${i & 255}` },
  }).then((r) => r.status)))
  assert.deepEqual(new Set(statuses), new Set([204]))
  server.kill('SIGTERM')
  const [code] = await exited
  assert.equal(code, 0, stderr)

  const store = await openStore(database)
  try {
    assert.equal(await store.views.total(), sent)
  } finally {
    await store.close()
  }
})

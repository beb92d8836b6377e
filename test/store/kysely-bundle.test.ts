// Kysely bundled into one file for the server's start (src/store/kysely-bundle.ts): same exports, used only when it
// matches the installed package, and a store migrated and queried through it.

import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import * as kysely from 'kysely'
import * as migration from 'kysely/migration'
import { buildKyselyBundle, bundleIsCurrent } from '../../src/store/kysely-bundle.ts'

const run = promisify(execFile)

async function scratchDir(t: { after: (fn: () => Promise<void>) => void }) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-kysely-'))
  t.after(() => rm(dir, { recursive: true, force: true }))
  return dir
}

test('the bundle exports what kysely and kysely/migration export, and is current only for the installed version', async (t) => {
  const dir = await scratchDir(t)
  const bundle = path.join(dir, 'kysely.mjs')
  assert.equal(bundleIsCurrent(bundle), false)
  await buildKyselyBundle(bundle)
  assert.equal(bundleIsCurrent(bundle), true)
  const bundled = await import(pathToFileURL(bundle).href) as Record<string, unknown>
  assert.deepEqual(Object.keys(bundled).sort(), [...new Set([...Object.keys(kysely), ...Object.keys(migration)])].sort())
  // A bundle left from another Kysely (the package was updated since) is not used.
  const stale = path.join(dir, 'stale.mjs')
  await writeFile(stale, '// kysely 0.0.1\nexport {}\n')
  assert.equal(bundleIsCurrent(stale), false)
})

test('with the bundle in use, both names load the one file, and a store migrates and answers through it', async (t) => {
  const dir = await scratchDir(t)
  const bundle = path.join(dir, 'kysely.mjs')
  await buildKyselyBundle(bundle)
  const src = (file: string) => pathToFileURL(path.resolve(import.meta.dirname, '../../src', file)).href
  const script = `
    const { useKyselyBundle } = await import(${JSON.stringify(src('store/kysely-bundle.ts'))})
    if (!useKyselyBundle(${JSON.stringify(bundle)})) throw new Error('bundle not used')
    const { loadConfig } = await import(${JSON.stringify(src('config.ts'))})
    const { openStore } = await import(${JSON.stringify(src('store/store.ts'))})
    const store = await openStore(loadConfig({ DATA_DIR: ${JSON.stringify(dir)} }).database)
    const out = { kysely: import.meta.resolve('kysely'), migration: import.meta.resolve('kysely/migration'), applied: store.applied.length, live: await store.live.count() }
    await store.close()
    console.log(JSON.stringify(out))`
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: dir })
  const out = JSON.parse(stdout) as { kysely: string; migration: string; applied: number; live: number }
  assert.equal(out.kysely, pathToFileURL(bundle).href)
  assert.equal(out.migration, pathToFileURL(bundle).href)
  assert.ok(out.applied > 10)
  assert.equal(out.live, 0)
})

// The server as one bundle (src/server-bundle.ts): current only while built from the files on disk, our files still
// finding theirs beside them, and the real server serving from it.

import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { test } from 'node:test'
import { buildServerBundle, currentServerBundle } from '../src/server-bundle.ts'
import { freePort, tempDir } from './support/processes.ts'

const CHECKOUT = path.resolve(import.meta.dirname, '..')

/** A small project: an entry, a module that reads a file beside itself, and one imported lazily. */
async function fixture(root: string): Promise<void> {
  await mkdir(path.join(root, 'src/lib'), { recursive: true })
  await mkdir(path.join(root, 'node_modules'), { recursive: true })
  await writeFile(path.join(root, 'node_modules/.package-lock.json'), '{"lockfileVersion":3}')
  await writeFile(path.join(root, 'src/lib/data.txt'), 'beside the module')
  await writeFile(path.join(root, 'src/lib/where.ts'), [
    "import { readFileSync } from 'node:fs'",
    "export const data: string = readFileSync(new URL('./data.txt', import.meta.url), 'utf8')",
    'export const dir: string = import.meta.dirname',
  ].join('\n'))
  await writeFile(path.join(root, 'src/late.ts'), "export const late = (): string => 'late'")
  await writeFile(path.join(root, 'src/entry.ts'), [
    "import { data, dir } from './lib/where.ts'",
    "export const read = async (): Promise<string[]> => [data, dir, (await import('./late.ts')).late()]",
  ].join('\n'))
}

test('a bundle is current only while every file it was built from is unchanged, and our files find theirs', async (t) => {
  const root = await tempDir(t, 'broadsheet-bundle-')
  await fixture(root)
  const outdir = path.join(root, 'node_modules/.cache/server')
  assert.equal(currentServerBundle(outdir, root), null, 'nothing built yet')

  const built = await buildServerBundle({ root, entry: 'src/entry.ts', outdir })
  assert.equal(built.inputs, 4, 'three modules and npm\'s record of the install')
  const entry = currentServerBundle(outdir, root)
  assert.ok(entry)
  const { read } = await import(entry) as { read: () => Promise<string[]> }
  assert.deepEqual(await read(), ['beside the module', path.join(root, 'src/lib'), 'late'])

  // An edit to a module makes it stale; a rebuild makes it current again.
  await writeFile(path.join(root, 'src/late.ts'), "export const late = (): string => 'later'")
  assert.equal(currentServerBundle(outdir, root), null)
  await buildServerBundle({ root, entry: 'src/entry.ts', outdir })
  assert.ok(currentServerBundle(outdir, root))

  // So does an install that changed the packages, or a deleted module.
  await writeFile(path.join(root, 'node_modules/.package-lock.json'), '{"lockfileVersion":3,"packages":{}}')
  assert.equal(currentServerBundle(outdir, root), null)
  await buildServerBundle({ root, entry: 'src/entry.ts', outdir })
  await rm(path.join(root, 'src/late.ts'))
  assert.equal(currentServerBundle(outdir, root), null)
})

test('the server built as a bundle serves the front page, the desk, stylesheets, metrics and pages in another language', async (t) => {
  // Beside the checkout's own, so that the packages left out of the bundle resolve as they do for it.
  const outdir = path.join(CHECKOUT, `node_modules/.cache/broadsheet/server-test-${process.pid}`)
  t.after(() => rm(outdir, { recursive: true, force: true }))
  await buildServerBundle({ outdir })
  const entry = currentServerBundle(outdir)
  assert.ok(entry, 'built from the files on disk now')

  const dataDir = await tempDir(t)
  const port = await freePort()
  const child = spawn(process.execPath, [path.join(outdir, 'composition.mjs')], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir, PORT: String(port), BROADSHEET_DEMO: '1', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  t.after(() => child.kill('SIGKILL'))
  let log = ''
  child.stdout.setEncoding('utf8')
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: string) => {
      log += chunk
      if (log.includes('broadsheet is serving')) resolve()
    })
    child.once('exit', (code) => reject(new Error(`the bundled server exited with ${code}: ${log}`)))
  })
  const base = `http://127.0.0.1:${port}`
  const front = await fetch(`${base}/`)
  assert.equal(front.status, 200)
  const html = await front.text()
  const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1]
  assert.ok(stylesheet, 'the front page links its stylesheet')
  assert.equal((await fetch(`${base}${stylesheet}`)).status, 200)
  // Metrics load prom-client on the first scrape.
  assert.equal((await fetch(`${base}/metrics`)).status, 200)
  const login = await fetch(`${base}/desk/login`)
  assert.equal(login.status, 200)
  assert.match(await login.text(), /<form/)
  // The Russian catalogue is a file read by path (src/i18n/catalogues.ts).
  const russian = await fetch(`${base}/ru/search?q=x`)
  assert.equal(russian.status, 200)
  assert.match(await russian.text(), /lang="ru"/)
  child.kill('SIGTERM')
  await once(child, 'exit')
})

// `broadsheet backup DIR` (src/cli/backup.ts, src/store/sqlite-backup.ts): a consistent copy of a SQLite site while
// another connection keeps writing, which then starts as a site; PostgreSQL is refused with a pointer to pg_dump.

import { test, type TestContext } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { loadConfig } from '../../src/config.ts'
import { createDraft, publish } from '../../src/editorial/publishing.ts'
import { sanitizeBody } from '../../src/content/sanitize.ts'
import { demoNewsroom } from '../../src/importers/demo/newsroom.ts'
import { seedDemo } from '../../src/importers/demo/seed.ts'
import { checkSqliteCopy } from '../../src/store/sqlite-backup.ts'
import { openStore, type Store } from '../../src/store/store.ts'
import { freePort, MAIN_SCRIPT, runBroadsheet, tempDir } from '../support/processes.ts'

const QUIET = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'silent', BROADSHEET_DEMO: '0' }

/** Writes and publishes articles one transaction at a time until `stop()`; `committed` holds the ids of those that committed. */
function keepWriting(store: Store) {
  const committed: number[] = []
  let running = true
  const done = (async () => {
    for (let i = 0; running; i++) {
      const id = await store.transaction(async (tx) => {
        const id = await createDraft(tx, {
          title: `Dispatch ${i}`, slug: `dispatch-${i}`, standfirst: '', bodyHtml: sanitizeBody(`<p>${'Words of the dispatch. '.repeat(200)}</p>`),
          section: 'news', genre: 'news', language: 'en', tags: [], authors: [], seoTitle: '', seoDescription: '', editorsChoiceRank: null,
        }, { now: Date.now(), siteLanguage: 'en' })
        await publish(tx, id, { now: Date.now(), siteLanguage: 'en' })
        return id
      })
      committed.push(id)
      // Let the child's exit and the test's timers in between writes.
      await new Promise((resolve) => setImmediate(resolve))
    }
  })()
  return { committed, stop: async () => { running = false; await done } }
}

/** Runs `broadsheet …args` as a child process without blocking this one; resolves with its status and output. */
async function runAsync(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [MAIN_SCRIPT, ...args], { env: { ...QUIET, ...env } })
  let stdout = '', stderr = ''
  child.stdout.on('data', (d: Buffer) => { stdout += d.toString() })
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString() })
  const [code] = await once(child, 'exit') as [number | null]
  return { code, stdout, stderr }
}

/** Starts `broadsheet start` on `dataDir`, fetches `paths`, stops it; returns their statuses. */
async function serve(t: TestContext, dataDir: string, paths: readonly string[]): Promise<number[]> {
  const port = await freePort()
  const child = spawn(process.execPath, [MAIN_SCRIPT, 'start'], { env: { ...QUIET, DATA_DIR: dataDir, PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString() })
  t.after(() => { if (child.exitCode === null) child.kill('SIGKILL') })
  for (let i = 0; !(await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false)); i++) {
    if (i > 600 || child.exitCode !== null) assert.fail(`the restored site did not start: ${stderr}`)
    await sleep(100)
  }
  const statuses: number[] = []
  for (const p of paths) statuses.push((await fetch(`http://127.0.0.1:${port}${p}`)).status)
  const exited = once(child, 'exit')
  child.kill('SIGTERM')
  await exited
  return statuses
}

test('a backup taken while articles are being published is consistent, holds every article committed before it began, and starts as a site', async (t) => {
  const site = await tempDir(t)
  const store = await openStore(loadConfig({ DATA_DIR: site }).database)
  t.after(() => store.close())
  await seedDemo({ store, clock: { now: () => Date.now() }, mediaDir: path.join(site, 'media') }, demoNewsroom)
  // The demo's own articles, counted as the copy will be (the demo grows; a number written here would go stale).
  const demo = checkSqliteCopy(path.join(site, 'broadsheet.db')).articles
  const writer = keepWriting(store)
  // Some writes are committed before the backup starts; the rest go on while it runs.
  while (writer.committed.length < 20) await sleep(10)
  const before = [...writer.committed]
  const backup = path.join(await tempDir(t), 'backup')
  const res = await runAsync(['backup', backup], { DATA_DIR: site })
  const during = writer.committed.length - before.length
  await writer.stop()
  assert.equal(res.code, 0, res.stderr)
  assert.match(res.stdout, /integrity check ok/)
  assert.ok(during > 0, 'articles were published while the backup ran')

  const check = checkSqliteCopy(path.join(backup, 'broadsheet.db'))
  assert.equal(check.integrity, 'ok')
  assert.equal(check.foreignKeyFaults, 0)
  // One state of the site: every article in the copy is published with its live copy (none half-written).
  assert.equal(check.live, check.articles)
  assert.ok(check.articles >= demo + before.length, `${check.articles} articles; ${before.length} were committed before the backup`)
  assert.ok(check.articles <= demo + writer.committed.length, `${check.articles} articles; ${demo} from the demo, ${writer.committed.length} written`)
  const report = JSON.parse(await readFile(path.join(backup, 'backup.json'), 'utf8')) as { media_files: number; media_missing: number }
  assert.deepEqual([report.media_files, report.media_missing], [16, 0])

  const last = await store.articles.get(before.at(-1)!)
  const statuses = await serve(t, backup, ['/', `/news/${last!.slug}`, '/media/demo/steppe-grid.svg'])
  assert.deepEqual(statuses, [200, 200, 200])
})

test('backup refuses PostgreSQL with a pointer to pg_dump, and a folder that is not empty', async (t) => {
  const pg = runBroadsheet(['backup', path.join(await tempDir(t), 'b')], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' })
  assert.equal(pg.code, 1)
  assert.match(pg.stderr, /runs on PostgreSQL; back it up with pg_dump -Fc \(and copy DATA_DIR\/media\)/)
  const site = await tempDir(t)
  assert.equal(runBroadsheet(['migrate'], { DATA_DIR: site }).code, 0)
  const full = runBroadsheet(['backup', site], { DATA_DIR: site })
  assert.equal(full.code, 1)
  assert.match(full.stderr, /is not empty; back up into a new folder/)
})

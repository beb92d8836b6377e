// `broadsheet import broadsheet DIR` refusing what it must: a bad line (named by file and line), a broken reference,
// a file cut short, a site that is not empty. Each refusal exits 1 and writes nothing.

import { after, test, type TestContext } from 'node:test'
import assert from 'node:assert/strict'
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { loadConfig } from '../../src/config.ts'
import { systemClock } from '../../src/domain/clock.ts'
import { demoNewsroom } from '../../src/importers/demo/newsroom.ts'
import { seedDemo } from '../../src/importers/demo/seed.ts'
import { openStore } from '../../src/store/store.ts'
import { runBroadsheet, tempDir } from '../support/processes.ts'

let exported: Promise<string> | undefined
let root: string | undefined
after(() => root && rm(root, { recursive: true, force: true }))

/** One export of the demo site, made once for the file and copied by each test that changes it. */
function demoExport(): Promise<string> {
  exported ??= (async () => {
    const dir = root = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-export-'))
    const store = await openStore(loadConfig({ DATA_DIR: path.join(dir, 'site') }).database)
    try {
      await seedDemo({ store, clock: systemClock, mediaDir: path.join(dir, 'site', 'media') }, demoNewsroom)
    } finally {
      await store.close()
    }
    const res = runBroadsheet(['export', path.join(dir, 'export')], { DATA_DIR: path.join(dir, 'site') })
    assert.equal(res.code, 0, res.stderr)
    return path.join(dir, 'export')
  })()
  return exported
}

/** A copy of the demo export with line `n` (1-based) of `file` changed by `edit`. */
async function changedExport(t: TestContext, file: string, n: number, edit: (line: Record<string, unknown>) => unknown): Promise<string> {
  const dir = path.join(await tempDir(t), 'export')
  await cp(await demoExport(), dir, { recursive: true })
  const lines = (await readFile(path.join(dir, file), 'utf8')).split('\n')
  lines[n - 1] = JSON.stringify(edit(JSON.parse(lines[n - 1]!) as Record<string, unknown>))
  await writeFile(path.join(dir, file), lines.join('\n'))
  return dir
}

/** Whether the SQLite site in `dataDir` is still empty, its media folder included. */
async function emptySite(dataDir: string): Promise<boolean> {
  const store = await openStore(loadConfig({ DATA_DIR: dataDir }).database)
  try {
    const media = await readdir(path.join(dataDir, 'media')).catch(() => [])
    return (await store.transfer.nonEmptyTables()).length === 0 && Object.keys(await store.site.settings()).length === 0 && media.length === 0
  } finally {
    await store.close()
  }
}

test('a line with a value the model does not know exits 1 naming the file and the line, and writes nothing', async (t) => {
  const dir = await changedExport(t, 'articles.jsonl', 5, (l) => ({ ...l, status: 'gone' }))
  const site = await tempDir(t)
  const res = runBroadsheet(['import', 'broadsheet', dir], { DATA_DIR: site })
  assert.equal(res.code, 1)
  assert.match(res.stderr, /articles\.jsonl: line 5: status must be one of draft, in_review, scheduled, published, unpublished/)
  assert.equal(await emptySite(site), true)
})

test('a reference to a row the export does not hold, an unknown field, or a line that is not JSON is refused by line', async (t) => {
  const site = await tempDir(t)
  const cases: [string, number, (l: Record<string, unknown>) => unknown, RegExp][] = [
    ['articles.jsonl', 3, (l) => ({ ...l, section_id: 999 }), /articles\.jsonl: line 3: section_id refers to sections id 999, which the export does not hold/],
    ['tags.jsonl', 2, (l) => ({ ...l, colour: 'red' }), /tags\.jsonl: line 2: unknown field colour/],
    ['media.jsonl', 1, (l) => ({ ...l, path: '../../etc/passwd' }), /media\.jsonl: line 1: the media path "\.\.\/\.\.\/etc\/passwd" leaves the media folder/],
    ['articles.jsonl', 7, (l) => ({ ...l, published_at: 'yesterday' }), /articles\.jsonl: line 7: published_at must be a time/],
  ]
  for (const [file, n, edit, message] of cases) {
    const res = runBroadsheet(['import', 'broadsheet', await changedExport(t, file, n, edit)], { DATA_DIR: site })
    assert.equal(res.code, 1, `${file}:${n}`)
    assert.match(res.stderr, message)
  }
  const dir = path.join(await tempDir(t), 'export')
  await cp(await demoExport(), dir, { recursive: true })
  await writeFile(path.join(dir, 'sections.jsonl'), `${(await readFile(path.join(dir, 'sections.jsonl'), 'utf8')).split('\n').slice(0, 2).join('\n')}\n{"id": 3,\n`)
  const broken = runBroadsheet(['import', 'broadsheet', dir], { DATA_DIR: site })
  assert.equal(broken.code, 1)
  assert.match(broken.stderr, /sections\.jsonl: line 3: not JSON/)
  assert.equal(await emptySite(site), true)
})

test('an export cut short, or changed after it was written, is refused by its manifest', async (t) => {
  const site = await tempDir(t)
  const dir = path.join(await tempDir(t), 'export')
  await cp(await demoExport(), dir, { recursive: true })
  const pages = (await readFile(path.join(dir, 'pages.jsonl'), 'utf8')).split('\n')
  await writeFile(path.join(dir, 'pages.jsonl'), pages.slice(0, -2).join('\n') + '\n')
  const short = runBroadsheet(['import', 'broadsheet', dir], { DATA_DIR: site })
  assert.equal(short.code, 1)
  assert.match(short.stderr, /pages\.jsonl: 2 lines, but the manifest counts 3/)
  const renamed = await changedExport(t, 'sections.jsonl', 1, (l) => ({ ...l, name: 'Renamed' }))
  const changed = runBroadsheet(['import', 'broadsheet', renamed], { DATA_DIR: site })
  assert.equal(changed.code, 1)
  assert.match(changed.stderr, /sections\.jsonl: its checksum differs from the manifest/)
  assert.equal(await emptySite(site), true)
})

test('a site that is not empty is refused with a clear message, and an export goes only into an empty folder', async (t) => {
  const exportDir = await demoExport()
  const site = await tempDir(t)
  assert.equal(runBroadsheet(['import', 'broadsheet', exportDir], { DATA_DIR: site }).code, 0)
  const again = runBroadsheet(['import', 'broadsheet', exportDir], { DATA_DIR: site })
  assert.equal(again.code, 1)
  assert.match(again.stderr, /this site is not empty \(it has articles, sections, tags, authors, speakers, media, pages\); import a Broadsheet export only into a new, empty site/)
  const into = runBroadsheet(['export', exportDir], { DATA_DIR: site })
  assert.equal(into.code, 1)
  assert.match(into.stderr, /is not empty; export into a new folder/)
  const missing = runBroadsheet(['import', 'broadsheet', path.join(site, 'nowhere')], { DATA_DIR: site })
  assert.equal(missing.code, 1)
  assert.match(missing.stderr, /no such folder/)
})

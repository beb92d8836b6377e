// `broadsheet import wordpress` as a process (src/cli/import.ts through src/main.ts): report, JSON report, exit codes.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { jpegImage, pngImage } from '../support/images.ts'
import path from 'node:path'
import { loadConfig } from '../../src/config.ts'
import { openStore } from '../../src/store/store.ts'
import { FIXTURE, fixtureText } from '../importers/wordpress/fixtures.ts'
import { ghostExport } from '../importers/ghost/fixtures.ts'
import { runBroadsheet, tempDir } from '../support/processes.ts'


async function liveCount(dir: string): Promise<number> {
  const store = await openStore(loadConfig({ DATA_DIR: dir }).database)
  try {
    return await store.live.count()
  } finally {
    await store.close()
  }
}

test('`import wordpress FILE` imports, prints the report, writes it as JSON, and a second run skips everything', async (t) => {
  const dir = await tempDir(t)
  const json = path.join(dir, 'report.json')
  const res = runBroadsheet(['import', 'wordpress', FIXTURE, '--report', json, '--no-media'], { DATA_DIR: dir })
  assert.equal(res.code, 0, res.stderr)
  assert.match(res.stdout, /^wordpress import of https:\/\/old\.example\.org\narticles: 11 imported, 0 updated, 0 skipped, 0 refused\n/)
  assert.match(res.stdout, /shortcodes kept as text: contact-form-7 ×1/)
  assert.match(res.stderr, /^11 articles, \d+\/s/m, 'a progress line when the output is not a terminal')
  const report = JSON.parse(await readFile(json, 'utf8')) as { articles: unknown; drafted: { reason: string }[] }
  assert.deepEqual(report.articles, { imported: 11, updated: 0, skipped: 0, refused: 0 })
  assert.deepEqual(report.drafted.map((d) => d.reason), ['private in WordPress', 'password-protected in WordPress'])
  assert.equal(await liveCount(dir), 6)
  const again = runBroadsheet(['import', 'wordpress', FIXTURE, '--no-media'], { DATA_DIR: dir })
  assert.equal(again.code, 0, again.stderr)
  assert.match(again.stdout, /articles: 0 imported, 0 updated, 11 skipped, 0 refused/)
})

test('`--dry-run` prints the report and leaves the database empty', async (t) => {
  const dir = await tempDir(t)
  const res = runBroadsheet(['import', 'wordpress', FIXTURE, '--dry-run', '--no-media'], { DATA_DIR: dir })
  assert.equal(res.code, 0, res.stderr)
  assert.match(res.stdout, /^Dry run \(nothing was written\): wordpress import/)
  assert.match(res.stdout, /11 imported/)
  assert.equal(await liveCount(dir), 0)
})

test('a malformed file exits 1 naming line and column, after importing what came before', async (t) => {
  const dir = await tempDir(t)
  const file = path.join(dir, 'broken.wxr')
  const text = fixtureText().replace('<title><![CDATA[Staff only memo]]></title>', '<title><![CDATA[Staff only memo]]></title></oops>')
  await writeFile(file, text)
  const line = text.split('\n').findIndex((l) => l.includes('</oops>')) + 1
  const res = runBroadsheet(['import', 'wordpress', file, '--no-media'], { DATA_DIR: dir })
  assert.equal(res.code, 1)
  assert.match(res.stderr, new RegExp(`broadsheet import: the file is not well-formed XML at line ${line}, column \\d+: unexpected close tag`))
  assert.equal(await liveCount(dir), 6)
})

test('a file of the wrong kind says which importer reads it', async (t) => {
  const dir = await tempDir(t)
  const file = path.join(dir, 'ghost.json')
  await writeFile(file, JSON.stringify({ db: [{ meta: { version: '5.0' }, data: { posts: [] } }] }))
  const res = runBroadsheet(['import', 'wordpress', file], { DATA_DIR: dir })
  assert.equal(res.code, 1)
  assert.match(res.stderr, /Ghost export \(JSON\), not a WordPress export \(WXR\): use `broadsheet import ghost FILE\.json`/)
})

test('unknown flags and a missing file argument exit 2 with one line; a file that does not exist exits 1', async (t) => {
  const dir = await tempDir(t)
  const bogus = runBroadsheet(['import', 'wordpress', FIXTURE, '--bogus'], { DATA_DIR: dir })
  assert.equal(bogus.code, 2)
  assert.equal(bogus.stderr.trim().split('\n').length, 1)
  assert.match(bogus.stderr, /^broadsheet import wordpress: .*'--bogus'/)
  assert.deepEqual(await readdir(dir), [], 'nothing was opened')
  assert.equal(runBroadsheet(['import', 'wordpress'], { DATA_DIR: dir }).code, 2)
  assert.equal(runBroadsheet(['import', 'joomla', FIXTURE], { DATA_DIR: dir }).code, 2)
  const missing = runBroadsheet(['import', 'wordpress', path.join(dir, 'nope.xml')], { DATA_DIR: dir })
  assert.equal(missing.code, 1)
  assert.match(missing.stderr, /nope\.xml: no such file/)
})

test('`import ghost FILE --site-url URL` imports posts and pages, prints the report and progress, and a second run skips everything', async (t) => {
  const dir = await tempDir(t)
  const file = path.join(dir, 'ghost.json')
  await writeFile(file, JSON.stringify(ghostExport(5)))
  const json = path.join(dir, 'report.json')
  const res = runBroadsheet(['import', 'ghost', file, '--site-url', 'https://steppe.example/', '--report', json, '--no-media'], { DATA_DIR: dir })
  assert.equal(res.code, 0, res.stderr)
  assert.match(res.stdout, /^ghost import of https:\/\/steppe\.example\narticles: 5 imported, 0 updated, 0 skipped, 1 refused\npages: 1 imported/)
  assert.match(res.stdout, /needs html/)
  assert.match(res.stderr, /^5 articles, \d+\/s, 100% of the file/m)
  const report = JSON.parse(await readFile(json, 'utf8')) as { pages: unknown; source: { site: string } }
  assert.deepEqual(report.pages, { imported: 1, updated: 0, skipped: 0, refused: 0 })
  assert.equal(await liveCount(dir), 2)
  const again = runBroadsheet(['import', 'ghost', file, '--site-url', 'https://steppe.example', '--no-media'], { DATA_DIR: dir })
  assert.equal(again.code, 0, again.stderr)
  assert.match(again.stdout, /articles: 0 imported, 0 updated, 5 skipped, 1 refused\npages: 0 imported, 0 updated, 1 skipped/)
})

test('a WordPress file given to the Ghost importer says which importer reads it; a bad --site-url exits 2', async (t) => {
  const dir = await tempDir(t)
  const res = runBroadsheet(['import', 'ghost', FIXTURE], { DATA_DIR: dir })
  assert.equal(res.code, 1)
  assert.match(res.stderr, /WordPress export \(WXR\), not a Ghost export \(JSON\): use `broadsheet import wordpress FILE\.xml`/)
  const bad = runBroadsheet(['import', 'ghost', FIXTURE, '--site-url', 'ftp://x'], { DATA_DIR: dir })
  assert.equal(bad.code, 2)
  assert.match(bad.stderr, /--site-url must be an http\(s\) address/)
  assert.equal(runBroadsheet(['import', 'wordpress', FIXTURE, '--site-url', 'https://x.example'], { DATA_DIR: dir }).code, 2, 'a Ghost flag is not a WordPress one')
})

test('`--media-dir DIR` reads Ghost\'s images from a copy of content/images into the library; with --no-media it is a usage error', async (t) => {
  const dir = await tempDir(t)
  const images = path.join(dir, 'images')
  await mkdir(path.join(images, '2021', '03'), { recursive: true })
  await writeFile(path.join(images, '2021', '03', 'pipeline.jpg'), await jpegImage())
  await writeFile(path.join(images, '2021', '03', 'map.png'), await pngImage())
  const file = path.join(dir, 'ghost.json')
  await writeFile(file, JSON.stringify(ghostExport(5)))
  const res = runBroadsheet(['import', 'ghost', file, '--media-dir', images], { DATA_DIR: path.join(dir, 'site') })
  assert.equal(res.code, 0, res.stderr)
  assert.match(res.stdout, /images: 2 imported, 0 already in the library, 1 could not be had/)
  assert.match(res.stdout, /images not imported \(left at their old address\):\n {2}- Grid report \(\/content\/images\/2021\/04\/grid\.jpg\): not in the media folder/)
  assert.equal(runBroadsheet(['import', 'ghost', file, '--media-dir', images, '--no-media'], { DATA_DIR: dir }).code, 2)
  assert.equal(runBroadsheet(['import', 'ghost', file, '--media-dir', path.join(dir, 'nope')], { DATA_DIR: dir }).code, 1)
})

test('`--permalink` and `--routes` are checked as the desk checks them: a bad one exits 1 naming it, and the report says which was used', async (t) => {
  const dir = await tempDir(t)
  const file = path.join(dir, 'ghost.json')
  await writeFile(file, JSON.stringify(ghostExport(5)))
  const routes = path.join(dir, 'routes.yaml')
  await writeFile(routes, 'collections:\n  /:\n    permalink: /{title}/\n')
  const bad = runBroadsheet(['import', 'ghost', file, '--routes', routes, '--no-media'], { DATA_DIR: dir })
  assert.equal(bad.code, 1)
  assert.match(bad.stderr, /broadsheet import ghost: routes\.yaml line 3: .*\{title\}/)
  const both = runBroadsheet(['import', 'ghost', file, '--routes', routes, '--permalink', '/{slug}/', '--no-media'], { DATA_DIR: dir })
  assert.equal(both.code, 1)
  assert.match(both.stderr, /not both/)
  assert.match(runBroadsheet(['import', 'ghost', file, '--permalink', '/p/%post_id%/', '--no-media'], { DATA_DIR: dir }).stderr, /%post_id%/)
  assert.equal(await liveCount(dir), 0, 'nothing was written')
  const res = runBroadsheet(['import', 'ghost', file, '--permalink', '/%year%/%monthnum%/%postname%/', '--no-media'], { DATA_DIR: dir })
  assert.equal(res.code, 0, res.stderr)
  assert.match(res.stdout, /^old addresses \(from permalink\): \/\{year\}\/\{month\}\/\{slug\}\/; 5 posts of the export had such an address/m)
})

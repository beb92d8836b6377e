// A full disk, for real: DATA_DIR on a small tmpfs, filled up. Uploads and saves answer 507 with a clear message,
// the original error is logged, and no partial file is left in media/ (src/media/media-files.ts, src/store/driver-faults.ts).

import { test, type TestContext } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtemp, open, readdir, rm, rmdir } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'
import { pino } from 'pino'
import { sql } from 'kysely'
import { loadConfig } from '../../src/config.ts'
import { createServices } from '../../src/services.ts'
import { openStore } from '../../src/store/store.ts'
import { openSqlite } from '../../src/store/sqlite.ts'
import { buildApp } from '../../src/web/app.ts'
import { fixedClock, type TestApp } from '../support/build-test-app.ts'
import { apiUser } from '../support/admin-api.ts'
import { seedTaxonomy } from '../support/seed.ts'
import { pngImage } from '../support/images.ts'
import { makeDueVariants } from '../../src/media/variant-queue.ts'

/** Uploads made by the system (no desk account), as importers and seeds make them. */
const SYSTEM = { userId: null, role: 'admin' } as const

/** A fresh tmpfs of `size` mounted on a temp folder, or null when this machine does not let us mount (the reason is given). */
async function smallDisk(t: TestContext, size: string): Promise<string | null> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-tmpfs-'))
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' })
  } catch (err) {
    await rmdir(dir)
    t.skip(`a tmpfs cannot be mounted here (needs root and mount rights): ${String((err as { stderr?: Buffer }).stderr ?? err).trim()}`)
    return null
  }
  t.after(async () => {
    execFileSync('umount', ['-l', dir])
    await rmdir(dir)
  })
  return dir
}

/** Writes a filler file until the disk refuses more. */
async function fillUp(dir: string): Promise<void> {
  const handle = await open(path.join(dir, 'filler'), 'w')
  const chunk = Buffer.alloc(16 * 1024, 1)
  try {
    for (;;) await handle.write(chunk)
  } catch (err) {
    assert.equal((err as { code?: string }).code, 'ENOSPC')
  } finally {
    await handle.close()
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name))
}

const BOUNDARY = '----broadsheet-full-disk'
function multipartImage(data: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`--${BOUNDARY}\r\ncontent-disposition: form-data; name="alt"\r\n\r\nA map\r\n`),
    Buffer.from(`--${BOUNDARY}\r\ncontent-disposition: form-data; name="file"; filename="map.png"\r\ncontent-type: image/png\r\n\r\n`),
    data, Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ])
}

test('on a full disk an upload and a new article answer 507 with a clear message, log the cause, leave no file in media/, and /readyz fails', async (t) => {
  const disk = await smallDisk(t, '4m')
  if (!disk) return
  const dataDir = path.join(disk, 'data')
  const lines: string[] = []
  const log = pino({ level: 'warn' }, new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done() } }))
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', SITE_URL: 'https://news.example' })
  const store = await openStore(config.database)
  t.after(() => store.close())
  const services = createServices({ store, config, log, clock: fixedClock() })
  const app = await buildApp({ services, config, log })
  t.after(() => app.close())
  await seedTaxonomy(store)
  const editor = await apiUser({ services } as TestApp, 'editor')
  const auth = { authorization: `Bearer ${editor.token}` }
  const png = await pngImage(400, 300)
  // A token's first use records when it was used (a write); the clock stands still, so it is the only one.
  assert.equal((await app.inject({ url: '/api/v1/admin/media', headers: auth })).statusCode, 200)

  // The write-ahead log is emptied first, so the next commit needs new blocks on the disk, as it would on a busy site.
  const side = openSqlite((config.database as { file: string }).file)
  await sql`pragma wal_checkpoint(truncate)`.execute(side)
  await side.destroy()
  await fillUp(disk)

  const upload = await app.inject({
    method: 'POST', url: '/api/v1/admin/media', payload: multipartImage(png), headers: { ...auth, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  })
  assert.equal(upload.statusCode, 507, upload.body)
  assert.match((upload.json() as { error: { message: string } }).error.message, /media storage has no room left/)
  assert.deepEqual(await filesUnder(path.join(dataDir, 'media')), [])

  const article = await app.inject({ method: 'POST', url: '/api/v1/admin/articles', payload: { title: 'Lost for room', section: 'news' }, headers: auth })
  assert.equal(article.statusCode, 507, article.body)
  assert.match((article.json() as { error: { message: string } }).error.message, /database has no room left/)
  const logged = lines.join('')
  assert.match(logged, /database or disk is full/)
  assert.match(logged, /ENOSPC/)
  const ready = await app.inject('/readyz')
  assert.equal(ready.statusCode, 503)
  assert.deepEqual((ready.json() as { checks: unknown }).checks, {
    database: 'the database has no room left to store this; nothing was changed', migrations: 'ok',
    media: 'the media storage has no room left for this file; nothing was saved',
  })

  // Room again: the same requests succeed, nothing left over from the failures.
  await rm(path.join(disk, 'filler'))
  assert.equal((await app.inject({ method: 'POST', url: '/api/v1/admin/articles', payload: { title: 'Room again', section: 'news' }, headers: auth })).statusCode, 201)
  const again = await app.inject({
    method: 'POST', url: '/api/v1/admin/media', payload: multipartImage(png), headers: { ...auth, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  })
  assert.equal(again.statusCode, 201, again.body)
  assert.equal((await filesUnder(path.join(dataDir, 'media'))).length, 1)
})

test('image variants made on a full disk leave no partial file, and the original stays whole', async (t) => {
  const disk = await smallDisk(t, '8m')
  if (!disk) return
  const dataDir = path.join(disk, 'data')
  // The database elsewhere, with room: only media storage is full.
  const dbDir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-db-'))
  t.after(() => rm(dbDir, { recursive: true, force: true }))
  const config = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: `sqlite:${path.join(dbDir, 'site.db')}`, LOG_LEVEL: 'silent', SITE_URL: 'https://news.example' })
  const store = await openStore(config.database)
  t.after(() => store.close())
  const clock = fixedClock()
  const services = createServices({ store, config, log: pino({ level: 'silent' }), clock })
  const media = await services.media.upload({ data: await pngImage(1600, 1200), filename: 'wide.png', alt: 'A wide map' }, SYSTEM)
  const mediaDir = path.join(dataDir, 'media')
  assert.deepEqual(await filesUnder(mediaDir), [path.join(mediaDir, ...media.path.split('/'))])
  await fillUp(disk)
  assert.deepEqual(await makeDueVariants({ store, clock, mediaDir }), { made: 0, failed: 1, files: 0 })
  assert.deepEqual(await filesUnder(mediaDir), [path.join(mediaDir, ...media.path.split('/'))])
  await rm(path.join(disk, 'filler'))
  clock.set(clock.now() + 86_400_000)
  assert.equal((await makeDueVariants({ store, clock, mediaDir })).made, 1)
  assert.ok((await filesUnder(mediaDir)).length > 1)
})

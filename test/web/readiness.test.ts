// GET /readyz on real files: a deleted SQLite file, media storage that cannot be written, pending migrations (src/web/health.ts).

import { test, type TestContext } from 'node:test'
import assert from 'node:assert/strict'
import { mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { loadConfig, type Config } from '../../src/config.ts'
import { createLogger } from '../../src/log.ts'
import { createServices, type Services } from '../../src/services.ts'
import { openStore, type Store } from '../../src/store/store.ts'
import { buildApp } from '../../src/web/app.ts'
import { fixedClock } from '../support/build-test-app.ts'
import { openSqlite } from '../../src/store/sqlite.ts'
import { seedTaxonomy } from '../support/seed.ts'
import { apiUser } from '../support/admin-api.ts'
import type { TestApp } from '../support/build-test-app.ts'

interface FileApp {
  readonly app: Awaited<ReturnType<typeof buildApp>>
  readonly store: Store
  readonly services: Services
  readonly config: Config
}

/** The app on a SQLite file in a temp DATA_DIR, as `broadsheet start` lays it out. */
async function appOnFiles(t: TestContext): Promise<FileApp> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-ready-'))
  t.after(() => rm(dataDir, { recursive: true, force: true }))
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', SITE_URL: 'https://news.example' })
  const store = await openStore(config.database)
  t.after(() => store.close())
  const log = createLogger(config)
  const services = createServices({ store, config, log, clock: fixedClock() })
  const app = await buildApp({ services, config, log })
  t.after(() => app.close())
  await mkdir(path.join(dataDir, 'media'), { recursive: true })
  return { app, store, services, config }
}

/** Waits out the one-second cache of the readiness result. */
const nextProbe = () => new Promise((r) => setTimeout(r, 1_050))

test('/readyz answers 200 with every check ok on a fresh site', async (t) => {
  const { app } = await appOnFiles(t)
  const res = await app.inject('/readyz')
  assert.equal(res.statusCode, 200)
  assert.equal(res.headers['cache-control'], 'no-store')
  assert.deepEqual(res.json(), { status: 'ready', checks: { database: 'ok', migrations: 'ok', media: 'ok' } })
})

test('deleting the SQLite file under the server turns /readyz to 503 naming the database, and a write answers 503, not a lost 200', async (t) => {
  const files = await appOnFiles(t)
  const { app, config } = files
  await seedTaxonomy(files.store)
  const author = await apiUser(files as unknown as TestApp, 'author')
  assert.equal((await app.inject('/readyz')).statusCode, 200)
  const file = (config.database as { file: string }).file
  await unlink(file)
  await nextProbe()
  const res = await app.inject('/readyz')
  assert.equal(res.statusCode, 503)
  assert.ok(res.headers['retry-after'])
  const body = res.json() as { status: string; checks: Record<string, string> }
  assert.equal(body.status, 'unavailable')
  assert.match(body.checks.database!, /deleted or replaced/)
  assert.equal(body.checks.media, 'ok')
  // /healthz stays liveness: the process answers.
  assert.equal((await app.inject('/healthz')).statusCode, 200)
  // A new article is refused, rather than acknowledged into a file that nobody will read again.
  const create = await app.inject({
    method: 'POST', url: '/api/v1/admin/articles', payload: { title: 'Lost words', section: 'news' }, headers: { authorization: `Bearer ${author.token}` },
  })
  assert.equal(create.statusCode, 503, create.body)
  assert.equal(create.headers['retry-after'], '5')
  assert.match((create.json() as { error: { message: string } }).error.message, /database file has been deleted/)
})

test('/readyz answers 503 naming media when DATA_DIR/media is a file, and 200 again once it is a folder', async (t) => {
  const { app, config } = await appOnFiles(t)
  const media = path.join(config.dataDir, 'media')
  await rm(media, { recursive: true })
  await writeFile(media, 'not a folder')
  const res = await app.inject('/readyz')
  assert.equal(res.statusCode, 503)
  const body = res.json() as { checks: Record<string, string> }
  assert.equal(body.checks.database, 'ok')
  assert.match(body.checks.media!, /media storage cannot be written/)
  await rm(media)
  await mkdir(media)
  await nextProbe()
  assert.equal((await app.inject('/readyz')).statusCode, 200)
})

test('/readyz answers 503 naming the migrations the database has not applied', async (t) => {
  const { app, config } = await appOnFiles(t)
  // Another tool's connection to the same file forgets the last migration, as an older schema would look.
  const db = openSqlite((config.database as { file: string }).file)
  await sql`delete from kysely_migration where name = (select max(name) from kysely_migration)`.execute(db)
  await db.destroy()
  const res = await app.inject('/readyz')
  assert.equal(res.statusCode, 503)
  assert.match((res.json() as { checks: { migrations: string } }).checks.migrations, /^not applied: \d{4}-/)
})

test('probes within a second share one check', async (t) => {
  const { app, store } = await appOnFiles(t)
  let beats = 0
  const heartbeat = store.heartbeat
  Object.assign(store, { heartbeat: async (now: number) => { beats++; return heartbeat(now) } })
  const statuses = await Promise.all(Array.from({ length: 20 }, () => app.inject('/readyz').then((r) => r.statusCode)))
  assert.deepEqual(new Set(statuses), new Set([200]))
  assert.equal(beats, 1)
})

// `broadsheet preview rotate-secret` against a running app's database: old preview links stop working at once, new ones work.

import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { loadConfig } from '../../src/config.ts'
import { createLogger } from '../../src/log.ts'
import { createServices } from '../../src/services.ts'
import { openStore } from '../../src/store/store.ts'
import { buildApp } from '../../src/web/app.ts'
import { fixedClock, TEST_SHEDDING } from '../support/build-test-app.ts'
import { forEachEngine, scratchDatabase } from '../support/databases.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'
import { MAIN_SCRIPT } from '../support/processes.ts'


forEachEngine('`preview rotate-secret` ends every earlier preview link on the running app; links made afterwards work', async (t, engine) => {
  const db = await scratchDatabase(engine)
  const databaseUrl = db.config.engine === 'sqlite' ? `sqlite:${db.config.file}` : db.config.url
  const config = loadConfig({ LOG_LEVEL: 'silent', SITE_URL: 'https://news.example', DATABASE_URL: databaseUrl, ...TEST_SHEDDING })
  const store = await openStore(config.database, { poolSize: 2 })
  const log = createLogger(config)
  const services = createServices({ store, config, log, clock: fixedClock() })
  const app = await buildApp({ services, config, log })
  t.after(async () => {
    await app.close()
    await store.close()
    await db.drop()
  })
  await seedTaxonomy(store)
  const id = await seedArticle(store, { title: 'Embargoed draft', draft: true })
  const before = (await services.editing.previewUrl(id)).url
  assert.equal((await app.inject(before)).statusCode, 200)

  const res = spawnSync(process.execPath, [MAIN_SCRIPT, 'preview', 'rotate-secret'], {
    encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', BROADSHEET_DEMO: '0', DATABASE_URL: databaseUrl },
  })
  assert.equal(res.status, 0, res.stderr)
  assert.match(res.stdout, /preview secret rotated/)

  const old = await app.inject(before)
  assert.equal(old.statusCode, 404, 'the old link is refused by the app that was already running')
  assert.doesNotMatch(old.body, /Embargoed draft/)
  assert.equal((await app.inject((await services.editing.previewUrl(id)).url)).statusCode, 200)
  const [entry] = await store.audit.list({ limit: 1, action: 'preview.rotate-secret' })
  assert.equal(entry?.userId, null)
  assert.equal(spawnSync(process.execPath, [MAIN_SCRIPT, 'preview', 'rotate-secret', '--now'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } }).status, 2)
})

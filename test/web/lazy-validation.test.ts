import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import Fastify from 'fastify'
import { loadConfig } from '../../src/config.ts'
import { createLogger } from '../../src/log.ts'
import { createServices } from '../../src/services.ts'
import { buildApp } from '../../src/web/app.ts'
import { lazyValidators } from '../../src/web/lazy-validation.ts'
import { fixedClock, TEST_SHEDDING } from '../support/build-test-app.ts'
import { scratchStore } from '../support/databases.ts'

/** A bare app with one route whose querystring Fastify coerces, defaults and limits. */
async function tinyApp(schema: object) {
  const validators = lazyValidators()
  const app = Fastify({ schemaController: { compilersFactory: { buildValidator: validators.buildValidator } } })
  app.get('/', { schema: { querystring: schema } }, async (req) => req.query)
  await app.ready()
  return { app, validators }
}

const PAGE = { type: 'object', properties: { page: { type: 'integer', minimum: 1, default: 1 } }, additionalProperties: false }

test('a route validates as with Fastify\'s own compiler: coercion, defaults, and a 400 with Ajv\'s message', async (t) => {
  const { app } = await tinyApp(PAGE)
  t.after(() => app.close())
  assert.deepEqual((await app.inject('/?page=3')).json(), { page: 3 })
  assert.deepEqual((await app.inject('/')).json(), { page: 1 })
  const bad = await app.inject('/?page=0')
  assert.equal(bad.statusCode, 400)
  assert.match(bad.json().message, /querystring\/page must be >= 1/)
  // The errors of one call are not left over for the next.
  assert.equal((await app.inject('/?page=2')).statusCode, 200)
})

test('nothing is compiled at start; compileAll compiles what no request has reached, and reports a bad schema', async (t) => {
  const { app, validators } = await tinyApp({ type: 'object', properties: { page: { type: 'no-such-type' } } })
  t.after(() => app.close())
  // The app got ready with a schema Ajv refuses: it was not compiled.
  assert.throws(() => validators.compileAll(), /no-such-type|schema is invalid/)
})

test('every schema of the whole app compiles', async (t) => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-lazy-'))
  t.after(() => rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }))
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...TEST_SHEDDING })
  const store = await scratchStore(t, 'sqlite')
  const log = createLogger(config)
  const validators = lazyValidators()
  const app = await buildApp({ services: createServices({ store, config, log, clock: fixedClock() }), config, log, validators })
  t.after(() => app.close())
  await app.ready()
  assert.ok(validators.compileAll() > 100)
})

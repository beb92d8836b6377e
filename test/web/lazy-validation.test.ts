import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import Fastify from 'fastify'
import { loadConfig } from '../../src/config.ts'
import { createLogger } from '../../src/log.ts'
import { createServices } from '../../src/services.ts'
import { buildApp } from '../../src/web/app.ts'
import { lazyValidators } from '../../src/web/lazy-validation.ts'
import { fixedClock, TEST_SHEDDING } from '../support/build-test-app.ts'
import { scratchStore } from '../support/databases.ts'
import { lazyAreasOf } from '../../src/web/lazy-area.ts'

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
  // The desk and the Admin API too, which the app builds after its start (src/web/lazy-area.ts).
  await lazyAreasOf(app)
  assert.ok(validators.compileAll() > 100)
})

test('Ajv and the response serializer compiler load with the first compile, not while the app gets ready', async () => {
  // In a process of its own, so that nothing else has loaded them before.
  const script = `
    import { createRequire } from 'node:module'
    const { default: Fastify } = await import('fastify')
    const { lazyValidators } = await import(${JSON.stringify(pathToFileURL(path.resolve(import.meta.dirname, '../../src/web/lazy-validation.ts')).href)})
    // Fastify's own error serializer needs fast-json-stringify's small runtime (lib/serializer.js), not its compiler.
    const loaded = () => ['/node_modules/ajv/', '/node_modules/fast-json-stringify/index.js'].filter((dir) => Object.keys(createRequire(import.meta.url).cache).some((f) => f.includes(dir)))
    const build = () => {
      const validators = lazyValidators()
      return Fastify({ schemaController: { compilersFactory: { buildValidator: validators.buildValidator, buildSerializer: validators.buildSerializer } } })
    }
    const app = build()
    app.get('/', { schema: { querystring: ${JSON.stringify(PAGE)} } }, async (req) => req.query)
    await app.ready()
    const atReady = loaded()
    const page = (await app.inject('/?page=2')).json()
    // No route here declares a response schema; one that did would be compiled, with Fastify's own compiler, at ready.
    const other = build()
    other.get('/typed', { schema: { response: { 200: { type: 'object', properties: { n: { type: 'integer' } } } } } }, async () => ({ n: 1, hidden: true }))
    const typed = (await other.inject('/typed')).json()
    console.log(JSON.stringify({ atReady, page, typed, after: loaded() }))
    await app.close()
    await other.close()`
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script])
  const out = JSON.parse(stdout) as { atReady: string[]; page: unknown; typed: unknown; after: string[] }
  assert.deepEqual(out.atReady, [])
  assert.deepEqual(out.page, { page: 2 })
  assert.deepEqual(out.typed, { n: 1 })
  assert.deepEqual(out.after, ['/node_modules/ajv/', '/node_modules/fast-json-stringify/index.js'])
})

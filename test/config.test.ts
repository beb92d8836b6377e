// Configuration from the environment: defaults, each invalid variable, engine choice (src/config.ts).

import { test } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { ConfigError, loadConfig } from '../src/config.ts'

/** Asserts that loading `env` throws a ConfigError naming `variable` in its field and its message. */
function assertRejects(env: NodeJS.ProcessEnv, variable: string): void {
  assert.throws(() => loadConfig(env), (err: unknown) => {
    assert.ok(err instanceof ConfigError, `expected a ConfigError, got ${String(err)}`)
    assert.equal(err.variable, variable)
    assert.match(err.message, new RegExp(`^${variable} `))
    return true
  })
}

test('an empty environment gives the documented defaults', () => {
  const c = loadConfig({})
  assert.equal(c.port, 3000)
  assert.equal(c.host, '127.0.0.1')
  assert.equal(c.dataDir, path.resolve('./data'))
  assert.deepEqual(c.database, { engine: 'sqlite', file: path.join(path.resolve('./data'), 'broadsheet.db') })
  assert.equal(c.siteUrl.href, 'http://localhost:3000/')
  assert.equal(c.timeZone, 'UTC')
  assert.equal(c.logLevel, 'info')
  assert.equal(c.trustProxy, false)
  assert.equal(c.demo, true)
  assert.ok(Object.isFrozen(c))
})

test('valid values are read and normalised', () => {
  const c = loadConfig({
    PORT: '8080', HOST: '0.0.0.0', DATA_DIR: '/tmp/bs-data', SITE_URL: 'https://news.example/edition/', SITE_TIMEZONE: 'Asia/Almaty',
    LOG_LEVEL: 'WARN', TRUST_PROXY: 'yes', BROADSHEET_DEMO: '0',
  })
  assert.equal(c.port, 8080)
  assert.equal(c.host, '0.0.0.0')
  assert.equal(c.dataDir, '/tmp/bs-data')
  assert.deepEqual(c.database, { engine: 'sqlite', file: '/tmp/bs-data/broadsheet.db' })
  assert.equal(c.siteUrl.pathname, '/edition')
  assert.equal(c.timeZone, 'Asia/Almaty')
  assert.equal(c.logLevel, 'warn')
  assert.equal(c.trustProxy, true)
  assert.equal(c.demo, false)
})

test('PORT 0 is allowed (the OS picks a port) and the default site URL then uses 3000', () => {
  const c = loadConfig({ PORT: '0' })
  assert.equal(c.port, 0)
  assert.equal(c.siteUrl.href, 'http://localhost:3000/')
})

test('the default SITE_URL follows PORT', () => {
  assert.equal(loadConfig({ PORT: '8081' }).siteUrl.href, 'http://localhost:8081/')
})

test('a postgres:// or postgresql:// DATABASE_URL selects the postgres engine', () => {
  assert.deepEqual(loadConfig({ DATABASE_URL: 'postgres://u:p@db.internal:5432/news' }).database, { engine: 'postgres', url: 'postgres://u:p@db.internal:5432/news' })
  assert.equal(loadConfig({ DATABASE_URL: 'postgresql://db/news' }).database.engine, 'postgres')
})

test('a sqlite: DATABASE_URL names the database file', () => {
  assert.deepEqual(loadConfig({ DATABASE_URL: 'sqlite:/tmp/x/site.db' }).database, { engine: 'sqlite', file: '/tmp/x/site.db' })
})

test('PORT that is not a number throws a ConfigError naming PORT', () => assertRejects({ PORT: 'abc' }, 'PORT'))
test('PORT above 65535 throws a ConfigError naming PORT', () => assertRejects({ PORT: '70000' }, 'PORT'))
test('PORT that is negative, fractional or padded throws a ConfigError naming PORT', () => {
  for (const PORT of ['-1', '80.5', ' 80', '', '1e3']) assertRejects({ PORT }, 'PORT')
})
test('a mysql:// DATABASE_URL throws a ConfigError naming DATABASE_URL', () => assertRejects({ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'))
test('a malformed postgres URL throws a ConfigError naming DATABASE_URL', () => assertRejects({ DATABASE_URL: 'postgres://[bad' }, 'DATABASE_URL'))
test('SITE_URL that is not an absolute URL throws a ConfigError naming SITE_URL', () => assertRejects({ SITE_URL: 'notaurl' }, 'SITE_URL'))
test('an ftp:// SITE_URL throws a ConfigError naming SITE_URL', () => assertRejects({ SITE_URL: 'ftp://x' }, 'SITE_URL'))
test('a SITE_URL with a query or fragment throws a ConfigError naming SITE_URL', () => {
  assertRejects({ SITE_URL: 'https://x.example/?a=1' }, 'SITE_URL')
  assertRejects({ SITE_URL: 'https://x.example/#top' }, 'SITE_URL')
})
test('an unknown SITE_TIMEZONE throws a ConfigError naming SITE_TIMEZONE', () => assertRejects({ SITE_TIMEZONE: 'Mars/Base' }, 'SITE_TIMEZONE'))
test('an unknown LOG_LEVEL throws a ConfigError naming LOG_LEVEL', () => assertRejects({ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'))
test('TRUST_PROXY that is not a boolean throws a ConfigError naming TRUST_PROXY', () => assertRejects({ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY'))
test('BROADSHEET_DEMO that is not a boolean throws a ConfigError naming BROADSHEET_DEMO', () => assertRejects({ BROADSHEET_DEMO: 'perhaps' }, 'BROADSHEET_DEMO'))
test('HOST or DATA_DIR set but blank throws a ConfigError naming it', () => {
  assertRejects({ HOST: '  ' }, 'HOST')
  assertRejects({ DATA_DIR: '' }, 'DATA_DIR')
})

test('booleans accept 1/0, true/false, yes/no, on/off in any case', () => {
  for (const v of ['1', 'true', 'YES', 'On']) assert.equal(loadConfig({ TRUST_PROXY: v }).trustProxy, true, v)
  for (const v of ['0', 'false', 'No', 'OFF']) assert.equal(loadConfig({ BROADSHEET_DEMO: v }).demo, false, v)
})

test('the first bad variable is the one named, and the message is readable', () => {
  assert.throws(() => loadConfig({ PORT: 'x', LOG_LEVEL: 'loud' }), { name: 'ConfigError', message: /^PORT must be a whole number/ })
})

test('PAGE_CACHE_MB defaults to 64 MiB, takes whole megabytes, and 0 turns the page cache off', () => {
  assert.equal(loadConfig({}).pageCacheBytes, 64 * 1024 * 1024)
  assert.equal(loadConfig({ PAGE_CACHE_MB: '256' }).pageCacheBytes, 256 * 1024 * 1024)
  assert.equal(loadConfig({ PAGE_CACHE_MB: '0' }).pageCacheBytes, 0)
  for (const bad of ['abc', '-1', '1.5', '1e3', '70000', ' ']) assertRejects({ PAGE_CACHE_MB: bad }, 'PAGE_CACHE_MB')
})

test('REQUEST_TIMEOUT_S defaults to 60 s, takes whole seconds up to an hour, and 0 turns it off', () => {
  assert.equal(loadConfig({}).requestTimeoutMs, 60_000)
  assert.equal(loadConfig({ REQUEST_TIMEOUT_S: '30' }).requestTimeoutMs, 30_000)
  assert.equal(loadConfig({ REQUEST_TIMEOUT_S: '0' }).requestTimeoutMs, 0)
  for (const bad of ['abc', '-1', '1.5', '1e3', '3601', ' ']) assertRejects({ REQUEST_TIMEOUT_S: bad }, 'REQUEST_TIMEOUT_S')
})

test('the demo is on by default for SQLite and off for PostgreSQL, where BROADSHEET_DEMO turns it on', () => {
  assert.equal(loadConfig({ DATABASE_URL: 'sqlite:/tmp/site.db' }).demo, true)
  assert.equal(loadConfig({ DATABASE_URL: 'postgres://db.internal/news' }).demo, false)
  assert.equal(loadConfig({ DATABASE_URL: 'postgres://db.internal/news', BROADSHEET_DEMO: '1' }).demo, true)
})

test('mail is off without SMTP_URL and MAIL_FROM, on with both; either alone, a bad scheme or a bad sender is refused', () => {
  assert.equal(loadConfig({}).mail, null)
  assert.deepEqual(loadConfig({ SMTP_URL: 'smtp://user:secret@mail.example:587', MAIL_FROM: 'Newsroom <desk@news.example>' }).mail,
    { url: 'smtp://user:secret@mail.example:587', from: 'Newsroom <desk@news.example>', newsletterRate: 20 })
  assert.equal(loadConfig({ SMTP_URL: 'smtp://mail.example', MAIL_FROM: 'desk@news.example', NEWSLETTER_RATE: '500' }).mail?.newsletterRate, 500)
  for (const rate of ['0', '-5', '2.5', 'fast', '100001']) assertRejects({ SMTP_URL: 'smtp://mail.example', MAIL_FROM: 'desk@news.example', NEWSLETTER_RATE: rate }, 'NEWSLETTER_RATE')
  assert.equal(loadConfig({ SMTP_URL: 'smtps://mail.example', MAIL_FROM: 'desk@news.example' }).mail?.from, 'desk@news.example')
  assert.equal(loadConfig({ SMTP_URL: 'smtps://mail.example', MAIL_FROM: '"The Ledger, Desk" <desk@news.example>' }).mail?.from, '"The Ledger, Desk" <desk@news.example>')
  assertRejects({ SMTP_URL: 'smtp://mail.example' }, 'MAIL_FROM')
  assertRejects({ MAIL_FROM: 'desk@news.example' }, 'SMTP_URL')
  for (const url of ['http://mail.example', 'mail.example:25', 'smtp://', 'smtp://:25']) assertRejects({ SMTP_URL: url, MAIL_FROM: 'desk@news.example' }, 'SMTP_URL')
  for (const from of ['desk', 'Desk <desk>', 'a\nBcc: x@y.z <desk@news.example>', 'desk@news.example\r\nBcc: x@y.z', 'Desk <desk@news.example> <x@y.z>']) {
    assertRejects({ SMTP_URL: 'smtp://mail.example', MAIL_FROM: from }, 'MAIL_FROM')
  }
  // A URL that does not parse may still hold a password: the message never repeats it.
  assert.throws(() => loadConfig({ SMTP_URL: 'smtp://user:hunter2@[bad', MAIL_FROM: 'desk@news.example' }), (err: Error) => !err.message.includes('hunter2'))
})

test('MEDIA_STORE is DATA_DIR/media by default, a folder, or s3://bucket/prefix with the AWS variables', () => {
  assert.deepEqual(loadConfig({ DATA_DIR: '/srv/site' }).media, { storage: { kind: 'fs', dir: '/srv/site/media' }, publicUrl: null })
  assert.deepEqual(loadConfig({ MEDIA_STORE: '/mnt/shared/media' }).media.storage, { kind: 'fs', dir: '/mnt/shared/media' })
  const s3 = loadConfig({
    MEDIA_STORE: 's3://news-media/site/', AWS_ENDPOINT_URL: 'https://r2.example', AWS_REGION: 'auto',
    AWS_ACCESS_KEY_ID: 'key', AWS_SECRET_ACCESS_KEY: 'secret', MEDIA_PUBLIC_URL: 'https://media.news.example/site/',
  }).media
  assert.deepEqual(s3, {
    storage: { kind: 's3', bucket: 'news-media', prefix: 'site', s3: { endpoint: 'https://r2.example', region: 'auto', credentials: { accessKeyId: 'key', secretAccessKey: 'secret' } } },
    publicUrl: 'https://media.news.example/site',
  })
  // No keys: the SDK's own chain (an instance role); AWS_DEFAULT_REGION stands in for AWS_REGION; no prefix is allowed.
  assert.deepEqual(loadConfig({ MEDIA_STORE: 's3://news-media', AWS_DEFAULT_REGION: 'eu-west-1' }).media.storage,
    { kind: 's3', bucket: 'news-media', prefix: '', s3: { endpoint: null, region: 'eu-west-1', credentials: null } })
})

test('a bad MEDIA_STORE, AWS variable or MEDIA_PUBLIC_URL is refused, naming the variable', () => {
  const region = { AWS_REGION: 'us-east-1' }
  assertRejects({ MEDIA_STORE: 'ftp://host/media' }, 'MEDIA_STORE')
  assertRejects({ MEDIA_STORE: 's3://Bad_Bucket/x', ...region }, 'MEDIA_STORE')
  assertRejects({ MEDIA_STORE: 's3://news-media/../x', ...region }, 'MEDIA_STORE')
  assertRejects({ MEDIA_STORE: '' }, 'MEDIA_STORE')
  assertRejects({ MEDIA_STORE: 's3://news-media/x' }, 'AWS_REGION')
  assertRejects({ MEDIA_STORE: 's3://news-media/x', AWS_REGION: 'Europe West' }, 'AWS_REGION')
  assertRejects({ MEDIA_STORE: 's3://news-media/x', ...region, AWS_ENDPOINT_URL: 'minio:9000' }, 'AWS_ENDPOINT_URL')
  assertRejects({ MEDIA_STORE: 's3://news-media/x', ...region, AWS_ACCESS_KEY_ID: 'key' }, 'AWS_SECRET_ACCESS_KEY')
  assertRejects({ MEDIA_STORE: 's3://news-media/x', ...region, AWS_SECRET_ACCESS_KEY: 'secret' }, 'AWS_ACCESS_KEY_ID')
  assertRejects({ MEDIA_PUBLIC_URL: '/media' }, 'MEDIA_PUBLIC_URL')
  assertRejects({ MEDIA_PUBLIC_URL: 'https://cdn.example/?v=1' }, 'MEDIA_PUBLIC_URL')
  // AWS variables alone (set for other tools) do not matter while media stay in a folder.
  assert.equal(loadConfig({ AWS_REGION: 'Europe West' }).media.storage.kind, 'fs')
})

test('operations settings: METRICS_TOKEN, SHUTDOWN_TIMEOUT_MS and DATABASE_POOL_SIZE have defaults and are checked', () => {
  const defaults = loadConfig({})
  assert.equal(defaults.metricsToken, null)
  assert.equal(defaults.shutdownTimeoutMs, 10_000)
  const c = loadConfig({ METRICS_TOKEN: 'a'.repeat(24), SHUTDOWN_TIMEOUT_MS: '30000', DATABASE_URL: 'postgres://db/news', DATABASE_POOL_SIZE: '25' })
  assert.equal(c.metricsToken, 'a'.repeat(24))
  assert.equal(c.shutdownTimeoutMs, 30_000)
  assert.deepEqual(c.database, { engine: 'postgres', url: 'postgres://db/news', poolSize: 25 })
  assert.deepEqual(loadConfig({ DATABASE_URL: 'postgres://db/news' }).database, { engine: 'postgres', url: 'postgres://db/news' })
  for (const bad of ['short', 'has a space in it here']) assertRejects({ METRICS_TOKEN: bad }, 'METRICS_TOKEN')
  for (const bad of ['0', '99', 'soon', '-1', '600001']) assertRejects({ SHUTDOWN_TIMEOUT_MS: bad }, 'SHUTDOWN_TIMEOUT_MS')
  for (const bad of ['0', '1001', 'ten']) assertRejects({ DATABASE_URL: 'postgres://db/news', DATABASE_POOL_SIZE: bad }, 'DATABASE_POOL_SIZE')
})

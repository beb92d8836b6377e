// Scratch databases copied from the migrated template match a migrated empty database and stay apart (templates.ts).

import assert from 'node:assert/strict'
import { mkdtemp, rm, stat, utimes, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { test, type TestContext } from 'node:test'
import SQLite from 'better-sqlite3'
import pg from 'pg'
import type { DatabaseConfig } from '../../src/config.ts'
import { migrations } from '../../src/store/migrate.ts'
import { sqliteDialect } from '../../src/store/dialect.ts'
import { openStore } from '../../src/store/store.ts'
import { forEachEngine, POSTGRES_ADMIN_URL, postgresUnavailable, scratchDatabase, scratchStore } from './databases.ts'
import { buildPostgresTemplate, createDatabaseFrom, dropStalePostgresTemplates, dropStaleSqliteTemplates, migrationsHash } from './templates.ts'

const DAY = 86_400_000

/** Everything a migration leaves behind: schema objects and rows, minus the times migrations ran. */
async function fingerprint(config: DatabaseConfig): Promise<unknown[]> {
  if (config.engine === 'sqlite') {
    const db = new SQLite(config.file, { readonly: true })
    try {
      const objects = db.prepare('select type, name, tbl_name, sql from sqlite_master order by type, name').all() as { type: string; name: string }[]
      const rows = objects.filter((o) => o.type === 'table').map((o) => [o.name, db.prepare(`select * from "${o.name}"`).all()])
      return [objects, stripTimestamps(rows)]
    } finally {
      db.close()
    }
  }
  const c = new pg.Client({ connectionString: config.url })
  await c.connect()
  try {
    const q = async (text: string) => (await c.query(text)).rows
    const tables = await q(`select table_name from information_schema.tables where table_schema = 'public' order by 1`)
    const rows = []
    for (const { table_name: name } of tables) rows.push([name, await q(`select * from "${name}" order by 1`)])
    return [
      await q(`select table_name, column_name, data_type, column_default, is_nullable from information_schema.columns
                where table_schema = 'public' order by 1, 2`),
      await q(`select tablename, indexname, indexdef from pg_indexes where schemaname = 'public' order by 1, 2`),
      await q(`select conrelid::regclass::text as rel, conname, pg_get_constraintdef(oid) as def from pg_constraint
                where connamespace = 'public'::regnamespace order by 1, 2`),
      await q(`select tgrelid::regclass::text as rel, tgname from pg_trigger where not tgisinternal order by 1, 2`),
      await q(`select proname, pg_get_functiondef(oid) as def from pg_proc where pronamespace = 'public'::regnamespace order by 1`),
      await q('select extname from pg_extension order by 1'),
      await q(`select sequencename, start_value, last_value from pg_sequences where schemaname = 'public' order by 1`),
      stripTimestamps(rows),
    ]
  } finally {
    await c.end()
  }
}

const stripTimestamps = (rows: unknown[]): unknown => JSON.parse(JSON.stringify(rows, (k, v: unknown) => (k === 'timestamp' ? undefined : v)))

forEachEngine('a migrated scratch database holds what migrating an empty one does, and opening it applies nothing', async (t, engine) => {
  const empty = await scratchDatabase(engine)
  const copy = await scratchDatabase(engine, { migrated: true })
  t.after(async () => {
    await empty.drop()
    await copy.drop()
  })
  const migrated = await openStore(empty.config, { poolSize: 1 })
  assert.deepEqual(migrated.applied, Object.keys(migrations(sqliteDialect)))
  await migrated.close()
  const opened = await openStore(copy.config, { poolSize: 1 })
  assert.deepEqual(opened.applied, [])
  await opened.close()
  assert.deepEqual(await fingerprint(copy.config), await fingerprint(empty.config))
})

forEachEngine('scratch stores are copies of their own: a write in one is not seen in another', async (t, engine) => {
  const [a, b] = await Promise.all([scratchStore(t, engine), scratchStore(t, engine)])
  assert.deepEqual(a.applied, [])
  await a.site.setSetting('only-in-a', true)
  assert.deepEqual(await a.site.settings(), { 'only-in-a': true })
  assert.deepEqual(await b.site.settings(), {})
  const c = await scratchStore(t, engine)
  assert.deepEqual(await c.site.settings(), {}, 'a later copy starts from the template, not from a used database')
})

test('the template hash covers every module migrate.ts reaches by relative import, and nothing else', async (t) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-hash-'))
  t.after(() => rm(dir, { recursive: true, force: true }))
  const write = (name: string, text: string) => writeFile(path.join(dir, name), text)
  await write('migrate.ts', "import { a } from './a.ts'\nimport type { T } from './types.ts'\nexport const m = a\n")
  await write('a.ts', "export { b } from './nested/b.ts'\nexport const a = 1\n")
  await write('types.ts', 'export type T = number\n')
  await import('node:fs/promises').then((fs) => fs.mkdir(path.join(dir, 'nested')))
  await write('nested/b.ts', "export const b = () => import('../c.ts')\n")
  await write('c.ts', 'export const c = 1\n')
  await write('unrelated.ts', 'export const u = 1\n')
  const entry = path.join(dir, 'migrate.ts')
  const first = await migrationsHash(entry)
  assert.match(first, /^[0-9a-f]{16}$/)
  assert.equal(await migrationsHash(entry), first, 'stable')
  await write('unrelated.ts', 'export const u = 2\n')
  assert.equal(await migrationsHash(entry), first, 'a module migrations do not reach changes nothing')
  for (const [file, text] of [['c.ts', 'export const c = 2\n'], ['types.ts', 'export type T = string\n'], ['nested/b.ts', "export const b = () => import('../c.ts') // edited\n"]] as const) {
    const before = await migrationsHash(entry)
    await write(file, text)
    assert.notEqual(await migrationsHash(entry), before, `${file} is covered`)
  }
})

test('SQLite template files unused for a day are removed; the current one and recent ones stay', async (t) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-stale-'))
  t.after(() => rm(dir, { recursive: true, force: true }))
  const file = (name: string) => path.join(dir, name)
  for (const name of ['broadsheet-template-keep.db', 'broadsheet-template-old.db', 'broadsheet-template-recent.db', 'broadsheet-template-x.db.42.build', 'other.db']) {
    await writeFile(file(name), '')
  }
  const old = new Date(Date.now() - 2 * DAY)
  for (const name of ['broadsheet-template-keep.db', 'broadsheet-template-old.db', 'broadsheet-template-x.db.42.build', 'other.db']) await utimes(file(name), old, old)
  await dropStaleSqliteTemplates(file('broadsheet-template-keep.db'))
  const exists = async (name: string) => stat(file(name)).then(() => true, () => false)
  assert.deepEqual(
    await Promise.all(['broadsheet-template-keep.db', 'broadsheet-template-old.db', 'broadsheet-template-recent.db', 'broadsheet-template-x.db.42.build', 'other.db'].map(exists)),
    [true, false, true, false, true],
  )
})

/** Runs `fn` with an admin connection, or skips the test when PostgreSQL does not answer. */
async function withAdmin(t: TestContext, fn: (c: pg.Client) => Promise<void>): Promise<void> {
  const reason = await postgresUnavailable()
  if (reason) return void t.skip(reason)
  const c = new pg.Client({ connectionString: POSTGRES_ADMIN_URL })
  await c.connect()
  try {
    await fn(c)
  } finally {
    await c.end()
  }
}

const exists = async (c: pg.Client, name: string) => (await c.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1
const unique = (prefix: string) => `${prefix}${randomBytes(5).toString('hex')}`

/** Drops databases (templates too) when the test ends. */
const dropAfter = (t: TestContext, names: string[]) => t.after(async () => {
  const c = new pg.Client({ connectionString: POSTGRES_ADMIN_URL })
  await c.connect()
  try {
    for (const name of names) {
      await c.query(`alter database ${name} with is_template false`).catch(() => {})
      await c.query(`drop database if exists ${name} with (force)`)
    }
  } finally {
    await c.end()
  }
})

test('two processes building the same PostgreSQL template at once make it once, closed to connections', async (t) => {
  await withAdmin(t, async (c) => {
    const name = unique('broadsheet_tpl_test_')
    const clone = unique('broadsheet_test_clone_')
    dropAfter(t, [clone, name])
    await Promise.all([buildPostgresTemplate(POSTGRES_ADMIN_URL, name), buildPostgresTemplate(POSTGRES_ADMIN_URL, name)])
    const { rows } = await c.query('select datistemplate, datallowconn from pg_database where datname = $1', [name])
    assert.deepEqual(rows, [{ datistemplate: true, datallowconn: false }])
    assert.equal(await exists(c, `${name}_build`), false)
    await createDatabaseFrom(POSTGRES_ADMIN_URL, clone, name)
    const url = new URL(POSTGRES_ADMIN_URL)
    url.pathname = `/${clone}`
    const store = await openStore({ engine: 'postgres', url: url.href }, { poolSize: 1 })
    assert.deepEqual(store.applied, [])
    await store.close()
  })
})

test('cloning tries again when a session stays connected to the source past the five seconds PostgreSQL waits', async (t) => {
  await withAdmin(t, async (c) => {
    const source = unique('broadsheet_test_source_')
    const clone = unique('broadsheet_test_clone_')
    dropAfter(t, [clone, source])
    await c.query(`create database ${source}`)
    const url = new URL(POSTGRES_ADMIN_URL)
    url.pathname = `/${source}`
    const session = new pg.Client({ connectionString: url.href })
    await session.connect()
    const leaving = new Promise((r) => setTimeout(r, 5_500)).then(() => session.end())
    await createDatabaseFrom(POSTGRES_ADMIN_URL, clone, source)
    await leaving
    assert.equal(await exists(c, clone), true)
  })
})

test('PostgreSQL templates unused for a day are dropped when a new one is built; recent ones stay', async (t) => {
  await withAdmin(t, async (c) => {
    const [old, recent, keep] = ['old_', 'recent_', 'keep_'].map((p) => unique(`broadsheet_tpl_test_${p}`)) as [string, string, string]
    dropAfter(t, [old, recent, keep])
    for (const [name, at] of [[old, Date.now() - 2 * DAY], [recent, Date.now() - DAY / 2], [keep, Date.now() - 2 * DAY]] as const) {
      await c.query(`create database ${name} with is_template true`)
      await c.query(`comment on database ${name} is '${new Date(at).toISOString()}'`)
    }
    await dropStalePostgresTemplates(c, keep)
    assert.deepEqual([await exists(c, old), await exists(c, recent), await exists(c, keep)], [false, true, true])
  })
})

// Migrated template databases that scratch databases are cloned from, shared by every test process of a checkout.

import { createHash } from 'node:crypto'
import { copyFile, readdir, readFile, rename, rm, stat, utimes } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { openStore } from '../../src/store/store.ts'
import { moduleSpecifiers } from './imports.ts'

const MIGRATE = fileURLToPath(new URL('../../src/store/migrate.ts', import.meta.url))
/** Templates not used for this long are dropped when a new one is built (another checkout may still want its own). */
const STALE_MS = 24 * 3_600_000
const PREFIX = 'broadsheet_tpl_'

/**
 * A hash of the source of src/store/migrate.ts and every module it reaches by relative import: the migrations and
 * whatever code they run. Any edit there makes a new template, so a template never lags behind the migrations.
 */
export async function migrationsHash(entry = MIGRATE): Promise<string> {
  const seen = new Map<string, string>()
  const visit = async (file: string): Promise<void> => {
    if (seen.has(file)) return
    // An import-like text inside a string literal may name no real file: there is nothing to hash then.
    const source = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return ''
      throw err
    })
    seen.set(file, source)
    // Type imports count too: a change of types alone costs a rebuild, never a stale template.
    for (const spec of moduleSpecifiers(source)) if (spec.startsWith('.')) await visit(path.resolve(path.dirname(file), spec))
  }
  await visit(entry)
  const hash = createHash('sha256')
  const root = path.dirname(entry)
  for (const file of [...seen.keys()].sort()) hash.update(`${path.relative(root, file)}\0${seen.get(file)}\0`)
  return hash.digest('hex').slice(0, 16)
}

let hashOnce: Promise<string> | undefined
const templateHash = (): Promise<string> => (hashOnce ??= migrationsHash())

/** A sleep for retries. */
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    return await fn(c)
  } finally {
    await c.end()
  }
}

/** Waits until nobody is connected to `name` (pg's Pool.end() resolves before its sockets have closed). */
export async function waitForNoConnections(c: pg.Client, name: string): Promise<void> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const { rows } = await c.query<{ n: string }>('select count(*) as n from pg_stat_activity where datname = $1', [name])
    if (Number(rows[0]!.n) === 0) return
    await pause(50)
  }
}

// One key for every template build on the server: builds are rare, so serialising all of them costs nothing.
const BUILD_LOCK = 0x62736870 // 'bshp'

/**
 * Builds the template under a temporary name and renames it into place once migrated, all under an advisory lock: a
 * concurrent process waits and then finds it, and a build that died half-way never leaves a half-migrated template.
 */
export async function buildPostgresTemplate(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, async (c) => {
    await c.query('select pg_advisory_lock($1)', [BUILD_LOCK])
    try {
      const { rowCount } = await c.query('select 1 from pg_database where datname = $1', [name])
      if (rowCount) return
      const building = `${name}_build`
      await c.query(`drop database if exists ${building} with (force)`)
      await c.query(`create database ${building}`)
      const url = new URL(adminUrl)
      url.pathname = `/${building}`
      const store = await openStore({ engine: 'postgres', url: url.href }, { poolSize: 1 })
      await store.close()
      await waitForNoConnections(c, building)
      // No session may connect to a template (CREATE DATABASE … TEMPLATE refuses while one is connected, and
      // autovacuum leaves such a database alone); the name appears only with the flags set.
      await c.query('begin')
      await c.query(`comment on database ${building} is '${new Date().toISOString()}'`)
      await c.query(`alter database ${building} rename to ${name}`)
      await c.query(`alter database ${name} with is_template true allow_connections false`)
      await c.query('commit')
      await dropStalePostgresTemplates(c, name)
    } finally {
      await c.query('select pg_advisory_unlock($1)', [BUILD_LOCK])
    }
  })
}

/**
 * Drops other templates of this kind that no test process has begun to use for a day (the comment holds the time);
 * a process that still wanted one builds it again.
 */
export async function dropStalePostgresTemplates(c: pg.Client, keep: string): Promise<void> {
  const { rows } = await c.query<{ datname: string; used: string | null }>(
    `select d.datname, shobj_description(d.oid, 'pg_database') as used from pg_database d
      where d.datistemplate and starts_with(d.datname, $1) and d.datname <> $2`, [PREFIX, keep])
  for (const { datname, used } of rows) {
    if (Date.now() - Date.parse(used ?? '') < STALE_MS) continue
    await c.query(`alter database ${datname} with is_template false`).then(() => c.query(`drop database ${datname}`)).catch(() => {})
  }
}

let postgresTemplate: Promise<string> | undefined

/** The name of the migrated PostgreSQL template for the current migrations, built on first use by any process. */
function ensurePostgresTemplate(adminUrl: string): Promise<string> {
  postgresTemplate ??= (async () => {
    const name = `${PREFIX}${await templateHash()}`
    const { rowCount } = await withClient(adminUrl, (c) => c.query('select 1 from pg_database where datname = $1 and datistemplate', [name]))
    if (!rowCount) await buildPostgresTemplate(adminUrl, name)
    // The time of last use, read by dropStalePostgresTemplates; a comment needs no connection to the template.
    await withClient(adminUrl, (c) => c.query(`comment on database ${name} is '${new Date().toISOString()}'`))
    return name
  })()
  postgresTemplate.catch(() => { postgresTemplate = undefined })
  return postgresTemplate
}

/** PostgreSQL error codes met while cloning. */
const IN_USE = '55006' // source database is being accessed by other users
const MISSING = '3D000' // the template was dropped by another process (stale) since this one looked

const codeOf = (err: unknown): unknown => (err as { code?: unknown }).code

/**
 * Creates database `name` as a copy of `template`. PostgreSQL itself waits up to five seconds for sessions connected to
 * the template to leave; one that stays longer (none can connect to ours, but a stray admin session might) gets two
 * more chances.
 */
export async function createDatabaseFrom(adminUrl: string, name: string, template: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await withClient(adminUrl, (c) => c.query(`create database ${name} template ${template}`))
      return
    } catch (err) {
      if (codeOf(err) !== IN_USE || attempt === 3) throw err
      await pause(100)
    }
  }
}

/** Creates database `name` as a copy of the migrated template. */
export async function clonePostgresTemplate(adminUrl: string, name: string): Promise<void> {
  try {
    await createDatabaseFrom(adminUrl, name, await ensurePostgresTemplate(adminUrl))
  } catch (err) {
    if (codeOf(err) !== MISSING) throw err
    postgresTemplate = undefined
    await createDatabaseFrom(adminUrl, name, await ensurePostgresTemplate(adminUrl))
  }
}

let sqliteTemplate: Promise<string> | undefined

/**
 * The path of a migrated SQLite file for the current migrations, in the temporary directory. Each process that finds
 * none builds one under a name of its own and renames it into place, which is atomic: two builders write the same file.
 */
function ensureSqliteTemplate(): Promise<string> {
  sqliteTemplate ??= (async () => {
    const file = path.join(os.tmpdir(), `broadsheet-template-${await templateHash()}.db`)
    // The modification time records the last use, read by dropStaleSqliteTemplates.
    const now = new Date()
    if (await utimes(file, now, now).then(() => true, () => false)) return file
    const building = `${file}.${process.pid}.build`
    const store = await openStore({ engine: 'sqlite', file: building })
    // Closing the last connection checkpoints the WAL into the file and removes the -wal and -shm files.
    await store.close()
    if (await stat(`${building}-wal`).then(() => true, () => false)) throw new Error(`${building}-wal is left after closing: the template would be incomplete`)
    await rename(building, file)
    await dropStaleSqliteTemplates(file)
    return file
  })()
  sqliteTemplate.catch(() => { sqliteTemplate = undefined })
  return sqliteTemplate
}

/** Removes the other template files (and builds left by a crash) in the directory of `keep` not used for a day. */
export async function dropStaleSqliteTemplates(keep: string): Promise<void> {
  const dir = path.dirname(keep)
  for (const entry of await readdir(dir)) {
    const file = path.join(dir, entry)
    if (!entry.startsWith('broadsheet-template-') || file === keep) continue
    const { mtimeMs } = await stat(file).catch(() => ({ mtimeMs: Date.now() }))
    if (Date.now() - mtimeMs > STALE_MS) await rm(file, { force: true })
  }
}

/** Writes a migrated SQLite database to `file`. */
export async function copySqliteTemplate(file: string): Promise<void> {
  try {
    await copyFile(await ensureSqliteTemplate(), file)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
    // Another process found the template stale and removed it since this one looked: build it again.
    sqliteTemplate = undefined
    await copyFile(await ensureSqliteTemplate(), file)
  }
}

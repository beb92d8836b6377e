// Runs a store test on SQLite and on PostgreSQL, each on a fresh database that is dropped afterwards. Migrated
// databases are copies of a template built once (templates.ts): copying is much cheaper than migrating.

import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { test, type TestContext } from 'node:test'
import pg from 'pg'
import type { Kysely } from 'kysely'
import { Migrator } from 'kysely/migration'
import type { DatabaseConfig } from '../../src/config.ts'
import { postgresDialect, sqliteDialect } from '../../src/store/dialect.ts'
import { migrations } from '../../src/store/migrate.ts'
import { openPostgres } from '../../src/store/postgres.ts'
import { openSqlite } from '../../src/store/sqlite.ts'
import { openStore, type Store } from '../../src/store/store.ts'
import { clonePostgresTemplate, copySqliteTemplate, waitForNoConnections } from './templates.ts'

/** The server that PostgreSQL tests use; override with TEST_POSTGRES_URL. */
export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

let reachable: Promise<string | null> | undefined

/** Null when PostgreSQL answers, else the reason it does not (for the skip message). */
export function postgresUnavailable(): Promise<string | null> {
  reachable ??= (async () => {
    const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 2000 })
    try {
      await client.connect()
      await client.query('select 1')
      return null
    } catch (err) {
      return `PostgreSQL is not reachable at ${POSTGRES_ADMIN_URL}: ${(err as Error).message}`
    } finally {
      await client.end().catch(() => {})
    }
  })()
  return reachable
}

export interface ScratchDatabase {
  readonly config: DatabaseConfig
  drop(): Promise<void>
}

export interface ScratchOptions {
  /** Start from the current schema (a copy of the migrated template) instead of an empty database. */
  readonly migrated?: boolean
}

/** A new database of the given engine: empty, or already migrated with `{ migrated: true }`. */
export async function scratchDatabase(engine: 'sqlite' | 'postgres', opts: ScratchOptions = {}): Promise<ScratchDatabase> {
  if (engine === 'sqlite') {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-test-'))
    const file = path.join(dir, 'test.db')
    if (opts.migrated) await copySqliteTemplate(file)
    // Retried: a SQLite connection closing on another thread (the checkpointer) may still be removing its -wal file.
    return { config: { engine: 'sqlite', file }, drop: () => rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }) }
  }
  const name = `broadsheet_test_${Date.now()}_${randomBytes(4).toString('hex')}`
  if (opts.migrated) {
    await clonePostgresTemplate(POSTGRES_ADMIN_URL, name)
  } else {
    const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL })
    await admin.connect()
    try {
      await admin.query(`create database ${name}`)
    } finally {
      await admin.end()
    }
  }
  const url = new URL(POSTGRES_ADMIN_URL)
  url.pathname = `/${name}`
  return {
    config: { engine: 'postgres', url: url.href },
    async drop() {
      const c = new pg.Client({ connectionString: POSTGRES_ADMIN_URL })
      await c.connect()
      try {
        // A forced drop at once would terminate connections that are already leaving, and their clients would raise
        // the error after the test. Wait for them first.
        await waitForNoConnections(c, name)
        await c.query(`drop database if exists ${name} with (force)`)
      } finally {
        await c.end()
      }
    },
  }
}

const configs = new WeakMap<Store, DatabaseConfig>()

/** The database a scratch store opened, for a second process (the command line) to open too. */
export function databaseOf(store: Store): DatabaseConfig {
  const config = configs.get(store)
  if (!config) throw new Error('not a scratch store')
  return config
}

/** A migrated store on a scratch database, closed and dropped when the test ends. */
export async function scratchStore(t: TestContext, engine: 'sqlite' | 'postgres'): Promise<Store> {
  const db = await scratchDatabase(engine, { migrated: true })
  const store = await openStore(db.config, { poolSize: 4 })
  configs.set(store, db.config)
  // The copy is current, so opening applied nothing; anything applied means the template's hash missed a change.
  if (store.applied.length) throw new Error(`the migrated template lacked ${store.applied.join(', ')}: see migrationsHash in templates.ts`)
  t.after(async () => {
    await store.close()
    dropLater(db)
  })
  return store
}

/**
 * A connection of its own to a scratch store's database, with a migrator over the project's migrations and the name of
 * the migration before a given one (to step a migration down and up); closed when the test ends.
 */
export function migratorOf(store: Store, t: { after: (fn: () => Promise<void>) => void }): { db: Kysely<any>; migrator: Migrator; before: (name: string) => string } {
  const config = databaseOf(store)
  const db = config.engine === 'sqlite' ? openSqlite(config.file) : openPostgres(config.url, 2)
  t.after(() => db.destroy())
  const all = migrations(config.engine === 'sqlite' ? sqliteDialect : postgresDialect)
  const names = Object.keys(all)
  return { db, migrator: new Migrator({ db, provider: { getMigrations: async () => all } }), before: (name) => names[names.indexOf(name) - 1]! }
}

let dropping: Promise<void> = Promise.resolve()

/**
 * Drops `db` after the ones queued before it, without holding up the test that used it: a PostgreSQL drop forces a
 * checkpoint, the slowest step of a scratch database. The queue keeps the process alive until it is empty.
 */
function dropLater(db: ScratchDatabase): void {
  dropping = dropping.then(() => db.drop()).catch((err: unknown) => {
    process.exitCode = 1
    console.error('dropping a scratch database failed:', err)
  })
}

export type Engine = 'sqlite' | 'postgres'

/** Defines `name` once per engine; the PostgreSQL case is skipped, with the reason, when no server answers. */
export function forEachEngine(name: string, fn: (t: TestContext, engine: Engine) => Promise<void>): void {
  for (const engine of ['sqlite', 'postgres'] as const) {
    test(`${name} [${engine}]`, async (t) => {
      if (engine === 'postgres') {
        const reason = await postgresUnavailable()
        if (reason) return t.skip(reason)
      }
      await fn(t, engine)
    })
  }
}

/** Defines `name` once per engine, each run on a scratch store of its own. */
export function forEachDatabase(name: string, fn: (store: Store, t: TestContext) => Promise<void>): void {
  forEachEngine(name, async (t, engine) => fn(await scratchStore(t, engine), t))
}

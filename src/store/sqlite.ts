// The SQLite driver: one better-sqlite3 connection in WAL mode behind Kysely, with its prepared statements reused.

import { mkdirSync, statSync } from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect, type SqliteDatabase } from 'kysely'
import type { Database } from './schema.ts'
import { withFaultRules } from './driver-faults.ts'
import { withLoopSlices } from './loop-yield.ts'
import { createDatabaseMeter, withConnectionMeter, type MeterCounts } from './meter.ts'
import { FALLBACK_CHECKPOINT_PAGES, startCheckpoints } from './sqlite-checkpoints.ts'
import { UnavailableError, type Outage } from '../errors.ts'

/** Distinct SQL texts kept prepared; the application issues a few hundred, generated IN-lists add more. */
const STATEMENT_CACHE_SIZE = 1000

/**
 * Kysely prepares a statement for every query, and better-sqlite3 frees a statement's native memory only when V8
 * collects its wrapper, memory V8 does not see: under steady load the process grew by hundreds of MB, and a bulk
 * load of 100,000 articles ran out of memory. Reusing statements by SQL text (the connection is one, behind Kysely's
 * mutex, so a statement is never in use twice) bounds that memory and saves the prepare.
 */
function withStatementCache(db: SQLite.Database, onClose: () => void): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>()
  return {
    prepare(sql: string) {
      let stmt = cache.get(sql)
      if (stmt) {
        // Most recently used last, so the first key is the one to evict.
        cache.delete(sql)
      } else {
        stmt = db.prepare(sql)
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!)
      }
      cache.set(sql, stmt)
      return stmt
    },
    close() {
      cache.clear()
      onClose()
      db.close()
    },
  }
}

/** Which SQLite result codes are outages: a full disk or database ('full'), a failing, read-only or locked file ('down'). */
export function classifySqliteFault(err: unknown): Outage | null {
  const code = (err as { code?: unknown } | null)?.code
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null
  if (code === 'SQLITE_FULL') return 'full'
  return /^SQLITE_(IOERR|READONLY|CANTOPEN|BUSY)/.test(code) ? 'down' : null
}

/**
 * Throws unless `file` is still the file that was opened. A deleted (or replaced) database file stays open and writable
 * through its inode: every write would be acknowledged and then lost with the process.
 */
function sameFileCheck(file: string): () => void {
  const opened = statSync(file)
  return () => {
    const now = statSync(file, { throwIfNoEntry: false })
    if (now && now.ino === opened.ino && now.dev === opened.dev) return
    throw new UnavailableError('down', 'the database file has been deleted or replaced; nothing can be saved until the server restarts on it',
      new Error(`${file} is ${now ? 'another file' : 'gone'}`))
  }
}

/**
 * Synchronous SQLite work the event loop may be held for before the next statement waits for its turn: well under the
 * 50 ms that other requests may be kept waiting, while a page read (a few statements of microseconds) never waits.
 */
const SLICE_MS = 10

/** What the checkpointer of each open database still has to finish once the database is destroyed. */
const checkpointersStopping = new WeakMap<Kysely<Database>, () => Promise<void>>()

/**
 * Resolves once the checkpointer thread of `db` (destroyed before) has closed its connection: until then it may still
 * create or remove the `-wal` and `-shm` files beside the database.
 */
export async function checkpointerStopped(db: Kysely<Database>): Promise<void> {
  await checkpointersStopping.get(db)?.()
}

/** Opens (creating if needed) the SQLite file with WAL, foreign keys and a busy timeout. */
export function openSqlite(file: string, meter: MeterCounts = createDatabaseMeter(1, false)): Kysely<Database> {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true })
  const db = new SQLite(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  db.pragma('cache_size = -16384')
  db.pragma('temp_store = MEMORY')
  // Checkpoints run in a worker thread (sqlite-checkpoints.ts); the main connection's own is the fallback.
  db.pragma(`wal_autocheckpoint = ${FALLBACK_CHECKPOINT_PAGES}`)
  const checkpoints = file === ':memory:' ? null : startCheckpoints(file)
  let stopped: Promise<void> = Promise.resolve()
  const dialect = new SqliteDialect({ database: withStatementCache(db, () => { if (checkpoints) stopped = checkpoints.stop() }) })
  const kysely = new Kysely<Database>({
    dialect: withConnectionMeter(withLoopSlices(withFaultRules(dialect, {
      classify: classifySqliteFault,
      inTransaction: () => db.inTransaction,
      ...(file !== ':memory:' && { beforeBegin: sameFileCheck(file) }),
    }), SLICE_MS), meter),
    log: (event) => meter.log(event),
  })
  checkpointersStopping.set(kysely, () => stopped)
  return kysely
}

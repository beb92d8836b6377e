// The SQLite driver: one better-sqlite3 connection in WAL mode behind Kysely, with its prepared statements reused.

import { mkdirSync } from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect, type SqliteDatabase } from 'kysely'
import type { Database } from './schema.ts'

/** Distinct SQL texts kept prepared; the application issues a few hundred, generated IN-lists add more. */
const STATEMENT_CACHE_SIZE = 1000

/**
 * Kysely prepares a statement for every query, and better-sqlite3 frees a statement's native memory only when V8
 * collects its wrapper, memory V8 does not see: under steady load the process grew by hundreds of MB, and a bulk
 * load of 100,000 articles ran out of memory. Reusing statements by SQL text (the connection is one, behind Kysely's
 * mutex, so a statement is never in use twice) bounds that memory and saves the prepare.
 */
function withStatementCache(db: SQLite.Database): SqliteDatabase {
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
      db.close()
    },
  }
}

/** Opens (creating if needed) the SQLite file with WAL, foreign keys and a busy timeout. */
export function openSqlite(file: string): Kysely<Database> {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true })
  const db = new SQLite(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  db.pragma('cache_size = -16384')
  db.pragma('temp_store = MEMORY')
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(db) }) })
}

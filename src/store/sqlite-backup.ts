// A consistent copy of a live SQLite database through SQLite's online backup API, and the checks a copy must pass.

import { existsSync } from 'node:fs'
import SQLite from 'better-sqlite3'

/** What a finished backup copied. */
export interface SqliteBackupResult {
  readonly pages: number
  readonly ms: number
}

/**
 * Copies the database `source` (in use by a server: any number of other connections may write) into the new file
 * `dest`. The copy is one consistent state: after a first small step, the rest is copied in one step, which SQLite
 * runs on one read snapshot (in WAL mode writers go on meanwhile). Copying step by step would restart at every write
 * from another connection and might never end on a busy site.
 */
export async function backupSqlite(source: string, dest: string): Promise<SqliteBackupResult> {
  if (existsSync(dest)) throw new Error(`${dest} exists already`)
  const started = performance.now()
  // Its own connection, read-only: the server's is in another process, and this one must never write to the site.
  const db = new SQLite(source, { readonly: true, fileMustExist: true })
  try {
    db.pragma('busy_timeout = 5000')
    const result = await db.backup(dest, { progress: () => 0x7fffffff })
    return { pages: result.totalPages, ms: Math.round(performance.now() - started) }
  } finally {
    db.close()
  }
}

/**
 * Opens a copy (it only reads; not read-only, so that closing it removes its -wal and -shm files) and says whether it
 * is whole: SQLite's integrity check and foreign key check, and how many articles it holds.
 */
export function checkSqliteCopy(file: string): { readonly integrity: string; readonly foreignKeyFaults: number; readonly articles: number; readonly live: number } {
  const db = new SQLite(file, { fileMustExist: true })
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ')
    const foreignKeyFaults = (db.pragma('foreign_key_check') as unknown[]).length
    const count = (table: string) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n
    return { integrity, foreignKeyFaults, articles: count('articles'), live: count('article_live') }
  } finally {
    db.close()
  }
}

/** The media paths (originals and variants) a database refers to, one at a time: memory stays flat however many. */
export function* mediaPathsOf(file: string): Generator<string> {
  const db = new SQLite(file, { fileMustExist: true })
  try {
    for (const r of db.prepare('select path from media union all select path from media_variants').iterate() as Iterable<{ path: string }>) yield r.path
  } finally {
    db.close()
  }
}

// `broadsheet backup DIR`: a consistent copy of a running SQLite site (database and media) into a new folder that
// is itself a DATA_DIR: `DATA_DIR=DIR npm start` serves it. PostgreSQL sites are backed up with pg_dump instead.

import { existsSync } from 'node:fs'
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { loadConfig } from '../config.ts'
import { SITE_MARKER } from '../data-dir.ts'
import { copyMediaTree } from '../media/media-copy.ts'
import { backupSqlite, checkSqliteCopy, mediaPathsOf } from '../store/sqlite-backup.ts'

export const BACKUP_USAGE = `Usage: broadsheet backup DIR

  Copies the SQLite database of the site (while it serves: SQLite's online backup API) and then its media
  folder into DIR, a new or empty folder, checks the copy, and writes backup.json. DIR is a DATA_DIR:
  restore by stopping the server and pointing DATA_DIR at it (or copying it into place).
  On PostgreSQL use pg_dump -Fc and copy DATA_DIR/media (docs/OPERATIONS-BACKUP.md).`

/** Media files the copy names but the backup lacks (deleted between the database copy and the media copy), at most `limit`. */
function missingMedia(dbFile: string, mediaDir: string, limit: number): { count: number; first: string[] } {
  let count = 0
  const first: string[] = []
  for (const p of mediaPathsOf(dbFile)) {
    if (existsSync(path.join(mediaDir, ...p.split('/')))) continue
    count++
    if (first.length < limit) first.push(p)
  }
  return { count, first }
}

export async function backupCommand(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const { positionals, values } = parseArgs({ args, options: { help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: true })
  if (values.help) {
    console.log(BACKUP_USAGE)
    return 0
  }
  if (positionals.length !== 1) {
    console.error(`broadsheet backup: give one folder\n\n${BACKUP_USAGE}`)
    return 2
  }
  const config = loadConfig(env)
  if (config.database.engine !== 'sqlite') {
    console.error('broadsheet backup: this site runs on PostgreSQL; back it up with pg_dump -Fc (and copy DATA_DIR/media), see docs/OPERATIONS-BACKUP.md')
    return 1
  }
  const source = config.database.file
  if (!existsSync(source)) {
    console.error(`broadsheet backup: there is no database at ${source}`)
    return 1
  }
  const dir = path.resolve(positionals[0]!)
  await mkdir(dir, { recursive: true })
  if ((await readdir(dir)).length) {
    console.error(`broadsheet backup: ${dir} is not empty; back up into a new folder`)
    return 1
  }
  const started = performance.now()
  const dbFile = path.join(dir, 'broadsheet.db')
  // The database first, then the media: a file uploaded in between is only an extra file in the backup, while the
  // other order would leave the copy naming uploads it does not hold.
  const copied = await backupSqlite(source, dbFile)
  const check = checkSqliteCopy(dbFile)
  if (check.integrity !== 'ok' || check.foreignKeyFaults) {
    console.error(`broadsheet backup: the copy failed its check (integrity: ${check.integrity}, foreign key faults: ${check.foreignKeyFaults}); ${dir} is not a good backup`)
    return 1
  }
  // Media in a bucket stay there: the bucket's own versioning or replication backs them up, not a copy in this folder.
  const storage = config.media.storage
  const mediaFiles = storage.kind === 'fs' ? await copyMediaTree(storage.dir, path.join(dir, 'media')) : 0
  const missing = storage.kind === 'fs' ? missingMedia(dbFile, path.join(dir, 'media'), 10) : { count: 0, first: [] }
  await writeFile(path.join(dir, SITE_MARKER), 'This folder holds a Broadsheet site (a backup made by "broadsheet backup").\n')
  const report = {
    created_at: new Date().toISOString(), source, database: 'broadsheet.db', pages: copied.pages, integrity_check: check.integrity,
    articles: check.articles, live_articles: check.live, media_files: mediaFiles, media_missing: missing.count,
  }
  await writeFile(path.join(dir, 'backup.json'), `${JSON.stringify(report, null, 2)}\n`)
  for (const p of missing.first) console.error(`broadsheet backup: media ${p} was deleted while the backup ran; the copy names it without its file`)
  console.log(`backed up ${source} to ${dir} in ${((performance.now() - started) / 1000).toFixed(1)} s: ${check.articles} articles `
    + `(${check.live} live), ${mediaFiles} media files; integrity check ok`)
  if (storage.kind === 's3') console.log(`media were not copied: they are in s3://${storage.bucket}/${storage.prefix}; back up that bucket (versioning or replication)`)
  return 0
}

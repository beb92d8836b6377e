// What DATA_DIR says about the site it held: a lost database there stops every command instead of starting a new site.

import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Config } from './config.ts'
import { openStore, type Store } from './store/store.ts'

/** The file that marks DATA_DIR as holding a site; written once a database has been opened there. */
export const SITE_MARKER = '.broadsheet-site'

/** DATA_DIR held a site, and its database is missing: starting would put an empty site (or the demo) in its place. */
export class LostDatabaseError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'LostDatabaseError'
  }
}

/** Whether `dataDir` has held a site: the marker is there, or media holds uploads (anything but the demo's own images). */
export function heldSite(dataDir: string): boolean {
  if (existsSync(path.join(dataDir, SITE_MARKER))) return true
  try {
    return readdirSync(path.join(dataDir, 'media')).some((name) => name !== 'demo' && !name.startsWith('.'))
  } catch {
    return false
  }
}

export interface SiteStore {
  readonly store: Store
  /** DATA_DIR held a site before this open, and the database is new: the demo must not be offered. */
  readonly replacesLostSite: boolean
}

/**
 * Opens the store for a command that works on the site, refusing with LostDatabaseError when DATA_DIR held a site and
 * its SQLite file is gone (a deleted file, a volume that did not mount under it), then marks DATA_DIR as holding one.
 * On PostgreSQL the database lives elsewhere: an empty one there is reported through `replacesLostSite`.
 */
export async function openSiteStore(config: Pick<Config, 'dataDir' | 'database'> & Partial<Pick<Config, 'cdn'>>, opts: Parameters<typeof openStore>[1] = {}): Promise<SiteStore> {
  const held = heldSite(config.dataDir)
  if (held && config.database.engine === 'sqlite' && !existsSync(config.database.file)) {
    throw new LostDatabaseError(`${config.dataDir} held a site but its database ${config.database.file} is missing; restore it from a backup `
      + `(or, to start a new site here on purpose, delete ${path.join(config.dataDir, SITE_MARKER)})`)
  }
  // With a CDN configured, what this process changes (the server, or a command such as an import) is purged there too.
  const store = await openStore(config.database, { cdnPurge: !!config.cdn, ...opts })
  markSite(config.dataDir)
  // The first migration ran now: this database did not exist before this open.
  return { store, replacesLostSite: held && store.applied.includes('0001-content') }
}

function markSite(dataDir: string): void {
  const marker = path.join(dataDir, SITE_MARKER)
  if (existsSync(marker)) return
  try {
    mkdirSync(dataDir, { recursive: true })
    writeFileSync(marker, 'This folder holds a Broadsheet site. While this file is here, Broadsheet will not start without the site\'s database.\n', { flag: 'wx' })
  } catch {
    // A read-only DATA_DIR (PostgreSQL with media elsewhere) or another instance writing it first: nothing to mark, or marked.
  }
}

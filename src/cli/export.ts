// `broadsheet export DIR`: writes the whole site in the Broadsheet export format (docs/EXPORT-FORMAT.md).

import path from 'node:path'
import { parseArgs } from 'node:util'
import { loadConfig } from '../config.ts'
import { systemClock } from '../domain/clock.ts'
import { isAppError } from '../errors.ts'
import { openSiteStore } from '../data-dir.ts'
import { migrations } from '../store/migrate.ts'
import { exportSite } from '../importers/broadsheet/export.ts'
import { openMediaStore } from '../media/storage/open.ts'

export const EXPORT_USAGE = `Usage: broadsheet export DIR

  Writes every article (working copy, live copy, revisions), section, tag, byline, media file, page, setting,
  redirect, user (without password) and webhook receiver (without secret) into DIR, a new or empty folder,
  in the format docs/EXPORT-FORMAT.md describes. "broadsheet import broadsheet DIR" reads it back.`

export async function exportCommand(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const { positionals, values } = parseArgs({ args, options: { help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: true })
  if (values.help) {
    console.log(EXPORT_USAGE)
    return 0
  }
  if (positionals.length !== 1) {
    console.error(`broadsheet export: give one folder\n\n${EXPORT_USAGE}`)
    return 2
  }
  const dir = path.resolve(positionals[0]!)
  const config = loadConfig(env)
  const { store } = await openSiteStore(config)
  const mediaStore = openMediaStore(config.media.storage)
  try {
    const started = performance.now()
    const summary = await exportSite({
      snapshot: (fn) => store.snapshot(fn), clock: systemClock, mediaStore,
      engine: store.dialect.name, schema: Object.keys(migrations(store.dialect)).at(-1) ?? '', siteUrl: config.siteUrl.href,
    }, dir)
    const c = summary.counts
    console.log(`exported to ${dir} in ${((performance.now() - started) / 1000).toFixed(1)} s: ${c.articles} articles, ${c.revisions} revisions, `
      + `${c.media} media (${c.media_files} files), ${c.sections} sections, ${c.tags} tags, ${c.authors} bylines, ${c.speakers} speakers, ${c.quotes} quotes, ${c.users} users, ${c.redirects} redirects`)
    for (const p of summary.missingMedia) console.error(`broadsheet export: the file of media ${p} is missing; exported without it`)
    return 0
  } catch (err) {
    if (!isAppError(err)) throw err
    console.error(`broadsheet export: ${err.message}`)
    return 1
  } finally {
    mediaStore.close()
    await store.close()
  }
}

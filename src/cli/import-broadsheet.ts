// `broadsheet import broadsheet DIR`: a whole Broadsheet export into this empty site, through the restore use-case.

import { statSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { loadConfig } from '../config.ts'
import { openMediaStore } from '../media/storage/open.ts'
import { systemClock } from '../domain/clock.ts'
import { ExportFileError } from '../importers/broadsheet/read.ts'
import { importBroadsheet } from '../importers/broadsheet/import.ts'
import { InputError, UsageError, type Action } from './subcommands.ts'
import { growHeapSlowly } from './import-heap.ts'

/** Parses `DIR [--batch N]` and returns what to do with the services. */
export function importBroadsheetCommand(args: string[], env: NodeJS.ProcessEnv): Action {
  const { values, positionals } = parseArgs({ args, strict: true, allowPositionals: true, options: { batch: { type: 'string' } } })
  if (positionals.length !== 1) throw new UsageError('give one folder: broadsheet import broadsheet DIR')
  const batch = values.batch === undefined ? 200 : Number(values.batch)
  if (!Number.isInteger(batch) || batch < 1 || batch > 10_000) throw new UsageError('--batch must be a whole number from 1 to 10000')
  const dir = path.resolve(positionals[0]!)
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new InputError(`${dir}: no such folder`)
  const config = loadConfig(env)
  return async ({ restoring }) => {
    const started = performance.now()
    const mediaStore = openMediaStore(config.media.storage)
    try {
      const manifest = await importBroadsheet(restoring, {
        dir, mediaStore, actor: { kind: 'system', name: 'command line' }, batchSize: batch,
        now: () => systemClock.now(), onProgress: (kind, done) => process.stderr.write(`${kind}: ${done}\n`),
        onSettleProgress: (stage, done) => {
          growHeapSlowly(env)
          process.stderr.write(`related articles, ${stage}: ${done}\n`)
        },
      })
      // Exports before version 4 carry no speakers and quotes, and so no count of them.
      const c: Partial<typeof manifest.counts> = manifest.counts
      console.log(`imported ${dir} in ${((performance.now() - started) / 1000).toFixed(1)} s: ${c.articles} articles, ${c.revisions} revisions, `
        + `${c.media} media, ${c.sections} sections, ${c.tags} tags, ${c.authors} bylines, ${c.speakers ?? 0} speakers, ${c.quotes ?? 0} quotes, ${c.redirects} redirects`)
      if (c.users) console.log(`${c.users} users came back deactivated and without passwords: docs/EXPORT-FORMAT.md says how to let them in again`)
      if (c.webhooks) console.log(`${c.webhooks} webhook receivers came back switched off (their secrets are never exported): add them again with "broadsheet webhook add"`)
      return 0
    } catch (err) {
      if (err instanceof ExportFileError) throw new InputError(`${path.join(dir, err.file)}: ${err.message.slice(err.file.length + 2)}`)
      throw err
    } finally {
      mediaStore.close()
    }
  }
}

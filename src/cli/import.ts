// `broadsheet import wordpress FILE.xml`: parses the flags, runs the importer as the command line, prints progress and the report.

import { statSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { loadConfig } from '../config.ts'
import { systemClock } from '../domain/clock.ts'
import { createImporting } from '../editorial/importing.ts'
import { formatReport, type ImportReport } from '../importers/import-report.ts'
import { importWordPress } from '../importers/wordpress/import.ts'
import { createSiteContext } from '../reading/site-settings.ts'
import { InputError, runSubcommand, UsageError, type Subcommands } from './subcommands.ts'
import { importBroadsheetCommand } from './import-broadsheet.ts'

export const IMPORT_USAGE = `Usage: broadsheet import wordpress FILE.xml [--dry-run] [--report FILE.json] [--batch N]
       broadsheet import broadsheet DIR [--batch N]

  wordpress FILE.xml   import the posts of a WordPress export (Tools → Export, WXR 1.1 or 1.2)
  --dry-run            read and map everything, print the report, write nothing
  --report FILE.json   also write the report as JSON
  --batch N            articles (lines) per transaction (default 100; 200 for broadsheet)

  broadsheet DIR       read a whole site written by "broadsheet export DIR" into this site, which must be
                       empty; the export is checked first, and a bad line changes nothing

Running the same WordPress import again updates what changed and skips the rest.`

/** One line that rewrites itself on a terminal; elsewhere a line every few seconds. */
function progressPrinter(out: NodeJS.WriteStream, now: () => number) {
  const started = now()
  let lastLine = 0
  const tty = out.isTTY === true
  return {
    update(done: number, fraction: number) {
      const t = now()
      if (!tty && t - lastLine < 5000) return
      lastLine = t
      const seconds = (t - started) / 1000
      const rate = seconds > 0 ? done / seconds : 0
      const left = fraction > 0 && fraction < 1 ? Math.round((seconds * (1 - fraction)) / fraction) : 0
      const line = `${done} articles, ${rate.toFixed(0)}/s, ${Math.round(fraction * 100)}% of the file, about ${left} s left`
      out.write(tty ? `\r\x1b[K${line}` : `${line}\n`)
    },
    end() {
      if (tty) out.write('\r\x1b[K')
    },
  }
}

function parseFlags(args: string[]) {
  const { values, positionals } = parseArgs({
    args, strict: true, allowPositionals: true,
    options: { 'dry-run': { type: 'boolean' }, report: { type: 'string' }, batch: { type: 'string' } },
  })
  if (positionals.length !== 1) throw new UsageError('give one file: broadsheet import wordpress FILE.xml')
  const batch = values.batch === undefined ? 100 : Number(values.batch)
  if (!Number.isInteger(batch) || batch < 1 || batch > 10_000) throw new UsageError('--batch must be a whole number from 1 to 10000')
  const file = positionals[0]!
  let isFile = false
  try {
    isFile = statSync(file).isFile()
  } catch {
    // Reported below.
  }
  if (!isFile) throw new InputError(`${file}: no such file`)
  return { file, dryRun: values['dry-run'] === true, reportFile: values.report ?? null, batch }
}

/** Prints the report, writes it as JSON when asked, and returns the exit code: 1 when the import stopped early. */
async function finish(report: ImportReport, reportFile: string | null): Promise<number> {
  console.log(formatReport(report))
  if (reportFile) await writeFile(reportFile, `${JSON.stringify(report, null, 2)}\n`)
  if (report.error) {
    const where = report.error.line !== null ? ` (line ${report.error.line}, column ${report.error.column})` : ''
    console.error(`broadsheet import: ${report.error.message}${where}`)
    return 1
  }
  return 0
}

const subcommands = (env: NodeJS.ProcessEnv): Subcommands => ({
  broadsheet: (args) => importBroadsheetCommand(args, env),
  wordpress(args) {
    const flags = parseFlags(args)
    const config = loadConfig(env)
    return async (store) => {
      const site = createSiteContext({ store, clock: systemClock, timeZone: config.timeZone })
      const importing = createImporting({ store, clock: systemClock, siteLanguage: async () => (await site.get()).settings.language })
      const progress = progressPrinter(process.stderr, () => Date.now())
      const report = await importWordPress(importing, {
        file: flags.file, actor: { kind: 'system', name: 'command line' }, dryRun: flags.dryRun, timeZone: config.timeZone,
        batchSize: flags.batch, onProgress: (done, fraction) => progress.update(done, fraction),
      })
      progress.end()
      return finish(report, flags.reportFile)
    }
  },
})

/** `broadsheet import <source> FILE`. */
export const importCommand = (args: string[], env: NodeJS.ProcessEnv): Promise<number> => runSubcommand('import', IMPORT_USAGE, subcommands(env), args, env)

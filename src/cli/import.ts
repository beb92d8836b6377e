// `broadsheet import wordpress FILE.xml`: parses the flags, runs the importer as the command line, prints progress and the report.

import { statSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { isSlug } from '../domain/slug.ts'
import type { Services } from '../services.ts'
import { formatReport, type ImportReport } from '../importers/import-report.ts'
import { parseOldSiteUrl } from '../domain/old-site-url.ts'
import type { ImportSourceKind } from '../domain/import-job.ts'
import { InputError, runSubcommand, UsageError, type Subcommands } from './subcommands.ts'
import { importBroadsheetCommand } from './import-broadsheet.ts'
import { growHeapSlowly } from './import-heap.ts'
import { loadConfig } from '../config.ts'

export const IMPORT_USAGE = `Usage: broadsheet import wordpress FILE.xml [--dry-run] [--report FILE.json] [--batch N]
       broadsheet import ghost FILE.json [--site-url URL] [--section SLUG] [--routes routes.yaml | --permalink TEMPLATE]
                                         [--dry-run] [--report FILE.json] [--batch N]
       broadsheet import broadsheet DIR [--batch N]

  wordpress FILE.xml   import the posts of a WordPress export (Tools → Export, WXR 1.1 or 1.2)
  ghost FILE.json      import the posts and pages of a Ghost export (Settings → Labs → Export, Ghost 3 to 6)
  --site-url URL       (ghost) the old site's address, e.g. https://blog.example.org: makes its images' addresses
                       absolute and names the source (an export does not carry its address)
  --section SLUG       (ghost) the section of posts whose primary tag is not a section here (default news)
  --routes FILE        (ghost) the old site's routes.yaml (Settings → Labs → Routes): posts' addresses under its
                       collections' permalinks (/{year}/{month}/{slug}/) redirect to the new ones
  --permalink TEMPLATE (ghost) the same for one permalink for all posts, e.g. /{year}/{month}/{slug}/ (or, for a
                       site that kept WordPress's addresses, its structure: /%year%/%monthnum%/%postname%/)
  --media-dir DIR      read images from a copy of wp-content/uploads or Ghost's content/images instead of
                       fetching them from the old site
  --no-media           leave images at their old addresses
  --dry-run            read and map everything, print the report, write nothing
  --report FILE.json   also write the report as JSON
  --batch N            articles (lines) per transaction (default 100; 200 for broadsheet)
  broadsheet DIR       read a whole site written by "broadsheet export DIR" into this site, which must be
                       empty; the export is checked first, and a bad line changes nothing

Images in the posts (and WordPress attachments, Ghost feature images) go into the media library, fetched four at
a time (20 MiB at most each; private addresses only with WEBHOOK_ALLOW_PRIVATE); one that cannot be had is reported
and keeps its old address. Running the same WordPress or Ghost import again updates what changed and skips the rest.`

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
    /** The related-articles pass after the last batch (related/settle.ts): its stage and the articles it has done. */
    settle(stage: string, done: number) {
      const t = now()
      if (!tty && t - lastLine < 5000) return
      lastLine = t
      const line = `related articles: ${stage}, ${done} articles`
      out.write(tty ? `\r\x1b[K${line}` : `${line}\n`)
    },
    end() {
      if (tty) out.write('\r\x1b[K')
    },
  }
}

const COMMON = {
  'dry-run': { type: 'boolean' }, report: { type: 'string' }, batch: { type: 'string' }, 'media-dir': { type: 'string' }, 'no-media': { type: 'boolean' },
} as const
const GHOST = { ...COMMON, 'site-url': { type: 'string' }, section: { type: 'string' }, routes: { type: 'string' }, permalink: { type: 'string' } } as const

function parseFlags(kind: 'wordpress' | 'ghost', args: string[]) {
  const { values, positionals } = parseArgs({ args, strict: true, allowPositionals: true, options: kind === 'ghost' ? GHOST : COMMON })
  if (positionals.length !== 1) throw new UsageError(`give one file: broadsheet import ${kind} FILE.${kind === 'ghost' ? 'json' : 'xml'}`)
  const batch = values.batch === undefined ? 100 : Number(values.batch)
  if (!Number.isInteger(batch) || batch < 1 || batch > 10_000) throw new UsageError('--batch must be a whole number from 1 to 10000')
  const siteUrl = 'site-url' in values && typeof values['site-url'] === 'string' ? parseSiteUrl(values['site-url']) : null
  const section = 'section' in values && typeof values.section === 'string' ? values.section : undefined
  if (section !== undefined && !isSlug(section)) throw new UsageError('--section must be a slug such as news')
  const routes = 'routes' in values && typeof values.routes === 'string' ? values.routes : null
  const permalink = 'permalink' in values && typeof values.permalink === 'string' ? values.permalink : null
  // Their values are checked where the desk's are (editorial/old-permalinks.ts), when the import runs.
  if (routes !== null && !isFile(routes)) throw new InputError(`${routes}: no such file`)
  const mediaDir = values['media-dir'] ?? null
  if (mediaDir !== null && values['no-media']) throw new UsageError('give --media-dir or --no-media, not both')
  if (mediaDir !== null && !isDirectory(mediaDir)) throw new InputError(`${mediaDir}: no such folder`)
  const file = positionals[0]!
  if (!isFile(file)) throw new InputError(`${file}: no such file`)
  return { file, dryRun: values['dry-run'] === true, reportFile: values.report ?? null, batch, siteUrl, section, routes, permalink, media: values['no-media'] ? null : { mediaDir } }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile()
  } catch {
    return false
  }
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory()
  } catch {
    return false
  }
}

/** --site-url checked as the desk checks it. */
function parseSiteUrl(raw: string): string {
  const parsed = parseOldSiteUrl(raw)
  if ('error' in parsed) throw new UsageError(`--site-url ${parsed.error}`)
  return parsed.url
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

/** Runs an import as the command line, with its progress line, then prints the report. */
function run(source: ImportSourceKind, f: ReturnType<typeof parseFlags>, env: NodeJS.ProcessEnv) {
  return async ({ runImport }: Services) => {
    const routesYaml = f.routes === null ? null : await readFile(f.routes, 'utf8')
    const progress = progressPrinter(process.stderr, () => Date.now())
    // A WordPress file going into SQLite is read on a thread of its own, so its batches can afford the slower growth
    // too (import-heap.ts); the others read their files on this thread, and grow slowly from the related pass on.
    if (source === 'wordpress' && loadConfig(env).database.engine === 'sqlite') growHeapSlowly(env)
    const report = await runImport(
      { source, file: f.file, actor: ACTOR, dryRun: f.dryRun, batchSize: f.batch, siteUrl: f.siteUrl, section: f.section ?? null, media: f.media,
        routesYaml, permalink: f.permalink,
        onProgress: (done, fraction) => progress.update(done, fraction),
        onSettleProgress: (stage, done) => {
          growHeapSlowly(env)
          progress.settle(stage, done)
        } },
    )
    progress.end()
    return finish(report, f.reportFile)
  }
}

const ACTOR = { kind: 'system', name: 'command line' } as const

const subcommands = (env: NodeJS.ProcessEnv): Subcommands => ({
  broadsheet: (args) => importBroadsheetCommand(args, env),
  wordpress: (args) => run('wordpress', parseFlags('wordpress', args), env),
  ghost: (args) => run('ghost', parseFlags('ghost', args), env),
})

/** `broadsheet import <source> FILE`. */
export const importCommand = (args: string[], env: NodeJS.ProcessEnv): Promise<number> => runSubcommand('import', IMPORT_USAGE, subcommands(env), args, env)

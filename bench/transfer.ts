// Export, import and backup benchmark: the demo site and a generated one, exported from SQLite, imported into empty
// SQLite and PostgreSQL sites, exported again from PostgreSQL, and backed up; prints time and peak RSS of each command.
//
//   npm run bench:transfer -- [--articles 5000] [--seed 42] [--keep]
//
// Each command runs as the real `broadsheet` process. Its peak RSS is the child's own maxRSS, printed at exit by a
// preloaded hook; "s" is the time the command reports for its work, "wall s" includes starting Node and opening the
// database. Memory should stay flat with the size of the site: compare the two sites' RSS.

import { spawnSync } from 'node:child_process'
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { openStore } from '../src/store/store.ts'
import { demoNewsroom } from '../src/importers/demo/newsroom.ts'
import { seedDemo } from '../src/importers/demo/seed.ts'
import { generate } from './generate.ts'
import { createScratch, postgresUnavailable, type Scratch } from './scratch.ts'

const MAIN = path.resolve(import.meta.dirname, '../src/main.ts')
const RSS_HOOK = `data:text/javascript,process.on('exit',()=>process.stderr.write('maxrss_kb='+process.resourceUsage().maxRSS+'\\n'))`

interface Row { readonly site: string; readonly step: string; readonly engine: string; readonly s: number | null; readonly 'wall s': number; readonly 'peak RSS MiB': number }

/** Runs one `broadsheet` command on `scratch`; returns its own seconds, wall seconds and peak RSS. */
function run(scratch: Scratch, args: string[]): { s: number | null; wall: number; rssMiB: number } {
  const started = performance.now()
  const res = spawnSync(process.execPath, ['--import', RSS_HOOK, MAIN, ...args], {
    encoding: 'utf8', timeout: 30 * 60_000, maxBuffer: 64 * 1024 * 1024,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'silent', BROADSHEET_DEMO: '0', DATA_DIR: scratch.dataDir, ...(scratch.databaseUrl && { DATABASE_URL: scratch.databaseUrl }) },
  })
  const wall = (performance.now() - started) / 1000
  if (res.status !== 0) throw new Error(`broadsheet ${args.join(' ')} exited ${res.status}: ${res.stderr.slice(-2000)}`)
  const rss = Number(/maxrss_kb=(\d+)/.exec(res.stderr)?.[1] ?? NaN)
  const own = /in (\d+(?:\.\d+)?) s/.exec(res.stdout)?.[1]
  return { s: own === undefined ? null : Number(own), wall: Math.round(wall * 10) / 10, rssMiB: Math.round(rss / 1024) }
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) if (e.isFile()) total += (await stat(path.join(e.parentPath, e.name))).size
  return total
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { articles: { type: 'string', default: '5000' }, seed: { type: 'string', default: '42' }, keep: { type: 'boolean' } }, strict: true })
  const articles = Number(values.articles)
  const pgReason = await postgresUnavailable()
  if (pgReason) console.log(`PostgreSQL skipped: ${pgReason}`)
  const rows: Row[] = []
  const scratches: Scratch[] = []
  const work = path.join(os.tmpdir(), `broadsheet-bench-transfer-${process.pid}`)
  await mkdir(work, { recursive: true })
  try {
    for (const site of ['demo', `${articles} articles`]) {
      const source = await createScratch('sqlite')
      scratches.push(source)
      const store = await openStore(source.database)
      try {
        if (site === 'demo') await seedDemo({ store, clock: { now: () => Date.now() }, mediaDir: path.join(source.dataDir, 'media') }, demoNewsroom)
        else await generate(store, { articles, seed: Number(values.seed), mediaDir: path.join(source.dataDir, 'media') })
      } finally {
        await store.close()
      }
      const tag = site.replace(/\s+/g, '-')
      const exported = path.join(work, `${tag}-export`)
      const add = (step: string, engine: string, r: ReturnType<typeof run>) => rows.push({ site, step, engine, s: r.s, 'wall s': r.wall, 'peak RSS MiB': r.rssMiB })
      add('export', 'sqlite', run(source, ['export', exported]))
      console.log(`${site}: export is ${(await folderBytes(exported) / 1024 / 1024).toFixed(1)} MiB`)
      add('backup', 'sqlite', run(source, ['backup', path.join(work, `${tag}-backup`)]))
      for (const engine of ['sqlite', 'postgres'] as const) {
        if (engine === 'postgres' && pgReason) continue
        const target = await createScratch(engine)
        scratches.push(target)
        run(target, ['migrate'])
        add('import', engine, run(target, ['import', 'broadsheet', exported]))
        if (engine === 'postgres') add('export', engine, run(target, ['export', path.join(work, `${tag}-export-pg`)]))
      }
    }
  } finally {
    if (!values.keep) {
      for (const s of scratches) await s.drop()
      await import('node:fs/promises').then((fs) => fs.rm(work, { recursive: true, force: true }))
    } else console.log(`kept ${work} and ${scratches.map((s) => s.where).join(', ')}`)
  }
  console.table(rows)
  const result = { node: process.version, cpus: os.cpus().length, articles, rows }
  await mkdir(path.resolve(import.meta.dirname, 'results'), { recursive: true })
  await writeFile(path.resolve(import.meta.dirname, 'results', 'transfer.json'), `${JSON.stringify(result, null, 2)}\n`)
}

await main()

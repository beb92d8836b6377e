// `npm run bench`: per engine, generate a site into a scratch database, start the real server, load four pages and the
// node:http baseline with wrk, and print and save the figures. It never asserts a time.
//
//   npm run bench -- [--articles 10000] [--duration 10] [--engine sqlite|postgres|both] [--page-cache off|on|both]
//                    [--seed 42] [--starts 3] [--keep]
//   npm run bench -- --data-dir DIR [--database-url URL]   loads a site generate.ts (or --keep) left behind, without generating
//                                                         (moves its related-refresh cursor to the newest article, as generate.ts does)
//   npm run bench -- --starts-only [--starts 7] [--compare DIR]   only the starts, no load; with --compare, alternating
//                                                         with the server of the checkout in DIR on the same site

import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import { loadConfig } from '../src/config.ts'
import { openStore } from '../src/store/store.ts'
import { startBaseline } from './baseline.ts'
import { generate, markRelatedCaughtUp, printBreakdown, printRelated, progressPrinter, type GenerateReport } from './generate.ts'
import { wrkVersion } from './load.ts'
import { loadPages, measure, printRow, type Row } from './pages.ts'
import { analyze, autovacuumOn, createScratch, databaseCpu, postgresRoundTripUs, postgresUnavailable, vacuumAnalyze, type Engine, type Scratch } from './scratch.ts'
import { processMemory, startServer, type BootBreakdown, type RunningServer } from './server.ts'

const RESULTS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results')
const DAY_MS = 86_400_000

interface EngineRun {
  readonly engine: Engine
  /** Null when the run reused an existing site (--data-dir). */
  readonly generation: GenerateReport | null
  readonly articles: number
  readonly vacuumAnalyzeMs: number | null
  readonly postgresRoundTripUs: number | null
  readonly startupMs: readonly number[]
  readonly startupMedianMs: number
  readonly startupCpuMs: readonly number[]
  /** Where each start's time went, as the server logged it (null for a start that did not log it). */
  readonly startupBreakdown: readonly (BootBreakdown | null)[]
  /** Resident memory of each server process: idle after start (0 when not read), after its loads, and its peak. */
  readonly memoryKiB: { server: 'broadsheet' | 'baseline'; cache: 'on' | 'off' | null; idle: number; afterLoad: number; peak: number }[]
  readonly rows: readonly Row[]
}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '10000' }, duration: { type: 'string', default: '10' },
      engine: { type: 'string', default: 'both' }, seed: { type: 'string', default: '42' }, starts: { type: 'string', default: '3' },
      keep: { type: 'boolean', default: false }, 'starts-only': { type: 'boolean', default: false }, compare: { type: 'string' }, 'page-cache': { type: 'string', default: 'both' }, 'data-dir': { type: 'string' }, 'database-url': { type: 'string' },
    },
    strict: true,
  })
  const int = (name: string, v: string, min: number): number => {
    const n = Number(v)
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}, got "${v}"`)
    return n
  }
  const engine = values.engine
  if (engine !== 'sqlite' && engine !== 'postgres' && engine !== 'both') throw new Error(`--engine must be sqlite, postgres or both, got "${engine}"`)
  const cache = values['page-cache']
  if (cache !== 'off' && cache !== 'on' && cache !== 'both') throw new Error(`--page-cache must be off, on or both, got "${cache}"`)
  // Rendering first: its server also gives the start-up times, the baseline and the row with background jobs.
  const cacheModes: ('on' | 'off')[] = cache === 'both' ? ['off', 'on'] : [cache]
  const reuse = values['data-dir'] ? { dataDir: path.resolve(values['data-dir']), databaseUrl: values['database-url'] } : null
  return {
    articles: int('articles', values.articles, 1), duration: int('duration', values.duration, 1), seed: int('seed', values.seed, 0),
    starts: int('starts', values.starts, 1), keep: values.keep, reuse, cacheModes,
    startsOnly: values['starts-only'] || values.compare !== undefined, compare: values.compare === undefined ? null : path.resolve(values.compare),
    engines: (reuse ? [reuse.databaseUrl ? 'postgres' : 'sqlite'] : engine === 'both' ? ['sqlite', 'postgres'] : [engine]) as Engine[],
  }
}

/** A digest of src/ and package-lock.json, so figures can be matched to the code they measured without asking git. */
async function sourceDigest(): Promise<string> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
  const hash = createHash('sha256')
  const files = (await readdir(path.join(root, 'src'), { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort()
  for (const f of [...files, path.join(root, 'package-lock.json')]) hash.update(path.relative(root, f)).update(await readFile(f).catch(() => Buffer.alloc(0)))
  return hash.digest('hex').slice(0, 16)
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

/** Generates into a new scratch database, or opens the site --data-dir names; returns what the page list needs. */
async function prepare(engine: Engine, opts: ReturnType<typeof parseOptions>): Promise<{
  scratch: Scratch; generation: GenerateReport | null; articles: number; newestNewsPath: string; newestPublishedAt: number; vacuumMs: number | null
}> {
  if (opts.reuse) {
    const { dataDir, databaseUrl } = opts.reuse
    const database = loadConfig({ DATA_DIR: dataDir, ...(databaseUrl && { DATABASE_URL: databaseUrl }) }).database
    const scratch: Scratch = { engine, dataDir, databaseUrl, database, where: databaseUrl ?? dataDir, drop: async () => {} }
    const store = await openStore(database)
    try {
      const news = (await store.taxonomy.sections()).find((s) => s.slug === 'news')
      const newest = news && (await store.live.bySection(news.id, { page: 1, perPage: 1 })).items[0]
      if (!newest) throw new Error(`${scratch.where} has no published news article; generate one with bench/generate.ts`)
      console.log(`\n== ${engine}: reusing ${scratch.where}`)
      const newestAny = (await store.live.latest(1))[0]
      // As generate.ts leaves it: the related-refresh job has kept pace with publishing.
      if (newestAny) await markRelatedCaughtUp(store, newestAny.publishedAt, newestAny.id)
      return {
        scratch, generation: null, articles: await store.live.count(), newestNewsPath: `/news/${newest.slug}`,
        newestPublishedAt: (await store.live.latest(1))[0]?.publishedAt ?? newest.publishedAt, vacuumMs: null,
      }
    } finally {
      await store.close()
    }
  }
  const scratch = await createScratch(engine)
  try {
    console.log(`\n== ${engine}: generating ${opts.articles.toLocaleString('en')} articles into ${scratch.where}`)
    const store = await openStore(scratch.database)
    let generation: GenerateReport
    const url = scratch.databaseUrl
    const standIn = url && !(await autovacuumOn(url)) ? { analyze: () => analyze(url) } : {}
    if (url && 'analyze' in standIn) console.log('  autovacuum is off on this server: ANALYZE runs each time the articles grow by 10%, as it would')
    try {
      generation = await generate(store, {
        ...standIn, articles: opts.articles, seed: opts.seed, mediaDir: path.join(scratch.dataDir, 'media'), onProgress: progressPrinter(`  ${engine}`),
        workers: engine === 'postgres' ? 4 : 1,
      })
    } finally {
      await store.close()
    }
    console.log(`  ${Math.round(generation.articlesPerSecond)} articles/s (${generation.seconds.toFixed(1)} s, ${generation.transactions} transactions); ` +
      `${generation.views.rows.toLocaleString('en')} hourly view rows in ${generation.views.seconds.toFixed(1)} s; where the time went:`)
    printBreakdown(generation)
    printRelated(generation)
    const vacuumMs = scratch.databaseUrl ? await vacuumAnalyze(scratch.databaseUrl) : null
    if (vacuumMs !== null) console.log(`  VACUUM ANALYZE: ${Math.round(vacuumMs)} ms`)
    return {
      scratch, generation, articles: opts.articles, newestNewsPath: generation.newestNewsPath, newestPublishedAt: generation.newestPublishedAt, vacuumMs,
    }
  } catch (err) {
    if (!opts.keep) await scratch.drop()
    throw err
  }
}

/** The page cache setting of a server: PAGE_CACHE_MB=0 renders every request; unset leaves the configured default. */
const cacheEnv = (cache: 'on' | 'off') => ({ PAGE_CACHE_MB: cache === 'off' ? '0' : undefined })

async function runEngine(engine: Engine, opts: ReturnType<typeof parseOptions>): Promise<EngineRun> {
  const { scratch, generation, articles, newestNewsPath, newestPublishedAt, vacuumMs } = await prepare(engine, opts)
  let server: RunningServer | undefined
  try {
    const roundTrip = scratch.databaseUrl ? await postgresRoundTripUs(scratch.databaseUrl) : null
    const [firstMode, ...otherModes] = opts.cacheModes
    const dbCpu = scratch.databaseUrl ? () => databaseCpu(scratch.databaseUrl!) : undefined
    const start = (cache: 'on' | 'off') => startServer({ dataDir: scratch.dataDir, databaseUrl: scratch.databaseUrl, env: cacheEnv(cache) })

    const startups: number[] = []
    const startupCpu: number[] = []
    const breakdowns: (BootBreakdown | null)[] = []
    for (let i = 0; i < opts.starts; i++) {
      if (server) await server.close()
      server = await start(firstMode!)
      startups.push(server.startupMs)
      startupCpu.push(server.startupCpuMs)
      breakdowns.push(server.boot)
    }
    console.log(`  start-up to first 200 from /healthz: ${startups.map((ms) => `${Math.round(ms)} ms`).join(', ')}, median ${Math.round(median(startups))} ms ` +
      `(server CPU by then: ${startupCpu.map((ms) => `${Math.round(ms)} ms`).join(', ')}, median ${Math.round(median(startupCpu))} ms; load average ${os.loadavg()[0]!.toFixed(1)})`)
    printStartupBreakdown(breakdowns)
    let live = server!
    const memory: EngineRun['memoryKiB'] = []
    const idle = live.memory().rssKiB

    // A month-long window a year back: a typical archive query that skips the newest rows.
    const yearAgo = newestPublishedAt - 365 * DAY_MS
    const pages = [
      ['front', '/'], ['article', newestNewsPath], ['section', '/news'],
      ['archive', `/archive?section=news&from=${isoDay(yearAgo - 30 * DAY_MS)}&to=${isoDay(yearAgo)}`],
    ] as const
    console.log(`  page cache ${firstMode}:`)
    const first = await loadPages(live, pages, { engine, cache: firstMode!, seconds: opts.duration, ...(dbCpu && { dbCpu }) })
    const rows: Row[] = [...first.rows]
    const afterLoad = live.memory()

    const article = first.bodies.get('article')
    if (article?.body.length) {
      const baseline = await startBaseline(article.body, article.type, scratch.dataDir)
      try {
        const measured = await measure(baseline.url + '/', opts.duration, baseline.pid)
        const row: Row = {
          engine, cache: null, page: 'baseline', path: 'node:http, article bytes', status: 200, bytes: article.body.length, firstMs: 0,
          load: measured.load, single: null, cpuUsPerRequest: measured.cpuUsPerRequest, dbCpuUsPerRequest: null,
        }
        rows.push(row)
        printRow(row)
        memory.push({ server: 'baseline', cache: null, idle: 0, afterLoad: processMemory(baseline.pid).rssKiB, peak: processMemory(baseline.pid).peakKiB })
      } finally {
        await baseline.close()
      }
    }

    // The server's background jobs first run a minute after start (src/jobs/runner.ts): load the article again while they do.
    const jobsAt = live.spawnedAt + 62_000
    if (performance.now() < jobsAt) await new Promise((r) => setTimeout(r, jobsAt - performance.now()))
    const withJobs = await measure(live.url + newestNewsPath, opts.duration, live.pid, dbCpu)
    const jobsRow: Row = {
      engine, cache: firstMode!, page: 'article+jobs', path: `${newestNewsPath} (background jobs due)`, status: 200,
      bytes: article?.body.length ?? 0, firstMs: 0, load: withJobs.load, single: null, cpuUsPerRequest: withJobs.cpuUsPerRequest, dbCpuUsPerRequest: withJobs.dbCpuUsPerRequest,
    }
    rows.push(jobsRow)
    printRow(jobsRow, ` (loaded ${Math.round((performance.now() - live.spawnedAt) / 1000)} s after start)`)
    const end = live.memory()
    memory.push({ server: 'broadsheet', cache: firstMode!, idle, afterLoad: afterLoad.rssKiB, peak: end.peakKiB })

    for (const cache of otherModes) {
      await live.close()
      live = server = await start(cache)
      const idleAgain = live.memory().rssKiB
      console.log(`  page cache ${cache}:`)
      rows.push(...(await loadPages(live, pages, { engine, cache, seconds: opts.duration, ...(dbCpu && { dbCpu }) })).rows)
      const m = live.memory()
      memory.push({ server: 'broadsheet', cache, idle: idleAgain, afterLoad: m.rssKiB, peak: m.peakKiB })
    }

    const baselineRow = rows.find((r) => r.page === 'baseline')
    for (const row of rows) {
      if (baselineRow?.load && row.load) row.ratio = row.load.rps / baselineRow.load.rps
      if (baselineRow?.cpuUsPerRequest && row.cpuUsPerRequest !== null) {
        row.cpuRatio = (row.cpuUsPerRequest + (row.dbCpuUsPerRequest ?? 0)) / baselineRow.cpuUsPerRequest
      }
    }
    for (const m of memory) {
      console.log(`  ${m.server}${m.cache ? ` (page cache ${m.cache})` : ''} RSS: ${m.idle ? `${Math.round(m.idle / 1024)} MiB idle, ` : ''}` +
        `${Math.round(m.afterLoad / 1024)} MiB after load, peak ${Math.round(m.peak / 1024)} MiB`)
    }
    return {
      engine, generation, articles, vacuumAnalyzeMs: vacuumMs, postgresRoundTripUs: roundTrip,
      startupMs: startups, startupMedianMs: median(startups), startupCpuMs: startupCpu, startupBreakdown: breakdowns, memoryKiB: memory, rows,
    }
  } finally {
    await server?.close()
    if (opts.keep && !opts.reuse) console.log(`  kept: DATA_DIR=${scratch.dataDir}${scratch.databaseUrl ? ` DATABASE_URL=${scratch.databaseUrl}` : ''}`)
    else if (!opts.keep) await scratch.drop()
  }
}

interface StartsRun {
  readonly engine: Engine
  readonly articles: number
  readonly builds: readonly { label: string; root: string | null; firstStart: { wallMs: number; cpuMs: number }; startupMs: number[]; startupCpuMs: number[]; startupBreakdown: (BootBreakdown | null)[] }[]
}

/**
 * --starts-only: the starts alone, no load. With --compare, the server of another checkout starts on the same site in
 * turn with this one's (which goes first alternates each round), so that both meet the same load on a shared machine.
 * Each checkout's first start is printed apart and left out of the medians: it fills its compile cache.
 */
async function startsOnly(engine: Engine, opts: ReturnType<typeof parseOptions>): Promise<StartsRun> {
  const { scratch, articles } = await prepare(engine, opts)
  try {
    const builds = [{ label: 'this checkout', root: null }, ...(opts.compare ? [{ label: opts.compare, root: opts.compare }] : [])]
      .map((b) => ({ ...b, firstStart: { wallMs: 0, cpuMs: 0 }, startupMs: [] as number[], startupCpuMs: [] as number[], startupBreakdown: [] as (BootBreakdown | null)[] }))
    const startOnce = async (build: (typeof builds)[number]) => {
      const server = await startServer({ dataDir: scratch.dataDir, databaseUrl: scratch.databaseUrl, env: cacheEnv('off'), ...(build.root && { root: build.root }) })
      await server.close()
      return server
    }
    for (const build of builds) {
      const first = await startOnce(build)
      build.firstStart = { wallMs: first.startupMs, cpuMs: first.startupCpuMs }
    }
    const loadBefore = os.loadavg()[0]!
    for (let i = 0; i < opts.starts; i++) {
      for (const build of i % 2 === 0 ? builds : [...builds].reverse()) {
        const server = await startOnce(build)
        build.startupMs.push(server.startupMs)
        build.startupCpuMs.push(server.startupCpuMs)
        build.startupBreakdown.push(server.boot)
      }
    }
    const ms = (xs: readonly number[]) => xs.map((x) => Math.round(x)).join(', ')
    for (const build of builds) {
      console.log(`  ${build.label}: first start ${Math.round(build.firstStart.wallMs)} ms (${Math.round(build.firstStart.cpuMs)} ms CPU), then ` +
        `start-up to first 200 from /healthz ${ms(build.startupMs)}, median ${Math.round(median(build.startupMs))} ms; ` +
        `server CPU by then ${ms(build.startupCpuMs)}, median ${Math.round(median(build.startupCpuMs))} ms`)
      printStartupBreakdown(build.startupBreakdown)
    }
    console.log(`  load average ${loadBefore.toFixed(1)} before the measured starts, ${os.loadavg()[0]!.toFixed(1)} after`)
    return { engine, articles, builds }
  } finally {
    if (!opts.keep && !opts.reuse) await scratch.drop()
  }
}

/**
 * The start-up phases the server logged (src/composition.ts), median wall and CPU ms of each over the starts: Node's
 * own start, loading the modules, opening the store (migrations checked), building the app, listening, and the rest.
 */
function printStartupBreakdown(breakdowns: readonly (BootBreakdown | null)[]): void {
  const logged = breakdowns.filter((b): b is BootBreakdown => b !== null)
  if (logged.length === 0) return console.log('  (the server logged no start-up breakdown)')
  const names = Object.keys(logged[0]!.phases)
  const cell = (pick: (b: BootBreakdown) => number) => `${Math.round(median(logged.map(pick)))}`
  console.log(`  where the start went (median of ${logged.length}, wall/CPU ms, to listening): ` +
    names.map((n) => `${n} ${cell((b) => b.phases[n]?.wallMs ?? 0)}/${cell((b) => b.phases[n]?.cpuMs ?? 0)}`).join(', ') +
    `; total ${cell((b) => b.wallMs)}/${cell((b) => b.cpuMs)}`)
}

function printTable(runs: readonly EngineRun[]): void {
  const header = ['engine', 'cache', 'page', 'path', 'req/s', 'p50 ms', 'p99 ms', '1-conn p50', 'ratio', 'CPU µs/req', 'DB µs/req', 'CPU ×', 'non-2xx', 'errors', 'KiB', 'first ms']
  const lines = runs.flatMap((run) => run.rows.map((r) => {
    const l = r.load
    const errors = l ? l.socketErrors.connect + l.socketErrors.read + l.socketErrors.write + l.socketErrors.timeout : 0
    return [
      r.engine, r.cache ?? '', r.page, r.path.length > 48 ? `${r.path.slice(0, 45)}...` : r.path,
      l ? Math.round(l.rps).toString() : `HTTP ${r.status}`, l ? l.p50Ms.toFixed(2) : '', l ? l.p99Ms.toFixed(2) : '',
      r.single ? r.single.p50Ms.toFixed(2) : '', r.ratio === undefined ? '' : r.ratio.toFixed(3), r.cpuUsPerRequest === null ? '' : Math.round(r.cpuUsPerRequest).toString(),
      r.dbCpuUsPerRequest === null ? '' : Math.round(r.dbCpuUsPerRequest).toString(),
      r.cpuRatio === undefined ? '' : r.cpuRatio.toFixed(1), l ? String(l.non2xx) : '', l ? String(errors) : '',
      (r.bytes / 1024).toFixed(1), r.firstMs ? r.firstMs.toFixed(1) : '',
    ]
  }))
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)))
  const numeric = new Set([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15])
  const fmt = (cells: string[]) => cells.map((c, i) => (numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ')
  console.log(`\n1-conn p50 = p50 with one connection (wrk -t1 -c1), a request with none queued before it; ` +
    `ratio = req/s ÷ baseline req/s (bare node:http serving the article's bytes, same engine run); ` +
    `CPU µs/req = serving process CPU ÷ requests; DB µs/req = PostgreSQL backends' CPU ÷ requests (SQLite runs in-process); ` +
    `CPU × = (CPU + DB) µs/req ÷ the baseline's CPU µs/req`)
  console.log(fmt(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const l of lines) console.log(fmt(l))
  console.log()
  for (const run of runs) {
    const gen = run.generation ? `generation ${Math.round(run.generation.articlesPerSecond)} articles/s` : 'reused site'
    console.log(`${run.engine}: ${run.articles.toLocaleString('en')} articles, ${gen}; start-up ${Math.round(run.startupMedianMs)} ms ` +
      `(median of ${run.startupMs.length}; ${Math.round(median(run.startupCpuMs))} ms CPU); ` +
      `RSS ${run.memoryKiB.filter((m) => m.server === 'broadsheet').map((m) => `cache ${m.cache}: ${Math.round(m.idle / 1024)} MiB idle, ` +
        `${Math.round(m.afterLoad / 1024)} after load, peak ${Math.round(m.peak / 1024)}`).join('; ')}` +
      (run.postgresRoundTripUs !== null ? `; select 1 round trip ${run.postgresRoundTripUs} µs` : ''))
  }
}

async function main(): Promise<number> {
  const opts = parseOptions()
  const startedAt = new Date()
  const machine = {
    node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', platform: `${os.platform()} ${os.release()}`,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  }
  const wrk = await wrkVersion()
  const loadBefore = os.loadavg()
  const digestBefore = await sourceDigest()
  console.log(`bench: ${opts.articles.toLocaleString('en')} articles, ${opts.duration} s per page, engines ${opts.engines.join(', ')}; ` +
    `node ${machine.node}, ${machine.cpus} CPUs, load average ${loadBefore.map((x) => x.toFixed(2)).join(' ')}`)
  if (opts.startsOnly) {
    const runs: StartsRun[] = []
    for (const engine of opts.engines) {
      const reason = engine === 'postgres' ? await postgresUnavailable() : null
      if (reason) console.log(`\n== postgres: skipped. ${reason}`)
      else runs.push(await startsOnly(engine, opts))
    }
    await mkdir(RESULTS_DIR, { recursive: true })
    const file = path.join(RESULTS_DIR, `startup-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`)
    await writeFile(file, JSON.stringify({
      startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), ...machine, loadAverage: { before: loadBefore, after: os.loadavg() },
      srcDigest: digestBefore, starts: opts.starts, engines: runs,
    }, null, 2))
    console.log(`results: ${path.relative(process.cwd(), file)}`)
    return 0
  }
  const runs: EngineRun[] = []
  const skipped: { engine: Engine; reason: string }[] = []
  for (const engine of opts.engines) {
    if (engine === 'postgres') {
      const reason = await postgresUnavailable()
      if (reason) {
        console.log(`\n== postgres: skipped. ${reason}`)
        skipped.push({ engine, reason })
        continue
      }
    }
    runs.push(await runEngine(engine, opts))
  }
  printTable(runs)
  const digestAfter = await sourceDigest()
  if (digestAfter !== digestBefore) console.log('note: src/ or package-lock.json changed during the run; the figures may mix two versions of the code')
  await mkdir(RESULTS_DIR, { recursive: true })
  const file = path.join(RESULTS_DIR, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`)
  const rows = runs.flatMap((r) => r.rows.map((row) => ({ ...row, articles: r.articles })))
  await writeFile(file, JSON.stringify({
    startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), ...machine,
    loadAverage: { before: loadBefore, after: os.loadavg() },
    articles: runs[0]?.articles ?? opts.articles, seed: opts.seed, srcDigest: { before: digestBefore, after: digestAfter }, durationSeconds: opts.duration, wrk: { threads: 2, connections: 10, version: wrk },
    engines: runs.map(({ rows: _rows, ...run }) => run), skipped, rows,
  }, null, 2))
  console.log(`results: ${path.relative(process.cwd(), file)}`)
  return 0
}

try {
  process.exitCode = await main()
} catch (err) {
  console.error(`bench: ${err instanceof Error ? err.stack ?? err.message : String(err)}`)
  process.exitCode = (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? 2 : 1
}

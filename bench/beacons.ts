// Beacon ingest: the real server (TRUST_PROXY on) loaded with wrk + bench/beacons.lua on POST /api/v1/views, then a count check.
//
//   node bench/beacons.ts [--articles 300] [--seconds 10] [--connections 64] [--threads 2] [--engine sqlite|postgres|both]
//                         [--no-baseline] [--keep]
//
// Every countable beacon is a new visitor (unique X-Forwarded-For), so none is de-duplicated; the last 2 s send crawler beacons,
// which are answered but never counted, so every countable one has been answered before wrk stops. After SIGTERM (which runs
// the shutdown flush) the sum of article_views must equal the countable beacons sent, all of them answered 204.

import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import { articlePath } from '../src/domain/paths.ts'
import { openStore } from '../src/store/store.ts'
import { startBaseline } from './baseline.ts'
import { generate } from './generate.ts'
import { createScratch, postgresUnavailable, vacuumAnalyze, type Engine, type Scratch } from './scratch.ts'
import { freePort, processMemory, SERVER_ARGS } from './server.ts'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const DRAIN_SECONDS = 2

interface WrkBeacons {
  completed: number; countable: number; drain: number; micros: number
  connect: number; read: number; write: number; status: number; timeout: number; p50us: number; p99us: number
}

interface Row {
  readonly engine: Engine
  readonly articles: number
  readonly seconds: number
  readonly countable: number
  readonly beaconsPerSecond: number
  readonly allRequestsPerSecond: number
  /** Requests/s of this run over those of a bare node:http server answering the same load. */
  readonly ratioToBaseline: number | null
  readonly p50Ms: number
  readonly p99Ms: number
  readonly errors: number
  readonly stored: number
  readonly countsKept: boolean
  readonly serverPeakRssMiB: number
  readonly shutdownMs: number
}

interface LoadOptions { readonly seconds: number; readonly connections: number; readonly threads: number }

/** Runs wrk with bench/beacons.lua against `url` and returns its BEACONS line. */
async function loadBeacons(url: string, pathsFile: string, opts: LoadOptions): Promise<WrkBeacons> {
  const wrk = spawn('wrk', [
    `-t${opts.threads}`, `-c${opts.connections}`, `-d${opts.seconds + DRAIN_SECONDS}s`, '--timeout', '10s',
    '-s', path.join(ROOT, 'bench/beacons.lua'), url, '--', pathsFile, String(opts.seconds),
  ], { stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  wrk.stdout.on('data', (d: Buffer) => { out += d.toString() })
  const [code] = await once(wrk, 'exit')
  const line = /^BEACONS (\{.*\})$/m.exec(out)?.[1]
  if (code !== 0 || !line) throw new Error(`wrk failed (exit ${code}):\n${out}`)
  return JSON.parse(line) as WrkBeacons
}

const requestsPerSecond = (w: WrkBeacons): number => Math.round(w.completed / (w.micros / 1e6))

/** The same load on a bare node:http server (answers every request at once): what this machine allows right now. */
async function baselineRps(opts: LoadOptions): Promise<number> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-beacons-baseline-'))
  const baseline = await startBaseline(Buffer.alloc(0), 'text/plain', dir)
  try {
    const pathsFile = path.join(dir, 'paths.txt')
    await writeFile(pathsFile, '/news/a\n/news/b\n')
    return requestsPerSecond(await loadBeacons(baseline.url, pathsFile, opts))
  } finally {
    await baseline.close()
    await rm(dir, { recursive: true, force: true })
  }
}

/** Writes `articles` generated articles (and no past views) and returns their public paths. */
async function prepare(scratch: Scratch, articles: number): Promise<string[]> {
  const store = await openStore(scratch.database)
  try {
    await generate(store, { articles, mediaDir: path.join(scratch.dataDir, 'media'), viewHours: 0 })
    const live = await store.live.latest(articles)
    return live.map((s) => articlePath({ language: s.language, sectionSlug: s.section.slug, slug: s.slug }, 'en'))
  } finally {
    await store.close()
  }
}

async function runEngine(engine: Engine, opts: LoadOptions & { articles: number; keep: boolean; baseline: number | null }): Promise<Row> {
  const scratch = await createScratch(engine)
  try {
    const paths = await prepare(scratch, opts.articles)
    if (scratch.databaseUrl) await vacuumAnalyze(scratch.databaseUrl)
    const pathsFile = path.join(scratch.dataDir, 'paths.txt')
    await writeFile(pathsFile, `${paths.join('\n')}\n`)

    const port = await freePort()
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: scratch.dataDir, TRUST_PROXY: '1', LOG_LEVEL: 'warn' }
    for (const name of ['DATABASE_URL', 'HOST', 'SITE_URL', 'BROADSHEET_DEMO']) delete env[name]
    if (scratch.databaseUrl) env.DATABASE_URL = scratch.databaseUrl
    const server = spawn(process.execPath, [...SERVER_ARGS], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    const keep = (chunk: Buffer) => { output = (output + chunk.toString()).slice(-8000) }
    server.stdout.on('data', keep)
    server.stderr.on('data', keep)
    const exited = once(server, 'exit')
    const url = `http://127.0.0.1:${port}`
    try {
      for (const started = performance.now(); ;) {
        const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false)
        if (ok) break
        if (server.exitCode !== null || performance.now() - started > 60_000) throw new Error(`the server did not start:\n${output}`)
        await new Promise((r) => setTimeout(r, 20))
      }
      const w = await loadBeacons(url, pathsFile, opts)
      const peak = processMemory(server.pid!).peakKiB

      const t0 = performance.now()
      server.kill('SIGTERM')
      const [exitCode] = await exited
      const shutdownMs = performance.now() - t0
      if (exitCode !== 0) throw new Error(`the server exited with ${exitCode} on SIGTERM:\n${output}`)

      const store = await openStore(scratch.database)
      const stored = await store.views.total().finally(() => store.close())
      const errors = w.connect + w.read + w.write + w.status + w.timeout
      return {
        engine, articles: paths.length, seconds: opts.seconds, countable: w.countable,
        beaconsPerSecond: Math.round(w.countable / opts.seconds),
        allRequestsPerSecond: requestsPerSecond(w),
        ratioToBaseline: opts.baseline ? Math.round((requestsPerSecond(w) / opts.baseline) * 100) / 100 : null,
        p50Ms: w.p50us / 1000, p99Ms: w.p99us / 1000, errors, stored,
        countsKept: errors === 0 && stored === w.countable,
        serverPeakRssMiB: Math.round(peak / 1024), shutdownMs: Math.round(shutdownMs),
      }
    } finally {
      if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL')
    }
  } finally {
    if (opts.keep) console.log(`kept ${scratch.where}`)
    else await scratch.drop()
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '300' }, seconds: { type: 'string', default: '10' },
      connections: { type: 'string', default: '64' }, threads: { type: 'string', default: '2' },
      engine: { type: 'string', default: 'both' }, keep: { type: 'boolean', default: false },
      'no-baseline': { type: 'boolean', default: false },
    },
    strict: true,
  })
  const whole = (name: string, v: string | undefined, min: number): number => {
    const n = Number(v)
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}`)
    return n
  }
  const opts = {
    articles: whole('articles', values.articles, 1), seconds: whole('seconds', values.seconds, 1),
    connections: whole('connections', values.connections, 1), threads: whole('threads', values.threads, 1), keep: values.keep,
  }
  if (!['sqlite', 'postgres', 'both'].includes(values.engine!)) throw new Error('--engine must be sqlite, postgres or both')
  const engines: Engine[] = values.engine === 'both' ? ['sqlite', 'postgres'] : [values.engine as Engine]
  const baseline = values['no-baseline'] ? null : await baselineRps(opts)
  if (baseline !== null) console.log(`baseline (bare node:http, same load): ${baseline} requests/s`)
  const rows: Row[] = []
  for (const engine of engines) {
    if (engine === 'postgres') {
      const reason = await postgresUnavailable()
      if (reason) {
        console.log(`postgres skipped: ${reason}`)
        continue
      }
    }
    const row = await runEngine(engine, { ...opts, baseline })
    rows.push(row)
    console.log(`${engine}: ${row.beaconsPerSecond} beacons/s counted (${row.countable} in ${row.seconds} s, p50 ${row.p50Ms} ms, ` +
      `p99 ${row.p99Ms} ms; ${row.allRequestsPerSecond} requests/s, ${row.ratioToBaseline ?? '?'}× baseline); stored ${row.stored} views: ${row.countsKept ? 'every count kept' : 'COUNT MISMATCH'} ` +
      `(${row.errors} errors); shutdown ${row.shutdownMs} ms`)
  }
  console.table(rows)
  const file = path.join(ROOT, 'bench/results/beacons.json')
  await mkdir(path.dirname(file), { recursive: true })
  await writeFile(file, JSON.stringify({
    node: process.version, cpus: os.cpus().length, loadAverage: os.loadavg(), date: new Date().toISOString(), baselineRps: baseline, rows,
  }, null, 2))
  return rows.every((r) => r.countsKept) ? 0 : 1
}

try {
  process.exitCode = await main()
} catch (err) {
  console.error(`bench/beacons: ${(err as Error).message}`)
  process.exitCode = (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? 2 : 1
}

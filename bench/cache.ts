// `node bench/cache.ts`: the page cache against a bare node:http server answering the same bytes, side by side, with wrk.
//
//   node bench/cache.ts [--articles 2000] [--duration 5] [--runs 3] [--engine sqlite|postgres] [--seed 42]
//
// For the front page and the newest news article: the real server with its page cache (default PAGE_CACHE_MB), the same
// server with PAGE_CACHE_MB=0 (every request rendered), and bench/baseline.ts serving the page's exact bytes from memory.
// The three are loaded in turn, `--runs` times, and medians are reported with the load average. It never asserts a time.

import { mkdir, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import { openStore } from '../src/store/store.ts'
import { startBaseline } from './baseline.ts'
import { generate } from './generate.ts'
import { BROWSER_AGENT, load, wrkVersion, type LoadResult } from './load.ts'
import { createScratch, postgresUnavailable, type Engine } from './scratch.ts'
import { startServer, type RunningServer } from './server.ts'

const RESULTS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results')

function options() {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '2000' }, duration: { type: 'string', default: '5' }, runs: { type: 'string', default: '3' },
      engine: { type: 'string', default: 'sqlite' }, seed: { type: 'string', default: '42' },
    },
    strict: true,
  })
  const int = (name: string, v: string, min: number): number => {
    const n = Number(v)
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}, got "${v}"`)
    return n
  }
  if (values.engine !== 'sqlite' && values.engine !== 'postgres') throw new Error(`--engine must be sqlite or postgres, got "${values.engine}"`)
  return {
    articles: int('articles', values.articles, 1), duration: int('duration', values.duration, 1), runs: int('runs', values.runs, 1),
    seed: int('seed', values.seed, 0), engine: values.engine as Engine,
  }
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}
const loadavg = (): string => os.loadavg().map((x) => x.toFixed(2)).join(' ')

/** The page as a client that asks for no compression gets it: the bytes the baseline will serve. */
async function identityBytes(url: string): Promise<{ body: Buffer; type: string; cache: string | null }> {
  const res = await fetch(url, { headers: { 'user-agent': BROWSER_AGENT, 'accept-encoding': 'identity' } })
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`)
  return { body: Buffer.from(await res.arrayBuffer()), type: res.headers.get('content-type') ?? 'text/html', cache: res.headers.get('x-cache') }
}

interface PageResult {
  readonly page: string
  readonly path: string
  readonly bytes: number
  readonly runs: { readonly cached: LoadResult; readonly baseline: LoadResult; readonly uncached: LoadResult; readonly loadAverage: number[] }[]
}

async function main(): Promise<number> {
  const o = options()
  if (o.engine === 'postgres') {
    const reason = await postgresUnavailable()
    if (reason) {
      console.log(`bench/cache: skipped. ${reason}`)
      return 0
    }
  }
  const startedAt = new Date()
  const loadBefore = os.loadavg()
  console.log(`bench/cache: ${o.engine}, ${o.articles} articles, ${o.runs} runs × ${o.duration} s per target; node ${process.version}, ` +
    `${os.cpus().length} CPUs, load average ${loadavg()}`)
  const scratch = await createScratch(o.engine)
  const servers: RunningServer[] = []
  try {
    const store = await openStore(scratch.database)
    let articlePath: string
    try {
      articlePath = (await generate(store, { articles: o.articles, seed: o.seed, mediaDir: path.join(scratch.dataDir, 'media') })).newestNewsPath
    } finally {
      await store.close()
    }
    const cached = await startServer({ dataDir: scratch.dataDir, databaseUrl: scratch.databaseUrl })
    servers.push(cached)
    const uncached = await startServer({ dataDir: scratch.dataDir, databaseUrl: scratch.databaseUrl, env: { PAGE_CACHE_MB: '0' } })
    servers.push(uncached)
    const pages: PageResult[] = []
    for (const [page, p] of [['front', '/'], ['article', articlePath]] as const) {
      await identityBytes(cached.url + p)
      const { body, type, cache } = await identityBytes(cached.url + p)
      if (cache !== 'hit') console.log(`  warning: ${p} answered x-cache ${cache} on the second request`)
      const baseline = await startBaseline(body, type, scratch.dataDir)
      try {
        const targets = { cached: cached.url + p, baseline: baseline.url + '/', uncached: uncached.url + p }
        // Warm the JIT (and SQLite's page cache) of each target before anything is recorded.
        for (const url of Object.values(targets)) await load(url, { seconds: 2 })
        const runs: PageResult['runs'] = []
        for (let i = 0; i < o.runs; i++) {
          const c = await load(targets.cached, { seconds: o.duration })
          const b = await load(targets.baseline, { seconds: o.duration })
          const u = await load(targets.uncached, { seconds: o.duration })
          runs.push({ cached: c, baseline: b, uncached: u, loadAverage: os.loadavg() })
          console.log(`  ${page} run ${i + 1}: cached ${Math.round(c.rps)}  baseline ${Math.round(b.rps)}  uncached ${Math.round(u.rps)} req/s ` +
            `(ratio ${(c.rps / b.rps).toFixed(2)}; load ${loadavg()})`)
        }
        pages.push({ page, path: p, bytes: body.length, runs })
      } finally {
        await baseline.close()
      }
    }

    console.log('\npage      KiB   cached req/s  baseline req/s  ratio  uncached req/s  ratio  cached p99 ms  (medians of runs)')
    const summary = pages.map((pg) => {
      const c = median(pg.runs.map((r) => r.cached.rps))
      const b = median(pg.runs.map((r) => r.baseline.rps))
      const u = median(pg.runs.map((r) => r.uncached.rps))
      const ratio = median(pg.runs.map((r) => r.cached.rps / r.baseline.rps))
      const uncachedRatio = median(pg.runs.map((r) => r.uncached.rps / r.baseline.rps))
      const p99 = median(pg.runs.map((r) => r.cached.p99Ms))
      console.log(`${pg.page.padEnd(8)} ${(pg.bytes / 1024).toFixed(1).padStart(5)}  ${Math.round(c).toString().padStart(12)}  ${Math.round(b).toString().padStart(14)}  ` +
        `${ratio.toFixed(2).padStart(5)}  ${Math.round(u).toString().padStart(14)}  ${uncachedRatio.toFixed(3).padStart(5)}  ${p99.toFixed(2).padStart(13)}`)
      return { page: pg.page, path: pg.path, bytes: pg.bytes, cachedRps: c, baselineRps: b, ratio, uncachedRps: u, uncachedRatio, cachedP99Ms: p99 }
    })
    console.log(`ratio = median over runs of (req/s ÷ req/s of the bare node:http server with the same bytes, loaded right after); ` +
      `load average before ${loadBefore.map((x) => x.toFixed(2)).join(' ')}, after ${loadavg()}`)
    await mkdir(RESULTS_DIR, { recursive: true })
    const file = path.join(RESULTS_DIR, `cache-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`)
    await writeFile(file, JSON.stringify({
      startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), node: process.version, cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown', loadAverage: { before: loadBefore, after: os.loadavg() }, engine: o.engine,
      articles: o.articles, seed: o.seed, durationSeconds: o.duration, wrk: { threads: 2, connections: 10, version: await wrkVersion() },
      summary, pages,
    }, null, 2))
    console.log(`results: ${path.relative(process.cwd(), file)}`)
    return 0
  } finally {
    for (const s of servers) await s.close()
    await scratch.drop()
  }
}

try {
  process.exitCode = await main()
} catch (err) {
  console.error(`bench/cache: ${err instanceof Error ? err.stack ?? err.message : String(err)}`)
  process.exitCode = (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? 2 : 1
}

// Overload: the real server (page cache off) under wrk at 1,000 connections on uncached pages, while a probe asks /healthz
// every 100 ms on a connection of its own. Prints what was served, what was shed, and how long the probes waited.
//
//   npm run bench:overload -- [--seconds 20] [--connections 1000] [--threads 2] [--env NAME=VALUE ...]
//
// The site is the demo newsroom in a temporary DATA_DIR (SQLite). `--env` passes more environment to the server, e.g.
// `--env SHED_EVENT_LOOP_DELAY_MS=0` to see it without load shedding. Besides wrk, eight connections of this process
// request the same pages and time each response: "served p99" is the 99th percentile of their 200s, since wrk's own
// percentiles mix served pages with the quick 503s.

import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { writeFile } from 'node:fs/promises'
import http from 'node:http'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import { createScratch } from './scratch.ts'
import { startServer } from './server.ts'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const PROBE_EVERY_MS = 100
const PROBE_TIMEOUT_MS = 10_000
const SAMPLERS = 8

interface WrkOverload {
  completed: number; non2xx: number; micros: number
  connect: number; read: number; write: number; timeout: number; p50us: number; p99us: number; maxus: number
}

interface Timed { readonly status: number; readonly ms: number }

/** One GET on `agent`; status 0 when it failed or took longer than the timeout. */
function timedGet(agent: http.Agent, url: string): Promise<Timed> {
  const t0 = performance.now()
  return new Promise((resolve) => {
    const req = http.get(url, { agent, timeout: PROBE_TIMEOUT_MS }, (res) => {
      res.resume()
      res.once('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0 }))
      res.once('error', () => resolve({ status: 0, ms: performance.now() - t0 }))
    })
    req.once('timeout', () => req.destroy(new Error('timeout')))
    req.once('error', () => resolve({ status: 0, ms: performance.now() - t0 }))
  })
}

const percentile = (values: readonly number[], p: number): number => {
  if (!values.length) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}
const round = (ms: number): number => Math.round(ms * 10) / 10

/** Asks /healthz every 100 ms (or as soon as the last answer came, when it took longer) until `until()` says stop. */
async function probeLoop(url: string, running: () => boolean): Promise<Timed[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
  const results: Timed[] = []
  while (running()) {
    const r = await timedGet(agent, `${url}/healthz`)
    results.push(r)
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, PROBE_EVERY_MS - r.ms)))
  }
  agent.destroy()
  return results
}

/** A few connections that read pages like wrk does, timing each response. */
async function sampleLoop(url: string, paths: readonly string[], running: () => boolean): Promise<Timed[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: SAMPLERS })
  const results: Timed[] = []
  await Promise.all(Array.from({ length: SAMPLERS }, async (_, k) => {
    for (let i = k; running(); i += SAMPLERS) results.push(await timedGet(agent, url + paths[i % paths.length]!))
  }))
  agent.destroy()
  return results
}

/** Article, section and tag paths linked from the front page and the section pages. */
async function sitePaths(url: string): Promise<string[]> {
  const found = new Set<string>(['/'])
  for (const page of ['/', '/news', '/analysis', '/opinion']) {
    const body = await (await fetch(url + page)).text()
    for (const m of body.matchAll(/href="(\/[a-z0-9-]+(?:\/[a-z0-9-]+)?)"/g)) {
      if (!/^\/(assets|media|desk|api|search)/.test(m[1]!)) found.add(m[1]!)
    }
  }
  return [...found]
}

async function runWrk(url: string, pathsFile: string, opts: { seconds: number; connections: number; threads: number }): Promise<WrkOverload> {
  const wrk = spawn('sh', ['-c', `ulimit -n 65536 2>/dev/null || true; exec wrk -t${opts.threads} -c${opts.connections} -d${opts.seconds}s --timeout 10s -s bench/overload.lua ${url} -- ${pathsFile}`],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  wrk.stdout.on('data', (d: Buffer) => { out += d.toString() })
  const [code] = await once(wrk, 'exit')
  const line = /^OVERLOAD (.*)$/m.exec(out)
  if (code !== 0 || !line) throw new Error(`wrk failed (exit ${code}):\n${out}`)
  return JSON.parse(line[1]!) as WrkOverload
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { seconds: { type: 'string', default: '20' }, connections: { type: 'string', default: '1000' }, threads: { type: 'string', default: '2' }, env: { type: 'string', multiple: true, default: [] } },
    strict: true,
  })
  const seconds = Number(values.seconds), connections = Number(values.connections), threads = Number(values.threads)
  const extraEnv = Object.fromEntries(values.env.map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]))
  const scratch = await createScratch('sqlite')
  try {
    const seed = spawn(process.execPath, ['src/main.ts', 'seed-demo'], { cwd: ROOT, env: { ...process.env, DATA_DIR: scratch.dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' }, stdio: 'inherit' })
    const [seedCode] = await once(seed, 'exit')
    if (seedCode !== 0) throw new Error(`seed-demo exited with ${seedCode}`)
    const server = await startServer({ dataDir: scratch.dataDir, databaseUrl: undefined, env: { PAGE_CACHE_MB: '0', ...extraEnv } })
    try {
      const paths = await sitePaths(server.url)
      const pathsFile = path.join(scratch.dataDir, 'paths.txt')
      await writeFile(pathsFile, paths.join('\n') + '\n')
      console.log(`${paths.length} pages, ${connections} connections for ${seconds} s, page cache off${values.env.length ? `, ${values.env.join(' ')}` : ''}`)
      const rssBefore = server.memory().rssKiB
      let running = true
      const probes = probeLoop(server.url, () => running)
      const samples = sampleLoop(server.url, paths, () => running)
      const wrk = await runWrk(server.url, pathsFile, { seconds, connections, threads }).finally(() => { running = false })
      const probed = await probes
      const sampled = await samples
      const served = sampled.filter((s) => s.status === 200).map((s) => s.ms)
      const probeMs = probed.map((p) => p.ms)
      const probeOk = probed.filter((p) => p.status === 200).length
      const row = {
        'served (2xx)': wrk.completed - wrk.non2xx,
        'served req/s': Math.round((wrk.completed - wrk.non2xx) / (wrk.micros / 1e6)),
        'shed (non-2xx: 503)': wrk.non2xx,
        'socket errors': wrk.connect + wrk.read + wrk.write,
        'timeouts': wrk.timeout,
        'wrk p50 / p99 ms (all)': `${round(wrk.p50us / 1000)} / ${round(wrk.p99us / 1000)}`,
        'served p99 ms (sampled)': round(percentile(served, 99)),
        'sampled 200 / 503': `${served.length} / ${sampled.filter((s) => s.status === 503).length}`,
        'probes (200 / all)': `${probeOk} / ${probed.length}`,
        'probe p50 ms': round(percentile(probeMs, 50)),
        'probe p99 ms': round(percentile(probeMs, 99)),
        'probe max ms': round(Math.max(...probeMs)),
        'probes over 100 ms': probeMs.filter((ms) => ms > 100).length,
        'RSS MiB before / peak': `${Math.round(rssBefore / 1024)} / ${Math.round(server.memory().peakKiB / 1024)}`,
      }
      console.table(Object.entries(row).map(([figure, value]) => ({ figure, value })))
    } finally {
      await server.close()
    }
  } finally {
    await scratch.drop()
  }
}

await main()

// Loading pages of a running server with wrk: one cold request, a warm-up, the measured run, and the CPU the server used.

import { BROWSER_AGENT, load, type LoadResult } from './load.ts'
import { cpuDelta } from './scratch.ts'
import { processCpuMs } from './server.ts'

/** Reads the CPU (ms) of each database backend by pid; see scratch.ts databaseCpu. */
export type DatabaseCpu = () => Promise<ReadonlyMap<number, number>>

/** One benchmarked page (or the baseline) in one engine run. */
export interface Row {
  readonly engine: 'sqlite' | 'postgres'
  /** Whether the server's page cache was on ('off': every request renders); null for the baseline. */
  readonly cache: 'on' | 'off' | null
  readonly page: string
  readonly path: string
  readonly status: number
  readonly bytes: number
  /** The first request, before any warm-up: cold caches, JIT not yet warm; with the page cache on, a miss. */
  readonly firstMs: number
  readonly load: LoadResult | null
  /** The same page with one connection (wrk -t1 -c1): a request's own time, with no other request queued before it. */
  readonly single: LoadResult | null
  /** CPU time the serving process used per request during the measured run, in µs: robust to other work on the machine. */
  readonly cpuUsPerRequest: number | null
  /** CPU the PostgreSQL backends of the database used per request, in µs; null on SQLite (it runs in the server process). */
  readonly dbCpuUsPerRequest: number | null
  /** req/s of this page divided by req/s of the baseline in the same engine run. */
  ratio?: number
  /** CPU per request of this page (server plus database) divided by the baseline's. */
  cpuRatio?: number
}

/** One GET: status, body, content type and time, with a browser user agent. */
export async function fetchOnce(url: string): Promise<{ status: number; body: Buffer; type: string; ms: number }> {
  const t0 = performance.now()
  const res = await fetch(url, { headers: { 'user-agent': BROWSER_AGENT }, redirect: 'manual' })
  const body = Buffer.from(await res.arrayBuffer())
  return { status: res.status, body, type: res.headers.get('content-type') ?? 'application/octet-stream', ms: performance.now() - t0 }
}

export interface Measured {
  readonly load: LoadResult
  readonly cpuUsPerRequest: number
  readonly dbCpuUsPerRequest: number | null
}

/**
 * A short unrecorded run first, so the JIT and the database caches are warm; then the measured one, with the CPU that
 * process `pid` used and, given `dbCpu`, the CPU the database's backends used.
 */
export async function measure(url: string, seconds: number, pid: number, dbCpu?: DatabaseCpu): Promise<Measured> {
  await load(url, { seconds: Math.max(1, Math.min(3, Math.round(seconds / 3))) })
  const db0 = await dbCpu?.()
  const cpu0 = processCpuMs(pid)
  const result = await load(url, { seconds })
  const cpu1 = processCpuMs(pid)
  const db1 = await dbCpu?.()
  const perRequest = (ms: number) => (ms * 1000) / Math.max(1, result.requests)
  return { load: result, cpuUsPerRequest: perRequest(cpu1 - cpu0), dbCpuUsPerRequest: db0 && db1 ? perRequest(cpuDelta(db0, db1)) : null }
}

/** Prints one row as it is measured. */
export function printRow(row: Row, note = ''): void {
  const l = row.load
  if (!l) return void console.log(`  ${row.page.padEnd(12)} ${row.path} answered ${row.status}; not loaded`)
  const db = row.dbCpuUsPerRequest === null ? '' : ` + ${Math.round(row.dbCpuUsPerRequest)} µs database CPU/req`
  const single = row.single ? `  (1 connection: p50 ${row.single.p50Ms.toFixed(2)} ms, p99 ${row.single.p99Ms.toFixed(2)} ms)` : ''
  console.log(`  ${row.page.padEnd(12)} ${Math.round(l.rps).toString().padStart(6)} req/s  p50 ${l.p50Ms.toFixed(2)} ms  ` +
    `p99 ${l.p99Ms.toFixed(2)} ms  ${Math.round(row.cpuUsPerRequest ?? 0)} µs CPU/req${db}${single}${note}`)
}

/** Loads each page of `pages` ([name, path]) on the server at `url` (process `pid`); pages that do not answer 200 are not loaded. */
export async function loadPages(
  server: { readonly url: string; readonly pid: number }, pages: readonly (readonly [string, string])[],
  ctx: { readonly engine: Row['engine']; readonly cache: 'on' | 'off'; readonly seconds: number; readonly dbCpu?: DatabaseCpu },
): Promise<{ rows: Row[]; bodies: Map<string, { body: Buffer; type: string }> }> {
  const rows: Row[] = []
  const bodies = new Map<string, { body: Buffer; type: string }>()
  for (const [page, path] of pages) {
    const first = await fetchOnce(server.url + path)
    bodies.set(page, first)
    const measured = first.status === 200 ? await measure(server.url + path, ctx.seconds, server.pid, ctx.dbCpu) : null
    const single = measured ? await load(server.url + path, { seconds: Math.max(2, Math.round(ctx.seconds / 2)), threads: 1, connections: 1 }) : null
    const row: Row = {
      engine: ctx.engine, cache: ctx.cache, page, path, status: first.status, bytes: first.body.length, firstMs: first.ms,
      load: measured?.load ?? null, single, cpuUsPerRequest: measured?.cpuUsPerRequest ?? null, dbCpuUsPerRequest: measured?.dbCpuUsPerRequest ?? null,
    }
    rows.push(row)
    printRow(row)
  }
  return { rows, bodies }
}

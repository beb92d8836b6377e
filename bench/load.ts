// Load generation with wrk (`wrk -t2 -c10 -d<secs>s --latency URL`): runs it and parses throughput, latency percentiles and errors.

import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** Crawler detection flags wrk's own agent (TRAPS.md): load as a browser would. */
export const BROWSER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36'

export interface LoadOptions {
  readonly seconds: number
  readonly threads?: number
  readonly connections?: number
  readonly headers?: Readonly<Record<string, string>>
}

export interface LoadResult {
  readonly requests: number
  readonly seconds: number
  readonly rps: number
  readonly avgMs: number
  readonly maxMs: number
  readonly p50Ms: number
  readonly p75Ms: number
  readonly p90Ms: number
  readonly p99Ms: number
  /** Responses with a status outside 2xx and 3xx. */
  readonly non2xx: number
  readonly socketErrors: { readonly connect: number; readonly read: number; readonly write: number; readonly timeout: number }
  /** wrk's full report, kept in the results file. */
  readonly raw: string
}

/** "1.23ms", "850.00us", "1.02s", "2.00m" in milliseconds. */
function toMs(value: string): number {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(value.trim())
  if (!m) return Number.NaN
  const n = Number(m[1])
  return m[2] === 'us' ? n / 1000 : m[2] === 'ms' ? n : m[2] === 's' ? n * 1000 : n * 60_000
}

/** Parses wrk's --latency report. Throws when the summary lines are missing. */
export function parseWrk(raw: string): LoadResult {
  const num = (re: RegExp): number => {
    const m = re.exec(raw)
    return m ? Number(m[1]) : 0
  }
  const summary = /(\d+) requests in ([\d.]+)(us|ms|s|m),/.exec(raw)
  const rpsLine = /Requests\/sec:\s+([\d.]+)/.exec(raw)
  if (!summary || !rpsLine) throw new Error(`wrk printed no summary:\n${raw}`)
  const pct = (p: number): number => {
    const m = new RegExp(`^\\s+${p}%\\s+(\\S+)`, 'm').exec(raw)
    return m ? toMs(m[1]!) : Number.NaN
  }
  const latency = /Latency\s+(\S+)\s+\S+\s+(\S+)/.exec(raw)
  const sock = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(raw)
  return {
    requests: Number(summary[1]),
    seconds: toMs(`${summary[2]}${summary[3]}`) / 1000,
    rps: Number(rpsLine[1]),
    avgMs: latency ? toMs(latency[1]!) : Number.NaN,
    maxMs: latency ? toMs(latency[2]!) : Number.NaN,
    p50Ms: pct(50), p75Ms: pct(75), p90Ms: pct(90), p99Ms: pct(99),
    non2xx: num(/Non-2xx or 3xx responses: (\d+)/),
    socketErrors: {
      connect: Number(sock?.[1] ?? 0), read: Number(sock?.[2] ?? 0), write: Number(sock?.[3] ?? 0), timeout: Number(sock?.[4] ?? 0),
    },
    raw,
  }
}

/** Loads `url` for `seconds` and returns the parsed report. */
export async function load(url: string, opts: LoadOptions): Promise<LoadResult> {
  const headers = { 'User-Agent': BROWSER_AGENT, ...opts.headers }
  const args = [
    `-t${opts.threads ?? 2}`, `-c${opts.connections ?? 10}`, `-d${opts.seconds}s`, '--latency',
    ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]), url,
  ]
  const { stdout } = await run('wrk', args, { timeout: (opts.seconds + 60) * 1000, maxBuffer: 4 * 1024 * 1024 })
  return parseWrk(stdout)
}

/** wrk's version line, for the results file. */
export async function wrkVersion(): Promise<string> {
  try {
    const { stdout, stderr } = await run('wrk', ['-v']).catch((err: { stdout?: string; stderr?: string }) => ({ stdout: err.stdout ?? '', stderr: err.stderr ?? '' }))
    return (stdout + stderr).split('\n')[0]?.trim() ?? 'unknown'
  } catch {
    return 'unknown'
  }
}

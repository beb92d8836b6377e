// Readers during a long write: a child process that requests pages at a steady pace and reports their latencies.
//
// The child has its own event loop, so a batch that holds the writer's thread (better-sqlite3 answers synchronously)
// does not delay the requests or their clocks, and its memory is not counted in the writer's: what it measures is the
// server's answer time, as a reader would see it.

import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { BROWSER_AGENT } from './load.ts'

export interface ReaderFigures {
  readonly requests: number
  /** Answers other than 200, 301 and 404 (an article not imported yet is a 404), and failed requests. */
  readonly errors: number
  readonly p50Ms: number
  readonly p99Ms: number
  readonly maxMs: number
}

export interface Readers {
  /** Adds paths the readers may request from now on (pages that exist by then). */
  add(paths: readonly string[]): void
  stop(): Promise<ReaderFigures>
}

const READER = `
const workerData = JSON.parse(process.argv[1])
const parentPort = { on: (e, f) => process.on(e, f), postMessage: (m) => process.send(m) }
const paths = [...workerData.paths]
const times = []
let errors = 0, stopped = false, n = 0
parentPort.on('message', (m) => { if (m.add) paths.push(...m.add); if (m.stop) stopped = true })
;(async () => {
  while (!stopped) {
    const started = performance.now()
    // Listing pages every other request, an article page in between: the pages an import invalidates.
    const path = n++ % 2 === 0 ? workerData.paths[n % workerData.paths.length] : paths[Math.floor(Math.random() * paths.length)]
    try {
      const res = await fetch(workerData.url + path, { headers: { 'user-agent': workerData.agent }, redirect: 'manual' })
      await res.arrayBuffer()
      if (![200, 301, 404].includes(res.status)) errors++
    } catch {
      errors++
    }
    const ms = performance.now() - started
    times.push(ms)
    await new Promise((r) => setTimeout(r, Math.max(0, workerData.everyMs - ms)))
  }
  parentPort.postMessage({ times, errors })
  process.disconnect()
})()
`

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0

/** Starts requesting `listings` and any added paths from `url`, one request every `everyMs` (default 50). */
export function startReaders(url: string, listings: readonly string[], everyMs = 50): Readers {
  const data = JSON.stringify({ url, paths: listings, agent: BROWSER_AGENT, everyMs })
  const child = spawn(process.execPath, ['-e', READER, data], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  return {
    add: (paths) => child.send({ add: paths }),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the readers' process ended early (${child.exitCode ?? child.signalCode})`)
      const message = once(child, 'message') as Promise<[{ times: number[]; errors: number }]>
      const ended = once(child, 'exit').then(([code, signal]) => {
        throw new Error(`the readers' process ended early (${code ?? signal})`)
      })
      child.send({ stop: true })
      const [m] = await Promise.race([message, ended])
      const sorted = m.times.sort((a, b) => a - b)
      return {
        requests: sorted.length, errors: m.errors, p50Ms: +percentile(sorted, 50).toFixed(1),
        p99Ms: +percentile(sorted, 99).toFixed(1), maxMs: +(sorted.at(-1) ?? 0).toFixed(1),
      }
    },
  }
}

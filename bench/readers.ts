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
  /** The errors by kind: a status and its path's first segment (`503 /news`), or the failure (`TimeoutError /`). */
  readonly errorKinds: Readonly<Record<string, number>>
  readonly p50Ms: number
  readonly p99Ms: number
  readonly maxMs: number
}

export interface Readers {
  /** Adds paths the readers may request from now on (pages that exist by then). */
  add(paths: readonly string[]): void
  stop(): Promise<ReaderFigures>
}

// The figures are summed up in the child and sent as one small message, and the child lets go of the channel only once
// that message is written: a process.disconnect() right after process.send() closes the pipe under a message larger
// than the pipe's buffer (the raw times of a 10-minute run are some 200 KB of JSON), the rest is dropped, and the child
// exits with status 0 while the parent still waits for it. Each request has a deadline, so a connection that never
// answers counts as an error instead of holding the readers; if the parent goes away, the readers stop with it.
const READER = `
const workerData = JSON.parse(process.argv[1])
const paths = [...workerData.paths]
const times = []
let errors = 0, stopped = false, n = 0
const errorKinds = {}
const failed = (kind, path) => {
  errors++
  const key = kind + ' /' + (path.split('/')[1] ?? '').split('?')[0]
  errorKinds[key] = (errorKinds[key] ?? 0) + 1
}
process.on('message', (m) => { if (m.add) paths.push(...m.add); if (m.stop) stopped = true })
process.on('disconnect', () => { stopped = true })
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0
;(async () => {
  while (!stopped) {
    const started = performance.now()
    // Listing pages every other request, an article page in between: the pages an import invalidates.
    const path = n++ % 2 === 0 ? workerData.paths[n % workerData.paths.length] : paths[Math.floor(Math.random() * paths.length)]
    try {
      const res = await fetch(workerData.url + path, { headers: { 'user-agent': workerData.agent }, redirect: 'manual', signal: AbortSignal.timeout(workerData.timeoutMs) })
      await res.arrayBuffer()
      if (![200, 301, 404].includes(res.status)) failed(String(res.status), path)
    } catch (err) {
      failed(err?.name ?? 'Error', path)
    }
    const ms = performance.now() - started
    times.push(ms)
    await new Promise((r) => setTimeout(r, Math.max(0, workerData.everyMs - ms)))
  }
  if (!process.connected) return
  const sorted = times.sort((a, b) => a - b)
  const figures = { requests: sorted.length, errors, errorKinds, p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99), maxMs: sorted.at(-1) ?? 0 }
  process.send(figures, () => process.disconnect())
})()
`

/** A request not answered in this long counts as an error. */
const TIMEOUT_MS = 30_000

/** Starts requesting `listings` and any added paths from `url`, one request every `everyMs` (default 50). */
export function startReaders(url: string, listings: readonly string[], everyMs = 50): Readers {
  const data = JSON.stringify({ url, paths: listings, agent: BROWSER_AGENT, everyMs, timeoutMs: TIMEOUT_MS })
  const child = spawn(process.execPath, ['-e', READER, data], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  // Recorded as it happens: by the time stop() asks, the 'exit' event may have been emitted long before.
  let ended: string | null = null
  child.once('exit', (code, signal) => { ended = `${code ?? signal}` })
  // The channel closes only after everything written before it has been read: unlike 'exit', which may come first,
  // 'disconnect' never overtakes the figures.
  const closed = once(child, 'disconnect').then(() => null, () => null)
  return {
    add: (paths) => { if (child.connected) child.send({ add: paths }) },
    stop: async () => {
      if (!child.connected) throw new Error(`the readers' process ended early (${ended ?? 'its channel closed'})`)
      const message = once(child, 'message') as Promise<[ReaderFigures]>
      child.send({ stop: true })
      const m = await Promise.race([message.then(([figures]) => figures), closed])
      if (m === null) throw new Error(`the readers' process ended before it sent its figures (${ended ?? 'its channel closed'})`)
      const round = (ms: number) => +ms.toFixed(1)
      return { requests: m.requests, errors: m.errors, errorKinds: m.errorKinds, p50Ms: round(m.p50Ms), p99Ms: round(m.p99Ms), maxMs: round(m.maxMs) }
    },
  }
}

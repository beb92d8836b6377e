// Checkpoints of a SQLite file in a worker thread once its write-ahead log grows, so that no commit on the main thread copies it.

import { statSync } from 'node:fs'
import { Worker } from 'node:worker_threads'

/**
 * WAL pages after which a commit on the main connection checkpoints by itself (40 MB): only a fallback for when the
 * worker is not keeping up. SQLite's default of 1,000 pages (4 MB) made every commit after a 2 MB body copy the log
 * and sync the file inside the commit: 40–190 ms on the event loop.
 */
export const FALLBACK_CHECKPOINT_PAGES = 10_000
/** Log size at which the worker starts; smaller logs (tests, quiet sites) never cost a thread. */
const START_BYTES = 1024 * 1024
const CHECK_MS = 1_000
const CHECKPOINT_MS = 500

/**
 * Watches `file`'s write-ahead log and, once it passes START_BYTES, starts a worker thread that checkpoints it every
 * CHECKPOINT_MS on a connection of its own. Neither the watch nor the worker keeps the process alive. stop() ends both
 * and resolves once the worker has closed its connection, so that the files can be moved or removed after it.
 */
export function startCheckpoints(file: string): { stop(): Promise<void> } {
  let worker: Worker | null = null
  const watch = setInterval(() => {
    if (worker || (statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0) < START_BYTES) return
    worker = new Worker(new URL('./sqlite-checkpoint-worker.ts', import.meta.url), { workerData: { file, everyMs: CHECKPOINT_MS } })
    worker.unref()
    // A worker that failed is started again on a later check; meanwhile the main connection's fallback checkpoints.
    worker.once('exit', () => { worker = null })
    worker.once('error', () => { worker = null })
  }, CHECK_MS)
  watch.unref()
  return {
    stop() {
      clearInterval(watch)
      const running = worker
      worker = null
      if (!running) return Promise.resolve()
      const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()))
      // An unreferenced worker does not keep the process alive: whoever awaits its exit would be left with an empty loop.
      running.ref()
      running.postMessage('stop')
      return exited
    },
  }
}

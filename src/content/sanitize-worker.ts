// The sanitizer's worker thread: cleans large bodies with the same allowlist as content/sanitize.ts, off the main event loop.

import { parentPort } from 'node:worker_threads'
import { cleanMarkup } from './sanitize.ts'
import type { CleanReply } from './sanitize-pool.ts'

parentPort?.on('message', ({ id, html }: { id: number; html: string }) => {
  let reply: CleanReply
  try {
    const clean = cleanMarkup(html)
    reply = clean === null ? { id, tooDeep: true } : { id, html: clean }
  } catch (err) {
    reply = { id, error: err instanceof Error ? err.message : String(err) }
  }
  parentPort!.postMessage(reply)
})

// A WXR file read, parsed and mapped on a thread of its own (wxr-thread.ts): the importing thread only counts, writes
// and reports, so on two cores the file is read while the batches before are written.

import { Worker } from 'node:worker_threads'
import type { WxrEvent } from './wxr-events.ts'
import { WxrError } from './wxr-records.ts'

/** Why the reading thread stopped early: a WxrError's fields, or another error's message and code (ENOENT…). */
type Fault =
  | { readonly wxr: true; readonly message: string; readonly line: number | null; readonly column: number | null }
  | { readonly wxr: false; readonly message: string; readonly code?: unknown }

/** What the reading thread posts: events in file order, how far into the file it is, and at the last, how it ended. */
export interface ThreadMessage {
  readonly events: readonly WxrEvent[]
  readonly bytesRead: number
  readonly end?: { readonly done: true } | { readonly fault: Fault }
}

/**
 * Events per message, and messages the thread may post before the importer has taken them: 2 × 50 items is about
 * 1 MB of bodies held, and a batch of 100 is read while the one before is written.
 */
const CHUNK_SIZE = 50
const AHEAD = 2

const rebuilt = (fault: Fault): Error =>
  fault.wxr ? new WxrError(fault.message, fault.line, fault.column) : Object.assign(new Error(fault.message), fault.code === undefined ? {} : { code: fault.code })

/**
 * The events of a WXR file (wxr-events.ts), read on a worker thread; `bytes.read` follows the thread's progress
 * through the file. Ending the iteration early (a stopped import) ends the thread and closes the file.
 */
export async function* readWxr(file: string, timeZone: string, bytes: { read: number }): AsyncGenerator<WxrEvent> {
  const worker = new Worker(new URL('./wxr-thread.ts', import.meta.url), { workerData: { file, timeZone, chunkSize: CHUNK_SIZE, ahead: AHEAD } })
  const inbox: ThreadMessage[] = []
  let failed: Error | null = null
  let ended = false
  let wake: (() => void) | null = null
  const notify = () => {
    wake?.()
    wake = null
  }
  worker.on('message', (m: ThreadMessage) => {
    inbox.push(m)
    notify()
  })
  worker.on('error', (err) => {
    failed ??= err
    notify()
  })
  worker.on('exit', () => {
    ended = true
    notify()
  })
  try {
    for (;;) {
      while (inbox.length === 0) {
        if (failed) throw failed
        if (ended) throw new Error('the thread reading the export ended before the end of the file')
        await new Promise<void>((resolve) => { wake = resolve })
      }
      const m = inbox.shift()!
      // Room for one more at once: the thread reads on while these are imported.
      if (!m.end) worker.postMessage(null)
      bytes.read = m.bytesRead
      yield* m.events
      if (m.end) {
        if ('fault' in m.end) throw rebuilt(m.end.fault)
        return
      }
    }
  } finally {
    await worker.terminate()
  }
}

// A WXR file read, parsed and mapped on a thread of its own (wxr-thread.ts): the importing thread only counts, writes
// and reports, so on two cores the file is read while the batches before are written. Or read on this thread, where
// a database server already works on the other core.

import { createReadStream, type ReadStream } from 'node:fs'
import { Worker } from 'node:worker_threads'
import { wxrEvents, type WxrEvent } from './wxr-events.ts'
import { WxrError } from './wxr-records.ts'

/** Why the reading thread stopped early: a WxrError's fields, or another error's name, message, stack and system fields. */
export type Fault =
  | { readonly wxr: true; readonly message: string; readonly line: number | null; readonly column: number | null }
  | { readonly wxr: false; readonly name: string; readonly message: string; readonly stack?: string; readonly system: Record<string, unknown> }

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

/** The fields a system error (EISDIR, EACCES…) carries besides its message. */
const SYSTEM_FIELDS = ['code', 'errno', 'syscall', 'path'] as const

/** The thread's fault as it can cross to this one: plain data. */
export function faultOf(err: unknown): Fault {
  if (err instanceof WxrError) return { wxr: true, message: err.message, line: err.line, column: err.column }
  const e = (err instanceof Error ? err : new Error(String(err))) as Error & Record<string, unknown>
  const system = Object.fromEntries(SYSTEM_FIELDS.filter((k) => e[k] !== undefined).map((k) => [k, e[k]]))
  return { wxr: false, name: e.name, message: e.message, ...(e.stack !== undefined && { stack: e.stack }), system }
}

/** The fault as an error of this thread, with the thread's stack. */
function rebuilt(fault: Fault): Error {
  if (fault.wxr) return new WxrError(fault.message, fault.line, fault.column)
  const err = Object.assign(new Error(fault.message), fault.system)
  err.name = fault.name
  if (fault.stack !== undefined) err.stack = fault.stack
  return err
}

/** For tests: the chunking of the thread and what happens to it. */
export interface ReadOptions {
  readonly chunkSize?: number
  readonly ahead?: number
  /** Called as each message of the thread arrives, before it is taken. */
  readonly onMessage?: () => void
  /** Called when the thread has ended. */
  readonly onExit?: () => void
}

/**
 * The events of a WXR file (wxr-events.ts), read on a worker thread; `bytes.read` follows the thread's progress
 * through the file. Ending the iteration early (a stopped import) ends the thread and closes the file.
 */
export async function* readWxr(file: string, timeZone: string, bytes: { read: number }, o: ReadOptions = {}): AsyncGenerator<WxrEvent> {
  const workerData = { file, timeZone, chunkSize: o.chunkSize ?? CHUNK_SIZE, ahead: o.ahead ?? AHEAD }
  const worker = new Worker(new URL('./wxr-thread.ts', import.meta.url), { workerData })
  const inbox: ThreadMessage[] = []
  let failed: Error | null = null
  let ended = false
  let wake: (() => void) | null = null
  const notify = () => {
    wake?.()
    wake = null
  }
  worker.on('message', (m: ThreadMessage) => {
    o.onMessage?.()
    inbox.push(m)
    notify()
  })
  // A message that could not be read would leave its events and its credit lost, and both threads waiting.
  const fail = (err: Error) => {
    failed ??= err
    notify()
  }
  worker.on('error', fail)
  worker.on('messageerror', fail)
  const exited = new Promise<void>((resolve) => worker.on('exit', () => {
    ended = true
    o.onExit?.()
    notify()
    resolve()
  }))
  // Set once the thread has posted its last message: it then ends by itself.
  let finished = false
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
        finished = true
        if ('fault' in m.end) throw rebuilt(m.end.fault)
        return
      }
    }
  } finally {
    // A thread that has posted its last message ends by itself; one ended early (a stopped import), or that has not
    // ended a second after its last message, is terminated.
    if (finished && !ended) await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 1_000).unref())])
    if (!ended) await worker.terminate()
  }
}

/** The file as text chunks of 256 KiB, with `bytes.read` following the stream. */
export function fileChunks(file: string, bytes: { read: number }): { readonly stream: ReadStream; readonly chunks: AsyncGenerator<string> } {
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 })
  const chunks = (async function* () {
    for await (const chunk of stream) {
      bytes.read = stream.bytesRead
      yield chunk as string
    }
  })()
  return { stream, chunks }
}

/**
 * The events of a WXR file read on this thread. On PostgreSQL the server's processes use the second core: with the
 * reading thread beside them, 10,000 posts took 75–92 s where this took 67.5 (bench/README.md).
 */
export async function* readWxrHere(file: string, timeZone: string, bytes: { read: number }): AsyncGenerator<WxrEvent> {
  const { stream, chunks } = fileChunks(file, bytes)
  try {
    yield* wxrEvents(chunks, timeZone)
  } finally {
    stream.destroy()
  }
}


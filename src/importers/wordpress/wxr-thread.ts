// The WXR reader's thread: streams the file, parses and maps it (wxr-events.ts), and posts the events in chunks to
// the importing thread, never more than it has asked for.

import { parentPort, workerData } from 'node:worker_threads'
import { wxrEvents, type WxrEvent } from './wxr-events.ts'
import { faultOf, fileChunks, type ThreadMessage } from './wxr-read.ts'
import { runInBackground } from '../../thread-priority.ts'

const { file, timeZone, chunkSize, ahead } = workerData as { file: string; timeZone: string; chunkSize: number; ahead: number }
const port = parentPort!
// The site's server, on the same machine, has the larger share of a core both want (src/thread-priority.ts).
await runInBackground()

// Chunks the importing thread has room for: it gives one back each time it takes one, so the file is read at the
// pace of the writes and the thread holds at most `ahead` chunks of events.
let credit = ahead
let wake: (() => void) | null = null
port.on('message', () => {
  credit++
  wake?.()
  wake = null
})

const bytes = { read: 0 }
const { stream, chunks } = fileChunks(file, bytes)

let events: WxrEvent[] = []
const post = (message: ThreadMessage) => {
  port.postMessage(message)
  events = []
}

try {
  for await (const e of wxrEvents(chunks, timeZone)) {
    events.push(e)
    if (events.length < chunkSize) continue
    while (credit === 0) await new Promise<void>((resolve) => { wake = resolve })
    credit--
    post({ events, bytesRead: bytes.read })
  }
  post({ events, bytesRead: bytes.read, end: { done: true } })
} catch (err) {
  // The events read before the fault go with it: they are imported before the error is reported.
  post({ events, bytesRead: bytes.read, end: { fault: faultOf(err) } })
} finally {
  stream.destroy()
  // Nothing left to wait for: the thread ends once its last message is on its way (a port listened to keeps it alive,
  // and removing its listeners does not let it go).
  port.unref()
}

// The term counter's thread (term-counter.ts): counts the terms of the sources it is sent and answers with their
// frequencies, in the order sent.

import { parentPort } from 'node:worker_threads'
import { countTerms } from './count.ts'
import type { CountReply, CountRequest } from './term-counter.ts'
import { runInBackground } from '../thread-priority.ts'

const port = parentPort!
// The site's server, on the same machine, goes first (src/thread-priority.ts).
runInBackground()

port.on('message', async ({ id, sources, params }: CountRequest) => {
  let reply: CountReply
  try {
    const counts: Map<string, number>[] = []
    for (const source of sources) counts.push(await countTerms(source, params))
    reply = { id, counts }
  } catch (err) {
    reply = { id, error: err instanceof Error ? err.message : String(err) }
  }
  port.postMessage(reply)
})

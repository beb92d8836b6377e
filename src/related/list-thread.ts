// The list helper's thread (list-helper.ts): computes the lists of the slices it is sent, from the shared collection
// and the postings it has been sent so far, with the same ranker as the importing thread.

import { parentPort, workerData } from 'node:worker_threads'
import { createRanker } from './list-ranker.ts'
import type { TopPostings } from '../store/related-postings.ts'
import type { ListReply, ListRequest, ListThreadData } from './list-helper.ts'
import { runInBackground } from '../thread-priority.ts'

const { collection, fallback, params } = workerData as ListThreadData
const ranker = createRanker(collection, fallback, params)
const postings = new Map<string, TopPostings>()
const port = parentPort!
// The site's server, on the same machine, goes first (src/thread-priority.ts).
runInBackground()

port.on('message', (job: ListRequest) => {
  let reply: ListReply
  try {
    // The sender keeps count of what this thread holds, and says when to drop it, by the same bound as its own.
    if (job.clear) postings.clear()
    for (const [term, list] of job.postings) postings.set(term, list)
    const result = ranker.lists(job.slice, job.vectors, (term) => postings.get(term), job.overrides, job.keepCandidates)
    reply = { id: job.id, result }
  } catch (err) {
    reply = { id: job.id, error: err instanceof Error ? err.message : String(err) }
  }
  port.postMessage(reply)
})

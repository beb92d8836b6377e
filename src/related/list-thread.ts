// The list helper's thread (list-helper.ts): computes the lists of the slices it is sent, from the shared collection
// and the postings it has been sent so far, with the same ranker as the importing thread.

import { workerData } from 'node:worker_threads'
import { createRanker } from './list-ranker.ts'
import type { TopPostings } from '../store/related-postings.ts'
import type { ListRequest, ListThreadData } from './list-helper.ts'
import { answerJobs } from './thread-jobs.ts'
import { runInBackground } from '../thread-priority.ts'

// The site's server, on the same machine, has the larger share of a core both want (src/thread-priority.ts).
await runInBackground()

const { collection, fallback, params } = workerData as ListThreadData
const ranker = createRanker(collection, fallback, params)
const postings = new Map<string, TopPostings>()

answerJobs((job: ListRequest) => {
  // The sender keeps count of what this thread holds, and says when to drop it, by the same bound as its own.
  if (job.clear) postings.clear()
  for (const [term, list] of job.postings) postings.set(term, list)
  return ranker.lists(job.slice, job.vectors, (term) => postings.get(term), job.overrides, job.keepCandidates)
})

// The term counter's thread (term-counter.ts): counts the terms of each piece of sources it is sent and answers with
// their frequencies, in the order sent.

import { countHere, type CountRequest } from './term-counter.ts'
import { answerJobs } from './thread-jobs.ts'
import { runInBackground } from '../thread-priority.ts'

// The site's server, on the same machine, has the larger share of a core both want (src/thread-priority.ts).
await runInBackground()

answerJobs(({ sources, params }: CountRequest) => countHere(sources, params))

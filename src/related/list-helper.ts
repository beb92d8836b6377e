// A second thread for a list pass: ranking is most of a pass's work (the cosine walk over some 15,000 postings an
// article), and this thread reads and writes while the helper ranks the slices handed to it.

import { Worker } from 'node:worker_threads'
import type { RelatedOverride } from '../store/related.ts'
import type { TopPostings } from '../store/related-postings.ts'
import type { Collection } from './collection.ts'
import type { RelatedParams } from './engine.ts'
import type { SliceLists } from './list-ranker.ts'
import type { WeightedTerm } from './terms.ts'

/**
 * How many postings a list pass keeps in memory at most on each of its threads (about 12 bytes each, plus each term's
 * two arrays).
 */
export const POSTINGS_KEPT = 1_000_000

/** What the thread starts with: the collection (shared memory, not copied), the site's language and the parameters. */
export interface ListThreadData {
  readonly collection: Collection
  readonly fallback: string
  readonly params: RelatedParams
}

/** One slice for the thread, with the postings of its terms that the thread does not hold yet. */
export interface ListRequest {
  readonly id: number
  readonly slice: readonly number[]
  readonly vectors: ReadonlyMap<number, readonly WeightedTerm[]>
  readonly postings: readonly (readonly [string, TopPostings])[]
  /** Drop every posting held before taking these (the thread holds at most POSTINGS_KEPT, as this one does). */
  readonly clear: boolean
  readonly overrides: ReadonlyMap<number, readonly RelatedOverride[]>
  readonly keepCandidates: number
}

export type ListReply = { readonly id: number; readonly result: SliceLists } | { readonly id: number; readonly error: string }

export interface ListHelper {
  /** Slices the thread has now (computing or waiting), or undefined when it has stopped. */
  queued(): number | undefined
  /**
   * The lists of a slice computed on the thread, from its vectors, the postings of its terms and its overrides. Should
   * the thread fail, `here` computes them on this thread, and later slices stay here.
   */
  lists(
    slice: readonly number[], vectors: ReadonlyMap<number, readonly WeightedTerm[]>, postings: ReadonlyMap<string, TopPostings>,
    overrides: ReadonlyMap<number, readonly RelatedOverride[]>, keepCandidates: number, here: () => SliceLists,
  ): Promise<SliceLists>
  close(): Promise<void>
}

/**
 * Slices the thread may have at once, the one it computes and those waiting: with one waiting it starts the next as
 * soon as it answers, while the caller is still reading.
 */
export const QUEUED = 2

/**
 * Starts the thread at once. The caller hands it slices while it has fewer than QUEUED and computes the rest itself,
 * so both threads stay busy whatever their speeds; more are computed here. The thread does not hold the process open.
 */
export function createListHelper(collection: Collection, fallback: string, params: RelatedParams): ListHelper {
  let worker: Worker | null = new Worker(new URL('./list-thread.ts', import.meta.url), { workerData: { collection, fallback, params } satisfies ListThreadData })
  worker.unref()
  let nextId = 1
  const running = new Map<number, { readonly resolve: (r: SliceLists) => void; readonly reject: (err: Error) => void }>()
  // What the thread holds, counted as it counts it.
  let sent = new Set<string>()
  let held = 0

  const fail = (err: Error) => {
    const w = worker
    worker = null
    for (const job of running.values()) job.reject(err)
    running.clear()
    void w?.terminate()
  }
  worker.on('message', (reply: ListReply) => {
    const job = running.get(reply.id)
    if (!job) return
    running.delete(reply.id)
    if (running.size === 0) worker?.unref()
    if ('result' in reply) job.resolve(reply.result)
    else job.reject(new Error(`computing related lists failed: ${reply.error}`))
  })
  worker.on('error', fail)
  worker.on('messageerror', fail)
  worker.on('exit', (code) => fail(new Error(`the related lists thread ended (${code})`)))

  return {
    queued: () => (worker ? running.size : undefined),
    async lists(slice, vectors, postings, overrides, keepCandidates, here) {
      const w = worker
      if (!w || running.size >= QUEUED) return here()
      const clear = held > POSTINGS_KEPT
      if (clear) {
        sent = new Set()
        held = 0
      }
      const fresh: [string, TopPostings][] = []
      for (const [term, list] of postings) {
        if (sent.has(term)) continue
        sent.add(term)
        held += list.ids.length
        fresh.push([term, list])
      }
      const id = nextId++
      const answer = new Promise<SliceLists>((resolve, reject) => running.set(id, { resolve, reject }))
      w.ref()
      w.postMessage({ id, slice, vectors, postings: fresh, clear, overrides, keepCandidates } satisfies ListRequest)
      try {
        return await answer
      } catch (err) {
        // The thread failed (or could not read the message): this slice and the rest are computed here. A fault in the
        // ranking itself would fail here too, and is reported from here.
        if (worker) throw err
        return here()
      }
    },
    async close() {
      const w = worker
      worker = null
      for (const job of running.values()) job.reject(new Error('the related lists thread was closed'))
      running.clear()
      if (w) await w.terminate()
    },
  }
}

// A second thread for a list pass: ranking is most of a pass's work (the cosine walk over some 15,000 postings an
// article), and this thread reads and writes while the helper ranks the slices handed to it.

import type { RelatedOverride } from '../store/related.ts'
import type { TopPostings } from '../store/related-postings.ts'
import type { Collection } from './collection.ts'
import type { RelatedParams } from './engine.ts'
import type { SliceLists } from './list-ranker.ts'
import type { WeightedTerm } from './terms.ts'
import { threadJobs, ThreadGone } from './thread-jobs.ts'

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
  readonly slice: readonly number[]
  readonly vectors: ReadonlyMap<number, readonly WeightedTerm[]>
  readonly postings: readonly (readonly [string, TopPostings])[]
  /** Drop every posting held before taking these (the thread holds at most POSTINGS_KEPT, as this one does). */
  readonly clear: boolean
  readonly overrides: ReadonlyMap<number, readonly RelatedOverride[]>
  readonly keepCandidates: number
}

export interface ListHelper {
  /** Slices the thread has now (computing or waiting), or undefined when it has stopped. */
  queued(): number | undefined
  /**
   * The lists of a slice computed on the thread, from its vectors, the postings of its terms and its overrides. Should
   * the thread die, `here` computes them on this thread, and later slices stay here.
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
 * The thread starts with the first slice handed to it. The caller hands it slices while it has fewer than QUEUED and
 * computes the rest itself, so both threads stay busy whatever their speeds. It holds the process open only while it
 * has slices.
 */
export function createListHelper(collection: Collection, fallback: string, params: RelatedParams): ListHelper {
  const jobs = threadJobs<ListRequest, SliceLists>(new URL('./list-thread.ts', import.meta.url), { collection, fallback, params } satisfies ListThreadData)
  // What the thread holds, counted as it counts it.
  let sent = new Set<string>()
  let held = 0

  return {
    queued: () => (jobs.usable() ? jobs.pending() : undefined),
    async lists(slice, vectors, postings, overrides, keepCandidates, here) {
      if (!jobs.usable() || jobs.pending() >= QUEUED) return here()
      const clear = held > POSTINGS_KEPT
      const fresh: [string, TopPostings][] = []
      for (const [term, list] of postings) if (clear || !sent.has(term)) fresh.push([term, list])
      let answer: Promise<SliceLists>
      try {
        answer = jobs.post({ slice, vectors, postings: fresh, clear, overrides, keepCandidates })
      } catch (err) {
        if (!(err instanceof ThreadGone)) throw err
        return here()
      }
      // Counted once the thread has them: a job that could not be posted leaves the count as it was.
      if (clear) {
        sent = new Set()
        held = 0
      }
      for (const [term, list] of fresh) {
        sent.add(term)
        held += list.ids.length
      }
      try {
        return await answer
      } catch (err) {
        // The thread died: this slice (and the rest) are computed here. A fault in the ranking itself, or a pass that
        // closed the thread because it failed, is reported.
        if (!(err instanceof ThreadGone) || err.closed) throw err
        return here()
      }
    },
    close: () => jobs.close(),
  }
}

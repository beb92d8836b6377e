// Counting many articles' terms on two threads: the settle pass's count and weigh stages are mostly the analysis of
// every body (src/text), pure work that the second core can share while this thread reads and writes.

import type { RelatedSource } from '../store/related.ts'
import { countTerms } from './count.ts'
import type { TermParams } from './terms.ts'
import { threadJobs, ThreadGone } from './thread-jobs.ts'
import { yieldToRequests } from './turn.ts'

/** What this thread sends the counting thread: a piece of sources and the parameters to count them by. */
export interface CountRequest {
  readonly sources: readonly RelatedSource[]
  readonly params: TermParams
}

export interface TermCounter {
  /** The boosted term frequencies (count.ts countTerms) of each source, in the order given. */
  count(sources: readonly RelatedSource[], p: TermParams): Promise<Map<string, number>[]>
  /** Ends the counting thread, if one was started; a later count starts another. */
  close(): Promise<void>
}

/**
 * Sources a piece: the thread and this one take pieces from the same queue, so neither waits while the other has
 * work. A piece of some 25 articles is a few milliseconds of analysis, and between two of its own this thread lets
 * the event loop turn, which is when the counting thread's answers come in.
 */
const PIECE = 25
/** Pieces sent ahead to the counting thread, so it has the next one to start while its last answer crosses. */
const IN_FLIGHT = 2

/** Counts every source on the calling thread, one after the other. */
export async function countHere(sources: readonly RelatedSource[], p: TermParams): Promise<Map<string, number>[]> {
  const out: Map<string, number>[] = []
  for (const s of sources) out.push(await countTerms(s, p))
  return out
}

/** A counter that never leaves the calling thread: inside a transaction, where the loop should not turn, and in tests. */
export const hereCounter: TermCounter = { count: countHere, close: async () => undefined }

/**
 * A counter that shares each call's sources between this thread and one worker thread (count-thread.ts), started on
 * the first call and kept until close(). The frequencies are the same as countHere's: the same function counts them on
 * either thread. A thread that fails (it could not start, or died) leaves its pieces to this one and is not used again;
 * an error in counting itself fails the call, as it would here, and stops the rest of its work.
 */
export function createTermCounter(): TermCounter {
  const jobs = threadJobs<CountRequest, Map<string, number>[]>(new URL('./count-thread.ts', import.meta.url))

  return {
    async count(sources, p) {
      if (sources.length <= PIECE) return countHere(sources, p)
      const out: Map<string, number>[] = new Array(sources.length)
      const starts: number[] = []
      for (let i = 0; i < sources.length; i += PIECE) starts.push(i)
      let next = 0
      const place = (start: number, counts: readonly Map<string, number>[]) => counts.forEach((tf, i) => { out[start + i] = tf })
      const pieceAt = (start: number) => sources.slice(start, start + PIECE)
      const onThread = async (start: number): Promise<Map<string, number>[]> => {
        try {
          return await jobs.post({ sources: pieceAt(start), params: p })
        } catch (err) {
          if (!(err instanceof ThreadGone) || err.closed) throw err
          return countHere(pieceAt(start), p)
        }
      }
      // The thread's side: a chain per slot that takes the next piece each time its last one is answered.
      const slot = async (): Promise<void> => {
        while (next < starts.length && jobs.usable()) {
          const start = starts[next++]!
          place(start, await onThread(start))
        }
      }
      // This thread's side: a piece at a time, letting the loop turn in between for the thread's answers.
      const here = async (): Promise<void> => {
        while (next < starts.length) {
          const start = starts[next++]!
          place(start, await countHere(pieceAt(start), p))
          await yieldToRequests()
        }
      }
      try {
        await Promise.all([here(), ...Array.from({ length: IN_FLIGHT }, slot)])
      } catch (err) {
        // Nothing more is taken: the call has failed.
        next = starts.length
        throw err
      }
      return out
    },
    close: () => jobs.close(),
  }
}

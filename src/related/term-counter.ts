// Counting many articles' terms on two threads: the settle pass's count and weigh stages are mostly the analysis of
// every body (src/text), pure work that the second core can share while this thread reads and writes.

import { Worker } from 'node:worker_threads'
import type { RelatedSource } from '../store/related.ts'
import { countTerms } from './count.ts'
import type { TermParams } from './terms.ts'

/** What this thread sends the counting thread: a piece of sources and the parameters to count them by. */
export interface CountRequest {
  readonly id: number
  readonly sources: readonly RelatedSource[]
  readonly params: TermParams
}

/** The counting thread's answer: the frequencies of each source in the order sent, or why it could not count them. */
export type CountReply = { readonly id: number; readonly counts: Map<string, number>[] } | { readonly id: number; readonly error: string }

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

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/**
 * A counter that shares each call's sources between this thread and one worker thread, started on the first call and
 * kept until close() (it does not hold the process open). The frequencies are the same as countHere's: the same
 * function counts them on either thread. A worker that fails (it could not start, or died) leaves its pieces to this
 * thread and is not used again; an error in counting itself fails the call, as it would here.
 */
export function createTermCounter(): TermCounter {
  let worker: Worker | null = null
  let broken = false
  let nextId = 1
  const waiting = new Map<number, { readonly resolve: (counts: Map<string, number>[]) => void; readonly reject: (err: Error) => void }>()

  const fail = (err: Error) => {
    broken = true
    worker = null
    for (const job of waiting.values()) job.reject(err)
    waiting.clear()
  }

  const ensureWorker = (): Worker | null => {
    if (broken) return null
    if (worker) return worker
    const w = new Worker(new URL('./count-thread.ts', import.meta.url))
    w.on('message', (reply: CountReply) => {
      const job = waiting.get(reply.id)
      if (!job) return
      waiting.delete(reply.id)
      if ('counts' in reply) job.resolve(reply.counts)
      else job.reject(new Error(`term counting failed: ${reply.error}`))
      if (waiting.size === 0) w.unref()
    })
    w.on('error', fail)
    w.on('exit', (code) => { if (worker === w) fail(new Error(`the term counting thread ended (${code})`)) })
    w.on('messageerror', fail)
    worker = w
    return w
  }

  /** Counts `sources` on the worker; undefined when there is none to count them. */
  const onWorker = (sources: readonly RelatedSource[], params: TermParams): Promise<Map<string, number>[]> | undefined => {
    const w = ensureWorker()
    if (!w) return undefined
    const id = nextId++
    const answer = new Promise<Map<string, number>[]>((resolve, reject) => waiting.set(id, { resolve, reject }))
    w.ref()
    w.postMessage({ id, sources, params } satisfies CountRequest)
    return answer
  }

  return {
    async count(sources, p) {
      if (sources.length <= PIECE) return countHere(sources, p)
      const out: Map<string, number>[] = new Array(sources.length)
      const starts: number[] = []
      for (let i = 0; i < sources.length; i += PIECE) starts.push(i)
      let next = 0
      const place = (start: number, counts: readonly Map<string, number>[]) => counts.forEach((tf, i) => { out[start + i] = tf })
      const pieceAt = (start: number) => sources.slice(start, start + PIECE)

      // The worker's side: a chain per slot that takes the next piece each time its last one is answered. A piece whose
      // answer failed because the worker did is counted here; a failed count is the call's error.
      const slot = async (): Promise<void> => {
        while (next < starts.length) {
          const start = starts[next++]!
          const answer = onWorker(pieceAt(start), p)
          if (!answer) {
            place(start, await countHere(pieceAt(start), p))
            continue
          }
          try {
            place(start, await answer)
          } catch (err) {
            if (!broken) throw err
            place(start, await countHere(pieceAt(start), p))
          }
        }
      }
      const slots = Array.from({ length: IN_FLIGHT }, slot)
      // This thread's side: a piece at a time, letting the loop turn in between for the worker's answers.
      const here = (async () => {
        while (next < starts.length) {
          const start = starts[next++]!
          place(start, await countHere(pieceAt(start), p))
          await turn()
        }
      })()
      await Promise.all([here, ...slots])
      return out
    },
    async close() {
      const w = worker
      worker = null
      if (w) await w.terminate()
    },
  }
}

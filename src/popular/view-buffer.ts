// Counted views buffered in memory and written in batches: at most once a second, one transaction a flush, and on shutdown.

import type { Clock } from '../domain/clock.ts'
import type { Store } from '../store/store.ts'
import { HOUR_MS } from '../store/views.ts'

export const FLUSH_EVERY_MS = 1_000

export interface ViewBufferOptions {
  readonly store: Pick<Store, 'transaction'>
  readonly clock: Clock
  /** Called when a flush fails; its views stay buffered for the next one. */
  readonly onError?: (err: unknown) => void
  /** Called after views were written, so rankings computed from them can be refreshed. */
  readonly onWritten?: () => void
  readonly everyMs?: number
}

export interface ViewBuffer {
  /** Counts one view of an article now; nothing is written until the next flush. */
  record(articleId: number): void
  /** Writes every buffered view in one transaction; resolves with how many views it wrote. Safe to call at any time. */
  flush(): Promise<number>
  /** Flushes every `everyMs` (an unref'd timer, so it never keeps the process alive). */
  start(): void
  /** Stops the timer and writes what is left; call after the last request has been answered. */
  stop(): Promise<void>
  /** Views recorded but not yet written. */
  readonly pending: number
}

type Counts = Map<number, Map<number, number>>

/** A buffer of view counts by hour bucket and article, written through `store.views.add`. */
export function createViewBuffer({ store, clock, onError, onWritten, everyMs = FLUSH_EVERY_MS }: ViewBufferOptions): ViewBuffer {
  let counts: Counts = new Map()
  let pending = 0
  let running: Promise<number> | null = null
  let timer: ReturnType<typeof setInterval> | null = null

  const add = (into: Counts, hour: number, articleId: number, n: number): void => {
    const byArticle = into.get(hour) ?? into.set(hour, new Map()).get(hour)!
    byArticle.set(articleId, (byArticle.get(articleId) ?? 0) + n)
  }

  async function write(batch: Counts, n: number): Promise<number> {
    try {
      await store.transaction(async (tx) => {
        for (const [hour, byArticle] of batch) await tx.views.add(hour, byArticle)
      })
      onWritten?.()
      return n
    } catch (err) {
      // Nothing was written (the transaction rolled back): put the batch back so the next flush retries it.
      for (const [hour, byArticle] of batch) for (const [id, k] of byArticle) add(counts, hour, id, k)
      pending += n
      throw err
    }
  }

  async function flush(): Promise<number> {
    // One flush at a time; a call during a flush waits for it and then writes whatever arrived meanwhile.
    while (running) await running.catch(() => 0)
    if (pending === 0) return 0
    const batch = counts
    const n = pending
    counts = new Map()
    pending = 0
    running = write(batch, n)
    try {
      return await running
    } finally {
      running = null
    }
  }

  return {
    record(articleId) {
      const now = clock.now()
      add(counts, now - (now % HOUR_MS), articleId, 1)
      pending++
    },
    flush,
    start() {
      if (timer) return
      timer = setInterval(() => {
        if (pending > 0 && !running) flush().catch((err: unknown) => onError?.(err))
      }, everyMs)
      timer.unref()
    },
    async stop() {
      if (timer) clearInterval(timer)
      timer = null
      await flush()
    },
    get pending() {
      return pending
    },
  }
}

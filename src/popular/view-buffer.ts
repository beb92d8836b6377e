// Counted views buffered in memory and written in batches: at most once a second, one transaction a flush, and on shutdown.

import type { Clock } from '../domain/clock.ts'
import type { Store } from '../store/store.ts'
import { HOUR_MS, type ClaimRules, type VisitorClaim } from '../store/views.ts'

export const FLUSH_EVERY_MS = 1_000

/** How often expired visitor keys are deleted, at a flush. */
const FORGET_EVERY_MS = 60_000

export interface ViewBufferOptions {
  readonly store: Pick<Store, 'transaction'>
  /**
   * The de-duplication rules of views recorded with keys: at flush, only those no instance counted already are written
   * (see store/views.ts claimVisitors).
   */
  readonly claimRules?: ClaimRules
  readonly clock: Clock
  /** Called when a flush fails; its views stay buffered for the next one. */
  readonly onError?: (err: unknown) => void
  /** Called after views were written, so rankings computed from them can be refreshed. */
  readonly onWritten?: () => void
  readonly everyMs?: number
}

export interface ViewBuffer {
  /**
   * Counts one view of an article now; nothing is written until the next flush. With `keys` (and `claimRules`), the
   * flush first checks them against every instance's and drops the view when another counted it already.
   */
  record(articleId: number, keys?: VisitorClaim): void
  /**
   * Writes every buffered view in one transaction; resolves with how many views it wrote (those another instance had
   * counted already are not). Safe to call at any time.
   */
  flush(): Promise<number>
  /** Flushes every `everyMs` (an unref'd timer, so it never keeps the process alive). */
  start(): void
  /** Stops the timer and writes what is left; call after the last request has been answered. */
  stop(): Promise<void>
  /** Views recorded but not yet written. */
  readonly pending: number
}

type Counts = Map<number, Map<number, number>>
interface Claimed { readonly at: number; readonly hour: number; readonly articleId: number; readonly keys: VisitorClaim }

/** A buffer of view counts by hour bucket and article, written through `store.views.add`. */
export function createViewBuffer({ store, clock, onError, onWritten, everyMs = FLUSH_EVERY_MS, claimRules }: ViewBufferOptions): ViewBuffer {
  let counts: Counts = new Map()
  let claims: Claimed[] = []
  let pending = 0
  let forgotAt = 0
  let running: Promise<number> | null = null
  let timer: ReturnType<typeof setInterval> | null = null

  const add = (into: Counts, hour: number, articleId: number, n: number): void => {
    const byArticle = into.get(hour) ?? into.set(hour, new Map()).get(hour)!
    byArticle.set(articleId, (byArticle.get(articleId) ?? 0) + n)
  }

  async function write(batch: Counts, batchClaims: Claimed[], n: number): Promise<number> {
    try {
      const now = clock.now()
      const forget = claimRules !== undefined && now - forgotAt >= FORGET_EVERY_MS
      const written = await store.transaction(async (tx) => {
        let kept = n - batchClaims.length
        const all: Counts = new Map()
        for (const [hour, byArticle] of batch) for (const [id, k] of byArticle) add(all, hour, id, k)
        if (batchClaims.length > 0) {
          // The visitor and address keys of every instance decide which of this instance's views are new.
          const allowed = await tx.views.claimVisitors(batchClaims.map((c) => ({ ...c.keys, at: c.at })), claimRules!)
          batchClaims.forEach((c, i) => { if (allowed[i]) { add(all, c.hour, c.articleId, 1); kept++ } })
        }
        for (const [hour, byArticle] of all) await tx.views.add(hour, byArticle)
        if (forget) await tx.views.forgetVisitors(now)
        return kept
      })
      if (forget) forgotAt = now
      onWritten?.()
      return written
    } catch (err) {
      // Nothing was written (the transaction rolled back): put the batch back so the next flush retries it.
      for (const [hour, byArticle] of batch) for (const [id, k] of byArticle) add(counts, hour, id, k)
      claims = batchClaims.concat(claims)
      pending += n
      throw err
    }
  }

  async function flush(): Promise<number> {
    // One flush at a time; a call during a flush waits for it and then writes whatever arrived meanwhile.
    while (running) await running.catch(() => 0)
    if (pending === 0) return 0
    const batch = counts
    const batchClaims = claims
    const n = pending
    counts = new Map()
    claims = []
    pending = 0
    running = write(batch, batchClaims, n)
    try {
      return await running
    } finally {
      running = null
    }
  }

  return {
    record(articleId, keys) {
      const now = clock.now()
      const hour = now - (now % HOUR_MS)
      if (keys && claimRules) claims.push({ at: now, hour, articleId, keys })
      else add(counts, hour, articleId, 1)
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

// The shape every outbox delivery job shares: claim due items in small batches, send them outside any transaction, prune old ones.

import type { Job, JobContext } from './runner.ts'

/** An outbox table as the delivery loop sees it. */
export interface OutboxQueue<T> {
  /** Claims up to `limit` due items in one autocommit statement, hidden from other claimers until `leaseUntil`. */
  claimDue(now: number, limit: number, leaseUntil: number): Promise<readonly T[]>
  /** Removes items finished before `before`. */
  pruneFinished(before: number): Promise<unknown>
}

export interface OutboxDeliverySpec<T> {
  readonly name: string
  readonly queue: (ctx: JobContext) => OutboxQueue<T>
  /** Sends one claimed item and records its outcome (and its retry, if any). */
  readonly send: (ctx: JobContext, item: T) => Promise<void>
  /** How long a claim lasts: past the longest an attempt can take, after which a dead claimer's items are due again. */
  readonly leaseMs: number
  /** Items claimed (and sent concurrently) at a time; 10 by default. */
  readonly batchSize?: number | undefined
  /** Batches one run works through at most before yielding to the next tick; 10 by default. */
  readonly maxBatches?: number | undefined
  /** How often the job looks for due items; 5 s by default. */
  readonly everyMs?: number | undefined
}

const DAY = 86_400_000
/** Finished items stay this long, for "was it sent?". */
const KEEP_FINISHED_MS = 30 * DAY

/**
 * A delivery job over an outbox. An item is written in the transaction of its action and sent here, after commit: a
 * rolled-back action sends nothing, and a crash between claim and record sends it again after the lease (at least
 * once, never lost). On PostgreSQL every instance may run it (the claim uses SKIP LOCKED); on SQLite the one runner does.
 */
export function createOutboxDelivery<T>(spec: OutboxDeliverySpec<T>): Job {
  const batchSize = spec.batchSize ?? 10
  const maxBatches = spec.maxBatches ?? 10
  let prunedAt = -Infinity
  return {
    name: spec.name,
    everyMs: spec.everyMs ?? 5_000,
    async run(ctx) {
      const queue = spec.queue(ctx)
      for (let batch = 0; batch < maxBatches; batch++) {
        const now = ctx.clock.now()
        // One autocommit statement: no transaction stays open while the network is awaited.
        const claimed = await queue.claimDue(now, batchSize, now + spec.leaseMs)
        await Promise.all(claimed.map((item) => spec.send(ctx, item)))
        if (claimed.length < batchSize) break
      }
      const now = ctx.clock.now()
      if (now - prunedAt >= DAY) {
        prunedAt = now
        await queue.pruneFinished(now - KEEP_FINISHED_MS)
      }
    },
  }
}

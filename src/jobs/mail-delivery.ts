// The mail delivery job: claims due messages from the outbox in small batches, sends them outside any transaction, records the outcome.

import { mailRetryDelay } from '../domain/mail.ts'
import type { Mailer } from '../mail/transport.ts'
import type { SendOutcome } from '../store/mail-outbox.ts'
import type { Job } from './runner.ts'

export interface MailDeliveryOptions {
  readonly mailer: Mailer
  /** Messages claimed (and sent concurrently) at a time; 10 by default. */
  readonly batchSize?: number
  /** Batches one run works through at most; 10 by default. */
  readonly maxBatches?: number
  /** How often the job looks for due messages; 5 s by default. */
  readonly everyMs?: number
  /** How long one send may take before its claim lapses and another run may retry it; 2 min by default. */
  readonly leaseMs?: number
  /** [0, 1) source for retry jitter; Math.random by default. */
  readonly random?: () => number
}

const DAY = 86_400_000
/** Sent and failed messages (their bodies already emptied) stay this long, for "was it sent?". */
const KEEP_FINISHED_MS = 30 * DAY

/**
 * The delivery job. A message is written to the outbox in the transaction of its action and sent here, after commit:
 * a rolled-back action sends nothing, and a crash between claim and record sends the message again after the lease
 * (at least once, never lost). On PostgreSQL every instance may run it (SKIP LOCKED); on SQLite the one runner does.
 */
export function createMailDelivery(opts: MailDeliveryOptions): Job {
  const batchSize = opts.batchSize ?? 10
  const maxBatches = opts.maxBatches ?? 10
  const leaseMs = opts.leaseMs ?? 120_000
  const random = opts.random ?? Math.random
  let prunedAt = -Infinity
  return {
    name: 'mail-delivery',
    everyMs: opts.everyMs ?? 5_000,
    async run({ store, clock, log }) {
      for (let batch = 0; batch < maxBatches; batch++) {
        const now = clock.now()
        // One autocommit statement: no transaction stays open while the SMTP server is awaited.
        const claimed = await store.mailOutbox.claimDue(now, batchSize, now + leaseMs)
        await Promise.all(claimed.map(async (m) => {
          const result = await opts.mailer.send(m)
          const delay = result.ok || result.permanent ? null : mailRetryDelay(m.attempts, random())
          const outcome: SendOutcome = result.ok ? { ok: true } : { ok: false, error: result.error, nextAttemptAt: delay === null ? null : clock.now() + delay }
          await store.mailOutbox.record(m.id, outcome, clock.now())
          // The recipient is personal data and the bodies may hold one-time links: neither is logged.
          const fields = { job: 'mail-delivery', message: m.id, kind: m.kind, attempt: m.attempts }
          if (outcome.ok) log.debug(fields, 'mail sent')
          else log.warn({ ...fields, error: outcome.error, retryAt: outcome.nextAttemptAt }, outcome.nextAttemptAt === null ? 'mail failed for good' : 'mail failed; will retry')
        }))
        if (claimed.length < batchSize) break
      }
      const now = clock.now()
      if (now - prunedAt >= DAY) {
        prunedAt = now
        await store.mailOutbox.pruneFinished(now - KEEP_FINISHED_MS)
      }
    },
  }
}

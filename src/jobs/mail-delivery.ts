// The mail delivery job: sends the outbox's due messages (outbox-delivery.ts) and records each outcome.

import { mailRetryDelay } from '../domain/mail.ts'
import type { Mailer } from '../mail/transport.ts'
import type { SendOutcome } from '../store/mail-outbox.ts'
import { createOutboxDelivery } from './outbox-delivery.ts'
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

/** The delivery job of staff mail (invitations, password links, review notices). */
export function createMailDelivery(opts: MailDeliveryOptions): Job {
  const random = opts.random ?? Math.random
  return createOutboxDelivery({
    name: 'mail-delivery',
    queue: ({ store }) => store.mailOutbox,
    leaseMs: opts.leaseMs ?? 120_000,
    batchSize: opts.batchSize,
    maxBatches: opts.maxBatches,
    everyMs: opts.everyMs,
    async send({ store, clock, log }, m) {
      const result = await opts.mailer.send(m)
      const delay = result.ok || result.permanent ? null : mailRetryDelay(m.attempts, random())
      const outcome: SendOutcome = result.ok ? { ok: true } : { ok: false, error: result.error, nextAttemptAt: delay === null ? null : clock.now() + delay }
      await store.mailOutbox.record(m.id, outcome, clock.now())
      // The recipient is personal data and the bodies may hold one-time links: neither is logged.
      const fields = { job: 'mail-delivery', message: m.id, kind: m.kind, attempt: m.attempts }
      if (outcome.ok) log.debug(fields, 'mail sent')
      else log.warn({ ...fields, error: outcome.error, retryAt: outcome.nextAttemptAt }, outcome.nextAttemptAt === null ? 'mail failed for good' : 'mail failed; will retry')
    },
  })
}

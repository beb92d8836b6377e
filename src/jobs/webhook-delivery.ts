// The webhook delivery job: posts the outbox's due deliveries (outbox-delivery.ts), signed, and records each outcome.

import { retryDelay } from '../domain/webhook.ts'
import { signatureHeader, webhookBody } from '../editorial/webhook-events.ts'
import type { ClaimedDelivery, DeliveryOutcome } from '../store/webhooks.ts'
import { createOutboxDelivery } from './outbox-delivery.ts'
import type { Job, JobContext } from './runner.ts'
import { postWebhook } from './webhook-sender.ts'

export interface WebhookDeliveryOptions {
  /** Article URLs in events are this plus the article's path. */
  readonly siteUrl: URL
  /** Allow receivers on private or loopback addresses (WEBHOOK_ALLOW_PRIVATE). */
  readonly allowPrivate: boolean
  /** How long one attempt may take; 10 s by default. */
  readonly timeoutMs?: number
  /** Deliveries claimed (and sent concurrently) at a time; 10 by default. */
  readonly batchSize?: number
  /** Batches one run works through at most before yielding to the next tick; 10 by default. */
  readonly maxBatches?: number
  /** How often the job looks for due deliveries; 5 s by default. */
  readonly everyMs?: number
  /** [0, 1) source for retry jitter; Math.random by default, fixed in tests. */
  readonly random?: () => number
}

// A claimed row is invisible to other claimers until the attempt has certainly ended (timeout plus a margin);
// if this process dies meanwhile, the row becomes due again after that.
const LEASE_MARGIN_MS = 60_000

/** The delivery job of webhook events (outbox-delivery.ts): every instance may run it on PostgreSQL. */
export function createWebhookDelivery(opts: WebhookDeliveryOptions): Job {
  const timeoutMs = opts.timeoutMs ?? 10_000
  const random = opts.random ?? Math.random

  async function send(ctx: JobContext, claimed: ClaimedDelivery): Promise<void> {
    const { delivery } = claimed
    const body = webhookBody(delivery, opts.siteUrl)
    const result = await postWebhook(claimed.url, body, {
      'broadsheet-event': delivery.eventType,
      'broadsheet-delivery': String(delivery.id),
      'broadsheet-signature': signatureHeader(claimed.secret, Math.floor(ctx.clock.now() / 1000), body),
    }, { timeoutMs, allowPrivate: opts.allowPrivate })
    const now = ctx.clock.now()
    const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300
    let outcome: DeliveryOutcome
    if (ok) {
      outcome = { ok: true, statusCode: result.statusCode!, durationMs: result.durationMs }
    } else {
      const delay = retryDelay(delivery.attempts, random())
      outcome = {
        ok: false, statusCode: result.statusCode, durationMs: result.durationMs,
        error: result.error ?? `the receiver answered ${result.statusCode}`, nextAttemptAt: delay === null ? null : now + delay,
      }
    }
    await ctx.store.webhooks.record(delivery.id, outcome, now)
    const fields = { job: 'webhook-delivery', delivery: delivery.id, event: delivery.eventType, attempt: delivery.attempts, status: result.statusCode, ms: result.durationMs }
    if (outcome.ok) ctx.log.debug(fields, 'webhook delivered')
    else ctx.log.warn({ ...fields, error: outcome.error, retryAt: outcome.nextAttemptAt }, outcome.nextAttemptAt === null ? 'webhook delivery failed for good' : 'webhook delivery failed; will retry')
  }

  return createOutboxDelivery({
    name: 'webhook-delivery',
    queue: ({ store }) => store.webhooks,
    send,
    leaseMs: timeoutMs + LEASE_MARGIN_MS,
    batchSize: opts.batchSize,
    maxBatches: opts.maxBatches,
    everyMs: opts.everyMs,
  })
}

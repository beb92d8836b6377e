// Webhook events, receivers and deliveries as the rest of the code sees them, and the retry schedule.

/** What happened to an article. */
export type WebhookEventType = 'article.published' | 'article.updated' | 'article.unpublished'

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const
/** pending: waiting for its next attempt; delivered: a receiver answered 2xx; failed: given up, or the receiver was removed. */
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number]

export const isDeliveryStatus = (v: string): v is DeliveryStatus => (DELIVERY_STATUSES as readonly string[]).includes(v)

/** A URL that gets events. Its secret is never part of this type: it is shown once, at creation. */
export interface WebhookReceiver {
  readonly id: number
  readonly url: string
  readonly active: boolean
  readonly createdAt: number
  readonly deactivatedAt: number | null
}

/** The article as an event describes it (the URL is added from the site URL when the event is sent). */
export interface WebhookArticle {
  readonly id: number
  readonly path: string
  readonly title: string
  readonly section: string
  readonly language: string
  readonly publishedAt: number
  readonly updatedAt: number
}

/** One event for one receiver, with the outcome of its latest attempt. */
export interface WebhookDelivery {
  readonly id: number
  readonly receiverId: number
  readonly eventId: string
  readonly eventType: WebhookEventType
  readonly article: WebhookArticle
  /** When the event happened. */
  readonly eventAt: number
  readonly status: DeliveryStatus
  readonly attempts: number
  readonly nextAttemptAt: number
  readonly lastStatusCode: number | null
  readonly lastError: string | null
  readonly lastDurationMs: number | null
  readonly createdAt: number
  readonly updatedAt: number
  readonly deliveredAt: number | null
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/** The wait after each failed attempt: 30 s, 2 min, 10 min, 1 h, then 6 h; the attempt after the last wait is the last one. */
export const RETRY_DELAYS_MS: readonly number[] = [30_000, 2 * MINUTE, 10 * MINUTE, HOUR, 6 * HOUR, 6 * HOUR, 6 * HOUR]

/** A delivery is given up (status failed) after this many attempts. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1

/**
 * How long to wait after failed attempt number `attempt` (1-based), or null to give up.
 * `random` in [0, 1) spreads retries by ±20% so receivers coming back up are not hit by every sender at once.
 */
export function retryDelay(attempt: number, random: number): number | null {
  const base = RETRY_DELAYS_MS[attempt - 1]
  if (base === undefined || attempt >= MAX_ATTEMPTS) return null
  return Math.round(base * (0.8 + 0.4 * random))
}

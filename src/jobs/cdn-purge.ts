// The CDN purge job: sends the outbox's due purges (outbox-delivery.ts) to Fastly, Cloudflare or a signed URL, by key.

import type { CdnConfig } from '../config.ts'
import { mergePurgeKeys } from '../domain/cdn-keys.ts'
import { signatureHeader } from '../editorial/webhook-events.ts'
import type { ClaimedPurge, PurgeOutcome } from '../store/cdn-purges.ts'
import { createOutboxDelivery } from './outbox-delivery.ts'
import type { Job, JobContext } from './runner.ts'
import { postWebhook, type PostResult } from './webhook-sender.ts'

/** One HTTP request of a purge. */
export interface PurgeRequest {
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}

/** Keys one request may name: Fastly takes 256 surrogate keys a batch, Cloudflare 30 tags (its lowest plan limit). */
const KEYS_PER_REQUEST: Readonly<Record<CdnConfig['kind'], number>> = { fastly: 256, cloudflare: 30, url: 1000 }
/** Past this many requests for one batch, purging everything is cheaper for the API and about as cheap for the cache. */
const MAX_REQUESTS = 10
/** Purges claimed and merged into one batch. */
const ROWS_PER_BATCH = 100
/**
 * Waits after failed attempt 1, 2, …; then the purge is given up. A CDN refetches a page after its s-maxage (5 min) in
 * any case, so a purge older than an hour no longer changes what readers see.
 */
const RETRY_DELAYS_MS = [2_000, 10_000, 30_000, 120_000, 600_000, 1_800_000]

/**
 * The requests that purge `keys` ('all': everything) from `cdn`, per each provider's public API: Fastly's batch purge
 * by surrogate key (`POST /service/{id}/purge`, `Fastly-Key`) or purge-all; Cloudflare's `POST /zones/{id}/purge_cache`
 * with `tags` or `purge_everything`; the `url` form posts `{"keys":[…]}` or `{"all":true}` signed like a webhook.
 */
export function purgeRequests(cdn: CdnConfig, keys: readonly string[] | 'all', unixSeconds: number): PurgeRequest[] {
  const per = KEYS_PER_REQUEST[cdn.kind]
  const chunks: string[][] = []
  if (keys !== 'all') for (let i = 0; i < keys.length; i += per) chunks.push(keys.slice(i, i + per))
  const all = keys === 'all' || chunks.length > MAX_REQUESTS
  switch (cdn.kind) {
    case 'fastly': {
      const headers = { 'fastly-key': cdn.token, accept: 'application/json' }
      const service = `${cdn.api}/service/${encodeURIComponent(cdn.serviceId)}`
      if (all) return [{ url: `${service}/purge_all`, headers, body: '' }]
      return chunks.map((c) => ({ url: `${service}/purge`, headers, body: JSON.stringify({ surrogate_keys: c }) }))
    }
    case 'cloudflare': {
      const headers = { authorization: `Bearer ${cdn.token}` }
      const url = `${cdn.api}/zones/${encodeURIComponent(cdn.zoneId)}/purge_cache`
      if (all) return [{ url, headers, body: JSON.stringify({ purge_everything: true }) }]
      return chunks.map((c) => ({ url, headers, body: JSON.stringify({ tags: c }) }))
    }
    case 'url': {
      const signed = (body: string): PurgeRequest => ({
        url: cdn.url, body, headers: { 'broadsheet-event': 'cdn.purge', 'broadsheet-signature': signatureHeader(cdn.secret, unixSeconds, body) },
      })
      if (all) return [signed(JSON.stringify({ all: true }))]
      return chunks.map((c) => signed(JSON.stringify({ keys: c })))
    }
  }
}

/** A batch of claimed purges, sent together. */
interface PurgeBatch {
  readonly ids: readonly number[]
  readonly keys: readonly string[] | 'all'
  /** The most attempts any of them has had, this one included. */
  readonly attempts: number
}

export interface CdnPurgeOptions {
  readonly cdn: CdnConfig
  /** How long one request may take; 10 s by default. */
  readonly timeoutMs?: number
  /** How often the job looks for due purges; 1 s by default (a purge is what makes a publication visible behind the CDN). */
  readonly everyMs?: number
  /** [0, 1) source for retry jitter; Math.random by default. */
  readonly random?: () => number
}

/**
 * The purge job. Every instance may run it on PostgreSQL: a purge is claimed by one (SKIP LOCKED), and one that dies
 * mid-send leaves its claim to lapse, after which another sends it again (a purge twice is harmless, one lost is not).
 */
export function createCdnPurge(opts: CdnPurgeOptions): Job {
  const timeoutMs = opts.timeoutMs ?? 10_000
  const random = opts.random ?? Math.random

  async function send(ctx: JobContext, batch: PurgeBatch): Promise<void> {
    let failure: PostResult | null = null
    for (const r of purgeRequests(opts.cdn, batch.keys, Math.floor(ctx.clock.now() / 1000))) {
      // The configured API is the operator's own choice, so private addresses are allowed (a purge relay on the LAN).
      const result = await postWebhook(r.url, r.body, r.headers, { timeoutMs, allowPrivate: true })
      if (result.statusCode === null || result.statusCode < 200 || result.statusCode >= 300) {
        failure = result
        break
      }
    }
    const now = ctx.clock.now()
    let outcome: PurgeOutcome = { ok: true }
    if (failure) {
      const base = RETRY_DELAYS_MS[batch.attempts - 1]
      outcome = {
        ok: false, error: failure.error ?? `the CDN answered ${failure.statusCode}`,
        nextAttemptAt: base === undefined ? null : now + Math.round(base * (0.8 + 0.4 * random())),
      }
    }
    await ctx.store.cdnPurges.record(batch.ids, outcome, now)
    const fields = { job: 'cdn-purge', cdn: opts.cdn.kind, purges: batch.ids.length, keys: batch.keys === 'all' ? 'all' : batch.keys.length, attempt: batch.attempts }
    if (outcome.ok) ctx.log.debug(fields, 'CDN purged')
    else ctx.log.warn({ ...fields, error: outcome.error, retryAt: outcome.nextAttemptAt }, outcome.nextAttemptAt === null ? 'CDN purge failed for good' : 'CDN purge failed; will retry')
  }

  return createOutboxDelivery<PurgeBatch>({
    name: 'cdn-purge',
    // Up to ROWS_PER_BATCH due purges become one batch, their keys merged: a burst of publications is one API call.
    queue: ({ store }) => ({
      async claimDue(now, _limit, leaseUntil) {
        const claimed: ClaimedPurge[] = await store.cdnPurges.claimDue(now, ROWS_PER_BATCH, leaseUntil)
        if (!claimed.length) return []
        return [{ ids: claimed.map((p) => p.id), keys: mergePurgeKeys(claimed.map((p) => p.keys)), attempts: Math.max(...claimed.map((p) => p.attempts)) }]
      },
      pruneFinished: (before) => store.cdnPurges.pruneFinished(before),
    }),
    send,
    // Past the longest a batch can take (every request timing out), with a margin.
    leaseMs: MAX_REQUESTS * timeoutMs + 30_000,
    batchSize: 1,
    maxBatches: 20,
    everyMs: opts.everyMs ?? 1_000,
  })
}

// Webhook events: written to the outbox inside the publishing transaction, serialised and signed when sent.

import { createHmac, randomUUID } from 'node:crypto'
import { articlePath } from '../domain/paths.ts'
import type { WebhookDelivery, WebhookEventType } from '../domain/webhook.ts'
import type { Repositories } from '../store/store.ts'

/**
 * Writes `type` for live article `articleId` to the outbox, one delivery per active receiver, due at `ctx.now`.
 * Call it inside the publishing transaction while the article is live (for unpublish: before the live copy goes).
 * No network here: the delivery job sends the rows later. Costs one query when no receiver is active.
 */
export async function enqueueArticleEvent(tx: Repositories, type: WebhookEventType, articleId: number, ctx: { now: number; siteLanguage?: string | undefined }): Promise<number> {
  if (!(await tx.webhooks.hasActiveReceivers())) return 0
  const live = await tx.webhooks.liveArticle(articleId)
  if (!live) return 0
  const siteLanguage = ctx.siteLanguage ?? await settingsLanguage(tx)
  return tx.webhooks.enqueue({
    eventId: randomUUID(), type, eventAt: ctx.now,
    article: {
      id: live.id, path: articlePath(live, siteLanguage), title: live.title, section: live.section,
      language: live.language, publishedAt: live.publishedAt, updatedAt: live.updatedAt,
    },
  }, ctx.now)
}

async function settingsLanguage(tx: Repositories): Promise<string> {
  const language = (await tx.site.settings()).language
  return typeof language === 'string' ? language : 'en'
}

/** The JSON body receivers get; the article's URL is the site URL plus its path. */
export function webhookBody(d: WebhookDelivery, siteUrl: URL): string {
  const a = d.article
  return JSON.stringify({
    id: d.eventId, type: d.eventType, created_at: new Date(d.eventAt).toISOString(),
    article: {
      id: a.id, url: `${siteUrl.origin}${siteUrl.pathname.replace(/\/$/, '')}${a.path}`, path: a.path, title: a.title,
      section: a.section, language: a.language,
      published_at: new Date(a.publishedAt).toISOString(), updated_at: new Date(a.updatedAt).toISOString(),
    },
  })
}

/**
 * The `Broadsheet-Signature` header value: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" keyed with the secret>`.
 * Receivers recompute it, compare in constant time, and reject timestamps older than a few minutes (README.md, Webhooks).
 */
export function signatureHeader(secret: string, unixSeconds: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex')
  return `t=${unixSeconds},v1=${mac}`
}

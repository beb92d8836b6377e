// Managing webhook receivers and reading the delivery log: the use-cases the CLI calls now and the desk will later.

import { randomBytes } from 'node:crypto'
import { isDeliveryStatus, type WebhookDelivery, type WebhookReceiver } from '../domain/webhook.ts'
import { AppError } from '../errors.ts'
import type { Repositories } from '../store/store.ts'
import { parseReceiverUrl } from './webhook-address.ts'

/** A receiver just created, with the secret that is never shown again. */
export interface NewReceiver {
  readonly id: number
  readonly url: string
  readonly secret: string
}

/** When, and who: the desk user, or null for the command line (the operator at the shell is no desk user). */
export interface WebhookContext {
  readonly now: number
  readonly actorId?: number | null
}

/** The audit record of a change to receivers or deliveries, in the transaction of the change. */
const audit = (tx: Repositories, ctx: WebhookContext, action: string, subjectType: string, id: number, details: Record<string, unknown>): Promise<void> =>
  tx.audit.record({ userId: ctx.actorId ?? null, action, subjectType, subjectId: String(id), details, at: ctx.now })

/**
 * Adds a receiver for `rawUrl` with a fresh secret (32 random bytes, hex). Throws AppError('Invalid', …, 'url') for a
 * URL that is not http(s), or that names a private or loopback host while `allowPrivate` is off.
 */
export async function addReceiver(tx: Repositories, rawUrl: string, ctx: WebhookContext & { allowPrivate: boolean }): Promise<NewReceiver> {
  const url = parseReceiverUrl(rawUrl, ctx.allowPrivate).href
  const secret = randomBytes(32).toString('hex')
  const id = await tx.webhooks.insertReceiver({ url, secret, createdAt: ctx.now })
  await audit(tx, ctx, 'webhook.add', 'webhook', id, { url })
  return { id, url, secret }
}

/** Every receiver, active first; secrets are not included. */
export const listReceivers = (tx: Repositories): Promise<WebhookReceiver[]> => tx.webhooks.receivers()

/** Stops sending to receiver `id` and fails its pending deliveries. NotFound when there is none, Conflict when already removed. */
export async function deactivateReceiver(tx: Repositories, id: number, ctx: WebhookContext): Promise<void> {
  const receiver = await tx.webhooks.receiver(positiveId(id, 'id'))
  if (!receiver) throw new AppError('NotFound', `there is no webhook receiver ${id}`, 'id')
  if (!receiver.active) throw new AppError('Conflict', `webhook receiver ${id} was already removed`, 'id')
  await tx.webhooks.deactivateReceiver(id, ctx.now)
  await audit(tx, ctx, 'webhook.remove', 'webhook', id, { url: receiver.url })
}

/** Filters of the delivery log, as they come from a command line or a query string. */
export interface DeliveryLogFilter {
  readonly status?: string | undefined
  readonly receiverId?: number | undefined
  readonly limit?: number | undefined
  readonly beforeId?: number | undefined
}

export const DEFAULT_LOG_LIMIT = 50
export const MAX_LOG_LIMIT = 500

/** Deliveries newest first. Throws AppError('Invalid') naming the filter that is out of range. */
export async function deliveryLog(tx: Repositories, filter: DeliveryLogFilter = {}): Promise<WebhookDelivery[]> {
  const limit = filter.limit ?? DEFAULT_LOG_LIMIT
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LOG_LIMIT) throw new AppError('Invalid', `limit must be a whole number from 1 to ${MAX_LOG_LIMIT}`, 'limit')
  const status = filter.status
  if (status !== undefined && !isDeliveryStatus(status)) throw new AppError('Invalid', 'status must be pending, delivered or failed', 'status')
  return tx.webhooks.log({
    limit,
    ...(status !== undefined && { status }),
    ...(filter.receiverId !== undefined && { receiverId: positiveId(filter.receiverId, 'receiver') }),
    ...(filter.beforeId !== undefined && { beforeId: positiveId(filter.beforeId, 'before') }),
  })
}

/**
 * Sends delivery `id` again: a new pending delivery of the same event (same event id, so receivers can de-duplicate)
 * to the same receiver, due now. Returns the new delivery's id. NotFound for an unknown delivery, Conflict when its
 * receiver has been removed.
 */
export async function redeliver(tx: Repositories, id: number, ctx: WebhookContext): Promise<number> {
  const delivery = await tx.webhooks.delivery(positiveId(id, 'id'))
  if (!delivery) throw new AppError('NotFound', `there is no webhook delivery ${id}`, 'id')
  const receiver = await tx.webhooks.receiver(delivery.receiverId)
  if (!receiver?.active) throw new AppError('Conflict', `the receiver of delivery ${id} has been removed`, 'id')
  const created = await tx.webhooks.insertRedelivery(id, ctx.now)
  if (created === undefined) throw new AppError('NotFound', `there is no webhook delivery ${id}`, 'id')
  await audit(tx, ctx, 'webhook.redeliver', 'webhook_delivery', id, { delivery: created })
  return created
}

function positiveId(id: number, field: string): number {
  if (!Number.isSafeInteger(id) || id < 1) throw new AppError('Invalid', `${field} must be a positive whole number`, field)
  return id
}

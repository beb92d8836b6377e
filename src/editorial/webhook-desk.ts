// Webhook receivers and the delivery log as the desk and the command line use them: each call checks that the actor
// may manage webhooks (admins; the command line's operator) and runs the use-case of webhooks.ts in one transaction.

import type { Clock } from '../domain/clock.ts'
import type { WebhookDelivery, WebhookReceiver } from '../domain/webhook.ts'
import type { Store } from '../store/store.ts'
import type { Actor } from './article-access.ts'
import { requirePermission } from './permission.ts'
import { addReceiver, deactivateReceiver, deliveryLog, listReceivers, redeliver, type DeliveryLogFilter, type NewReceiver } from './webhooks.ts'

export interface WebhookDeskDeps {
  readonly store: Store
  readonly clock: Clock
  /** Whether receivers on private or loopback addresses are allowed (WEBHOOK_ALLOW_PRIVATE). */
  readonly allowPrivate: boolean
}

export function createWebhookDesk({ store, clock, allowPrivate }: WebhookDeskDeps) {
  const ctx = (actor: Actor) => {
    requirePermission(actor, 'webhooks.manage')
    return { now: clock.now(), actorId: actor.userId }
  }
  return {
    /** Adds a receiver; the result holds its secret, shown once. Invalid naming `url` for an address that is refused. */
    add: (actor: Actor, url: string): Promise<NewReceiver> => {
      const c = ctx(actor)
      return store.transaction((tx) => addReceiver(tx, url, { ...c, allowPrivate }))
    },
    /** Every receiver, active first, without secrets. */
    receivers: (actor: Actor): Promise<WebhookReceiver[]> => {
      ctx(actor)
      return store.transaction((tx) => listReceivers(tx))
    },
    /** Stops sending to receiver `id` (webhooks.ts deactivateReceiver). */
    remove: (actor: Actor, id: number): Promise<void> => {
      const c = ctx(actor)
      return store.transaction((tx) => deactivateReceiver(tx, id, c))
    },
    /** Deliveries newest first, filtered (webhooks.ts deliveryLog). */
    log: (actor: Actor, filter: DeliveryLogFilter = {}): Promise<WebhookDelivery[]> => {
      ctx(actor)
      return store.transaction((tx) => deliveryLog(tx, filter))
    },
    /** Queues delivery `id` again; returns the new delivery's id. */
    redeliver: (actor: Actor, id: number): Promise<number> => {
      const c = ctx(actor)
      return store.transaction((tx) => redeliver(tx, id, c))
    },
  }
}

export type WebhookDesk = ReturnType<typeof createWebhookDesk>

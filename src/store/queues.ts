// How much background work waits, and for how long: the job queues and the outboxes, as /metrics reports them.

import { sql, type Kysely } from 'kysely'
import type { Database } from './schema.ts'

/**
 * One queue's waiting work: items due now, and since when the oldest of them has waited (null when none is due): for a
 * job, since it fell due; for an outbox message, since it was written (a message retried for an hour is an hour late).
 */
export interface QueueBacklog {
  readonly name: string
  readonly kind: 'job' | 'outbox'
  readonly depth: number
  readonly oldestDueAt: number | null
}

/**
 * The backlog of each queue at `now`. An item counts once it is due: a retry waiting for its next attempt is not late
 * yet. Each is one aggregate over an indexed status (or the whole of related_pending, which holds only waiting rows).
 */
export function createQueues(db: Kysely<Database>) {
  const due = (count: { depth: number | null; oldest: number | null } | undefined) =>
    ({ depth: Number(count?.depth ?? 0), oldestDueAt: count?.oldest == null ? null : Number(count.oldest) })
  // count(*) is int8 on PostgreSQL: cast so both engines hand back a number.
  const depth = sql<number>`cast(count(*) as integer)`.as('depth')
  return {
    async backlog(now: number): Promise<QueueBacklog[]> {
      const [variants, related, imports, scheduled, webhooks, mail, purges] = await Promise.all([
        db.selectFrom('media_variant_queue').select([depth, (eb) => eb.fn.min('next_attempt_at').as('oldest')])
          .where('status', '=', 'pending').where('next_attempt_at', '<=', now).executeTakeFirst(),
        db.selectFrom('related_pending').select([depth, (eb) => eb.fn.min('queued_at').as('oldest')]).executeTakeFirst(),
        db.selectFrom('import_jobs').select([depth, (eb) => eb.fn.min('created_at').as('oldest')])
          .where('status', '=', 'queued').executeTakeFirst(),
        db.selectFrom('articles').select([depth, (eb) => eb.fn.min('scheduled_at').as('oldest')])
          .where('status', '=', 'scheduled').where('scheduled_at', '<=', now).executeTakeFirst(),
        db.selectFrom('webhook_deliveries').select([depth, (eb) => eb.fn.min('created_at').as('oldest')])
          .where('status', '=', 'pending').where('next_attempt_at', '<=', now).executeTakeFirst(),
        db.selectFrom('mail_outbox').select([depth, (eb) => eb.fn.min('created_at').as('oldest')])
          .where('status', '=', 'pending').where('next_attempt_at', '<=', now).executeTakeFirst(),
        db.selectFrom('cdn_purges').select([depth, (eb) => eb.fn.min('created_at').as('oldest')])
          .where('status', '=', 'pending').where('next_attempt_at', '<=', now).executeTakeFirst(),
      ])
      return [
        { name: 'media-variants', kind: 'job', ...due(variants) },
        { name: 'related-refresh', kind: 'job', ...due(related) },
        { name: 'imports', kind: 'job', ...due(imports) },
        { name: 'publish-scheduled', kind: 'job', ...due(scheduled) },
        { name: 'webhooks', kind: 'outbox', ...due(webhooks) },
        { name: 'mail', kind: 'outbox', ...due(mail) },
        { name: 'cdn-purge', kind: 'outbox', ...due(purges) },
      ]
    },
  }
}

export type Queues = ReturnType<typeof createQueues>

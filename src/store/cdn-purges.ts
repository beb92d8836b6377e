// The CDN purge outbox: purges written in the transaction of the change that causes them, claimed and sent by a job.

import { createHash } from 'node:crypto'
import type { Kysely, Selectable, QueryCreator } from 'kysely'
import { anyDue } from './claims.ts'
import type { StoreDialect } from './dialect.ts'
import type { CdnPurgesTable, Database } from './schema.ts'

/** A claimed purge: its stored keys (sorted, space-separated, `*` for everything) and the attempt this is. */
export interface ClaimedPurge {
  readonly id: number
  readonly keys: string
  readonly attempts: number
}

/** A purge with its state (tests and operators' checks). */
export interface StoredPurge extends ClaimedPurge {
  readonly status: 'pending' | 'sent' | 'failed'
  readonly nextAttemptAt: number
  readonly lastError: string | null
}

/** The outcome of one attempt; `nextAttemptAt` null on a failure means give up. */
export type PurgeOutcome = { readonly ok: true } | { readonly ok: false; readonly error: string; readonly nextAttemptAt: number | null }

const toPurge = (r: Selectable<CdnPurgesTable>): StoredPurge => ({
  id: r.id, keys: r.purge_keys, attempts: r.attempts, status: r.status as StoredPurge['status'], nextAttemptAt: r.next_attempt_at, lastError: r.last_error,
})

export function createCdnPurges(db: Kysely<Database>, dialect: StoreDialect) {
  return {
    /**
     * Queues a purge of `keys` (encoded by domain/cdn-keys.ts), due at once. Call it inside the transaction of the
     * change: a rolled-back change purges nothing, a committed one loses no purge. An identical purge still waiting
     * (never claimed) absorbs it, whichever instance wrote that one. `now` is only recorded: a new purge is due from
     * time 0, so a sender whose clock lags the writer's never leaves it waiting.
     */
    async enqueue(keys: string, now: number): Promise<void> {
      await db.insertInto('cdn_purges').values({
        purge_keys: keys, keys_hash: createHash('sha256').update(keys).digest('base64url'),
        status: 'pending', next_attempt_at: 0, created_at: now, updated_at: now,
      }).onConflict((oc) => oc.doNothing()).execute()
    },

    /**
     * Claims up to `limit` due pending purges in one autocommit statement: counts the attempt and moves
     * `next_attempt_at` to `leaseUntil`, so no other instance sends them meanwhile and a dead sender's purges come back
     * after the lease. Same statement as mailOutbox.claimDue (FOR UPDATE SKIP LOCKED on PostgreSQL).
     */
    async claimDue(now: number, limit: number, leaseUntil: number): Promise<ClaimedPurge[]> {
      const due = (q: QueryCreator<Database>) => q.selectFrom('cdn_purges').select('id')
        .where('status', '=', 'pending').where('next_attempt_at', '<=', now)
      if (!await anyDue(due(db))) return []
      const rows = await db.with((w) => w('due').materialized(), (q) => due(q)
        .orderBy('next_attempt_at').orderBy('id').limit(limit)
        .$if(dialect.skipLocked, (sq) => sq.forUpdate().skipLocked()))
        .updateTable('cdn_purges')
        .set((eb) => ({ attempts: eb('attempts', '+', 1), next_attempt_at: leaseUntil, updated_at: now }))
        .where('id', 'in', (eb) => eb.selectFrom('due').select('due.id'))
        .where('status', '=', 'pending').where('next_attempt_at', '<=', now)
        .returning(['id', 'purge_keys', 'attempts']).execute()
      return rows.sort((a, b) => a.id - b.id).map((r) => ({ id: r.id, keys: r.purge_keys, attempts: r.attempts }))
    },

    /** Records one attempt at the purges `ids` (sent together): sent, retried at `nextAttemptAt`, or failed for good. */
    async record(ids: readonly number[], outcome: PurgeOutcome, now: number): Promise<void> {
      if (!ids.length) return
      const q = db.updateTable('cdn_purges').where('id', 'in', ids)
      if (outcome.ok) await q.set({ status: 'sent', updated_at: now, last_error: null }).execute()
      else if (outcome.nextAttemptAt === null) await q.set({ status: 'failed', updated_at: now, last_error: outcome.error.slice(0, 500) }).execute()
      else await q.set({ updated_at: now, last_error: outcome.error.slice(0, 500), next_attempt_at: outcome.nextAttemptAt }).execute()
    },

    /** Purges newest first. */
    async list(limit = 50): Promise<StoredPurge[]> {
      return (await db.selectFrom('cdn_purges').selectAll().orderBy('id', 'desc').limit(limit).execute()).map(toPurge)
    },

    /** Deletes sent and failed purges last touched before `before`; returns how many. */
    async pruneFinished(before: number): Promise<number> {
      const res = await db.deleteFrom('cdn_purges').where('status', 'in', ['sent', 'failed']).where('updated_at', '<', before).executeTakeFirst()
      return Number(res.numDeletedRows)
    },
  }
}

export type CdnPurges = ReturnType<typeof createCdnPurges>

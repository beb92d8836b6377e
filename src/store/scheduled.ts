// Claiming scheduled articles that are due: one at a time, inside the transaction that publishes it.

import type { Kysely } from 'kysely'
import type { StoreDialect } from './dialect.ts'
import type { Database } from './schema.ts'

export function createScheduled(db: Kysely<Database>, dialect: StoreDialect) {
  return {
    /**
     * Inside a transaction: the id of the earliest due scheduled article (status 'scheduled', `scheduled_at` <= now),
     * not in `skip`, now locked by this transaction; undefined when none is left. On PostgreSQL the row is taken
     * FOR UPDATE SKIP LOCKED, so concurrent claimers on other instances each get a different article, and a row another
     * transaction published meanwhile fails the status check when re-read under the lock. SQLite has one writer.
     */
    async claimNext(now: number, skip: readonly number[] = []): Promise<{ id: number; scheduledAt: number } | undefined> {
      const row = await db.selectFrom('articles').select(['id', 'scheduled_at'])
        .where('status', '=', 'scheduled').where('scheduled_at', '<=', now)
        .$if(skip.length > 0, (q) => q.where('id', 'not in', skip))
        .orderBy('scheduled_at').orderBy('id').limit(1)
        .$if(dialect.skipLocked, (q) => q.forUpdate().skipLocked())
        .executeTakeFirst()
      return row && { id: row.id, scheduledAt: row.scheduled_at ?? now }
    },

    /** How many scheduled articles are due at `now` (for logs and tests). */
    async dueCount(now: number): Promise<number> {
      const row = await db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'scheduled').where('scheduled_at', '<=', now).executeTakeFirstOrThrow()
      return Number(row.n)
    },
  }
}

export type Scheduled = ReturnType<typeof createScheduled>

// Claiming due rows of a queue: one write, taken only when a read finds something due.

import type { SelectQueryBuilder } from 'kysely'

/**
 * Whether the claim's select of due rows finds any. A claim is an UPDATE, and on SQLite every write statement takes
 * the database's one write lock even when it matches nothing; better-sqlite3 waits for that lock synchronously
 * (busy_timeout), holding the event loop. While an import wrote its batches, each idle queue's claim held the
 * server's loop for 50–330 ms, and readers waited that long. A read never waits for a writer (WAL), so a queue with
 * nothing due costs one indexed read and no lock. On PostgreSQL the probe spares an idle claim its row locks and WAL.
 */
export async function anyDue(due: SelectQueryBuilder<any, any, any>): Promise<boolean> {
  return (await due.limit(1).executeTakeFirst()) !== undefined
}

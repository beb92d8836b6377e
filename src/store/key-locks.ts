// Waiting for the other writers of the same rows: the statement dialect.ts lockKeys gives, run where there is one.

import type { Kysely } from 'kysely'
import type { LockSpace, StoreDialect } from './dialect.ts'

/**
 * Waits until no other transaction holds `space`'s keys for `ids`, and holds them until this one ends (dialect.ts
 * lockKeys): for writers that replace rows by delete and insert. Nothing to wait for where writers are serialised.
 */
export async function lockKeys(db: Kysely<any>, dialect: Pick<StoreDialect, 'lockKeys'>, space: LockSpace, ids: readonly number[]): Promise<void> {
  const statement = ids.length ? dialect.lockKeys(space, ids) : null
  if (statement) await statement.execute(db)
}

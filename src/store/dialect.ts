// The one place that names a database engine: what differs between SQLite and PostgreSQL, as data.

import { sql, type ColumnDefinitionBuilder, type RawBuilder, type SqlBool } from 'kysely'

/**
 * Begins a statement that PostgreSQL must plan on every call rather than prepare once (postgres.ts): one whose best
 * plan depends on its values. Full-text search is one: a rare word is found through the GIN index, a common one by
 * walking the newest articles, and a prepared statement soon settles on one generic plan for both.
 */
export const PLAN_EACH_CALL = '/* plan each call */ '

export interface StoreDialect {
  readonly name: 'sqlite' | 'postgres'
  /** Job claiming can use FOR UPDATE SKIP LOCKED (several runners), or there is one in-process runner. */
  readonly skipLocked: boolean
  /**
   * Cache invalidations reach other app instances through `pg_notify` sent inside the writing transaction (delivered on
   * commit, heard by postgres-listener.ts); without it there is one instance, told in-process after commit.
   */
  readonly notify: boolean
  /** The column type of an auto-incrementing primary key. */
  readonly idType: 'integer' | 'bigserial'
  /** The column type of epoch-millisecond times and foreign keys. */
  readonly bigintType: 'integer' | 'bigint'
  primaryKey(col: ColumnDefinitionBuilder): ColumnDefinitionBuilder
  /**
   * `column` is one of the ids in `list`, a single parameter made by `idList`: the SQL text is then the same whatever
   * the number of ids, so one prepared statement serves every listing and `prepared()` (prepared.ts) can compile it once.
   * For lookups by key only: on SQLite the list is a subquery, and a filter beside an index range planned with it read
   * every match and sorted (1.3 ms for an archive page against 43 µs with an IN list of values).
   */
  inIdList(column: string, list: unknown): RawBuilder<SqlBool>
  /** The parameter value for `inIdList`. */
  idList(ids: readonly number[]): unknown
  /**
   * Whether `err` is the engine aborting a transaction to break a deadlock or a serialization conflict: nothing was
   * written, and running the transaction again is the remedy PostgreSQL documents. SQLite has one writer and waits
   * (busy_timeout) instead, so it never answers this way.
   */
  isLockConflict(err: unknown): boolean
  /**
   * Whether two write transactions make progress side by side. PostgreSQL runs each in its own server process, so a
   * bulk writer keeps two in flight and this process prepares one while the server writes the other; SQLite has one
   * writer and runs in this process, so a second transaction would only wait.
   */
  readonly concurrentWriters: boolean
  /**
   * Whether the engine works in this process (SQLite) rather than in server processes of its own: only then is another
   * core free for work beside the writes (an import reading its file on a thread of its own).
   */
  readonly inProcess: boolean
  /**
   * The isolation level that gives a transaction one view of the whole database (an export reads every table in one):
   * PostgreSQL's default, read committed, sees each statement's own snapshot. A SQLite read transaction in WAL mode is
   * a snapshot already and takes no level.
   */
  readonly snapshotIsolation: 'repeatable read' | null
  /** The database's own clock now, in epoch ms: `broadsheet doctor` compares it with this machine's. */
  readonly nowMillis: RawBuilder<number>
  /**
   * The number a `real` column keeps of `x`: a double on SQLite, a 4-byte float on PostgreSQL. Bulk passes compare what
   * they computed with what is stored through it, and write only what would change.
   */
  storedReal(x: number): number
  /**
   * A statement that makes the writers of the same keys (a `space` and ids in it) wait for each other until their
   * transactions end, or null where writers are serialised already (SQLite has one). Replacing rows by delete and insert
   * needs it on PostgreSQL: two transactions replacing one article's rows at once each delete what they can see, and the
   * second insert then meets the first's rows (a duplicate key). Keys are taken in ascending order, so writers of several
   * never wait for each other in a circle.
   */
  lockKeys(space: LockSpace, ids: readonly number[]): RawBuilder<unknown> | null
}

/** Spaces of keys for lockKeys: one per kind of rows replaced whole (PostgreSQL's two-key advisory locks). */
export const LOCK_SPACES = { relatedTerms: 1, relatedLists: 2 } as const
export type LockSpace = keyof typeof LOCK_SPACES

/** PostgreSQL's SQLSTATEs for a transaction aborted by a deadlock (40P01) or a serialization failure (40001). */
const LOCK_CONFLICTS: ReadonlySet<string> = new Set(['40P01', '40001'])

export const sqliteDialect: StoreDialect = {
  name: 'sqlite',
  skipLocked: false,
  notify: false,
  idType: 'integer',
  bigintType: 'integer',
  // INTEGER PRIMARY KEY is SQLite's rowid alias; AUTOINCREMENT keeps deleted ids from coming back.
  primaryKey: (col) => col.primaryKey().autoIncrement(),
  inIdList: (column, list) => sql<SqlBool>`${sql.ref(column)} in (select value from json_each(${list}))`,
  idList: (ids) => JSON.stringify(ids),
  isLockConflict: () => false,
  concurrentWriters: false,
  inProcess: true,
  snapshotIsolation: null,
  // Julian days since the epoch's: SQLite runs in this process, so this is this machine's clock.
  nowMillis: sql<number>`cast((julianday('now') - 2440587.5) * 86400000 as integer)`,
  storedReal: (x) => x,
  lockKeys: () => null,
}

export const postgresDialect: StoreDialect = {
  name: 'postgres',
  skipLocked: true,
  notify: true,
  idType: 'bigserial',
  bigintType: 'bigint',
  primaryKey: (col) => col.primaryKey(),
  inIdList: (column, list) => sql<SqlBool>`${sql.ref(column)} = any(${list})`,
  idList: (ids) => ids,
  isLockConflict: (err) => LOCK_CONFLICTS.has(String((err as { code?: unknown } | null)?.code ?? '')),
  concurrentWriters: true,
  inProcess: false,
  snapshotIsolation: 'repeatable read',
  // clock_timestamp(), not now(): now() is the start of the transaction.
  nowMillis: sql<number>`cast(extract(epoch from clock_timestamp()) * 1000 as float8)`,
  // Read back as the shortest decimal that names the float4 (0.1, not 0.100000001): round both sides to compare.
  storedReal: (x) => Math.fround(x),
  // Transaction-level advisory locks, released at commit or rollback. An id past int4 shares a key with another: they
  // then only wait for each other needlessly.
  lockKeys: (space, ids) => sql`select pg_advisory_xact_lock(${LOCK_SPACES[space]}, (k % 2147483647)::int4)
    from (select distinct k from unnest(${[...ids]}::bigint[]) as k order by k) as keys`,
}

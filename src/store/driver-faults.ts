// Driver faults the user cannot fix (a lost connection, a full disk) become UnavailableError; a failed rollback never hides its cause.

import type { CompiledQuery, DatabaseConnection, Dialect, Driver, QueryCompiler, QueryResult, TransactionSettings } from 'kysely'
import { UnavailableError, type Outage } from '../errors.ts'

/** What one engine's driver file knows about its faults. */
export interface FaultRules {
  /** 'down' or 'full' for an outage the driver reported; null for anything else (a constraint, a bug), which passes unchanged. */
  classify(err: unknown): Outage | null
  /** Throws UnavailableError when the database can no longer take writes; run before each transaction begins. */
  beforeBegin?(): void
  /**
   * Whether `connection` is still inside a transaction. SQLite ends a transaction by itself on some errors (a full disk):
   * a ROLLBACK then fails with "no transaction is active" and would replace the error that explains everything.
   */
  inTransaction?(): boolean
}

const MESSAGES: Readonly<Record<Outage, string>> = {
  down: 'the database cannot be reached just now; nothing was changed, try again shortly',
  full: 'the database has no room left to store this; nothing was changed',
}

/** `err` as an UnavailableError when `rules` call it an outage, else unchanged. */
export function translateFault(err: unknown, rules: FaultRules): unknown {
  if (err instanceof UnavailableError) return err
  const outage = rules.classify(err)
  return outage ? new UnavailableError(outage, MESSAGES[outage], err) : err
}

async function guarded<T>(rules: FaultRules, run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (err) {
    throw translateFault(err, rules)
  }
}

/** The same connection, with its errors translated; the driver gets its own connection object back. */
class FaultConnection implements DatabaseConnection {
  readonly inner: DatabaseConnection
  readonly #rules: FaultRules
  constructor(inner: DatabaseConnection, rules: FaultRules) {
    this.inner = inner
    this.#rules = rules
  }

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return guarded(this.#rules, () => this.inner.executeQuery<R>(query))
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize: number): AsyncIterableIterator<QueryResult<R>> {
    try {
      yield* this.inner.streamQuery<R>(query, chunkSize)
    } catch (err) {
      throw translateFault(err, this.#rules)
    }
  }
}

const unwrap = (c: DatabaseConnection): DatabaseConnection => (c instanceof FaultConnection ? c.inner : c)

class FaultDriver implements Driver {
  readonly #inner: Driver
  readonly #rules: FaultRules
  readonly #wrapped = new WeakMap<DatabaseConnection, FaultConnection>()
  constructor(inner: Driver, rules: FaultRules) {
    this.#inner = inner
    this.#rules = rules
  }

  init(): Promise<void> {
    return guarded(this.#rules, () => this.#inner.init())
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const inner = await guarded(this.#rules, () => this.#inner.acquireConnection())
    let c = this.#wrapped.get(inner)
    if (!c) this.#wrapped.set(inner, (c = new FaultConnection(inner, this.#rules)))
    return c
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return guarded(this.#rules, async () => {
      this.#rules.beforeBegin?.()
      await this.#inner.beginTransaction(unwrap(connection), settings)
    })
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return guarded(this.#rules, () => this.#inner.commitTransaction(unwrap(connection)))
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.#rules.inTransaction?.() === false) return
    try {
      await this.#inner.rollbackTransaction(unwrap(connection))
    } catch (err) {
      // Kysely rolls back only on the way out of a failed transaction, and rethrows what failed. A rollback that fails
      // because the connection is gone loses nothing (the server ends the transaction with the connection; pg's pool
      // drops the client), so the original error goes on; any other rollback failure is the one to report.
      if (this.#rules.classify(err) !== 'down') throw err
    }
  }

  async savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    await guarded(this.#rules, async () => this.#inner.savepoint?.(unwrap(connection), name, compile))
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    await guarded(this.#rules, async () => this.#inner.rollbackToSavepoint?.(unwrap(connection), name, compile))
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    await guarded(this.#rules, async () => this.#inner.releaseSavepoint?.(unwrap(connection), name, compile))
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.#inner.releaseConnection(unwrap(connection))
  }

  destroy(): Promise<void> {
    return this.#inner.destroy()
  }
}

/** `dialect`, with every driver error that `rules` classify as an outage thrown as an UnavailableError. */
export function withFaultRules(dialect: Dialect, rules: FaultRules): Dialect {
  return {
    createDriver: () => new FaultDriver(dialect.createDriver(), rules),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db) => dialect.createIntrospector(db),
  }
}

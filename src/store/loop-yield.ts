// Lets the event loop turn between SQLite statements once a run of them has held it too long: a synchronous driver never does by itself.

import type { CompiledQuery, DatabaseConnection, Dialect, Driver, QueryCompiler, QueryResult, TransactionSettings } from 'kysely'

/**
 * better-sqlite3 runs each statement synchronously and Kysely continues after it in a microtask, so a transaction of
 * twenty statements over a 2 MB article body held the event loop for 300–2,000 ms at a stretch: no other request was
 * answered meanwhile, not even /healthz. Letting the loop turn (setImmediate) before a statement, once the present slice
 * of synchronous work has run `budgetMs`, bounds a stall by one statement plus the work between two. It is safe inside a
 * transaction: Kysely's connection mutex keeps every other query waiting for the connection, so nothing interleaves.
 */
export function createLoopSlicer(budgetMs: number) {
  /** When the event loop last had control (as far as a marker scheduled with setImmediate could tell). */
  let sliceStart = performance.now()
  let markerPending = false
  const markTurn = (): void => {
    markerPending = false
    sliceStart = performance.now()
  }
  return {
    /** Resolves at once while the present slice is within budget, else after the loop has turned. */
    async turnIfDue(): Promise<void> {
      if (!markerPending) {
        markerPending = true
        setImmediate(markTurn)
      }
      if (performance.now() - sliceStart > budgetMs) await new Promise<void>((resolve) => setImmediate(resolve))
    },
  }
}

type Slicer = ReturnType<typeof createLoopSlicer>

class SlicedConnection implements DatabaseConnection {
  readonly inner: DatabaseConnection
  readonly #slicer: Slicer
  constructor(inner: DatabaseConnection, slicer: Slicer) {
    this.inner = inner
    this.#slicer = slicer
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    await this.#slicer.turnIfDue()
    return this.inner.executeQuery<R>(query)
  }

  streamQuery<R>(query: CompiledQuery, chunkSize: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize)
  }
}

const unwrap = (c: DatabaseConnection): DatabaseConnection => (c instanceof SlicedConnection ? c.inner : c)

class SlicedDriver implements Driver {
  readonly #inner: Driver
  readonly #slicer: Slicer
  readonly #wrapped = new WeakMap<DatabaseConnection, SlicedConnection>()
  constructor(inner: Driver, slicer: Slicer) {
    this.#inner = inner
    this.#slicer = slicer
  }

  init(): Promise<void> {
    return this.#inner.init()
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const inner = await this.#inner.acquireConnection()
    let c = this.#wrapped.get(inner)
    if (!c) this.#wrapped.set(inner, (c = new SlicedConnection(inner, this.#slicer)))
    return c
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.#inner.beginTransaction(unwrap(connection), settings)
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    // A commit writes the WAL: give the loop its turn first when the transaction has held it long.
    await this.#slicer.turnIfDue()
    return this.#inner.commitTransaction(unwrap(connection))
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#inner.rollbackTransaction(unwrap(connection))
  }

  async savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    await this.#inner.savepoint?.(unwrap(connection), name, compile)
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    await this.#inner.rollbackToSavepoint?.(unwrap(connection), name, compile)
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    await this.#inner.releaseSavepoint?.(unwrap(connection), name, compile)
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.#inner.releaseConnection(unwrap(connection))
  }

  destroy(): Promise<void> {
    return this.#inner.destroy()
  }
}

/** `dialect`, letting the event loop turn before a statement once synchronous work has held it `budgetMs` (see createLoopSlicer). */
export function withLoopSlices(dialect: Dialect, budgetMs: number): Dialect {
  const slicer = createLoopSlicer(budgetMs)
  return {
    createDriver: () => new SlicedDriver(dialect.createDriver(), slicer),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db) => dialect.createIntrospector(db),
  }
}

// What the database connection does, counted the same way on both engines: connections in use and waited for,
// statements run and the time they took. /metrics reads it; nothing here knows Prometheus.

import type { Dialect, Driver, LogEvent } from 'kysely'

/** Called once per statement Kysely ran (BEGIN and COMMIT are the driver's own and are not counted). */
export type StatementObserver = (seconds: number, failed: boolean) => void

/** The live counts of one open database. */
export interface DatabaseMeter {
  /** The most connections the engine opens: the pg pool's size; 1 on SQLite, whose one connection Kysely takes in turn. */
  readonly poolSize: number
  /** Connections handed out and not yet given back (a query or a transaction holds one). */
  readonly inUse: number
  /**
   * Callers waiting for a pooled connection (PostgreSQL, a full pool). Not measured on SQLite, where Kysely's own lock
   * on the one connection sits above the driver: there it stays 0, and `measuresWaiting` is false.
   */
  readonly waiting: number
  readonly measuresWaiting: boolean
  /** Statements run since the database was opened, failures included. */
  readonly statements: number
  /** The observer of every statement's duration (one at a time: the app's metrics). */
  observe(observer: StatementObserver | null): void
}

/** The mutable side that the driver wrappers update. */
export interface MeterCounts extends DatabaseMeter {
  inUse: number
  waiting: number
  statements: number
  /** Kysely's `log` option: counts and times each statement. */
  log(event: LogEvent): void
}

export function createDatabaseMeter(poolSize: number, measuresWaiting = true): MeterCounts {
  let observer: StatementObserver | null = null
  return {
    poolSize, measuresWaiting, inUse: 0, waiting: 0, statements: 0,
    observe(o) {
      observer = o
    },
    log(event) {
      this.statements++
      observer?.(event.queryDurationMillis / 1000, event.level === 'error')
    },
  }
}

/**
 * `dialect`, whose driver counts connections taken and waited for in `meter` (on SQLite, Kysely queues callers for its
 * one connection before they reach the driver: `inUse` is right there, `waiting` never rises). The connection objects pass through
 * unchanged, so the wrappers inside (fault rules, loop slices) still recognise their own.
 */
export function withConnectionMeter(dialect: Dialect, meter: MeterCounts): Dialect {
  return {
    createDriver: (): Driver => {
      const driver = dialect.createDriver()
      const acquire = driver.acquireConnection.bind(driver)
      const release = driver.releaseConnection.bind(driver)
      driver.acquireConnection = async () => {
        meter.waiting++
        try {
          const connection = await acquire()
          meter.inUse++
          return connection
        } finally {
          meter.waiting--
        }
      }
      driver.releaseConnection = async (connection) => {
        meter.inUse--
        return release(connection)
      }
      return driver
    },
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db) => dialect.createIntrospector(db),
  }
}

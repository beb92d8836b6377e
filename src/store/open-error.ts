// Why a database could not be opened, in one line for the operator: no stack trace for a wrong URL or a server that is down.

import type { DatabaseConfig } from '../config.ts'
import { isUnavailable } from '../errors.ts'

/** The database named by the configuration cannot be reached, does not exist or refuses the credentials. */
export class DatabaseOpenError extends Error {
  constructor(message: string, cause: unknown) {
    super(message)
    this.name = 'DatabaseOpenError'
    this.cause = cause
  }
}

/** Where the database is, as the operator wrote it, without a password. */
export function describeDatabase(config: DatabaseConfig): string {
  if (config.engine === 'sqlite') return `the SQLite database ${config.file}`
  try {
    const url = new URL(config.url)
    if (url.password) url.password = '***'
    return `the PostgreSQL database ${url.href}`
  } catch {
    return 'the PostgreSQL database of DATABASE_URL'
  }
}

/** The innermost cause: the driver's or the system's own words (ECONNREFUSED, 'database "x" does not exist'). */
function rootCause(err: unknown): { message: string; code: string | undefined } {
  let e = err as { message?: unknown; code?: unknown; cause?: unknown } | null
  while (e?.cause && typeof e.cause === 'object') e = e.cause as typeof e
  return { message: typeof e?.message === 'string' ? e.message : String(err), code: typeof e?.code === 'string' ? e.code : undefined }
}

/**
 * PostgreSQL's connection, authentication and catalogue errors (SQLSTATE classes 08, 28 and 3D), system errors on
 * connecting (ECONNREFUSED, ENOTFOUND…), SQLite's "cannot open" and this project's outage errors: the operator's to fix,
 * not a bug. Anything else (a failing migration) is left to surface whole.
 */
function isOpenFault(err: unknown): boolean {
  if (isUnavailable(err)) return true
  const { code } = rootCause(err)
  return code !== undefined && (/^(08|28|3D)[0-9A-Z]{3}$/.test(code) || /^E[A-Z]+$/.test(code) || code === 'SQLITE_CANTOPEN')
}

/** `err` as a DatabaseOpenError when it is a fault of reaching the database, else unchanged. */
export function asOpenError(err: unknown, config: DatabaseConfig): unknown {
  if (!isOpenFault(err)) return err
  const { message, code } = rootCause(err)
  const detail = code && !message.includes(code) ? `${message} (${code})` : message
  return new DatabaseOpenError(`cannot open ${describeDatabase(config)}: ${detail}`, err)
}

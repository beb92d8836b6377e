// The kinds of error a user can cause, or must wait out. Only web/ maps them to HTTP statuses.

/**
 * TooMany: the user must wait before trying again (login slowing).
 * Unavailable: nothing was done because the database or storage cannot take it now (a lost connection, a full disk);
 * the same request may succeed later.
 */
export type ErrorKind = 'NotFound' | 'Invalid' | 'Conflict' | 'Forbidden' | 'TooMany' | 'Unavailable'

/** An error caused by input or state the user controls; `field` names the offending input when there is one. */
export class AppError extends Error {
  readonly kind: ErrorKind
  readonly field: string | undefined
  /** `options.cause`: the database error behind it, where a use-case turned one into this (a unique key taken). */
  constructor(kind: ErrorKind, message: string, field?: string, options?: { readonly cause?: unknown }) {
    super(message, options)
    this.name = 'AppError'
    this.kind = kind
    this.field = field
  }
}

export const isAppError = (err: unknown): err is AppError => err instanceof AppError

/** What is out: the database or storage cannot be reached or written ('down'), or has no room left ('full'). */
export type Outage = 'down' | 'full'

/** AppError('Unavailable') naming the outage; the driver's or file system's own error stays in `cause`, for the log. */
export class UnavailableError extends AppError {
  readonly outage: Outage
  constructor(outage: Outage, message: string, cause: unknown) {
    super('Unavailable', message)
    this.name = 'UnavailableError'
    this.outage = outage
    this.cause = cause
  }
}

export const isUnavailable = (err: unknown): err is UnavailableError => err instanceof UnavailableError

// The kinds of error a user can cause. Only web/ maps them to HTTP statuses.

/** TooMany: the user must wait before trying again (login slowing). */
export type ErrorKind = 'NotFound' | 'Invalid' | 'Conflict' | 'Forbidden' | 'TooMany'

/** An error caused by input or state the user controls; `field` names the offending input when there is one. */
export class AppError extends Error {
  readonly kind: ErrorKind
  readonly field: string | undefined
  constructor(kind: ErrorKind, message: string, field?: string) {
    super(message)
    this.name = 'AppError'
    this.kind = kind
    this.field = field
  }
}

export const isAppError = (err: unknown): err is AppError => err instanceof AppError

// Desk accounts as the rest of the code sees them, and the rules for their fields.

import type { Role } from './roles.ts'

/** A desk user; the password hash never leaves store/ and editorial/accounts.ts. */
export interface User {
  readonly id: number
  readonly email: string
  readonly name: string
  readonly role: Role
  readonly createdAt: number
  readonly disabled: boolean
}

/** Who is making a request: the user, and the session or token that proved it. */
export interface Viewer {
  readonly user: User
  /** The session id (sha256 of the cookie token); null when a bearer token authenticated the request. */
  readonly sessionId: string | null
}

export const PASSWORD_MIN = 12
export const PASSWORD_MAX = 256
export const NAME_MAX = 200
export const EMAIL_MAX = 254

/** Lower-cased, trimmed email, or null when it is not a plausible address. */
export function normalizeEmail(value: string): string | null {
  const email = value.trim().toLowerCase()
  if (email.length > EMAIL_MAX || !/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(email)) return null
  return email
}

/** Why a password is not acceptable, or null when it is. */
export function passwordProblem(password: string): string | null {
  const length = [...password].length
  if (length < PASSWORD_MIN) return `the password must be at least ${PASSWORD_MIN} characters`
  if (length > PASSWORD_MAX) return `the password must be at most ${PASSWORD_MAX} characters`
  return null
}

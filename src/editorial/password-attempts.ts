// Password guesses are limited: logins and re-entries of the current password count against one limit per account.

import type { Viewer } from '../domain/account.ts'
import { AppError } from '../errors.ts'
import type { Store } from '../store/store.ts'
import { verifyPassword } from './passwords.ts'

export const LOGIN_LIMIT = 5
export const LOGIN_WINDOW_MS = 15 * 60_000
export const LOGIN_LOCK_MS = 15 * 60_000

/** Too many failed logins: try again after `retryAfterSeconds`. */
export class LoginThrottled extends AppError {
  readonly retryAfterSeconds: number
  constructor(retryAfterSeconds: number) {
    super('TooMany', `Too many failed logins. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`)
    this.retryAfterSeconds = retryAfterSeconds
  }
}

/** The counter key of an account (its email, already normalized). */
export const accountKey = (email: string): string => `email:${email}`

/**
 * Counts one password attempt against `key` before the password is checked (see store/sessions.ts countAttempt);
 * throws LoginThrottled when the key is locked. Returns the window the attempt was counted in, for a refund.
 */
export async function countPasswordAttempt(store: Pick<Store, 'sessions'>, key: string, now: number): Promise<{ windowStart: number }> {
  const r = await store.sessions.countAttempt(key, { now, limit: LOGIN_LIMIT, windowMs: LOGIN_WINDOW_MS, lockMs: LOGIN_LOCK_MS })
  if (!r.counted) throw new LoginThrottled(Math.max(1, Math.ceil((r.lockedUntil - now) / 1000)))
  return r
}

/**
 * Checks the viewer's current password before a sensitive change (a new password, an API token). The attempt counts
 * against the account's login limit, so a session, perhaps a stolen one, cannot be used to guess the password:
 * LoginThrottled once the limit is reached, Invalid naming `current_password` when it is not right.
 */
export async function confirmCurrentPassword(store: Pick<Store, 'sessions' | 'users'>, viewer: Viewer, current: string, now: number): Promise<void> {
  const key = accountKey(viewer.user.email)
  await countPasswordAttempt(store, key, now)
  const found = await store.users.credentials(viewer.user.email)
  if (!found || current.length > 1024 || !(await verifyPassword(current, found.passwordHash))) {
    throw new AppError('Invalid', 'the current password is not right', 'current_password')
  }
  await store.sessions.clearCounter(key)
}

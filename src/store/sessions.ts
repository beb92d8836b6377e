// Login sessions (by the sha256 of their token) and the failed-login counters that slow guessing.

import { sql, type Kysely } from 'kysely'
import type { User } from '../domain/account.ts'
import { isRole, type Role } from '../domain/roles.ts'
import type { Database } from './schema.ts'

/** A session that is neither revoked nor expired, with its user. */
export interface ActiveSession {
  readonly id: string
  readonly user: User
  readonly lastSeenAt: number
  readonly expiresAt: number
}

export interface LoginCounter {
  readonly windowStart: number
  readonly failures: number
  readonly lockedUntil: number | null
}

/** How login attempts are limited: at most `limit` counted attempts per key; the one that reaches it locks the key for `lockMs`. */
export interface AttemptRule {
  readonly now: number
  readonly limit: number
  readonly windowMs: number
  readonly lockMs: number
}

/** An attempt that was counted (in the window that began at `windowStart`), or refused because the key is locked. */
export type CountedAttempt = { readonly counted: true; readonly windowStart: number } | { readonly counted: false; readonly lockedUntil: number }

// Bound values in CASE branches are cast: PostgreSQL would otherwise type `$n ... else null` as text.
const big = (n: number) => sql<number>`cast(${n} as bigint)`

export function createSessions(db: Kysely<Database>) {
  return {
    async insert(s: { id: string; userId: number; now: number; expiresAt: number; userAgent: string; ipHash: string }): Promise<void> {
      await db.insertInto('sessions').values({
        id: s.id, user_id: s.userId, created_at: s.now, last_seen_at: s.now, expires_at: s.expiresAt,
        user_agent: s.userAgent, ip_hash: s.ipHash,
      }).execute()
    },

    /** The session with this id if it is unrevoked, unexpired at `now`, and its user is enabled. */
    async active(id: string, now: number): Promise<ActiveSession | undefined> {
      const row = await db.selectFrom('sessions as s').innerJoin('users as u', 'u.id', 's.user_id')
        .select(['s.id as session_id', 's.last_seen_at', 's.expires_at', 'u.id', 'u.email', 'u.name', 'u.role', 'u.created_at', 'u.disabled'])
        .where('s.id', '=', id).where('s.revoked_at', 'is', null).where('s.expires_at', '>', now).where('u.disabled', '=', 0)
        .executeTakeFirst()
      if (!row) return undefined
      const user: User = { id: row.id, email: row.email, name: row.name, role: (isRole(row.role) ? row.role : 'contributor') as Role, createdAt: row.created_at, disabled: false }
      return { id: row.session_id, user, lastSeenAt: row.last_seen_at, expiresAt: row.expires_at }
    },

    /** Records activity: moves last_seen_at and the sliding expiry. */
    async touch(id: string, now: number, expiresAt: number): Promise<void> {
      await db.updateTable('sessions').set({ last_seen_at: now, expires_at: expiresAt }).where('id', '=', id).where('revoked_at', 'is', null).execute()
    },

    /** Revokes one session; false when it was not active. */
    async revoke(id: string, now: number): Promise<boolean> {
      const res = await db.updateTable('sessions').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst()
      return Number(res.numUpdatedRows) === 1
    },

    /** Revokes every session of a user ("log out everywhere", password reset); returns how many. */
    async revokeAll(userId: number, now: number): Promise<number> {
      const res = await db.updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst()
      return Number(res.numUpdatedRows)
    },

    /** Revokes every session of a user but `keep` (after a password change, the session that made it stays); returns how many. */
    async revokeOthers(userId: number, keep: string, now: number): Promise<number> {
      const res = await db.updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', userId).where('id', '!=', keep)
        .where('revoked_at', 'is', null).executeTakeFirst()
      return Number(res.numUpdatedRows)
    },

    /** Deletes sessions that expired or were revoked before `before`; returns how many. */
    async prune(before: number): Promise<number> {
      const res = await db.deleteFrom('sessions').where((eb) => eb.or([eb('expires_at', '<', before), eb('revoked_at', '<', before)])).executeTakeFirst()
      return Number(res.numDeletedRows)
    },

    async counter(key: string): Promise<LoginCounter | undefined> {
      const row = await db.selectFrom('login_attempts').select(['window_start', 'failures', 'locked_until']).where('key', '=', key).executeTakeFirst()
      return row && { windowStart: row.window_start, failures: row.failures, lockedUntil: row.locked_until }
    },

    /**
     * Counts one login attempt against `key` in one atomic statement, before the password is checked, so parallel
     * attempts (on any instance) cannot all pass a check made before any of them was counted. A row whose window has
     * passed, or whose lock has expired, starts again at 1; a locked row is left as it is and nothing is returned.
     * The attempt that brings the count to `rule.limit` sets the lock. See README.md (Login counters).
     */
    async countAttempt(key: string, rule: AttemptRule): Promise<CountedAttempt> {
      const { now, limit, windowMs, lockMs } = rule
      const stale = sql<boolean>`((login_attempts.locked_until is not null and login_attempts.locked_until <= ${big(now)})
        or (login_attempts.locked_until is null and login_attempts.window_start <= ${big(now - windowMs)}))`
      const next = sql<number>`case when ${stale} then 1 else login_attempts.failures + 1 end`
      const row = await db.insertInto('login_attempts')
        .values({ key, window_start: now, failures: 1, locked_until: limit <= 1 ? now + lockMs : null })
        .onConflict((oc) => oc.column('key').doUpdateSet({
          window_start: sql<number>`case when ${stale} then ${big(now)} else login_attempts.window_start end`,
          failures: next,
          locked_until: sql<number | null>`case when ${next} >= ${limit} then ${big(now + lockMs)} else null end`,
        }).where(sql<boolean>`${stale} or login_attempts.locked_until is null`))
        .returning(['window_start']).executeTakeFirst()
      if (row) return { counted: true, windowStart: row.window_start }
      const locked = await db.selectFrom('login_attempts').select('locked_until').where('key', '=', key).executeTakeFirst()
      return { counted: false, lockedUntil: locked?.locked_until ?? now }
    },

    /** Takes back one attempt counted in the window that began at `windowStart` (a login that succeeded was no guess). */
    async refundAttempt(key: string, windowStart: number): Promise<void> {
      // Counts never pass the limit, so one less is always below it: any lock was set by this very attempt.
      await db.updateTable('login_attempts').set({ failures: sql<number>`failures - 1`, locked_until: null })
        .where('key', '=', key).where('window_start', '=', windowStart).where('failures', '>', 0).execute()
    },

    async putCounter(key: string, c: LoginCounter): Promise<void> {
      const values = { window_start: c.windowStart, failures: c.failures, locked_until: c.lockedUntil }
      await db.insertInto('login_attempts').values({ key, ...values }).onConflict((oc) => oc.column('key').doUpdateSet(values)).execute()
    },

    /** Deletes login counters whose window began before `windowBefore` and that hold no lock past `now`; returns how many. */
    async pruneCounters(windowBefore: number, now: number): Promise<number> {
      const res = await db.deleteFrom('login_attempts').where('window_start', '<', windowBefore)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)])).executeTakeFirst()
      return Number(res.numDeletedRows)
    },

    async clearCounter(key: string): Promise<void> {
      await db.deleteFrom('login_attempts').where('key', '=', key).execute()
    },
  }
}

export type Sessions = ReturnType<typeof createSessions>

// Login sessions (by the sha256 of their token) and the failed-login counters that slow guessing.

import type { Kysely } from 'kysely'
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

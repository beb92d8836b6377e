// Desk users and their Admin API tokens (stored as sha256 hashes).

import type { Kysely, Selectable } from 'kysely'
import type { User } from '../domain/account.ts'
import { isRole, type Role } from '../domain/roles.ts'
import type { Database, UsersTable } from './schema.ts'

/** An API token as listed: never the token itself. */
export interface ApiToken {
  readonly id: number
  readonly userId: number
  readonly name: string
  readonly createdAt: number
  readonly lastUsedAt: number | null
  readonly revokedAt: number | null
}

const toUser = (r: Omit<Selectable<UsersTable>, 'password_hash'>): User => ({
  id: r.id, email: r.email, name: r.name, role: (isRole(r.role) ? r.role : 'contributor') as Role,
  createdAt: r.created_at, disabled: r.disabled === 1,
})

const USER_COLUMNS = ['id', 'email', 'name', 'role', 'created_at', 'disabled'] as const

export function createUsers(db: Kysely<Database>) {
  return {
    /** How many users exist (the setup page exists only while this is 0). */
    async count(): Promise<number> {
      const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
      return Number(row.n)
    },

    /** Adds a user; `email` must already be lower-cased. Throws the driver's unique violation when it is taken. */
    async insert(u: { email: string; name: string; role: Role; passwordHash: string; createdAt: number }): Promise<number> {
      const row = await db.insertInto('users').values({
        email: u.email, name: u.name, role: u.role, password_hash: u.passwordHash, created_at: u.createdAt, disabled: 0,
      }).returning('id').executeTakeFirstOrThrow()
      return row.id
    },

    async get(id: number): Promise<User | undefined> {
      const row = await db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst()
      return row && toUser(row)
    },

    async byEmail(email: string): Promise<User | undefined> {
      const row = await db.selectFrom('users').select(USER_COLUMNS).where('email', '=', email).executeTakeFirst()
      return row && toUser(row)
    },

    /** The user and password hash for a login; undefined when no such email. */
    async credentials(email: string): Promise<{ user: User; passwordHash: string } | undefined> {
      const row = await db.selectFrom('users').select([...USER_COLUMNS, 'password_hash']).where('email', '=', email).executeTakeFirst()
      return row && { user: toUser(row), passwordHash: row.password_hash }
    },

    async setPasswordHash(id: number, passwordHash: string): Promise<void> {
      await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).execute()
    },

    async setName(id: number, name: string): Promise<void> {
      await db.updateTable('users').set({ name }).where('id', '=', id).execute()
    },

    async setRole(id: number, role: Role): Promise<void> {
      await db.updateTable('users').set({ role }).where('id', '=', id).execute()
    },

    /** Deactivates (or reactivates) a user: a disabled user cannot log in, and their sessions and tokens stop working. */
    async setDisabled(id: number, disabled: boolean): Promise<void> {
      await db.updateTable('users').set({ disabled: disabled ? 1 : 0 }).where('id', '=', id).execute()
    },

    /** How many enabled admins there are (the desk keeps at least one). */
    async activeAdminCount(): Promise<number> {
      const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', 'admin').where('disabled', '=', 0)
        .executeTakeFirstOrThrow()
      return Number(row.n)
    },

    /** Every user, by name. */
    async list(): Promise<User[]> {
      return (await db.selectFrom('users').select(USER_COLUMNS).orderBy('name').orderBy('id').execute()).map(toUser)
    },

    /**
     * Claims the one-time setup: true for the first caller only. The settings row serializes concurrent setups
     * (on PostgreSQL the second insert waits for the first to commit, then does nothing).
     */
    async claimSetup(now: number): Promise<boolean> {
      const row = await db.insertInto('settings').values({ key: 'desk_setup_claimed', value: JSON.stringify(now) })
        .onConflict((oc) => oc.column('key').doNothing()).returning('key').executeTakeFirst()
      return row !== undefined
    },

    /** The desk's server secret (CSRF tokens, address hashes): `candidate` is stored if none exists yet, then the stored one is returned. */
    async secret(candidate: string): Promise<string> {
      await db.insertInto('settings').values({ key: 'desk_secret', value: JSON.stringify(candidate) })
        .onConflict((oc) => oc.column('key').doNothing()).execute()
      const row = await db.selectFrom('settings').select('value').where('key', '=', 'desk_secret').executeTakeFirstOrThrow()
      return JSON.parse(row.value) as string
    },

    /** Stores a new token's hash; returns its id. */
    async insertToken(t: { tokenHash: string; userId: number; name: string; createdAt: number }): Promise<number> {
      const row = await db.insertInto('api_tokens').values({ token_hash: t.tokenHash, user_id: t.userId, name: t.name, created_at: t.createdAt })
        .returning('id').executeTakeFirstOrThrow()
      return row.id
    },

    /** The unrevoked token with this hash and its enabled user; undefined otherwise. */
    async activeToken(tokenHash: string): Promise<{ tokenId: number; user: User; lastUsedAt: number | null } | undefined> {
      const row = await db.selectFrom('api_tokens as t').innerJoin('users as u', 'u.id', 't.user_id')
        .select(['t.id as token_id', 't.last_used_at', 'u.id', 'u.email', 'u.name', 'u.role', 'u.created_at', 'u.disabled'])
        .where('t.token_hash', '=', tokenHash).where('t.revoked_at', 'is', null).where('u.disabled', '=', 0).executeTakeFirst()
      return row && { tokenId: row.token_id, user: toUser(row), lastUsedAt: row.last_used_at }
    },

    async touchToken(id: number, now: number): Promise<void> {
      await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute()
    },

    /** Revokes a token; false when it does not exist or was already revoked. */
    async revokeToken(id: number, now: number): Promise<boolean> {
      const res = await db.updateTable('api_tokens').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst()
      return Number(res.numUpdatedRows) === 1
    },

    /** Revokes every active token of a user (password change or reset, log out everywhere, deactivation); returns how many. */
    async revokeTokens(userId: number, now: number): Promise<number> {
      const res = await db.updateTable('api_tokens').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst()
      return Number(res.numUpdatedRows)
    },

    /** A user's tokens, newest first. */
    async tokens(userId: number): Promise<ApiToken[]> {
      const rows = await db.selectFrom('api_tokens').select(['id', 'user_id', 'name', 'created_at', 'last_used_at', 'revoked_at'])
        .where('user_id', '=', userId).orderBy('id', 'desc').execute()
      return rows.map((r) => ({ id: r.id, userId: r.user_id, name: r.name, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at }))
    },
  }
}

export type Users = ReturnType<typeof createUsers>

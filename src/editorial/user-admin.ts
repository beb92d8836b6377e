// Managing desk users after they exist: roles, deactivation (never of the last admin), and each user's own name and password.

import { NAME_MAX, passwordProblem, type User, type Viewer } from '../domain/account.ts'
import { isRole } from '../domain/roles.ts'
import { AppError } from '../errors.ts'
import type { Repositories, Store } from '../store/store.ts'
import { hashPassword } from './passwords.ts'
import { confirmCurrentPassword } from './password-attempts.ts'
import type { Clock } from '../domain/clock.ts'
import type { Actor } from './article-access.ts'
import { requirePermission } from './permission.ts'

async function userOf(tx: Repositories, id: number): Promise<User> {
  const user = await tx.users.get(id)
  if (!user) throw new AppError('NotFound', 'there is no such user')
  return user
}

/** Refuses a change that would leave the desk without an enabled admin. */
async function keepAnAdmin(tx: Repositories, user: User, what: string, now: number): Promise<void> {
  if (user.role !== 'admin' || user.disabled) return
  // Writing one agreed row first serializes these checks on PostgreSQL: two admins demoting each other at once cannot both pass.
  await tx.site.setSetting('desk_admin_guard', now)
  if ((await tx.users.activeAdminCount()) <= 1) {
    throw new AppError('Conflict', `${user.name} is the last active admin and cannot be ${what}; make someone else an admin first`)
  }
}

/** Gives user `id` a new role. Conflict when it would demote the last active admin. */
export async function changeRole(tx: Repositories, actor: Actor, id: number, role: string, now: number): Promise<User> {
  requirePermission(actor, 'users.manage')
  if (!isRole(role)) throw new AppError('Invalid', 'the role must be contributor, author, editor or admin', 'role')
  const user = await userOf(tx, id)
  if (user.role === role) return user
  if (role !== 'admin') await keepAnAdmin(tx, user, 'demoted', now)
  await tx.users.setRole(id, role)
  await tx.audit.record({ userId: actor.userId, action: 'user.role', subjectType: 'user', subjectId: String(id), details: { from: user.role, to: role }, at: now })
  return (await tx.users.get(id))!
}

/**
 * Deactivates user `id` (their sessions end, their API tokens are revoked, they cannot log in) or reactivates them;
 * reactivation brings back neither. Conflict for the last active admin.
 */
export async function setActive(tx: Repositories, actor: Actor, id: number, active: boolean, now: number): Promise<User> {
  requirePermission(actor, 'users.manage')
  const user = await userOf(tx, id)
  if (user.disabled === !active) return user
  if (!active) {
    await keepAnAdmin(tx, user, 'deactivated', now)
    await tx.sessions.revokeAll(id, now)
  }
  // Revoked, not merely refused while disabled: a token must not come back to life when the user is reactivated.
  const tokens = active ? 0 : await tx.users.revokeTokens(id, now)
  await tx.users.setDisabled(id, !active)
  await tx.audit.record({ userId: actor.userId, action: active ? 'user.reactivate' : 'user.deactivate', subjectType: 'user', subjectId: String(id), details: active ? {} : { tokens }, at: now })
  return (await tx.users.get(id))!
}

/** Changes the viewer's own display name. */
export async function renameSelf(tx: Repositories, viewer: Viewer, rawName: string, now: number): Promise<void> {
  const name = rawName.trim()
  if (!name) throw new AppError('Invalid', 'a name is required', 'name')
  if (name.length > NAME_MAX) throw new AppError('Invalid', `the name must be at most ${NAME_MAX} characters`, 'name')
  await tx.users.setName(viewer.user.id, name)
  await tx.audit.record({ userId: viewer.user.id, action: 'user.rename', subjectType: 'user', subjectId: String(viewer.user.id), details: {}, at: now })
}

/**
 * Changes the viewer's own password after checking the current one; every other session of theirs ends, the one
 * making the change stays, and their API tokens are revoked. Invalid naming `current_password` or `new_password` otherwise;
 * LoginThrottled when the account's password attempts are used up.
 */
export async function changeOwnPassword(store: Store, viewer: Viewer, current: string, next: string, now: number): Promise<void> {
  await confirmCurrentPassword(store, viewer, current, now)
  const problem = passwordProblem(next)
  if (problem) throw new AppError('Invalid', problem, 'new_password')
  // Hashing takes a while: outside the transaction, so SQLite's one connection is not held.
  const passwordHash = await hashPassword(next)
  await store.transaction(async (tx) => {
    await tx.users.setPasswordHash(viewer.user.id, passwordHash)
    if (viewer.sessionId) await tx.sessions.revokeOthers(viewer.user.id, viewer.sessionId, now)
    else await tx.sessions.revokeAll(viewer.user.id, now)
    // A token minted by whoever knew the old password must not outlive it.
    const tokens = await tx.users.revokeTokens(viewer.user.id, now)
    await tx.audit.record({ userId: viewer.user.id, action: 'user.change-password', subjectType: 'user', subjectId: String(viewer.user.id), details: { tokens }, at: now })
  })
}

/**
 * The users page's use-cases for admins: the list, roles, deactivation and ending someone's sessions, each checking
 * that the actor may manage users. `logoutEverywhere` is the accounts service's (it writes its own audit record).
 */
export function createUserAdmin({ store, clock, logoutEverywhere }: {
  readonly store: Store; readonly clock: Clock; readonly logoutEverywhere: (userId: number) => Promise<unknown>
}) {
  return {
    /** Every desk user, for admins. */
    async list(actor: Actor): Promise<User[]> {
      requirePermission(actor, 'users.manage')
      return store.users.list()
    },
    changeRole: (actor: Actor, id: number, role: string): Promise<User> => store.transaction((tx) => changeRole(tx, actor, id, role, clock.now())),
    setActive: (actor: Actor, id: number, active: boolean): Promise<User> => store.transaction((tx) => setActive(tx, actor, id, active, clock.now())),
    /** Ends every session of user `id` and revokes their tokens; NotFound when there is no such user. */
    async endSessions(actor: Actor, id: number): Promise<void> {
      requirePermission(actor, 'users.manage')
      await userOf(store, id)
      await logoutEverywhere(id)
    },
  }
}

export type UserAdmin = ReturnType<typeof createUserAdmin>

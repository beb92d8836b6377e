// Reading the audit log (editors and admins): one page, newest first, filtered by user and action, with user names.

import type { Store } from '../store/store.ts'
import type { AuditEntry } from '../store/audit.ts'
import type { Actor } from './article-access.ts'
import { requirePermission } from './permission.ts'

export interface AuditPage {
  /** The page's entries, each with the name of its user (null for the system and the command line). */
  readonly entries: readonly (AuditEntry & { readonly userName: string | null })[]
  /** Every desk user, for the filter. */
  readonly users: readonly { readonly id: number; readonly name: string }[]
  /** Every action recorded so far, for the filter. */
  readonly actions: readonly string[]
  /** The id to pass as `beforeId` for the next (older) page, or null on the last one. */
  readonly olderThan: number | null
}

export function createAuditLog({ store }: { readonly store: Pick<Store, 'audit' | 'users'> }) {
  return {
    /** One page of `perPage` entries older than `beforeId`, as `actor` may read them (Forbidden for authors and contributors). */
    async page(actor: Actor, q: { readonly perPage: number; readonly beforeId?: number; readonly userId?: number; readonly action?: string }): Promise<AuditPage> {
      requirePermission(actor, 'audit.read')
      const [rows, users, actions] = await Promise.all([
        store.audit.list({
          limit: q.perPage + 1, ...(q.beforeId !== undefined && { beforeId: q.beforeId }), ...(q.userId !== undefined && { userId: q.userId }),
          ...(q.action && { action: q.action }),
        }),
        store.users.list(), store.audit.actions(),
      ])
      const shown = rows.slice(0, q.perPage)
      const names = new Map(users.map((u) => [u.id, u.name]))
      return {
        entries: shown.map((e) => ({ ...e, userName: e.userId === null ? null : names.get(e.userId) ?? `user ${e.userId}` })),
        users: users.map((u) => ({ id: u.id, name: u.name })), actions,
        olderThan: rows.length > q.perPage ? shown[shown.length - 1]!.id : null,
      }
    },
  }
}

export type AuditLog = ReturnType<typeof createAuditLog>

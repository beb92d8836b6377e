// One-time account links: invitations (a user to be) and password resets (a user), by the sha256 of their token.

import type { Kysely, Selectable } from 'kysely'
import type { AccountLink, LinkPurpose } from '../domain/account-link.ts'
import { isRole } from '../domain/roles.ts'
import type { AccountLinksTable, Database } from './schema.ts'

const toLink = (r: Selectable<AccountLinksTable>): AccountLink => ({
  id: r.id, purpose: r.purpose === 'invite' ? 'invite' : 'reset', email: r.email, name: r.name,
  role: r.role !== null && isRole(r.role) ? r.role : null, userId: r.user_id, createdBy: r.created_by,
  createdAt: r.created_at, expiresAt: r.expires_at, usedAt: r.used_at,
})

export function createAccountLinks(db: Kysely<Database>) {
  return {
    /**
     * Stores a new link and deletes the unused links of the same purpose and email, whose tokens then stop working:
     * only the newest invitation or reset link of an address is valid. Returns the new id.
     */
    async replace(l: { purpose: LinkPurpose; tokenHash: string; email: string; name: string; role: string | null; userId: number | null; createdBy: number | null; now: number; expiresAt: number }): Promise<number> {
      await db.deleteFrom('account_links').where('purpose', '=', l.purpose).where('email', '=', l.email).where('used_at', 'is', null).execute()
      const row = await db.insertInto('account_links').values({
        purpose: l.purpose, token_hash: l.tokenHash, email: l.email, name: l.name, role: l.role, user_id: l.userId,
        created_by: l.createdBy, created_at: l.now, expires_at: l.expiresAt,
      }).returning('id').executeTakeFirstOrThrow()
      return row.id
    },

    /** The link with this token hash, used or not, expired or not; undefined when there is none. */
    async byHash(tokenHash: string): Promise<AccountLink | undefined> {
      const row = await db.selectFrom('account_links').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst()
      return row && toLink(row)
    },

    /** Marks the link used if it is still unused and unexpired at `now`; false otherwise (a second use, even a parallel one, loses). */
    async use(id: number, now: number): Promise<boolean> {
      const res = await db.updateTable('account_links').set({ used_at: now })
        .where('id', '=', id).where('used_at', 'is', null).where('expires_at', '>', now).executeTakeFirst()
      return Number(res.numUpdatedRows) === 1
    },

    /** Invitations neither used nor expired at `now`, newest first. */
    async pendingInvitations(now: number): Promise<AccountLink[]> {
      const rows = await db.selectFrom('account_links').selectAll().where('purpose', '=', 'invite').where('used_at', 'is', null)
        .where('expires_at', '>', now).orderBy('id', 'desc').limit(200).execute()
      return rows.map(toLink)
    },

    /** Deletes links that expired or were used before `before`; returns how many. */
    async prune(before: number): Promise<number> {
      const res = await db.deleteFrom('account_links').where((eb) => eb.or([eb('expires_at', '<', before), eb('used_at', '<', before)])).executeTakeFirst()
      return Number(res.numDeletedRows)
    },
  }
}

export type AccountLinks = ReturnType<typeof createAccountLinks>

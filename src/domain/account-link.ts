// One-time account links as the rest of the code sees them: an invitation to the desk, or a password reset.

import type { Role } from './roles.ts'

export type LinkPurpose = 'invite' | 'reset'

/** An invitation is valid this long: 72 hours. */
export const INVITE_TTL_MS = 72 * 3_600_000
/** A password reset link is valid this long: one hour. */
export const RESET_TTL_MS = 3_600_000

export interface AccountLink {
  readonly id: number
  readonly purpose: LinkPurpose
  /** The invited address, or the address of the user whose password is reset. */
  readonly email: string
  /** For an invitation: the name the admin gave, which the invitee may change. */
  readonly name: string
  /** For an invitation: the role the new user gets. */
  readonly role: Role | null
  /** For a reset: the user. */
  readonly userId: number | null
  readonly createdBy: number | null
  readonly createdAt: number
  readonly expiresAt: number
  readonly usedAt: number | null
}

/** Whether a link can be used at `now`, and if not, why: what the page for it says. */
export type LinkState = 'valid' | 'used' | 'expired'

export function linkState(link: AccountLink, now: number): LinkState {
  if (link.usedAt !== null) return 'used'
  return link.expiresAt <= now ? 'expired' : 'valid'
}

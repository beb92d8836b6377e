// One-time account links by email: invitations (an admin invites, the invitee chooses a password) and forgotten passwords.

import { createHash, createHmac, randomBytes } from 'node:crypto'
import { INVITE_TTL_MS, linkState, RESET_TTL_MS, type AccountLink, type LinkPurpose } from '../domain/account-link.ts'
import { NAME_MAX, normalizeEmail, passwordProblem, type User, type Viewer } from '../domain/account.ts'
import type { Clock } from '../domain/clock.ts'
import type { Outgoing } from '../domain/mail.ts'
import { isRole } from '../domain/roles.ts'
import { AppError } from '../errors.ts'
import type { Store } from '../store/store.ts'
import { hashPassword } from '../editorial/passwords.ts'
import { accountKey } from '../editorial/password-attempts.ts'
import { createOwnByline } from '../editorial/own-byline.ts'
import { isUniqueViolation } from '../store/unique-violation.ts'

/** Requests for a reset link counted per address asked for, and per client address, in one window (login's, so pruning agrees). */
export const RESET_LIMIT_PER_EMAIL = 3
export const RESET_LIMIT_PER_CLIENT = 10
export const RESET_WINDOW_MS = 15 * 60_000
export const RESET_LOCK_MS = 15 * 60_000

/** Too many reset requests from this client or for this address: try again after `retryAfterSeconds`. */
export class ResetThrottled extends AppError {
  readonly retryAfterSeconds: number
  constructor(retryAfterSeconds: number) {
    super('TooMany', `Too many requests for a password link. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`)
    this.retryAfterSeconds = retryAfterSeconds
  }
}

/** Why a link cannot be used: unknown (never existed, or replaced by a newer one), used, or expired. */
export class LinkUnusable extends AppError {
  readonly state: 'unknown' | 'used' | 'expired'
  readonly purpose: LinkPurpose | null
  constructor(state: 'unknown' | 'used' | 'expired', purpose: LinkPurpose | null) {
    super(state === 'unknown' ? 'NotFound' : 'Conflict', state === 'unknown'
      ? 'This link is not valid. It may have been mistyped, or replaced by a newer one.'
      : state === 'used' ? 'This link has already been used. Each link works only once.'
        : purpose === 'invite' ? 'This invitation has expired. Ask an admin to invite you again.'
          : 'This link has expired. Ask for a new one on the login page.')
    this.state = state
    this.purpose = purpose
  }
}

/** A usable link as its page shows it. */
export interface OpenLink {
  readonly purpose: LinkPurpose
  readonly email: string
  readonly name: string
  readonly expiresAt: number
}

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex')
// Tokens are 32 random bytes in base64url; anything else is refused before the database is asked.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/

export interface AccountLinkDeps {
  readonly store: Store
  readonly clock: Clock
  /** Null when mail is off: inviting is refused, a reset request sends nothing. */
  readonly outgoing: Outgoing | null
}

/** The account-link use-cases. Hashing and site reads happen before transactions, which never await anything but the database. */
export function createAccountLinkService({ store, clock, outgoing }: AccountLinkDeps) {
  let secret: Promise<string> | null = null
  const clientKey = async (ip: string): Promise<string> => {
    secret ??= store.users.secret(randomBytes(32).toString('hex'))
    return `reset-ip:${createHmac('sha256', await secret).update(`ip:${ip}`).digest('base64url').slice(0, 32)}`
  }

  async function count(key: string, limit: number, now: number): Promise<void> {
    const r = await store.sessions.countAttempt(key, { now, limit, windowMs: RESET_WINDOW_MS, lockMs: RESET_LOCK_MS })
    if (!r.counted) throw new ResetThrottled(Math.max(1, Math.ceil((r.lockedUntil - now) / 1000)))
  }

  /** The link of a token, and whether it can be used now; LinkUnusable otherwise. */
  async function usable(token: string, now: number, tx: Pick<Store, 'accountLinks'> = store): Promise<AccountLink> {
    const link = TOKEN_SHAPE.test(token) ? await tx.accountLinks.byHash(sha256(token)) : undefined
    if (!link) throw new LinkUnusable('unknown', null)
    const state = linkState(link, now)
    if (state !== 'valid') throw new LinkUnusable(state, link.purpose)
    return link
  }

  const newToken = (): string => randomBytes(32).toString('base64url')
  const mailOrRefuse = (): Outgoing => {
    if (!outgoing) throw new AppError('Conflict', 'mail is not configured (SMTP_URL and MAIL_FROM), so invitations cannot be sent; add the user with a password instead')
    return outgoing
  }

  return {
    /** Whether mail is on: the desk offers invitations and "Forgot password" only then. */
    mailEnabled: outgoing !== null,

    /**
     * Invites `email` to the desk as `role`, as the admin `actor`: stores a link valid INVITE_TTL_MS (only its hash) and
     * writes the invitation into the mail outbox in the same transaction. A newer invitation replaces an unused one.
     * Forbidden for non-admins; Invalid naming the field; Conflict when the address has an account or mail is off.
     */
    async invite(actor: Viewer, input: { email: string; name: string; role: string }): Promise<{ email: string; expiresAt: number }> {
      if (actor.user.role !== 'admin') throw new AppError('Forbidden', 'only an admin may invite users')
      const mail = mailOrRefuse()
      const email = normalizeEmail(input.email)
      if (!email) throw new AppError('Invalid', 'enter a valid email address', 'email')
      const name = input.name.trim()
      if (name.length > NAME_MAX) throw new AppError('Invalid', `the name must be at most ${NAME_MAX} characters`, 'name')
      if (!isRole(input.role)) throw new AppError('Invalid', 'the role must be contributor, author, editor or admin', 'role')
      const role = input.role
      const siteName = await mail.siteName()
      const token = newToken()
      const now = clock.now()
      const expiresAt = now + INVITE_TTL_MS
      await store.transaction(async (tx) => {
        if (await tx.users.byEmail(email)) throw new AppError('Conflict', `a user with the email ${email} already exists`, 'email')
        const id = await tx.accountLinks.replace({ purpose: 'invite', tokenHash: sha256(token), email, name, role, userId: null, createdBy: actor.user.id, now, expiresAt })
        await tx.mailOutbox.enqueue([mail.letters.invitation({
          to: email, siteName, inviterName: actor.user.name, role, link: mail.url(`/desk/password/${token}`), expiresAt, timeZone: mail.timeZone,
        })], now)
        await tx.audit.record({ userId: actor.user.id, action: 'user.invite', subjectType: 'invitation', subjectId: String(id), details: { email, role }, at: now })
      })
      return { email, expiresAt }
    },

    /** Invitations not yet used or expired, newest first (the users page lists them). */
    pendingInvitations: (): Promise<AccountLink[]> => store.accountLinks.pendingInvitations(clock.now()),

    /**
     * "Forgot password": when `emailInput` belongs to an active user and mail is on, stores a reset link valid
     * RESET_TTL_MS and writes it into the outbox. Resolves the same way whether or not the address has an account.
     * Requests are counted per address asked for and per client address before anything else (ResetThrottled).
     */
    async requestReset(emailInput: string, client: { readonly ip: string }): Promise<void> {
      const now = clock.now()
      await count(await clientKey(client.ip), RESET_LIMIT_PER_CLIENT, now)
      const email = normalizeEmail(emailInput)
      if (!email) throw new AppError('Invalid', 'enter a valid email address', 'email')
      // Counted for unknown addresses too, so a refusal tells nothing about which addresses have accounts.
      await count(`reset-email:${email}`, RESET_LIMIT_PER_EMAIL, now)
      if (!outgoing) return
      const user = await store.users.byEmail(email)
      if (!user || user.disabled) return
      const siteName = await outgoing.siteName()
      const token = newToken()
      const expiresAt = now + RESET_TTL_MS
      await store.transaction(async (tx) => {
        const id = await tx.accountLinks.replace({ purpose: 'reset', tokenHash: sha256(token), email, name: '', role: null, userId: user.id, createdBy: null, now, expiresAt })
        await tx.mailOutbox.enqueue([outgoing.letters.passwordReset({
          to: email, siteName, name: user.name, link: outgoing.url(`/desk/password/${token}`), expiresAt, timeZone: outgoing.timeZone,
        })], now)
        await tx.audit.record({ userId: user.id, action: 'user.reset-requested', subjectType: 'password_link', subjectId: String(id), details: {}, at: now })
      })
    },

    /** What the page of a link shows: its purpose and address. LinkUnusable (unknown, used or expired) otherwise. */
    async open(token: string): Promise<OpenLink> {
      const link = await usable(token, clock.now())
      return { purpose: link.purpose, email: link.email, name: link.name, expiresAt: link.expiresAt }
    },

    /**
     * Uses a link once: an invitation creates the user with `password` (and `name`), a reset sets the user's new
     * password, ends their sessions and revokes their API tokens, as a password change does. LinkUnusable when the
     * link is unknown, used (even by a parallel request) or expired; Invalid naming `password` or `name`; Conflict when
     * the invited address got an account meanwhile.
     */
    async complete(token: string, input: { password: string; name?: string }): Promise<{ purpose: LinkPurpose; user: User }> {
      const link = await usable(token, clock.now())
      const problem = passwordProblem(input.password)
      if (problem) throw new AppError('Invalid', problem, 'password')
      const name = (input.name ?? link.name).trim()
      if (link.purpose === 'invite') {
        if (!name) throw new AppError('Invalid', 'a name is required', 'name')
        if (name.length > NAME_MAX) throw new AppError('Invalid', `the name must be at most ${NAME_MAX} characters`, 'name')
      }
      // Hashing takes a while: outside the transaction, so SQLite's one connection is not held.
      const passwordHash = await hashPassword(input.password)
      const now = clock.now()
      return store.transaction(async (tx) => {
        const current = await usable(token, now, tx)
        if (!(await tx.accountLinks.use(current.id, now))) throw new LinkUnusable('used', current.purpose)
        if (current.purpose === 'invite') {
          const id = await tx.users.insert({ email: current.email, name, role: current.role ?? 'contributor', passwordHash, createdAt: now }).catch((err: unknown) => {
            throw isUniqueViolation(err) ? new AppError('Conflict', `an account with the email ${current.email} already exists; log in, or use “Forgot password”`) : err
          })
          await tx.audit.record({ userId: id, action: 'user.create', subjectType: 'user', subjectId: String(id), details: { role: current.role, invitedBy: current.createdBy }, at: now })
          await createOwnByline(tx, id, name, now)
          return { purpose: 'invite' as const, user: (await tx.users.get(id))! }
        }
        const user = current.userId === null ? undefined : await tx.users.get(current.userId)
        if (!user || user.disabled) throw new LinkUnusable('unknown', 'reset')
        await tx.users.setPasswordHash(user.id, passwordHash)
        const sessions = await tx.sessions.revokeAll(user.id, now)
        // As with a password change: a token minted by whoever knew the old password must not outlive it.
        const tokens = await tx.users.revokeTokens(user.id, now)
        await tx.sessions.clearCounter(accountKey(user.email))
        await tx.audit.record({ userId: user.id, action: 'user.reset-password', subjectType: 'user', subjectId: String(user.id), details: { via: 'email', sessions, tokens }, at: now })
        return { purpose: 'reset' as const, user }
      })
    },
  }
}

export type AccountLinkService = ReturnType<typeof createAccountLinkService>

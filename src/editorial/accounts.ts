// Desk accounts: the owner and other users, passwords, login with slowing, sessions, CSRF tokens and API tokens.

import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { normalizeEmail, passwordProblem, NAME_MAX, type User, type Viewer } from '../domain/account.ts'
import type { Clock } from '../domain/clock.ts'
import { isRole, type Role } from '../domain/roles.ts'
import { AppError } from '../errors.ts'
import type { Store } from '../store/store.ts'
import { dummyHash, hashPassword, verifyPassword } from './passwords.ts'
import { accountKey as accountKeyOf, confirmCurrentPassword, countPasswordAttempt } from './password-attempts.ts'
import { isUniqueViolation } from '../store/unique-violation.ts'
import type { ApiToken } from '../store/users.ts'
import { changeOwnPassword, renameSelf } from './user-admin.ts'
import { createOwnByline } from './own-byline.ts'

export const SESSION_IDLE_MS = 14 * 86_400_000
/** last_seen_at (and the sliding expiry) move at most this often, so reading pages does not write on every request. */
export const TOUCH_EVERY_MS = 60_000
// The limit's rules live beside the re-entry of the current password; these names stay importable from here.
export { LOGIN_LIMIT, LOGIN_LOCK_MS, LOGIN_WINDOW_MS, LoginThrottled } from './password-attempts.ts'

export interface NewUserInput {
  readonly email: string
  readonly name: string
  readonly role: string
  readonly password: string
}

/** Where a login or session comes from; the address is only ever stored hashed. */
export interface ClientInfo {
  readonly ip: string
  readonly userAgent: string
}

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex')
const newToken = (): string => randomBytes(32).toString('base64url')
const TOKEN_PREFIX = 'bsk_'
// Cookie tokens are 43 base64url characters; anything else is refused before touching the database.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/

function sameString(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/** Checks the fields of a new user; returns them cleaned. Throws AppError('Invalid') naming the field. */
export function checkNewUser(input: NewUserInput): { email: string; name: string; role: Role; password: string } {
  const email = normalizeEmail(input.email)
  if (!email) throw new AppError('Invalid', 'enter a valid email address', 'email')
  const name = input.name.trim()
  if (!name) throw new AppError('Invalid', 'a name is required', 'name')
  if (name.length > NAME_MAX) throw new AppError('Invalid', `the name must be at most ${NAME_MAX} characters`, 'name')
  if (!isRole(input.role)) throw new AppError('Invalid', 'the role must be contributor, author, editor or admin', 'role')
  const problem = passwordProblem(input.password)
  if (problem) throw new AppError('Invalid', problem, 'password')
  return { email, name, role: input.role, password: input.password }
}


/** The accounts service. Password hashing runs outside transactions: it takes ~100 ms and must not hold SQLite's one connection. */
export function createAccounts(deps: { readonly store: Store; readonly clock: Clock }) {
  const { store, clock } = deps
  let secret: Promise<string> | null = null
  const serverSecret = (): Promise<string> => {
    secret ??= store.users.secret(randomBytes(32).toString('hex')).catch((err: unknown) => {
      secret = null
      throw err
    })
    return secret
  }
  const hmac = async (value: string): Promise<string> => createHmac('sha256', await serverSecret()).update(value).digest('base64url')
  const ipKey = async (ip: string): Promise<string> => `ip:${(await hmac(`ip:${ip}`)).slice(0, 32)}`
  let dummy: Promise<string> | null = null

  async function insertUser(fields: ReturnType<typeof checkNewUser>, actor: number | null, onlyFirst: boolean): Promise<User> {
    const passwordHash = await hashPassword(fields.password)
    const now = clock.now()
    return store.transaction(async (tx) => {
      if (onlyFirst && ((await tx.users.count()) > 0 || !(await tx.users.claimSetup(now)))) {
        throw new AppError('NotFound', 'the desk is already set up')
      }
      const id = await tx.users.insert({ email: fields.email, name: fields.name, role: fields.role, passwordHash, createdAt: now }).catch((err: unknown) => {
        throw isUniqueViolation(err) ? new AppError('Conflict', `a user with the email ${fields.email} already exists`, 'email') : err
      })
      // The owner sets themself up; a user created from the command line is recorded with no user, as the operator's acts are.
      await tx.audit.record({ userId: onlyFirst ? id : actor, action: onlyFirst ? 'user.setup' : 'user.create', subjectType: 'user', subjectId: String(id), details: { role: fields.role }, at: now })
      // Every account can credit itself: its byline is made with it, named after it.
      await createOwnByline(tx, id, fields.name, now)
      return (await tx.users.get(id))!
    })
  }

  /** Stores a new Admin API token for the user with `email`; the token is returned once and only its hash is stored. */
  async function mintToken(email: string, name: string): Promise<{ token: string; id: number; user: User }> {
    const normalized = normalizeEmail(email)
    if (!normalized) throw new AppError('Invalid', 'enter a valid email address', 'user')
    const label = name.trim()
    if (label.length > 100) throw new AppError('Invalid', 'the token name must be at most 100 characters', 'name')
    const token = TOKEN_PREFIX + newToken()
    const now = clock.now()
    return store.transaction(async (tx) => {
      const user = await tx.users.byEmail(normalized)
      if (!user) throw new AppError('NotFound', `no user has the email ${normalized}`, 'user')
      if (user.disabled) throw new AppError('Conflict', `the user ${normalized} is disabled`, 'user')
      const id = await tx.users.insertToken({ tokenHash: sha256(token), userId: user.id, name: label, createdAt: now })
      await tx.audit.record({ userId: user.id, action: 'token.create', subjectType: 'api_token', subjectId: String(id), details: { name: label }, at: now })
      return { token, id, user }
    })
  }

  async function revoke(id: number, actor: Viewer | null): Promise<void> {
    const now = clock.now()
    await store.transaction(async (tx) => {
      if (!(await tx.users.revokeToken(id, now))) throw new AppError('NotFound', `no active API token ${id}`)
      await tx.audit.record({ userId: actor?.user.id ?? null, action: 'token.revoke', subjectType: 'api_token', subjectId: String(id), details: {}, at: now })
    })
  }

  async function newSession(user: User, client: ClientInfo, now: number): Promise<{ token: string; sessionId: string }> {
    const token = newToken()
    const sessionId = sha256(token)
    // Before the transaction: the first use of the secret reads the pool, which would wait for SQLite's one connection.
    const ipHash = await ipKey(client.ip)
    await store.transaction(async (tx) => {
      await tx.sessions.insert({ id: sessionId, userId: user.id, now, expiresAt: now + SESSION_IDLE_MS, userAgent: client.userAgent.slice(0, 300), ipHash })
      await tx.audit.record({ userId: user.id, action: 'session.login', subjectType: 'session', subjectId: sessionId.slice(0, 12), details: {}, at: now })
    })
    return { token, sessionId }
  }

  return {
    /** Whether the setup page is open: no user exists yet. */
    needsSetup: async (): Promise<boolean> => (await store.users.count()) === 0,

    /** Creates the owner (an admin) on a desk without users and logs them in. Throws AppError('NotFound') once anyone exists. */
    async setup(input: Omit<NewUserInput, 'role'>, client: ClientInfo): Promise<{ user: User; token: string; sessionId: string }> {
      const user = await insertUser(checkNewUser({ ...input, role: 'admin' }), null, true)
      return { user, ...(await newSession(user, client, clock.now())) }
    },

    /** Creates a user; `actor` is the admin doing it (null from the command line, where the operator is trusted). */
    async createUser(input: NewUserInput, actor: Viewer | null): Promise<User> {
      if (actor && actor.user.role !== 'admin') throw new AppError('Forbidden', 'only an admin may create users')
      return insertUser(checkNewUser(input), actor?.user.id ?? null, false)
    },

    /**
     * Sets a new password (from the command line, where the operator is trusted) and ends every session of that user;
     * their API tokens are revoked too unless `keepTokens`. Returns the user and how many tokens were revoked.
     */
    async resetPassword(email: string, password: string, opts: { readonly keepTokens?: boolean } = {}): Promise<{ user: User; tokensRevoked: number }> {
      const normalized = normalizeEmail(email)
      if (!normalized) throw new AppError('Invalid', 'enter a valid email address', 'email')
      const problem = passwordProblem(password)
      if (problem) throw new AppError('Invalid', problem, 'password')
      const passwordHash = await hashPassword(password)
      const now = clock.now()
      return store.transaction(async (tx) => {
        const user = await tx.users.byEmail(normalized)
        if (!user) throw new AppError('NotFound', `no user has the email ${normalized}`, 'email')
        await tx.users.setPasswordHash(user.id, passwordHash)
        await tx.sessions.revokeAll(user.id, now)
        const tokensRevoked = opts.keepTokens ? 0 : await tx.users.revokeTokens(user.id, now)
        await tx.sessions.clearCounter(accountKeyOf(normalized))
        await tx.audit.record({ userId: null, action: 'user.reset-password', subjectType: 'user', subjectId: String(user.id), details: { tokens: tokensRevoked }, at: now })
        return { user, tokensRevoked }
      })
    },

    /**
     * Checks email and password and opens a session. Each attempt is counted for the account and for the address
     * before the password is checked; once LOGIN_LIMIT attempts have been counted within LOGIN_WINDOW_MS, the key is
     * refused (LoginThrottled) for LOGIN_LOCK_MS, even with the right password, however many attempts arrive at once
     * and on whichever instance. Wrong credentials: AppError('Invalid').
     */
    async login(emailInput: string, password: string, client: ClientInfo): Promise<{ user: User; token: string; sessionId: string }> {
      const email = normalizeEmail(emailInput) ?? emailInput.trim().toLowerCase().slice(0, 254)
      const [accountKey, addressKey] = [accountKeyOf(email), await ipKey(client.ip)]
      const now = clock.now()
      const account = await countPasswordAttempt(store, accountKey, now)
      const address = await countPasswordAttempt(store, addressKey, now).catch(async (err: unknown) => {
        // Refused for the address: this attempt is not evaluated, so it is no guess against the account either.
        await store.sessions.refundAttempt(accountKey, account.windowStart)
        throw err
      })
      const found = await store.users.credentials(email)
      // Unknown emails cost a hash too, so timing does not tell which addresses have accounts.
      const ok = found && !found.user.disabled && password.length <= 1024
        ? await verifyPassword(password, found.passwordHash)
        : (await verifyPassword(password.slice(0, 1024), await (dummy ??= dummyHash())), false)
      // A failure stays counted on both keys.
      if (!ok || !found) throw new AppError('Invalid', 'Wrong email or password.', 'password')
      // A success clears the account's counter and takes back its attempt on the address, whose earlier failures stay:
      // one valid account cannot reset the address.
      await store.transaction(async (tx) => {
        await tx.sessions.clearCounter(accountKey)
        await tx.sessions.refundAttempt(addressKey, address.windowStart)
      })
      return { user: found.user, ...(await newSession(found.user, client, now)) }
    },

    /** The viewer of a session cookie token, or null when it is malformed, unknown, expired or revoked. Slides the expiry. */
    async authenticateSession(token: string | undefined): Promise<Viewer | null> {
      if (!token || !TOKEN_SHAPE.test(token)) return null
      const id = sha256(token)
      const now = clock.now()
      const session = await store.sessions.active(id, now)
      if (!session) return null
      if (now - session.lastSeenAt >= TOUCH_EVERY_MS) await store.sessions.touch(id, now, now + SESSION_IDLE_MS)
      return { user: session.user, sessionId: id }
    },

    /** Ends one session. */
    async logout(sessionId: string, userId: number): Promise<void> {
      const now = clock.now()
      await store.transaction(async (tx) => {
        if (await tx.sessions.revoke(sessionId, now)) {
          await tx.audit.record({ userId, action: 'session.logout', subjectType: 'session', subjectId: sessionId.slice(0, 12), details: {}, at: now })
        }
      })
    },

    /** Ends every session of a user and revokes their API tokens; returns how many of each. */
    async logoutEverywhere(userId: number): Promise<{ sessions: number; tokens: number }> {
      const now = clock.now()
      return store.transaction(async (tx) => {
        const sessions = await tx.sessions.revokeAll(userId, now)
        // "Everywhere" includes the programs holding the user's tokens: that is what one reaches for after a leak.
        const tokens = await tx.users.revokeTokens(userId, now)
        await tx.audit.record({ userId, action: 'session.logout-everywhere', subjectType: 'user', subjectId: String(userId), details: { sessions, tokens }, at: now })
        return { sessions, tokens }
      })
    },

    /** The CSRF token of a session's forms: an HMAC of the session id with the server secret. */
    csrfToken: (sessionId: string): Promise<string> => hmac(`csrf:${sessionId}`),
    /** The form token that goes with a pre-session cookie (login and setup forms). */
    preSessionToken: (cookie: string): Promise<string> => hmac(`pre:${cookie}`),
    /** A new random value for the pre-session CSRF cookie. */
    newPreSessionCookie: (): string => newToken(),
    /** Whether `given` is the expected token; timing-safe. */
    async checkCsrf(expected: Promise<string>, given: unknown): Promise<boolean> {
      return typeof given === 'string' && given.length > 0 && given.length < 200 && sameString(await expected, given)
    },

    /**
     * Creates an Admin API token for the viewer themselves, after checking their current password (a session alone,
     * perhaps a stolen one, cannot mint a credential that outlives it). Invalid naming `current_password` otherwise.
     */
    async createOwnToken(viewer: Viewer, name: string, currentPassword: string): Promise<{ token: string; id: number; user: User }> {
      if (name.trim().length > 100) throw new AppError('Invalid', 'the token name must be at most 100 characters', 'name')
      await confirmCurrentPassword(store, viewer, currentPassword, clock.now())
      return mintToken(viewer.user.email, name)
    },

    /**
     * Creates an Admin API token for the user with `email`, from the command line, where the operator is trusted; the
     * token is returned once and only its hash is stored.
     */
    createToken: (email: string, name: string): Promise<{ token: string; id: number; user: User }> => mintToken(email, name),

    /** Whether a user has this email (the command line checks before it asks for a new password). */
    hasUser: async (email: string): Promise<boolean> => {
      const normalized = normalizeEmail(email)
      return normalized !== null && (await store.users.byEmail(normalized)) !== undefined
    },

    /** The viewer's own account as stored now (a rename shows at once) and their API tokens. */
    async ownAccount(viewer: Viewer): Promise<{ user: User; tokens: ApiToken[] }> {
      const [user, tokens] = await Promise.all([store.users.get(viewer.user.id), store.users.tokens(viewer.user.id)])
      return { user: user ?? viewer.user, tokens }
    },

    /** Changes the viewer's own display name (user-admin.ts renameSelf). */
    rename: (viewer: Viewer, name: string): Promise<void> => store.transaction((tx) => renameSelf(tx, viewer, name, clock.now())),

    /** Changes the viewer's own password after checking the current one (user-admin.ts changeOwnPassword). */
    changePassword: (viewer: Viewer, current: string, next: string): Promise<void> => changeOwnPassword(store, viewer, current, next, clock.now()),

    /** Revokes one of the viewer's own active tokens; someone else's and an unknown one are the same NotFound. */
    async revokeOwnToken(viewer: Viewer, id: number): Promise<void> {
      const own = (await store.users.tokens(viewer.user.id)).some((t) => t.id === id && t.revokedAt === null)
      if (!own) throw new AppError('NotFound', 'you have no active API token with that number')
      await revoke(id, viewer)
    },

    /** Revokes a token by id. Throws AppError('NotFound') when there is no such active token. */
    revokeToken: (id: number, actor: Viewer | null): Promise<void> => revoke(id, actor),

    /** The viewer of a bearer token, or null when it is malformed, unknown or revoked. */
    async authenticateToken(token: string): Promise<Viewer | null> {
      if (!token.startsWith(TOKEN_PREFIX) || !TOKEN_SHAPE.test(token.slice(TOKEN_PREFIX.length))) return null
      const found = await store.users.activeToken(sha256(token))
      if (!found) return null
      const now = clock.now()
      if (found.lastUsedAt === null || now - found.lastUsedAt >= TOUCH_EVERY_MS) await store.users.touchToken(found.tokenId, now)
      return { user: found.user, sessionId: null }
    },
  }
}

export type Accounts = ReturnType<typeof createAccounts>

// Desk routes for accounts: first-run setup (gone once a user exists), login with slowing, logout (here or everywhere).

import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { AppError, isAppError } from '../../errors.ts'
import { LoginThrottled, type ClientInfo } from '../../editorial/accounts.ts'
import { loginPage, setupPage } from '../../render/desk/login-page.ts'
import { addCookie, cookie, parseCookies, PRE_SESSION_COOKIE, requireUser, SESSION_COOKIE, SESSION_MAX_AGE_S, viewerOf } from '../viewer.ts'
import { sendDeskPage, type DeskKit } from './desk.ts'
import { deskPasswordLinkRoutes, PASSWORD_SET_NOTICES } from './password-links.ts'

type Form = Record<string, string | undefined>

const field = (body: unknown, name: string, max: number): string => {
  const v = body && typeof body === 'object' ? (body as Form)[name] : undefined
  return typeof v === 'string' ? v.slice(0, max) : ''
}

/** Where to go after logging in: a desk path only, never another site. */
export function safeNext(value: unknown): string {
  if (typeof value !== 'string' || value.length > 500) return '/desk'
  return /^\/desk(?:[/?]|$)/.test(value) && !/[\\\s]|\/\//.test(value) ? value : '/desk'
}

const client = (req: FastifyRequest): ClientInfo => ({ ip: req.ip, userAgent: String(req.headers['user-agent'] ?? '') })

const nextSchema = {
  type: 'object', properties: { next: { type: 'string', maxLength: 500 }, done: { type: 'string', enum: Object.keys(PASSWORD_SET_NOTICES) } }, additionalProperties: true,
} as const

export const deskAuthRoutes = (kit: DeskKit): FastifyPluginAsync => async (app) => {
  const { accounts } = kit.services

  /** The pre-session CSRF token for the login and setup forms, setting its cookie when the browser has none. */
  async function preSessionCsrf(req: FastifyRequest, reply: FastifyReply): Promise<string> {
    let pre = parseCookies(req.headers.cookie)[PRE_SESSION_COOKIE]
    if (!pre || !/^[A-Za-z0-9_-]{43}$/.test(pre)) {
      pre = accounts.newPreSessionCookie()
      addCookie(reply, cookie(PRE_SESSION_COOKIE, pre, { secure: kit.secure, path: '/desk' }))
    }
    return accounts.preSessionToken(pre)
  }

  const startSession = (reply: FastifyReply, token: string, next: string) => {
    addCookie(reply, cookie(SESSION_COOKIE, token, { secure: kit.secure, maxAgeS: SESSION_MAX_AGE_S }))
    return reply.redirect(next, 303)
  }

  const notFound = () => new AppError('NotFound', 'The desk is already set up.')

  app.get('/setup', async (req, reply) => {
    if (!(await accounts.needsSetup())) throw notFound()
    return sendDeskPage(reply, 200, setupPage(await kit.context(req, await preSessionCsrf(req, reply)), {}))
  })

  app.post('/setup', async (req, reply) => {
    if (!(await accounts.needsSetup())) throw notFound()
    const values = { name: field(req.body, 'name', 300), email: field(req.body, 'email', 300) }
    try {
      const { token } = await accounts.setup({ ...values, password: field(req.body, 'password', 1024) }, client(req))
      return startSession(reply, token, '/desk')
    } catch (err) {
      if (!isAppError(err) || err.kind !== 'Invalid') throw err
      return sendDeskPage(reply, 400, setupPage(await kit.context(req, await preSessionCsrf(req, reply)), { error: err.message, values }))
    }
  })

  app.get<{ Querystring: { next?: string; done?: string } }>('/login', { schema: { querystring: nextSchema } }, async (req, reply) => {
    if (viewerOf(req)) return reply.redirect(safeNext(req.query.next), 303)
    if (await accounts.needsSetup()) return reply.redirect('/desk/setup', 303)
    const notice = req.query.done ? PASSWORD_SET_NOTICES[req.query.done] ?? null : null
    return sendDeskPage(reply, 200, loginPage(await kit.context(req, await preSessionCsrf(req, reply)), { next: safeNext(req.query.next), notice }))
  })

  app.post('/login', async (req, reply) => {
    const next = safeNext(field(req.body, 'next', 501))
    const email = field(req.body, 'email', 300)
    try {
      const { token } = await accounts.login(email, field(req.body, 'password', 1025), client(req))
      return startSession(reply, token, next)
    } catch (err) {
      if (!isAppError(err) || (err.kind !== 'Invalid' && err.kind !== 'TooMany')) throw err
      const status = err instanceof LoginThrottled ? 429 : 401
      if (err instanceof LoginThrottled) reply.header('retry-after', String(err.retryAfterSeconds))
      return sendDeskPage(reply, status, loginPage(await kit.context(req, await preSessionCsrf(req, reply)), { error: err.message, values: { email }, next }))
    }
  })

  await app.register(deskPasswordLinkRoutes(kit, preSessionCsrf))

  app.post('/logout', { preHandler: requireUser() }, async (req, reply) => {
    const viewer = viewerOf(req)!
    if (field(req.body, 'everywhere', 10) === '1') await accounts.logoutEverywhere(viewer.user.id)
    else if (viewer.sessionId) await accounts.logout(viewer.sessionId, viewer.user.id)
    addCookie(reply, cookie(SESSION_COOKIE, '', { secure: kit.secure, maxAgeS: 0 }))
    return reply.redirect('/desk/login', 303)
  })
}

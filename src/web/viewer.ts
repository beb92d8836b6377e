// Who is asking: the request-scoped viewer, the session and CSRF cookies, requireUser for desk routes, and bearer tokens for the Admin API.

import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import type { Viewer } from '../domain/account.ts'
import { AppError } from '../errors.ts'
import type { Accounts } from '../editorial/accounts.ts'
import type { Actor } from '../editorial/article-access.ts'
import { SESSION_COOKIE } from './page-cache.ts'

export { SESSION_COOKIE }
/** The pre-session CSRF cookie of the login and setup forms (double submit, signed). */
export const PRE_SESSION_COOKIE = 'bs_csrf'
export const SESSION_MAX_AGE_S = 14 * 86_400

const kViewer = 'viewer'

/** Adds the `viewer` request decorator (null until a hook sets it) to an encapsulated context, once. */
export function decorateViewer(app: FastifyInstance): void {
  if (!app.hasRequestDecorator(kViewer)) app.decorateRequest(kViewer, null)
}

/** The viewer a hook attached to this request, or null. */
export const viewerOf = (req: FastifyRequest): Viewer | null => req.getDecorator<Viewer | null>(kViewer)
export const setViewer = (req: FastifyRequest, viewer: Viewer | null): void => req.setDecorator(kViewer, viewer)

/** Cookie name → value from a Cookie header; malformed pairs are skipped. */
export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  if (!header) return out
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 1) continue
    const name = part.slice(0, eq).trim()
    const raw = part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1')
    try {
      if (!(name in out)) out[name] = decodeURIComponent(raw)
    } catch {
      // A value that is not valid percent-encoding is not one of ours.
    }
  }
  return out
}

/** A Set-Cookie value: always HttpOnly and SameSite=Lax; Secure when the site is served over https. */
export function cookie(name: string, value: string, opts: { readonly secure: boolean; readonly maxAgeS?: number; readonly path?: string }): string {
  return [`${name}=${encodeURIComponent(value)}`, `Path=${opts.path ?? '/'}`, 'HttpOnly', 'SameSite=Lax',
    ...(opts.maxAgeS !== undefined ? [`Max-Age=${opts.maxAgeS}`] : []), ...(opts.secure ? ['Secure'] : [])].join('; ')
}

/** Adds a Set-Cookie header, replacing one already set for the same cookie and keeping the others. */
export function addCookie(reply: FastifyReply, value: string): void {
  const existing = reply.getHeader('set-cookie')
  const list = existing === undefined ? [] : Array.isArray(existing) ? existing.map(String) : [String(existing)]
  const name = value.slice(0, value.indexOf('=') + 1)
  // Fastify appends to set-cookie rather than replacing it: clear it first.
  reply.removeHeader('set-cookie')
  reply.header('set-cookie', [...list.filter((c) => !c.startsWith(name)), value])
}

/** The logged-in viewer as the acting user of a use-case; only after requireUser (or bearer authentication) let the request in. */
export function actorOf(req: FastifyRequest): Actor {
  const viewer = viewerOf(req)
  if (!viewer) throw new AppError('Forbidden', 'log in first')
  return { userId: viewer.user.id, role: viewer.user.role }
}

/**
 * A preHandler that lets the request through only with a logged-in viewer; without a session, pages redirect to the
 * login form. Whether the viewer may do what they ask is the use-case's answer (it takes the acting user), not the route's.
 */
export function requireUser(): preHandlerAsyncHookHandler {
  return async function (req, reply) {
    if (!viewerOf(req)) {
      const next = req.method === 'GET' ? `?next=${encodeURIComponent(req.url)}` : ''
      return reply.header('cache-control', 'private, no-store').redirect(`/desk/login${next}`, 303)
    }
  }
}

const BEARER = /^Bearer[ \t]+([A-Za-z0-9_-]{1,200})[ \t]*$/i

/**
 * Authenticates `Authorization: Bearer <token>` for the Admin API: sets the viewer and returns it, or answers
 * 401 JSON (with WWW-Authenticate) and returns null. The route's context must have called decorateViewer.
 */
export async function authenticateBearer(accounts: Accounts, req: FastifyRequest, reply: FastifyReply): Promise<Viewer | null> {
  const m = BEARER.exec(req.headers.authorization ?? '')
  const viewer = m ? await accounts.authenticateToken(m[1]!) : null
  if (!viewer) {
    const message = m ? 'the API token is not valid or has been revoked' : 'send an API token as Authorization: Bearer <token>'
    await reply.code(401).header('www-authenticate', 'Bearer realm="broadsheet"').header('cache-control', 'no-store')
      .send({ error: { code: 401, message, field: null } })
    return null
  }
  setViewer(req, viewer)
  return viewer
}

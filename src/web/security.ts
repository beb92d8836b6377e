// Security headers on every response.

import type { FastifyInstance, FastifyReply } from 'fastify'

/**
 * The page policy. Images come from the site, any https origin, data: URLs and, when MEDIA_PUBLIC_URL is a plain http
 * origin (a CDN or bucket on a private network), that origin, which https: alone would not let through.
 */
const cspOf = (mediaOrigin: string | null): string => [
  "default-src 'self'",
  `img-src 'self' https: data:${mediaOrigin?.startsWith('http:') ? ` ${mediaOrigin}` : ''}`,
  // Players the sanitizer keeps (<video>, <audio> with controls, http(s) sources): media cannot run script.
  "media-src 'self' https:",
  "style-src 'self'",
  "script-src 'self'",
  'frame-src https://www.youtube-nocookie.com https://www.youtube.com https://player.vimeo.com https://framatube.org https://peertube.tv',
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ')

/** What the headers depend on: whether the site is served over https, and the public media base (MEDIA_PUBLIC_URL). */
export interface SecurityOptions {
  readonly https: boolean
  readonly mediaPublicUrl?: string | null
}

const policies = new Map<string | null, string>()

/** Sets the security headers on one reply. Replies made outside routing (Fastify's frameworkErrors) call it themselves. */
export function setSecurityHeaders(reply: FastifyReply, opts: SecurityOptions): void {
  const origin = opts.mediaPublicUrl ? new URL(opts.mediaPublicUrl).origin : null
  let csp = policies.get(origin)
  if (csp === undefined) policies.set(origin, csp = cspOf(origin))
  // A route with a stricter or narrower need (the desk's newsletter preview frame) sets its own policy first.
  if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', csp)
  reply.header('x-content-type-options', 'nosniff')
  reply.header('referrer-policy', 'strict-origin-when-cross-origin')
  reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()')
  reply.header('x-frame-options', 'SAMEORIGIN')
  if (opts.https) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains')
}

/** Adds CSP, nosniff, referrer and permissions policies; HSTS when the site is served over https. */
export function securityHeaders(app: FastifyInstance, opts: SecurityOptions): void {
  app.addHook('onSend', async (_req, reply) => {
    setSecurityHeaders(reply, opts)
  })
}

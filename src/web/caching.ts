// Sending public pages: content type, Cache-Control for browsers and CDNs, ETag and 304.

import { createHash } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { cdnHeaders } from '../domain/cdn-keys.ts'

/** Public pages: browsers revalidate after a minute; a CDN keeps them 5 minutes and may serve stale while it refetches. */
export const PUBLIC_CACHE = 'public, max-age=60, s-maxage=300, stale-while-revalidate=600, stale-if-error=86400'
export const NO_STORE = 'private, no-store'

const etagOf = (body: string): string => `"${createHash('sha1').update(body).digest('base64url')}"`

/** Whether the request's If-None-Match names this ETag (or `*`). */
const matches = (header: string | undefined, etag: string): boolean =>
  !!header && (header.trim() === '*' || header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag))

/**
 * Sends text with an ETag, answering 304 when the client already has it. `keys` are the dependency keys a CDN may
 * purge it by (Surrogate-Key, Cache-Tag), as the page cache sends for its pages: a scope that every change to what the
 * response shows invalidates (domain/invalidation.ts).
 */
export function sendCacheable(req: FastifyRequest, reply: FastifyReply, body: string, type: string, cacheControl = PUBLIC_CACHE, keys: readonly string[] = []) {
  const etag = etagOf(body)
  reply.header('content-type', type).header('cache-control', cacheControl).header('etag', etag).header('vary', 'accept-encoding')
  const cdn = cdnHeaders(keys)
  if (cdn) reply.headers(cdn)
  if (matches(req.headers['if-none-match'], etag)) return reply.code(304).send()
  return reply.send(body)
}

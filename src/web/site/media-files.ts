// /media/<key>: originals and variants streamed from the media store, with ETags, ranges and a year of caching, or a
// redirect to MEDIA_PUBLIC_URL (a public bucket, or a CDN in front of it).

import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { contentTypeOf, isMediaKey } from '../../media/storage/media-store.ts'
import type { Services } from '../../services.ts'

/** A key's bytes never change (the key carries a hash of them): any cache may keep them for a year without asking again. */
export const IMMUTABLE = 'public, max-age=31536000, immutable'

/** The bytes a `Range` header asks for within `size`: null for the whole object, 'unsatisfiable' for a 416. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | null | 'unsatisfiable' {
  if (header === undefined) return null
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  // Several ranges, other units or nonsense: the whole object, which RFC 9110 allows a server to send instead.
  if (!m || (m[1] === '' && m[2] === '')) return null
  if (m[1] === '') {
    const suffix = Number(m[2])
    if (suffix === 0 || size === 0) return 'unsatisfiable'
    return { start: Math.max(0, size - suffix), end: size - 1 }
  }
  const start = Number(m[1]), end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1)
  if (!Number.isSafeInteger(start) || start >= size || end < start) return 'unsatisfiable'
  return { start, end }
}

/** Whether an If-None-Match header names `etag` (or is `*`); weak and strong forms compare equal, as RFC 9110 says for it. */
const matches = (header: string | undefined, etag: string): boolean =>
  header !== undefined && header.split(',').map((t) => t.trim().replace(/^W\//, '')).some((t) => t === '*' || t === etag.replace(/^W\//, ''))

export const mediaFileRoutes = (s: Pick<Services, 'mediaFiles' | 'config'>): FastifyPluginAsync => async (app) => {
  const publicUrl = s.config.media.publicUrl

  const notFound = (reply: FastifyReply) => reply.callNotFound()

  // HEAD is its own method here (not Fastify's derived HEAD route, which would fetch the bytes and say 0 of them).
  app.route<{ Params: { '*': string } }>({ method: ['GET', 'HEAD'], url: '/media/*', handler: async (req: FastifyRequest<{ Params: { '*': string } }>, reply) => {
    const key = req.params['*']
    // Keys are plain ASCII paths; anything else (`..`, dotfiles, escapes) names no object.
    if (!isMediaKey(key)) return notFound(reply)
    if (publicUrl !== null) return reply.header('cache-control', IMMUTABLE).redirect(`${publicUrl}/${key}`, 301)
    reply.header('cache-control', IMMUTABLE).header('accept-ranges', 'bytes')
    // A plain GET (the common case) is one request to the store; a conditional or ranged one asks for the facts first.
    if (req.method === 'GET' && req.headers.range === undefined && req.headers['if-none-match'] === undefined) {
      const whole = await s.mediaFiles.open(key)
      if (!whole) return notFound(reply)
      return reply.header('etag', whole.etag).type(contentTypeOf(key)).header('content-length', whole.size).send(whole.body)
    }
    const facts = await s.mediaFiles.head(key)
    if (!facts) return notFound(reply)
    reply.header('etag', facts.etag)
    if (matches(req.headers['if-none-match'], facts.etag)) return reply.code(304).send()
    // A range is honoured only for the bytes the client already has part of (If-Range names their ETag, or is absent).
    const ifRange = req.headers['if-range']
    const range = ifRange === undefined || ifRange === facts.etag ? parseRange(req.headers.range, facts.size) : null
    if (range === 'unsatisfiable') return reply.code(416).header('content-range', `bytes */${facts.size}`).send()
    reply.type(contentTypeOf(key))
    if (req.method === 'HEAD') return reply.header('content-length', facts.size).send()
    const opened = await s.mediaFiles.open(key, range ?? undefined)
    // Removed between the two calls (a delete on another instance).
    if (!opened) return notFound(reply)
    if (range) reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${facts.size}`)
    return reply.header('content-length', range ? range.end - range.start + 1 : facts.size).send(opened.body)
  } })
}

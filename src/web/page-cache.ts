// Rendered public responses kept in memory with their gzip and brotli forms, served until something they show changes.

import { createHash } from 'node:crypto'
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import type { OutgoingHttpHeaders } from 'node:http'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Clock } from '../domain/clock.ts'
import type { Invalidation, PageDependencies } from '../domain/invalidation.ts'
import { cdnHeaders, dependencyKeys } from '../domain/cdn-keys.ts'
import { NO_STORE, PUBLIC_CACHE } from './caching.ts'

const gzip = promisify(zlib.gzip)
const brotli = promisify(zlib.brotliCompress)

/** The session cookie of the desk: a request carrying it sees its own, uncached, private responses. */
export const SESSION_COOKIE = 'bs_session'
const SESSION = new RegExp(`(?:^|;)\\s*${SESSION_COOKIE}=`)
const HTML = 'text/html; charset=utf-8'

/** What a render produces: the body and what it shows. */
export interface Rendered {
  readonly body: string | Buffer
  readonly deps: PageDependencies
}

export interface ServeOptions {
  /** Content type; HTML when omitted. */
  readonly type?: string
  /** Cache-Control for browsers and CDNs; PUBLIC_CACHE when omitted. */
  readonly cacheControl?: string
}

interface Entry {
  readonly type: string
  readonly cacheControl: string
  readonly identity: Buffer
  readonly gzip: Buffer
  readonly br: Buffer
  /** ETags of the three forms: a strong ETag names one representation. */
  readonly etags: { readonly identity: string; readonly gzip: string; readonly br: string }
  readonly bytes: number
  readonly expiresAt: number | null
  readonly depKeys: readonly string[]
  /** Surrogate-Key and Cache-Tag: the same keys, for a CDN to purge by (null on a response no CDN may keep). */
  readonly cdn: ReturnType<typeof cdnHeaders>
  /**
   * The complete headers of a hit in each encoding, taken from the first response once every onSend hook had run
   * (security headers included). Until then hits go through Fastify's reply like misses.
   */
  fast: Record<Encoding, OutgoingHttpHeaders> | null
}

/** Headers of one response that a replay must not copy: set per response, or by the cache for each encoding. */
const PER_RESPONSE = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding', 'etag', 'x-cache'])

function fastHeaders(e: Entry, sent: OutgoingHttpHeaders): Record<Encoding, OutgoingHttpHeaders> {
  const common = Object.fromEntries(Object.entries(sent).filter(([name]) => !PER_RESPONSE.has(name)))
  const of = (encoding: Encoding, body: Buffer): OutgoingHttpHeaders => ({
    ...common, 'content-type': e.type, 'cache-control': e.cacheControl, vary: 'accept-encoding', etag: e.etags[encoding],
    'x-cache': 'hit', 'content-length': body.length, ...(encoding !== 'identity' && { 'content-encoding': encoding }), ...e.cdn,
  })
  return { identity: of('identity', e.identity), gzip: of('gzip', e.gzip), br: of('br', e.br) }
}

export interface PageCacheDeps {
  /** Bound on identity + gzip + brotli bytes of all entries; 0 keeps nothing. */
  readonly maxBytes: number
  readonly clock: Clock
  readonly invalidation: { subscribe(listener: (e: Invalidation) => void): () => void }
  /** Settings and sections: when what they hold changes, every page is stale. */
  readonly site?: { get(): Promise<object> }
}

export interface PageCacheStats {
  readonly entries: number
  readonly bytes: number
  readonly hits: number
  readonly misses: number
  readonly generation: number
}

type Encoding = 'br' | 'gzip' | 'identity'

/** Whether the request carries the desk's session cookie: such requests are never served from or stored in the cache. */
export const hasSession = (req: FastifyRequest): boolean => {
  const cookie = req.headers.cookie
  return cookie !== undefined && SESSION.test(cookie)
}

const encodingMemo = new Map<string, Encoding>()

/** The best encoding the client accepts (brotli, then gzip), honouring `;q=0`. */
export function pickEncoding(header: string | undefined): Encoding {
  if (!header) return 'identity'
  const memo = encodingMemo.get(header)
  if (memo) return memo
  let br = false
  let gz = false
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';').map((x) => x.trim().toLowerCase())
    const q = params.find((p) => p.startsWith('q='))
    if (q !== undefined && !(Number(q.slice(2)) > 0)) continue
    if (name === 'br') br = true
    else if (name === 'gzip' || name === 'x-gzip') gz = true
    else if (name === '*') br = gz = true
  }
  const picked: Encoding = br ? 'br' : gz ? 'gzip' : 'identity'
  if (encodingMemo.size < 256) encodingMemo.set(header, picked)
  return picked
}

/** Whether If-None-Match names one of the entry's ETags (any form: they share one identity body), or `*`. */
function notModified(header: string | undefined, etags: Entry['etags']): boolean {
  if (!header) return false
  for (const raw of header.split(',')) {
    const t = raw.trim().replace(/^W\//, '')
    if (t === '*' || t === etags.identity || t === etags.gzip || t === etags.br) return true
  }
  return false
}

const NOTHING = Buffer.alloc(0)

const compress = (identity: Buffer, encoding: 'gzip' | 'br'): Promise<Buffer> => encoding === 'gzip'
  ? gzip(identity, { level: 6 })
  : brotli(identity, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: identity.length } })

/**
 * An entry for `rendered`. One that will be kept is compressed once here, off the main thread, so a hit never
 * compresses (brotli 5 is fast and close to 11 on HTML); one that will not (the cache is off) is compressed when sent,
 * only in the encoding its client accepts.
 */
async function buildEntry(rendered: Rendered, opts: ServeOptions, now: number, keep: boolean): Promise<Entry> {
  const identity = typeof rendered.body === 'string' ? Buffer.from(rendered.body) : rendered.body
  const [gz, br] = keep ? await Promise.all([compress(identity, 'gzip'), compress(identity, 'br')]) : [NOTHING, NOTHING]
  const hash = createHash('sha1').update(identity).digest('base64url')
  const { deps } = rendered
  const cacheControl = opts.cacheControl ?? PUBLIC_CACHE
  const depKeys = dependencyKeys(deps)
  return {
    type: opts.type ?? HTML, cacheControl, identity, gzip: gz, br,
    etags: { identity: `"${hash}"`, gzip: `"${hash}-gz"`, br: `"${hash}-br"` },
    bytes: identity.length + gz.length + br.length,
    expiresAt: deps.maxAgeMs === null ? null : now + deps.maxAgeMs,
    depKeys,
    cdn: /\bpublic\b/.test(cacheControl) ? cdnHeaders(depKeys) : null,
    fast: null,
  }
}

/**
 * The page cache. `serve` is the one entry point for routes (pages now, feeds and sitemaps later):
 *
 *   app.get('/', (req, reply) => cache.serve(req, reply, '/', async () => {
 *     const model = await reading.frontPage()
 *     return { body: frontPage(await context(), model).value, deps: frontPageDependencies(model) }
 *   }))
 *
 * `key` must name the response exactly from validated parameters (never the raw URL: `/?x=1` would fill the cache).
 */
export function createPageCache(deps: PageCacheDeps) {
  const entries = new Map<string, Entry>() // insertion order is recency order: the first key is the least recently used
  const byDep = new Map<string, Set<string>>()
  const inflight = new Map<string, Promise<Entry>>()
  // Request URL → key, learned when a route computes the key: a key is a pure function of the URL, so the next request
  // for the same URL can be answered before routing. Bounded; a stale mapping only finds no entry.
  const keyOfUrl = new Map<string, string>()
  let bytes = 0
  let hits = 0
  let misses = 0
  // Bumped by every invalidation: a render that began under an older generation is sent but not kept.
  let generation = 0
  let siteSeen: object | null = null
  let siteFingerprint: string | null = null
  let siteCheckedAt = -Infinity

  function remove(key: string): void {
    const e = entries.get(key)
    if (!e) return
    entries.delete(key)
    bytes -= e.bytes
    for (const d of e.depKeys) {
      const keys = byDep.get(d)
      keys?.delete(key)
      if (keys?.size === 0) byDep.delete(d)
    }
  }

  function put(key: string, e: Entry): void {
    if (e.bytes > deps.maxBytes) return
    remove(key)
    entries.set(key, e)
    bytes += e.bytes
    for (const d of e.depKeys) {
      let keys = byDep.get(d)
      if (!keys) byDep.set(d, (keys = new Set()))
      keys.add(key)
    }
    for (const oldest of entries.keys()) {
      if (bytes <= deps.maxBytes) break
      remove(oldest)
    }
  }

  /** Writes a fresh, fully prepared entry straight to the socket; false when the request must go the long way. */
  function writeFast(req: FastifyRequest, reply: FastifyReply, key: string, now: number): boolean {
    const hit = entries.get(key)
    if (!hit?.fast || (hit.expiresAt !== null && now >= hit.expiresAt) || req.headers['if-none-match'] !== undefined) return false
    hits++
    // Most recently used goes to the end.
    entries.delete(key)
    entries.set(key, hit)
    const encoding = pickEncoding(req.headers['accept-encoding'])
    reply.hijack()
    reply.raw.writeHead(200, hit.fast[encoding])
    reply.raw.end(req.method === 'HEAD' ? undefined : encoding === 'br' ? hit.br : encoding === 'gzip' ? hit.gzip : hit.identity)
    return true
  }

  function flush(): void {
    generation++
    inflight.clear()
    entries.clear()
    byDep.clear()
    bytes = 0
  }

  function invalidate(event: Invalidation): void {
    if (event.all) return flush()
    generation++
    // Requests arriving from now on start a fresh render rather than join one that may have read the old state.
    inflight.clear()
    for (const d of [...event.articleIds.map((id) => `a:${id}`), ...event.scopes]) {
      const keys = byDep.get(d)
      if (keys) for (const key of [...keys]) remove(key)
    }
  }

  /** Settings and sections are read through a short-lived cache of their own; a changed value means every page is stale. */
  function checkSite(now: number): void {
    if (!deps.site || now - siteCheckedAt < 1_000) return
    siteCheckedAt = now
    void deps.site.get().then((ctx) => {
      if (ctx === siteSeen) return
      siteSeen = ctx
      const fingerprint = JSON.stringify(ctx)
      if (siteFingerprint !== null && fingerprint !== siteFingerprint) flush()
      siteFingerprint = fingerprint
    }, () => {})
  }

  const unsubscribe = deps.invalidation.subscribe(invalidate)

  function send(req: FastifyRequest, reply: FastifyReply, e: Entry, state: 'hit' | 'miss') {
    const encoding = pickEncoding(req.headers['accept-encoding'])
    const etag = e.etags[encoding]
    reply.header('content-type', e.type).header('cache-control', e.cacheControl).header('vary', 'accept-encoding')
      .header('etag', etag).header('x-cache', state)
    if (e.cdn) reply.headers(e.cdn)
    if (notModified(req.headers['if-none-match'], e.etags)) return reply.code(304).send()
    if (encoding !== 'identity') reply.header('content-encoding', encoding)
    const kept = encoding === 'br' ? e.br : encoding === 'gzip' ? e.gzip : e.identity
    if (encoding !== 'identity' && kept.length === 0 && e.identity.length > 0) return compress(e.identity, encoding).then((body) => reply.send(body))
    if (!e.fast) {
      const res = reply.raw
      res.once('finish', () => {
        // A response that set a cookie is never replayed to others: its hits stay on the slow path.
        if (!e.fast && res.statusCode === 200 && !res.hasHeader('set-cookie')) e.fast = fastHeaders(e, res.getHeaders())
      })
    }
    return reply.send(kept)
  }

  async function render(key: string, fn: () => Promise<Rendered>, opts: ServeOptions): Promise<Entry> {
    const started = generation
    const rendered = await fn()
    const e = await buildEntry(rendered, opts, deps.clock.now(), deps.maxBytes > 0)
    if (generation === started && deps.maxBytes > 0) put(key, e)
    return e
  }

  return {
    /** Answers from memory when it can; otherwise renders (once for concurrent requests), keeps the result, and answers. */
    async serve(req: FastifyRequest, reply: FastifyReply, key: string, fn: () => Promise<Rendered>, opts: ServeOptions = {}) {
      if (hasSession(req)) {
        const rendered = await fn()
        return reply.header('content-type', opts.type ?? HTML).header('cache-control', NO_STORE).header('x-cache', 'bypass').send(rendered.body)
      }
      const now = deps.clock.now()
      checkSite(now)
      if (keyOfUrl.get(req.url) !== key) {
        if (keyOfUrl.size >= 10_000) keyOfUrl.clear()
        keyOfUrl.set(req.url, key)
      }
      if (writeFast(req, reply, key, now)) return reply
      const hit = entries.get(key)
      if (hit && (hit.expiresAt === null || now < hit.expiresAt)) {
        hits++
        entries.delete(key)
        entries.set(key, hit)
        return send(req, reply, hit, 'hit')
      }
      if (hit) remove(key)
      misses++
      let pending = inflight.get(key)
      if (!pending) {
        pending = render(key, fn, opts).finally(() => {
          if (inflight.get(key) === pending) inflight.delete(key)
        })
        inflight.set(key, pending)
      }
      return send(req, reply, await pending, 'miss')
    },
    /**
     * An onRequest hook: a URL a route has already mapped to a fresh entry is answered before routing. The bytes and
     * headers are ready, so they go straight to the socket, past Fastify's reply; anything else goes on to the route.
     */
    async onRequest(req: FastifyRequest, reply: FastifyReply) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return
      const key = keyOfUrl.get(req.url)
      if (key === undefined || hasSession(req)) return
      const now = deps.clock.now()
      checkSite(now)
      if (writeFast(req, reply, key, now)) return reply
    },
    invalidate,
    flush,
    stats: (): PageCacheStats => ({ entries: entries.size, bytes, hits, misses, generation }),
    /** Stops listening for invalidations (the app is closing). */
    close: unsubscribe,
  }
}

export type PageCache = ReturnType<typeof createPageCache>

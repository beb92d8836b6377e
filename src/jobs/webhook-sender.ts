// One webhook POST over node:http(s): a timeout, no redirects, and a DNS lookup that refuses private addresses.

import { guardedLookup, isLocalHost } from '../editorial/webhook-address.ts'

// Taken as CommonJS modules: an ES import of node:http has Node build its ES facade, which reads every export and so
// loads the bundled fetch client (undici) at start, some 40 ms of CPU, for nothing this server uses.
const http = process.getBuiltinModule('node:http')
const https = process.getBuiltinModule('node:https')

/** What one attempt came to: the status code when the receiver answered, else the error. */
export interface PostResult {
  readonly statusCode: number | null
  readonly error: string | null
  readonly durationMs: number
}

export interface PostOptions {
  readonly timeoutMs: number
  /** Allow loopback and private addresses (WEBHOOK_ALLOW_PRIVATE). */
  readonly allowPrivate: boolean
}

/** A dns.lookup that refuses private addresses (exported here too for tests). */
export { guardedLookup }

/**
 * POSTs `body` to `url` with `headers`; resolves (never rejects) once the response headers arrive, the request fails,
 * or `timeoutMs` passes. A 3xx is an answer like any other: redirects are not followed.
 */
export function postWebhook(url: string, body: string, headers: Readonly<Record<string, string>>, opts: PostOptions): Promise<PostResult> {
  const started = performance.now()
  const elapsed = () => Math.round(performance.now() - started)
  let target: URL
  try {
    target = new URL(url)
  } catch {
    return Promise.resolve({ statusCode: null, error: 'the receiver URL is not valid', durationMs: 0 })
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return Promise.resolve({ statusCode: null, error: `refused: ${target.protocol} is not http(s)`, durationMs: 0 })
  if (!opts.allowPrivate && isLocalHost(target.hostname)) {
    return Promise.resolve({ statusCode: null, error: `refused: ${target.hostname} is a private address`, durationMs: 0 })
  }
  const client = target.protocol === 'https:' ? https : http
  return new Promise((resolve) => {
    let settled = false
    const settle = (statusCode: number | null, error: string | null) => {
      if (settled) return
      settled = true
      resolve({ statusCode, error, durationMs: elapsed() })
    }
    const req = client.request(target, {
      method: 'POST',
      // One connection per attempt: no pooled sockets outlive a delivery, and the lookup guard runs every time.
      agent: false,
      signal: AbortSignal.timeout(opts.timeoutMs),
      ...(!opts.allowPrivate && { lookup: guardedLookup }),
      headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'Broadsheet-Webhooks/1' },
    }, (res) => {
      // The answer is the status; the body is drained and dropped (the timeout still ends a body that never ends).
      res.on('error', () => {})
      res.resume()
      settle(res.statusCode ?? null, null)
    })
    req.on('error', (err: NodeJS.ErrnoException) => settle(null, describe(err, opts.timeoutMs)))
    req.end(body)
  })
}

function describe(err: NodeJS.ErrnoException, timeoutMs: number): string {
  if (err.name === 'AbortError' || err.name === 'TimeoutError') return `timed out after ${timeoutMs} ms`
  return err.code ? `${err.code}: ${err.message}` : err.message
}

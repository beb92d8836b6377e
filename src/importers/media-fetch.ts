// Getting an imported image's bytes: over http(s) with timeouts, a size cap and no private addresses, or from a local
// copy of the old site's uploads folder (`--media-dir`).

import { open } from 'node:fs/promises'
import path from 'node:path'
import { guardedLookup, isLocalHost } from '../editorial/webhook-address.ts'
import { MAX_BYTES } from '../media/limits.ts'

// Taken as CommonJS modules: an ES import of node:http has Node build its ES facade, which reads every export and so
// loads the bundled fetch client (undici) at start, some 40 ms of CPU, for nothing this server uses.
const http = process.getBuiltinModule('node:http')
const https = process.getBuiltinModule('node:https')

export type FetchResult =
  | { readonly ok: true; readonly data: Buffer; readonly filename: string }
  | { readonly ok: false; readonly reason: string }

export interface ImageSourceOptions {
  /** A local copy of wp-content/uploads or Ghost's content/images: images are read from it, never fetched. */
  readonly mediaDir: string | null
  /** Allow loopback and private addresses (WEBHOOK_ALLOW_PRIVATE): off, they are refused before and after DNS. */
  readonly allowPrivate: boolean
  readonly connectTimeoutMs?: number
  /** The longest silence while reading the answer. */
  readonly readTimeoutMs?: number
  readonly maxBytes?: number
}

/** Where WordPress and Ghost keep uploads: the part of the address after these is the file's path in `--media-dir`. */
const UPLOAD_ROOTS = ['/wp-content/uploads/', '/content/images/'] as const
const MAX_REDIRECTS = 3

/** The last segment of an address, for the stored file's readable name. */
const filenameOf = (pathname: string): string => {
  const last = pathname.split('/').filter(Boolean).at(-1) ?? 'image'
  try {
    return decodeURIComponent(last)
  } catch {
    return last
  }
}

/** The file under `root` an image address names, or null when it is not under an uploads folder or leaves `root`. */
export function localFileOf(url: string, root: string): string | null {
  let pathname: string
  try {
    pathname = new URL(url, 'http://relative.invalid').pathname
  } catch {
    return null
  }
  const at = UPLOAD_ROOTS.map((r) => ({ r, i: pathname.indexOf(r) })).find((x) => x.i !== -1)
  if (!at) return null
  let rest: string
  try {
    rest = decodeURIComponent(pathname.slice(at.i + at.r.length))
  } catch {
    return null
  }
  // Ghost serves resized copies at content/images/size/w600/…: the original is the file to take.
  if (at.r === '/content/images/') rest = rest.replace(/^size\/w\d+(?:h\d+)?\//, '')
  const base = path.resolve(root)
  const file = path.resolve(base, rest)
  return file.startsWith(base + path.sep) && !rest.includes('\0') ? file : null
}

async function readLocal(file: string, maxBytes: number): Promise<FetchResult> {
  let handle
  try {
    handle = await open(file, 'r')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    return { ok: false, reason: code === 'ENOENT' ? `not in the media folder (${file})` : `cannot be read: ${code ?? (err as Error).message}` }
  }
  try {
    const stat = await handle.stat()
    if (!stat.isFile()) return { ok: false, reason: 'not a file in the media folder' }
    if (stat.size > maxBytes) return { ok: false, reason: `the file is ${(stat.size / 1048576).toFixed(1)} MiB; the limit is ${(maxBytes / 1048576).toFixed(0)} MiB` }
    return { ok: true, data: await handle.readFile(), filename: path.basename(file) }
  } finally {
    await handle.close()
  }
}

/** One GET: the body when the answer is 200 and within `maxBytes`; a redirect's target to try next; or why not. */
function get(target: URL, o: Required<Omit<ImageSourceOptions, 'mediaDir'>>): Promise<FetchResult | { readonly redirect: string }> {
  const client = target.protocol === 'https:' ? https : http
  return new Promise((resolve) => {
    let settled = false
    const settle = (r: FetchResult | { readonly redirect: string }) => {
      if (settled) return
      settled = true
      clearTimeout(connectTimer)
      resolve(r)
    }
    const req = client.get(target, {
      agent: false,
      ...(!o.allowPrivate && { lookup: guardedLookup }),
      headers: { accept: 'image/*', 'user-agent': 'Broadsheet-Import/1' },
    }, (res) => {
      const status = res.statusCode ?? 0
      if (status >= 300 && status < 400 && res.headers.location) {
        res.resume()
        return settle({ redirect: new URL(res.headers.location, target).href })
      }
      if (status !== 200) {
        res.resume()
        return settle({ ok: false, reason: `the server answered ${status}` })
      }
      const declared = Number(res.headers['content-length'])
      if (declared > o.maxBytes) {
        req.destroy()
        return settle({ ok: false, reason: `the image is ${(declared / 1048576).toFixed(1)} MiB; the limit is ${(o.maxBytes / 1048576).toFixed(0)} MiB` })
      }
      const chunks: Buffer[] = []
      let bytes = 0
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length
        if (bytes > o.maxBytes) {
          req.destroy()
          settle({ ok: false, reason: `the image is larger than the limit of ${(o.maxBytes / 1048576).toFixed(0)} MiB` })
        } else chunks.push(chunk)
      })
      res.on('end', () => settle({ ok: true, data: Buffer.concat(chunks), filename: filenameOf(target.pathname) }))
      res.on('error', (err) => settle({ ok: false, reason: err.message }))
    })
    // Connecting (DNS, TCP, TLS) has its own limit; once connected, the socket may stay silent for at most readTimeoutMs.
    const connectTimer = setTimeout(() => {
      req.destroy()
      settle({ ok: false, reason: `no connection within ${o.connectTimeoutMs} ms` })
    }, o.connectTimeoutMs)
    req.on('socket', (socket) => socket.once(target.protocol === 'https:' ? 'secureConnect' : 'connect', () => clearTimeout(connectTimer)))
    req.setTimeout(o.readTimeoutMs, () => {
      req.destroy()
      settle({ ok: false, reason: `no answer for ${o.readTimeoutMs} ms` })
    })
    req.on('error', (err: NodeJS.ErrnoException) => settle({ ok: false, reason: err.code === 'EPRIVATEADDRESS' ? `refused: ${err.message}` : err.code ? `${err.code}: ${err.message}` : err.message }))
  })
}

/** Why an address may not be fetched, or null when it may. */
function refusal(url: URL, allowPrivate: boolean): string | null {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `refused: ${url.protocol} is not http(s)`
  if (url.username || url.password) return 'refused: the address carries credentials'
  if (!allowPrivate && isLocalHost(url.hostname)) return `refused: ${url.hostname} is a private or loopback address (WEBHOOK_ALLOW_PRIVATE allows it)`
  return null
}

/** A function that gets an image's bytes by its address, by the rules of `o`. It never throws; a failure says why. */
export function createImageSource(o: ImageSourceOptions): (url: string) => Promise<FetchResult> {
  const limits = { allowPrivate: o.allowPrivate, connectTimeoutMs: o.connectTimeoutMs ?? 10_000, readTimeoutMs: o.readTimeoutMs ?? 30_000, maxBytes: o.maxBytes ?? MAX_BYTES }
  return async (url) => {
    if (o.mediaDir !== null) {
      const file = localFileOf(url, o.mediaDir)
      return file ? readLocal(file, limits.maxBytes) : { ok: false, reason: 'not under /wp-content/uploads/ or /content/images/, so not in the media folder' }
    }
    let target: URL
    try {
      target = new URL(url)
    } catch {
      return { ok: false, reason: 'not an absolute address (give the old site with --site-url, or its files with --media-dir)' }
    }
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const refused = refusal(target, limits.allowPrivate)
      if (refused) return { ok: false, reason: refused }
      const r = await get(target, limits)
      if (!('redirect' in r)) return r
      target = new URL(r.redirect)
    }
    return { ok: false, reason: `more than ${MAX_REDIRECTS} redirects` }
  }
}

/** Runs at most `n` of the functions given to it at once, in the order given. */
export function limiter(n: number): <T>(fn: () => Promise<T>) => Promise<T> {
  let active = 0
  const waiting: (() => void)[] = []
  return async (fn) => {
    // A finished task hands its place straight to the next waiting one, so a newcomer cannot slip in between.
    if (active >= n) await new Promise<void>((resolve) => waiting.push(resolve))
    else active++
    try {
      return await fn()
    } finally {
      const next = waiting.shift()
      if (next) next()
      else active--
    }
  }
}

/**
 * Runs the tasks of `source` up to `n` at once and yields their results in the source's order: images of the next
 * articles are fetched while earlier ones wait their turn. When the source throws, the tasks already started are
 * finished and yielded first, then the error is rethrown (the import writes what it had read before the fault).
 * Ending it early ends the source too.
 */
export async function* inOrder<T>(source: AsyncIterable<() => Promise<T>>, n: number): AsyncGenerator<T> {
  const running: Promise<T>[] = []
  const iterator = source[Symbol.asyncIterator]()
  let failure: { readonly err: unknown } | null = null
  try {
    for (;;) {
      let next: IteratorResult<() => Promise<T>>
      try {
        next = await iterator.next()
      } catch (err) {
        failure = { err }
        break
      }
      if (next.done) break
      const started = next.value()
      // A rejection is seen when its turn comes; until then it must not count as unhandled.
      started.catch(() => {})
      running.push(started)
      if (running.length >= n) yield await running.shift()!
    }
    while (running.length) yield await running.shift()!
  } finally {
    // Ended early (a stopped import): the source closes what it reads from.
    if (!failure) await iterator.return?.()
  }
  if (failure) throw failure.err
}

// Visitor de-duplication: one view per visitor and article per 30 minutes, and at most a few per address and article an
// hour whatever the user agent, keyed by salted hashes that are never stored.

import { createHash, randomBytes } from 'node:crypto'
import type { Clock } from '../domain/clock.ts'

export const DEDUPE_WINDOW_MS = 30 * 60_000
/** Views of one article counted from one address in ADDRESS_WINDOW_MS, however many user agents it sends. */
export const ADDRESS_CAP = 3
export const ADDRESS_WINDOW_MS = 60 * 60_000
const DAY_MS = 86_400_000

export interface VisitorDedupeOptions {
  readonly clock: Clock
  /** How long a visitor's view of an article stays counted; 30 minutes. */
  readonly windowMs?: number
  /** The most visitor+article pairs remembered; beyond it the oldest are forgotten (and could be counted again). */
  readonly maxEntries?: number
  /** Views of one article counted from one address within `addressWindowMs`; 3. */
  readonly addressCap?: number
  /** One hour. */
  readonly addressWindowMs?: number
  /**
   * The secret of a UTC day (days since the epoch) shared by every instance, so that keys made on one match keys made
   * on another; without it each instance draws its own. Asked once a day, by `prepare`.
   */
  readonly sharedSecret?: (day: number) => Promise<string>
}

/** The hashed keys of a counted view: what the flush checks against every instance's. */
export interface VisitorKeys {
  readonly visitor: string
  readonly address: string
}

export interface VisitorDedupe {
  /**
   * True when this visitor (address and user agent) has not been counted for this article within the window and its
   * address has fewer than `addressCap` counted views of it this hour (and records it now); false otherwise.
   */
  firstView(ip: string, userAgent: string, articleId: number): boolean
  /** As `firstView`, but gives the view's keys when it counts here, and null when not. */
  check(ip: string, userAgent: string, articleId: number): VisitorKeys | null
  /**
   * With `sharedSecret`: undefined when today's secret is loaded, else a promise that loads it (await it before
   * `check`). Beacons thus read the database once a day per instance, never write it.
   */
  prepare(): Promise<void> | undefined
  /** How many pairs are remembered now. */
  readonly size: number
}

/**
 * Remembers who viewed what as sha256(daily secret, IP, user agent, article id), and how often an address viewed an
 * article as sha256(daily secret, IP, article id), in memory only. The secret is random and replaced when the UTC day
 * changes, so yesterday's keys cannot be linked to today's, and no IP address is ever kept. The user agent is the
 * client's to choose, so the address cap is what stops one machine from rotating it to count again and again.
 */
export function createVisitorDedupe(opts: VisitorDedupeOptions): VisitorDedupe {
  const { clock, windowMs = DEDUPE_WINDOW_MS, maxEntries = 1_000_000, addressCap = ADDRESS_CAP, addressWindowMs = ADDRESS_WINDOW_MS, sharedSecret } = opts
  // Key → when it expires. A Map iterates in insertion order, and a key is (re)inserted only when counted with the
  // current time, so the oldest expiry is always first: expired keys are dropped from the front in amortised O(1).
  const seen = new Map<string, number>()
  // Address+article key → the window's end and the views counted in it; inserted when its window opens, so also in
  // expiry order.
  const addresses = new Map<string, { until: number; count: number }>()
  let day = -1
  let secret: Buffer = Buffer.alloc(0)
  // The shared secret of one day once loaded, and the load under way.
  let shared: { day: number; secret: Buffer } | null = null
  let loading: { day: number; promise: Promise<void> } | null = null

  const rotate = (now: number): void => {
    const today = Math.floor(now / DAY_MS)
    if (today === day) return
    day = today
    // Without the shared secret (none asked for, or midnight passed between prepare and check) a local one: keys made
    // with it match nothing elsewhere, so a view may count once more, never less.
    secret = shared?.day === today ? shared.secret : randomBytes(32)
    // Keys made with the old secret can never match again.
    seen.clear()
    addresses.clear()
  }

  const expire = (now: number): void => {
    for (const [key, until] of seen) {
      if (until > now && seen.size <= maxEntries) break
      seen.delete(key)
    }
    for (const [key, entry] of addresses) {
      if (entry.until > now && addresses.size <= maxEntries) break
      addresses.delete(key)
    }
  }

  const hash = (...parts: string[]): string => {
    const h = createHash('sha256').update(secret)
    for (const part of parts) h.update('\0').update(part)
    return h.digest('base64url').slice(0, 22)
  }

  const check = (ip: string, userAgent: string, articleId: number): VisitorKeys | null => {
    const now = clock.now()
    rotate(now)
    const key = hash('visitor', ip, userAgent, String(articleId))
    const until = seen.get(key)
    if (until !== undefined && until > now) return null
    const addressKey = hash('address', ip, String(articleId))
    let address = addresses.get(addressKey)
    if (address !== undefined && address.until <= now) {
      addresses.delete(addressKey)
      address = undefined
    }
    if (address !== undefined && address.count >= addressCap) return null
    if (address) address.count++
    else addresses.set(addressKey, { until: now + addressWindowMs, count: 1 })
    seen.delete(key)
    seen.set(key, now + windowMs)
    expire(now)
    return { visitor: key, address: addressKey }
  }

  return {
    firstView: (ip, userAgent, articleId) => check(ip, userAgent, articleId) !== null,
    check,
    prepare() {
      if (!sharedSecret) return undefined
      const today = Math.floor(clock.now() / DAY_MS)
      if (shared?.day === today) return undefined
      if (loading?.day !== today) {
        const promise = sharedSecret(today).then((text) => {
          shared = { day: today, secret: Buffer.from(text, 'base64url') }
          // A local secret drawn for today while this loaded gives way to the shared one.
          if (day === today) day = -1
        }).finally(() => { if (loading?.promise === promise) loading = null })
        loading = { day: today, promise }
      }
      return loading.promise
    },
    get size() {
      return seen.size
    },
  }
}

// Visitor de-duplication: one view per visitor and article per 30 minutes, keyed by a salted hash that is never stored.

import { createHash, randomBytes } from 'node:crypto'
import type { Clock } from '../domain/clock.ts'

export const DEDUPE_WINDOW_MS = 30 * 60_000
const DAY_MS = 86_400_000

export interface VisitorDedupeOptions {
  readonly clock: Clock
  /** How long a visitor's view of an article stays counted; 30 minutes. */
  readonly windowMs?: number
  /** The most visitor+article pairs remembered; beyond it the oldest are forgotten (and could be counted again). */
  readonly maxEntries?: number
}

export interface VisitorDedupe {
  /** True when this visitor has not been counted for this article within the window (and records it now); false for a repeat. */
  firstView(ip: string, userAgent: string, articleId: number): boolean
  /** How many pairs are remembered now. */
  readonly size: number
}

/**
 * Remembers who viewed what as sha256(daily secret, IP, user agent, article id), in memory only. The secret is random and
 * replaced when the UTC day changes, so yesterday's keys cannot be linked to today's, and no IP address is ever kept.
 */
export function createVisitorDedupe({ clock, windowMs = DEDUPE_WINDOW_MS, maxEntries = 1_000_000 }: VisitorDedupeOptions): VisitorDedupe {
  // Key → when it expires. A Map iterates in insertion order, and a key is (re)inserted only when counted with the
  // current time, so the oldest expiry is always first: expired keys are dropped from the front in amortised O(1).
  const seen = new Map<string, number>()
  let day = -1
  let secret = Buffer.alloc(0)

  const rotate = (now: number): void => {
    const today = Math.floor(now / DAY_MS)
    if (today === day) return
    day = today
    secret = randomBytes(32)
    // Keys made with the old secret can never match again.
    seen.clear()
  }

  const expire = (now: number): void => {
    for (const [key, until] of seen) {
      if (until > now && seen.size <= maxEntries) break
      seen.delete(key)
    }
  }

  return {
    firstView(ip, userAgent, articleId) {
      const now = clock.now()
      rotate(now)
      const key = createHash('sha256').update(secret).update(ip).update('\0').update(userAgent).update('\0')
        .update(String(articleId)).digest('base64url').slice(0, 22)
      const until = seen.get(key)
      if (until !== undefined && until > now) return false
      seen.delete(key)
      seen.set(key, now + windowMs)
      expire(now)
      return true
    },
    get size() {
      return seen.size
    },
  }
}

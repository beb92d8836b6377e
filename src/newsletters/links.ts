// The signed links of newsletters: a confirmation link (random, kept only as its hash) and each subscriber's manage link.

import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Store } from '../store/store.ts'

const sha256 = (s: string): string => createHash('sha256').update(s).digest('base64url')

export interface NewsletterLinks {
  /** A new confirmation token and the hash to store; the token itself is only ever in the message. */
  confirmToken(): Promise<{ readonly token: string; readonly hash: string }>
  /** The stored hash of a confirmation token, or null when its signature is wrong (not worth a database read). */
  confirmHash(token: string): Promise<string | null>
  /** The token of a subscriber's manage and unsubscribe links: their id, signed. Works until the subscriber is erased. */
  manageToken(subscriberId: number): Promise<string>
  /** The subscriber a manage token is for, or null when it is malformed or its signature is wrong. */
  subscriberOf(token: string): Promise<number | null>
  /** A keyed hash of an address or IP for rate-limit counters, which then hold neither in clear. */
  counterKey(value: string): Promise<string>
}

/** Signed with the desk's server secret (store.users.secret), each purpose under its own prefix. */
export function createNewsletterLinks(store: Pick<Store, 'users'>): NewsletterLinks {
  let secret: Promise<string> | null = null
  const key = (): Promise<string> => {
    secret ??= store.users.secret(randomBytes(32).toString('hex')).catch((err: unknown) => {
      secret = null
      throw err
    })
    return secret
  }
  const mac = async (purpose: string, value: string) => createHmac('sha256', await key()).update(`newsletter-${purpose}:${value}`).digest('base64url').slice(0, 32)
  const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))

  return {
    async confirmToken() {
      const nonce = randomBytes(24).toString('base64url')
      const token = `${nonce}.${await mac('confirm', nonce)}`
      return { token, hash: sha256(token) }
    },
    async confirmHash(token) {
      const m = /^([A-Za-z0-9_-]{32})\.([A-Za-z0-9_-]{32})$/.exec(token)
      if (!m || !same(m[2]!, await mac('confirm', m[1]!))) return null
      return sha256(token)
    },
    async manageToken(subscriberId) {
      return `${subscriberId}.${await mac('manage', String(subscriberId))}`
    },
    async subscriberOf(token) {
      const m = /^([1-9]\d{0,14})\.([A-Za-z0-9_-]{32})$/.exec(token)
      if (!m || !same(m[2]!, await mac('manage', m[1]!))) return null
      return Number(m[1])
    },
    counterKey: (value) => mac('counter', value),
  }
}

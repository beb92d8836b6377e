// Redirect targets as they may be sent: ASCII only, and never read by a browser as another host.

import type { FastifyInstance } from 'fastify'

const HEX = '0123456789ABCDEF'

/** `%XX` for each UTF-8 byte of one character (a lone surrogate becomes U+FFFD, as Buffer encodes it). */
const percentEncode = (ch: string): string => {
  let out = ''
  for (const byte of Buffer.from(ch, 'utf8')) out += `%${HEX[byte >> 4]}${HEX[byte & 15]}`
  return out
}

/**
 * The target as a Location header may carry it: every character outside printable ASCII percent-encoded as UTF-8 (Node
 * refuses anything beyond Latin-1 in a header, and browsers drop tabs and newlines, which could join slashes), and
 * a leading run of slashes or backslashes collapsed to one, because browsers read `//host` and `/\host` as another site.
 * Percent signs already there are kept: targets made from a request path are already encoded.
 *
 * @example safeLocation('/desk/新闻') === '/desk/%E6%96%B0%E9%97%BB'; safeLocation('/\\evil.example') === '/evil.example'
 */
export function safeLocation(target: string): string {
  let out = ''
  for (const ch of target) {
    const c = ch.codePointAt(0)!
    out += c > 0x20 && c < 0x7f ? ch : percentEncode(ch)
  }
  return /^[/\\]/.test(out) ? out.replace(/^[/\\]+/, '/') : out
}

/** Every reply's Location passes through safeLocation: the one place redirects are made safe, whichever route made them. */
export function safeRedirects(app: FastifyInstance): void {
  app.addHook('onSend', async (_req, reply) => {
    const location = reply.getHeader('location')
    if (typeof location === 'string') {
      const safe = safeLocation(location)
      if (safe !== location) reply.header('location', safe)
    }
  })
}

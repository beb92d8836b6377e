// The share image of a quote (/quotes/<id>/share.png, its og:image): the words, who said them and when, drawn as SVG
// and rendered to a 1200×630 PNG with sharp. Made on request, kept in a small in-memory cache.

import { createHash } from 'node:crypto'
import { loadSharp } from './sharp.ts'

export interface QuoteCardInput {
  readonly text: string
  readonly speaker: string
  /** Role and organisation, as one line; may be empty. */
  readonly role: string
  /** The date, already formatted for readers. */
  readonly date: string
  readonly site: string
}

const WIDTH = 1200
const HEIGHT = 630
/** Images kept; each is some tens of kilobytes. */
const KEEP = 200

const xml = (s: string): string => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** Words into lines of at most `width` characters; at most `max` lines, the last ending in … when cut. */
export function wrapLines(text: string, width: number, max: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const piece = word.length > width ? `${word.slice(0, width - 1)}…` : word
    if (line && line.length + 1 + piece.length > width) {
      lines.push(line)
      line = piece
    } else line = line ? `${line} ${piece}` : piece
  }
  if (line) lines.push(line)
  if (lines.length <= max) return lines
  const kept = lines.slice(0, max)
  kept[max - 1] = `${kept[max - 1]!.slice(0, width - 1)}…`
  return kept
}

/** The card as SVG text (pure: tested without sharp). */
export function quoteCardSvg(q: QuoteCardInput): string {
  const size = q.text.length > 220 ? 38 : q.text.length > 120 ? 46 : 56
  const lines = wrapLines(`“${q.text}”`, Math.floor(1900 / size), size > 40 ? 5 : 7)
  const top = 110
  const words = lines.map((l, i) => `<text x="80" y="${top + i * size * 1.25}" font-size="${size}" font-family="DejaVu Serif, serif" fill="#1a1a1a">${xml(l)}</text>`).join('')
  const byline = top + lines.length * size * 1.25 + 40
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">`
    + `<rect width="100%" height="100%" fill="#f7f4ee"/><rect x="0" y="0" width="16" height="${HEIGHT}" fill="#9b1c1c"/>${words}`
    + `<text x="80" y="${byline}" font-size="34" font-weight="bold" font-family="DejaVu Sans, sans-serif" fill="#9b1c1c">${xml(q.speaker)}</text>`
    + (q.role ? `<text x="80" y="${byline + 44}" font-size="26" font-family="DejaVu Sans, sans-serif" fill="#444">${xml(wrapLines(q.role, 70, 1)[0] ?? '')}</text>` : '')
    + `<text x="80" y="${HEIGHT - 50}" font-size="24" font-family="DejaVu Sans, sans-serif" fill="#555">${xml(q.date)} · ${xml(wrapLines(q.site, 60, 1)[0] ?? '')}</text>`
    + '</svg>'
}

export function createQuoteCards() {
  const kept = new Map<string, Buffer>()
  return {
    /** The PNG of `q`; the same input gives the same bytes from the cache. */
    async png(q: QuoteCardInput): Promise<Buffer> {
      const key = createHash('sha256').update(JSON.stringify(q)).digest('base64url')
      const hit = kept.get(key)
      if (hit) return hit
      const sharp = await loadSharp()
      const png = await sharp(Buffer.from(quoteCardSvg(q))).png({ compressionLevel: 8 }).toBuffer()
      if (kept.size >= KEEP) kept.delete(kept.keys().next().value!)
      kept.set(key, png)
      return png
    },
  }
}

export type QuoteCards = ReturnType<typeof createQuoteCards>

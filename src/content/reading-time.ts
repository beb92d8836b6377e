// Reading time of an article body.

const WORDS_PER_MINUTE = 230

/** Tags that end a block of text: a word never runs across them (as in excerpt.ts's plainText). */
const BLOCK_END = /<(?:br|\/p|\/h\d|\/li|\/blockquote|\/figcaption)/iy
const ENTITY = /&(#\d+|#x[0-9a-f]+|\w+);/iy
const SPACE = /\s/

const isSpace = (code: number): boolean => code <= 32 ? code === 32 || (code >= 9 && code <= 13) : code >= 160 && SPACE.test(String.fromCharCode(code))

/** Whether an entity (`nbsp`, `#160`, `#xa0`, …) stands for white space. */
function entityIsSpace(name: string): boolean {
  if (name.toLowerCase() === 'nbsp') return true
  if (!name.startsWith('#')) return false
  const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1))
  return code <= 0xffff && isSpace(code)
}

/**
 * Words in the text of sanitized HTML, counted in one pass without building the text: the same count as splitting
 * excerpt.ts's plainText on spaces. Every article page shows it, and building the text cost 5% of rendering one.
 */
export function wordCount(html: string): number {
  let words = 0
  let inWord = false
  for (let i = 0; i < html.length; i++) {
    const c = html.charCodeAt(i)
    if (c === 60 /* < */) {
      const end = html.indexOf('>', i)
      if (end !== -1) {
        BLOCK_END.lastIndex = i
        if (BLOCK_END.test(html)) inWord = false
        i = end
        continue
      }
    } else if (c === 38 /* & */) {
      ENTITY.lastIndex = i
      const m = ENTITY.exec(html)
      if (m && entityIsSpace(m[1]!)) {
        inWord = false
        i += m[0].length - 1
        continue
      }
    }
    if (isSpace(c)) inWord = false
    else if (!inWord) {
      inWord = true
      words++
    }
  }
  return words
}

/**
 * Markup counted word by word; past it the count is scaled by length. An estimate is what reading time is, and counting
 * 4.8 MB of sanitized markup (a 2,000,000-character body of nested tags) held the event loop for over 100 ms.
 */
export const READING_SCAN_MAX = 256 * 1024

/** Whole minutes to read the HTML, at least 1; a body longer than READING_SCAN_MAX is estimated from its beginning. */
export function readingMinutes(html: string): number {
  let words: number
  if (html.length <= READING_SCAN_MAX) words = wordCount(html)
  else {
    // Cut before a tag, so the scanned part ends where a word may end.
    const lt = html.lastIndexOf('<', READING_SCAN_MAX)
    const end = lt > READING_SCAN_MAX / 2 ? lt : READING_SCAN_MAX
    words = wordCount(html.slice(0, end)) * (html.length / end)
  }
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE))
}

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

/** Whole minutes to read the HTML, at least 1. */
export const readingMinutes = (html: string): number => Math.max(1, Math.round(wordCount(html) / WORDS_PER_MINUTE))

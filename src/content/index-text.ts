// The plain text that search and related articles read from a body: its first INDEX_TEXT_MAX characters, extracted in slices that let the event loop turn.

import { plainText, markupText } from './excerpt.ts'

/**
 * How much of a body's text is indexed for search and counted for related articles. A newsroom article is never
 * meaningfully longer for ranking (100,000 characters is some 15,000 words), and the cap keeps the cost of indexing a
 * 2,000,000-character body bounded: the FTS index, the term counts and their memory no longer grow with it.
 */
export const INDEX_TEXT_MAX = 100_000

/** HTML read per slice: a few milliseconds of work even for the slowest markup (dense entities). */
const SLICE_CHARS = 16 * 1024
/** Work done before the event loop gets its turn back. */
const TURN_MS = 5

/** A helper that resolves at once until `ms` of work have passed since the last turn, then after the loop has turned. */
export function loopTurns(ms = TURN_MS): () => Promise<void> {
  let since = performance.now()
  return async () => {
    if (performance.now() - since < ms) return
    await new Promise<void>((resolve) => setImmediate(resolve))
    since = performance.now()
  }
}

/**
 * Where to end a slice of `html` that starts at `from`: before the last `<` in it, so no tag is cut, or, in a slice
 * without tags, before an `&` that could begin a cut entity. Always past `from`.
 */
function sliceEnd(html: string, from: number): number {
  const end = from + SLICE_CHARS
  if (end >= html.length) return html.length
  const lt = html.lastIndexOf('<', end)
  if (lt > from) return lt
  const amp = html.lastIndexOf('&', end)
  // An entity is at most a few dozen characters (`&thetasym;`, `&#x10FFFF;`); an `&` further back is complete.
  return amp > from && end - amp < 40 ? amp : end
}

/**
 * The text of sanitized HTML as plainText gives it, cut to `max` characters (at a space when there is one near the end),
 * reading the markup in slices and letting the event loop turn between them: a body of tags with little text is read to
 * its end without holding the loop. Stops reading once `max` characters of text are found.
 */
export async function indexText(html: string, max = INDEX_TEXT_MAX): Promise<string> {
  if (html.length <= SLICE_CHARS) return cut(plainText(html), max)
  const turn = loopTurns()
  const parts: string[] = []
  let length = 0
  for (let from = 0; from < html.length && length <= max;) {
    const end = sliceEnd(html, from)
    const text = markupText(html.slice(from, end))
    parts.push(text)
    length += text.length
    from = end
    await turn()
  }
  return cut(parts.join('').replace(/\s+/g, ' ').trim(), max)
}

function cut(text: string, max: number): string {
  if (text.length <= max) return text
  const space = text.lastIndexOf(' ', max)
  return text.slice(0, space > max * 0.9 ? space : max)
}

// Plain-text excerpts of sanitized HTML, for descriptions and summaries.

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

/** The text content of HTML, with block boundaries as spaces and entities decoded. */
export function plainText(html: string): string {
  return markupText(html).replace(/\s+/g, ' ').trim()
}

/**
 * plainText before its white space is collapsed and trimmed: pieces of one document cut between tags (index-text.ts)
 * give, joined, the text of the whole.
 */
export function markupText(html: string): string {
  return html
    .replace(/<(?:br|\/p|\/h\d|\/li|\/blockquote|\/figcaption)[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|\w+);/gi, (m, e: string) => {
      if (!e.startsWith('#')) return ENTITIES[e] ?? m
      // `&#X263A;` is as valid as `&#x263a;`; a number past U+10FFFF is no character and stays as written.
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))
      return code <= 0x10ffff ? String.fromCodePoint(code) : m
    })
}

/** At most `max` characters of `text`, cut at a word boundary with an ellipsis. */
export function excerpt(text: string, max = 200): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`
}

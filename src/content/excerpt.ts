// Plain-text excerpts of sanitized HTML, for descriptions and summaries.

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' }

/** The text content of HTML, with block boundaries as spaces and entities decoded. */
export function plainText(html: string): string {
  return html
    .replace(/<(?:br|\/p|\/h\d|\/li|\/blockquote|\/figcaption)[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|\w+);/gi, (m, e: string) =>
      e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16))
        : e.startsWith('#') && e !== '#39' ? String.fromCodePoint(Number(e.slice(1)))
          : ENTITIES[e] ?? m)
    .replace(/\s+/g, ' ')
    .trim()
}

/** At most `max` characters of `text`, cut at a word boundary with an ellipsis. */
export function excerpt(text: string, max = 200): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`
}

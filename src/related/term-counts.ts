// Term frequencies of many articles held compactly between a rebuild's count and weigh passes, so each text is analysed once.

/** Entries (term, frequency) kept at most: 8 bytes each, some 64 MB; the articles past it are counted again when weighed. */
const DEFAULT_ENTRIES = 8_000_000

/**
 * The frequencies counted in the first pass, for the second: terms as numbers of one shared vocabulary and frequencies
 * as 4-byte floats (each checked to be exact, or the article is not kept), about a tenth of the Maps they come from.
 * Bounded: past `maxEntries` an article is not kept, and `take` answers undefined for it.
 */
export function createTermCounts(maxEntries = DEFAULT_ENTRIES) {
  const vocabulary = new Map<string, number>()
  const names: string[] = []
  let terms = new Uint32Array(1 << 16)
  let counts = new Float32Array(1 << 16)
  let used = 0
  const spans = new Map<number, { readonly start: number; readonly length: number }>()

  const room = (n: number) => {
    if (used + n <= terms.length) return
    const size = Math.min(Math.max(used + n, terms.length * 2), maxEntries)
    const t = new Uint32Array(size), c = new Float32Array(size)
    t.set(terms.subarray(0, used))
    c.set(counts.subarray(0, used))
    terms = t
    counts = c
  }

  return {
    /** Keeps `tf` for `articleId`; returns false when it is not kept (no room, or a frequency a float cannot hold). */
    keep(articleId: number, tf: ReadonlyMap<string, number>): boolean {
      if (used + tf.size > maxEntries) return false
      for (const n of tf.values()) if (Math.fround(n) !== n) return false
      room(tf.size)
      const start = used
      for (const [term, n] of tf) {
        let id = vocabulary.get(term)
        if (id === undefined) {
          vocabulary.set(term, id = names.length)
          names.push(term)
        }
        terms[used] = id
        counts[used++] = n
      }
      spans.set(articleId, { start, length: tf.size })
      return true
    },
    /** The frequencies kept for `articleId`, in the order they were given, or undefined. */
    take(articleId: number): Map<string, number> | undefined {
      const span = spans.get(articleId)
      if (!span) return undefined
      const tf = new Map<string, number>()
      for (let i = span.start; i < span.start + span.length; i++) tf.set(names[terms[i]!]!, counts[i]!)
      return tf
    },
  }
}

// A seeded pseudo-random source (mulberry32) with the picks the generator needs; same seed, same sequence.

export interface Random {
  /** A float in [0, 1). */
  next(): number
  /** A whole number in [0, n). */
  int(n: number): number
  /** A whole number in [min, max]. */
  between(min: number, max: number): number
  /** True with probability p. */
  chance(p: number): boolean
  pick<T>(items: readonly T[]): T
  /** An item chosen with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T
  /** `count` distinct items, in random order (all of them when count ≥ items.length). */
  sample<T>(items: readonly T[], count: number): T[]
  /** A rank in [0, n) where low ranks are much more likely (Zipf-like, exponent s). */
  zipf(n: number, s?: number): number
}

/** A PRNG seeded with a 32-bit integer. */
export function createRandom(seed: number): Random {
  let a = seed >>> 0
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number): number => Math.floor(next() * n)
  // Cumulative Zipf weights per (n, s), computed once: the generator asks for the same shapes many times.
  const zipfTables = new Map<string, Float64Array>()
  return {
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick from an empty list')
      return items[int(items.length)]!
    },
    weighted<T>(items: readonly (readonly [T, number])[]): T {
      const total = items.reduce((sum, [, w]) => sum + w, 0)
      let r = next() * total
      for (const [item, w] of items) {
        r -= w
        if (r < 0) return item
      }
      return items[items.length - 1]![0]
    },
    sample<T>(items: readonly T[], count: number): T[] {
      const copy = [...items]
      const n = Math.min(count, copy.length)
      for (let i = 0; i < n; i++) {
        const j = i + int(copy.length - i)
        ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
      }
      return copy.slice(0, n)
    },
    zipf(n: number, s = 1): number {
      const key = `${n}:${s}`
      let table = zipfTables.get(key)
      if (!table) {
        table = new Float64Array(n)
        let sum = 0
        for (let k = 0; k < n; k++) table[k] = sum += 1 / (k + 1) ** s
        for (let k = 0; k < n; k++) table[k]! /= sum
        zipfTables.set(key, table)
      }
      const r = next()
      let lo = 0
      let hi = n - 1
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (table[mid]! < r) lo = mid + 1
        else hi = mid
      }
      return lo
    },
  }
}

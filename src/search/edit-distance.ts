// Edit distance between two words, for corrections: insertions, deletions, substitutions and swapped neighbours.

/**
 * The optimal-string-alignment distance between `a` and `b` (Damerau–Levenshtein without repeated edits of one
 * substring), by code points, or `max + 1` as soon as it must exceed `max`: most candidates are rejected after a few rows.
 */
export function editDistance(a: string, b: string, max: number): number {
  const s = [...a]
  const t = [...b]
  if (Math.abs(s.length - t.length) > max) return max + 1
  let before: number[] = []
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j)
  for (let i = 1; i <= s.length; i++) {
    const row = [i]
    let best = i
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1
      let d = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost)
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, before[j - 2]! + 1)
      row.push(d)
      if (d < best) best = d
    }
    if (best > max) return max + 1
    before = previous
    previous = row
  }
  return previous[t.length]!
}

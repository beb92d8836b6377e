// Splitting rows or ids over statements so that only a few statement texts ever exist.

/** Rows per statement: well under SQLite's and PostgreSQL's parameter limits. */
export const CHUNK = 500

/**
 * `items` in slices for multi-row or IN-list statements. Fewer than `size` go in one statement, as a single write
 * needs; more go in whole slices of `size`, then the rest in powers of two (1,300 → 500, 500, 256, 32, 8, 4). A
 * statement's text grows with its rows, and each distinct text is prepared and kept by the driver (sqlite.ts,
 * postgres.ts): with a free remainder a bulk pass made hundreds of texts of up to 1,500 parameters each, tens of MB
 * of prepared statements, where these sizes make at most ten per statement kind.
 */
export function statementChunks<T>(items: readonly T[], size = CHUNK): T[][] {
  if (items.length <= size) return items.length ? [items.slice()] : []
  const out: T[][] = []
  let i = 0
  for (; i + size <= items.length; i += size) out.push(items.slice(i, i + size))
  for (let part = 1 << Math.floor(Math.log2(size)); part >= 1 && i < items.length; part >>= 1) {
    if (items.length - i >= part) {
      out.push(items.slice(i, i + part))
      i += part
    }
  }
  return out
}

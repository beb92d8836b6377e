// Dependency keys as a CDN sees them: the headers that tag a cached response, and the keys a change purges.

import type { Invalidation, PageDependencies } from './invalidation.ts'

/**
 * The keys of a page: `a:<id>` for each article it shows, then the scopes it covers (`front`, `section:3`, …). The page
 * cache indexes its entries by the same keys, so a purge by key at the CDN removes what the page cache drops.
 */
export function dependencyKeys(deps: Pick<PageDependencies, 'articleIds' | 'scopes'>): string[] {
  return [...new Set([...deps.articleIds.map((id) => `a:${id}`), ...deps.scopes])]
}

/** The keys an invalidation purges, or 'all' when everything is stale (settings, sections, a restore). */
export function purgeKeys(event: Invalidation): readonly string[] | 'all' {
  return event.all ? 'all' : dependencyKeys(event)
}

/**
 * Fastly reads `Surrogate-Key` (space-separated) and Cloudflare `Cache-Tag` (comma-separated) from the origin's
 * response, and neither passes them on to readers. Both stop reading at 16 KB; a reader page shows a few dozen
 * articles at most (about 10 bytes a key), far below that.
 */
export function cdnHeaders(keys: readonly string[]): { readonly 'surrogate-key': string; readonly 'cache-tag': string } | null {
  if (!keys.length) return null
  return { 'surrogate-key': keys.join(' '), 'cache-tag': keys.join(',') }
}

/** A purge's keys as stored in the outbox: sorted and space-separated (so equal purges compare equal), `*` for all. */
export function encodePurgeKeys(keys: readonly string[] | 'all'): string {
  return keys === 'all' ? '*' : [...new Set(keys)].sort().join(' ')
}

/** The union of stored purges: 'all' when any of them is, else every key once. */
export function mergePurgeKeys(stored: readonly string[]): readonly string[] | 'all' {
  const keys = new Set<string>()
  for (const s of stored) {
    if (s === '*') return 'all'
    for (const k of s.split(' ')) if (k) keys.add(k)
  }
  return [...keys].sort()
}

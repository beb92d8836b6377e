// Counting a view beacon: resolve the article path, drop crawlers and repeats, buffer the rest for the next batch write.

import type { Clock } from '../domain/clock.ts'
import type { Invalidation } from '../domain/invalidation.ts'
import { languagePrefix, PATH_LANGUAGES } from '../domain/language.ts'
import { isSlug } from '../domain/slug.ts'
import { AppError } from '../errors.ts'
import type { Store } from '../store/store.ts'
import { isCrawler } from './crawlers.ts'
import { createViewBuffer } from './view-buffer.ts'
import { ADDRESS_CAP, ADDRESS_WINDOW_MS, createVisitorDedupe, DEDUPE_WINDOW_MS } from './visitor.ts'

export interface ViewCounterDeps {
  readonly store: Pick<Store, 'views' | 'transaction'>
  readonly clock: Clock
  /** The site's language (articles in it have no language prefix); read from the cached site settings. */
  readonly siteLanguage: () => Promise<string>
  readonly onFlushError?: (err: unknown) => void
  /** Called after a flush wrote views (the most-read rankings drop their cached copy). */
  readonly onFlushed?: () => void
  /** Override the dedupe window or memory bound (tests). */
  readonly dedupe?: { readonly windowMs?: number; readonly maxEntries?: number }
  /**
   * Invalidations from this instance and (over LISTEN) every other: a path whose article was taken down or moved is
   * forgotten at once, rather than counted until its entry ages out.
   */
  readonly invalidated?: { subscribe(listener: (e: Invalidation) => void): () => void }
}

export interface ViewBeacon {
  /** The article's public path, e.g. `/news/slug` or `/ru/news/slug`; a query or fragment is ignored. */
  readonly path: string
  /** The client address as the web layer resolved it (honouring TRUST_PROXY); hashed, never stored. */
  readonly ip: string
  readonly userAgent: string | undefined
}

export type ViewOutcome = 'counted' | 'duplicate' | 'crawler'

/** The longest path accepted: a language prefix, a section and a slug of at most 120 characters each. */
export const MAX_VIEW_PATH = 400

/** How long a resolved path is trusted; an article taken down keeps counting this long, but most-read only lists live ones. */
const PATH_TTL_MS = 10_000
const PATH_CACHE_MAX = 20_000

/** The path's parts as the article routes read them, or null when the path cannot name an article. */
export function articlePathParts(path: string, siteLanguage: string): { language: string; section: string; slug: string } | null {
  const segments = path.split('/')
  if (segments[0] !== '') return null
  const rest = segments.slice(1)
  if (rest.length === 2 && rest.every(isSlug)) return { language: siteLanguage, section: rest[0]!, slug: rest[1]! }
  if (rest.length === 3) {
    const [lang, section, slug] = rest as [string, string, string]
    // Same rule as the article pages: a known prefix, never the site's own language.
    if (!PATH_LANGUAGES.includes(lang) || lang === languagePrefix(siteLanguage)) return null
    if (isSlug(section) && isSlug(slug)) return { language: lang, section, slug }
  }
  return null
}

/** The popular service: counts view beacons and writes them in batches; the reading side ranks from what it wrote. */
export function createViewCounter({ store, clock, siteLanguage, onFlushError, onFlushed, dedupe, invalidated }: ViewCounterDeps) {
  // Each instance remembers what it counted (so most repeats never reach the database) with keys made from a secret
  // every instance shares; at flush the database tells which of the remaining views no other instance counted.
  const visitors = createVisitorDedupe({ clock, ...dedupe, sharedSecret: (day) => store.views.dailySecret(day) })
  const claimRules = { windowMs: dedupe?.windowMs ?? DEDUPE_WINDOW_MS, addressCap: ADDRESS_CAP, addressWindowMs: ADDRESS_WINDOW_MS }
  const buffer = createViewBuffer({
    store, clock, claimRules, ...(onFlushError && { onError: onFlushError }), ...(onFlushed && { onWritten: onFlushed }),
  })
  // Path → live article id. A beacon follows every page view, so the same few hundred paths come back all the time.
  const paths = new Map<string, { id: number; until: number }>()
  const unsubscribe = invalidated?.subscribe((e) => {
    if (e.all) return paths.clear()
    if (!e.articleIds.length) return
    const changed = new Set(e.articleIds)
    for (const [path, entry] of paths) if (changed.has(entry.id)) paths.delete(path)
  })

  async function resolve(path: string): Promise<number> {
    const now = clock.now()
    const hit = paths.get(path)
    if (hit && hit.until > now) return hit.id
    const parts = articlePathParts(path, await siteLanguage())
    const id = parts ? await store.views.liveArticleId(parts.language, parts.section, parts.slug) : undefined
    if (id === undefined) {
      paths.delete(path)
      throw new AppError('NotFound', `no live article at ${path}`)
    }
    paths.delete(path)
    if (paths.size >= PATH_CACHE_MAX) paths.delete(paths.keys().next().value!)
    paths.set(path, { id, until: now + PATH_TTL_MS })
    return id
  }

  return {
    /**
     * Counts one view beacon. Throws AppError('Invalid') for a path that is not a path, AppError('NotFound') when no live
     * article is there; otherwise says whether the view was counted, a repeat (the same visitor within 30 minutes, or
     * an address over its hourly allowance for the article), or a crawler's.
     */
    async record(beacon: ViewBeacon): Promise<ViewOutcome> {
      const path = beacon.path.replace(/[?#].*$/s, '')
      if (!path.startsWith('/') || path.length > MAX_VIEW_PATH) {
        throw new AppError('Invalid', `path must be an article path starting with "/", at most ${MAX_VIEW_PATH} characters`, 'path')
      }
      const articleId = await resolve(path)
      if (isCrawler(beacon.userAgent)) return 'crawler'
      const loading = visitors.prepare()
      if (loading) await loading
      const keys = visitors.check(beacon.ip, beacon.userAgent ?? '', articleId)
      if (!keys) return 'duplicate'
      // 'counted' here; the flush drops it when another instance counted this visitor (or its address's allowance) first.
      buffer.record(articleId, keys)
      return 'counted'
    },
    /** Writes buffered views now (one transaction); resolves with how many were written. */
    flush: () => buffer.flush(),
    /** Starts the once-a-second flush timer (unref'd). */
    start: () => buffer.start(),
    /** Stops the timer and writes every buffered view; call after the web app has closed, before the store. */
    stop: () => {
      unsubscribe?.()
      return buffer.stop()
    },
    /** Views counted but not yet written. */
    pending: () => buffer.pending,
  }
}

export type ViewCounter = ReturnType<typeof createViewCounter>

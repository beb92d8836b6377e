// Editor's choice and Popular: the same two blocks on the front page and on every article page, read once and reused.

import type { Clock } from '../domain/clock.ts'
import { sameLanguage } from '../domain/language.ts'
import type { ArticleSummary } from '../domain/read-models.ts'
import type { MostRead, RankingWindow } from '../popular/most-read.ts'
import type { InvalidationFeed } from '../store/invalidations.ts'
import type { LiveSummary } from '../store/live.ts'
import type { Store } from '../store/store.ts'

/** The longest block any page shows; shorter blocks are cut from it, so every page shares one entry per block. */
const SHARED_BLOCK_SIZE = 10
/**
 * Picks and the ranking are kept for the whole site; a language's block is cut from the first this many, so an
 * edition whose articles are rarely read still fills its Most read from the ranking's longer tail.
 */
const RANKING_DEPTH = 100

export interface SharedBlocksDeps {
  readonly store: Pick<Store, 'live'>
  readonly clock: Clock
  readonly mostRead: MostRead
  readonly invalidation: Pick<InvalidationFeed, 'subscribe'>
  /** The site's language now: summaries carry paths that depend on it. */
  readonly siteLanguage: () => Promise<string>
  /** Live summaries as readers see them. */
  readonly summarize: (items: readonly LiveSummary[]) => Promise<ArticleSummary[]>
}

interface Entry {
  /** What the entry was read for: the site language and (Popular) the ranking. */
  readonly language: string
  readonly key: string
  /** When the block must be read again even without an event: the first end time among the picks. */
  until: number
  readonly items: Promise<ArticleSummary[]>
}

/**
 * Without this, every article page read the picks and the ranking's summaries again: seven of its fifteen statements.
 * An entry is dropped on any invalidation (a publication, an edit, a curation change, a related-list refresh: all of
 * them rare next to page views), when a pick's end time passes, and when the ranking (refreshed every few seconds by
 * most-read.ts) names other articles. What is a page's own is still read per request: the article, its related list,
 * the listings.
 */
export function createSharedBlocks(deps: SharedBlocksDeps) {
  const entries = new Map<string, Entry>()
  // An entry still loading is dropped too: the request that began it gets what it read, later ones read again.
  deps.invalidation.subscribe(() => entries.clear())

  /** The block `name` as read for `key`; concurrent requests share one read. */
  async function block(name: string, key: string, load: () => Promise<{ items: ArticleSummary[]; until: number }>): Promise<ArticleSummary[]> {
    const language = await deps.siteLanguage()
    const e = entries.get(name)
    if (e && e.language === language && e.key === key && deps.clock.now() < e.until) return e.items
    const entry: Entry = {
      language, key, until: Infinity,
      items: load().then((r) => {
        entry.until = r.until
        return r.items
      }),
    }
    entries.set(name, entry)
    entry.items.catch(() => {
      if (entries.get(name) === entry) entries.delete(name)
    })
    return entry.items
  }

  return {
    /** The editor's choice in a language (a primary subtag), by rank, at most `limit`. */
    async picks(limit: number, language: string): Promise<ArticleSummary[]> {
      const items = await block(`picks:${language}`, '', async () => {
        const chosen = await deps.store.live.editorsChoice(deps.clock.now(), SHARED_BLOCK_SIZE, language)
        const items = await deps.summarize(await deps.store.live.summariesByIds(chosen.map((p) => p.id)))
        return { items, until: Math.min(Infinity, ...chosen.map((p) => p.until ?? Infinity)) }
      })
      return items.slice(0, limit)
    },

    /** The most-read live articles of the window in a language (a primary subtag), at most `limit`. */
    async popular(window: RankingWindow, limit: number, language: string): Promise<ArticleSummary[]> {
      const ids = await deps.mostRead.ids(window, RANKING_DEPTH)
      const items = await block(`popular:${window}:${language}`, ids.join(','), async () => {
        // The ranking is global: the language's own articles are picked from it, in ranking order.
        const inLanguage = (await deps.store.live.summariesByIds(ids)).filter((s) => sameLanguage(s.language, language))
        return { items: await deps.summarize(inLanguage.slice(0, SHARED_BLOCK_SIZE)), until: Infinity }
      })
      return items.slice(0, limit)
    },
  }
}

export type SharedBlocks = ReturnType<typeof createSharedBlocks>

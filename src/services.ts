// The services that web/, jobs/ and cli/ call, built from their dependencies.

import type { Config } from './config.ts'
import type { Clock } from './domain/clock.ts'
import type { Log } from './log.ts'
import type { Store } from './store/store.ts'
import type { InvalidationFeed } from './store/invalidations.ts'
import { createReading, type Reading } from './reading/reading.ts'
import { createSiteContext, type SiteContextCache } from './reading/site-settings.ts'
import { createSearch, type Search } from './reading/search.ts'
import { createFeeds, type Feeds } from './reading/feeds.ts'
import { createSitemaps, type Sitemaps } from './reading/sitemaps.ts'
import { createContentApiReading, type ContentApiReading } from './reading/content-api.ts'
import { createViewCounter, type ViewCounter } from './popular/view-counter.ts'

export interface Services {
  readonly config: Config
  readonly clock: Clock
  readonly store: Store
  readonly site: SiteContextCache
  readonly reading: Reading
  /** Full-text search over live articles (the page and the JSON API). */
  readonly search: Search
  /** RSS, Atom and JSON feeds of the site, sections, tags and authors. */
  readonly feeds: Feeds
  /** The sitemap index, its pages (streamed), and the Google News sitemap. */
  readonly sitemaps: Sitemaps
  /** The public, read-only Content API (/api/v1/articles, sections, tags, authors). */
  readonly contentApi: ContentApiReading
  /** View beacons and their batched writes; main.ts starts its flush timer and stops it on shutdown. */
  readonly popular: ViewCounter
  /** What changed, after commit (and from other instances on PostgreSQL): the page cache subscribes to it. */
  readonly invalidation: InvalidationFeed
}

export interface ServiceDeps {
  readonly store: Store
  readonly config: Config
  readonly log: Log
  readonly clock: Clock
}

/** Builds every service once; the composition root and tests call this. */
export function createServices({ store, config, clock, log }: ServiceDeps): Services {
  const site = createSiteContext({ store, clock, timeZone: config.timeZone })
  const popularLog = log.child({ module: 'popular' })
  const popular = createViewCounter({
    store, clock, siteLanguage: async () => (await site.get()).settings.language,
    onFlushError: (err) => popularLog.error({ err }, 'view flush failed; views kept for the next flush'),
  })
  const reading = createReading({ store, clock, site })
  return { config, clock, store, site, reading, popular, search: createSearch({ store, site, reading }),
    feeds: createFeeds({ store, clock, site, reading }), sitemaps: createSitemaps({ store, clock, site }), contentApi: createContentApiReading({ store, site }),
    invalidation: store.invalidated }
}

// The services that web/, jobs/ and cli/ call, built from their dependencies.

import path from 'node:path'
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
import { createMostRead } from './popular/most-read.ts'
import { createMediaLibrary, type MediaLibrary } from './media/library.ts'
import { createAccounts, type Accounts } from './editorial/accounts.ts'
import { createEditing, type Editing } from './editorial/editing.ts'
import { createTranslations, type Translations } from './editorial/translations.ts'
import { createCuration, type Curation } from './editorial/curation.ts'
import { createTaxonomyDesk, type TaxonomyDesk } from './editorial/taxonomy.ts'
import { createPageDesk, type PageDesk } from './editorial/pages.ts'
import { createMenuDesk, type MenuDesk } from './editorial/menu.ts'
import { createBylines, type Bylines } from './editorial/people.ts'
import { createRedirectDesk, type RedirectDesk } from './editorial/redirects.ts'
import { createAccountLinkService, type AccountLinkService } from './accounts/account-links.ts'
import type { Outgoing } from './domain/mail.ts'
import { letters } from './render/mail/letters.ts'

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
  /** View beacons and their batched writes; composition.ts starts its flush timer and stops it on shutdown. */
  readonly popular: ViewCounter
  /** What changed, after commit (and from other instances on PostgreSQL): the page cache subscribes to it. */
  readonly invalidation: InvalidationFeed
  /** The media library: uploads (type from the bytes, size and pixel limits), details, delete when unused, list. */
  readonly media: MediaLibrary
  /** Desk accounts: setup, users, login and sessions, CSRF tokens, API tokens. */
  readonly accounts: Accounts
  /** Saving working copies (409 on a stale version, losing text kept), revisions, the workflow, signed previews. */
  readonly editing: Editing
  /** Translations: a linked draft in another language, linking and unlinking translation groups. */
  readonly translations: Translations
  /** Front-page curation (lead pin, editor's choice), sections and tags, bylines, manual redirects: the desk's housekeeping. */
  readonly curation: Curation
  readonly taxonomyDesk: TaxonomyDesk
  /** Static pages: a tree of drafts and published pages, moves with 301s, revisions. */
  readonly pageDesk: PageDesk
  /** The main menu, edited as a list of links. */
  readonly menuDesk: MenuDesk
  readonly bylines: Bylines
  readonly redirectDesk: RedirectDesk
  /** Invitations and forgotten passwords by one-time links sent by email; `mailEnabled` says whether mail is on. */
  readonly accountLinks: AccountLinkService
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
  const mostRead = createMostRead({ store, clock })
  const popular = createViewCounter({
    store, clock, siteLanguage: async () => (await site.get()).settings.language,
    onFlushError: (err) => popularLog.error({ err }, 'view flush failed; views kept for the next flush'),
    onFlushed: () => mostRead.invalidate(),
  })
  const reading = createReading({ store, clock, site, mostRead, invalidation: store.invalidated })
  // Mail is written to the outbox by use-cases and sent by the mail-delivery job (composition.ts); off without SMTP_URL.
  const outgoing: Outgoing | null = config.mail && {
    letters, timeZone: config.timeZone, siteName: async () => (await site.get()).settings.name,
    url: (path) => `${config.siteUrl.origin}${config.siteUrl.pathname.replace(/\/+$/, '')}${path}`,
  }
  return { config, clock, store, site, reading, popular, search: createSearch({ store, site, reading }),
    feeds: createFeeds({ store, clock, site, reading }), sitemaps: createSitemaps({ store, clock, site }), contentApi: createContentApiReading({ store, site }),
    invalidation: store.invalidated, media: createMediaLibrary({ store, clock, mediaDir: path.join(config.dataDir, 'media') }), accounts: createAccounts({ store, clock }),
    editing: createEditing({ store, clock, siteLanguage: async () => (await site.get()).settings.language, outgoing }),
    accountLinks: createAccountLinkService({ store, clock, outgoing }),
    translations: createTranslations({ store, clock, siteLanguage: async () => (await site.get()).settings.language }),
    curation: createCuration({ store, clock, site }), taxonomyDesk: createTaxonomyDesk({ store, clock, site }),
    pageDesk: createPageDesk({ store, clock, site }), menuDesk: createMenuDesk({ store, clock, site }),
    bylines: createBylines({ store, clock }), redirectDesk: createRedirectDesk({ store, clock, site }) }
}

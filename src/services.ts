// The services that web/, jobs/ and cli/ call, built from their dependencies.

import path from 'node:path'
import type { Config, MediaStoreConfig } from './config.ts'
import type { Clock } from './domain/clock.ts'
import type { Log } from './log.ts'
import { openStore, type Store } from './store/store.ts'
import type { InvalidationFeed } from './store/invalidations.ts'
import type { DatabaseMeter } from './store/meter.ts'
import type { QueueBacklog } from './store/queues.ts'
import { createReading, type Reading } from './reading/reading.ts'
import { createSiteContext, type SiteContextCache } from './reading/site-settings.ts'
import { createSearch, type Search } from './reading/search.ts'
import { createFeeds, type Feeds } from './reading/feeds.ts'
import { createSitemaps, type Sitemaps } from './reading/sitemaps.ts'
import { createContentApiReading, type ContentApiReading } from './reading/content-api.ts'
import { createViewCounter, type ViewCounter } from './popular/view-counter.ts'
import { createMostRead } from './popular/most-read.ts'
import { createMediaLibrary, type MediaLibrary } from './media/library.ts'
import { createMediaServing, type MediaServing } from './media/media-serving.ts'
import { migrateMedia, type MediaMigrationReport, type MigrationProgress } from './media/media-migration.ts'
import type { MediaStore } from './media/storage/media-store.ts'
import { openMediaStore } from './media/storage/open.ts'
import { createAccounts, type Accounts } from './editorial/accounts.ts'
import { createEditing, type Editing } from './editorial/editing.ts'
import { createTranslations, type Translations } from './editorial/translations.ts'
import { createCuration, type Curation } from './editorial/curation.ts'
import { createTaxonomyDesk, type TaxonomyDesk } from './editorial/taxonomy.ts'
import { createPageDesk, type PageDesk } from './editorial/pages.ts'
import { createShareImages, type ShareImages } from './media/share-image.ts'
import { createMenuDesk, type MenuDesk } from './editorial/menu.ts'
import { createBylines, type Bylines } from './editorial/people.ts'
import { createRedirectDesk, type RedirectDesk } from './editorial/redirects.ts'
import { createNewsletterDesk, type NewsletterDesk } from './editorial/newsletter-desk.ts'
import { createSubscribing, type Subscribing } from './newsletters/subscribing.ts'
import { createNewsletterIssues, type NewsletterIssuesDesk } from './editorial/newsletter-issues.ts'
import { renderIssue } from './render/mail/newsletter-issue.ts'
import { createNewsletterSubscribers, type NewsletterSubscribers } from './editorial/newsletter-subscribers.ts'
import { createNewsletterLinks, type NewsletterLinks } from './newsletters/links.ts'
import { createImportDesk, type ImportDesk } from './editorial/import-desk.ts'
import { createAccountLinkService, type AccountLinkService } from './accounts/account-links.ts'
import { createWebhookDesk, type WebhookDesk } from './editorial/webhook-desk.ts'
import { createUserAdmin, type UserAdmin } from './editorial/user-admin.ts'
import { createSiteAdmin, type SiteAdmin } from './editorial/site-admin.ts'
import { createAuditLog, type AuditLog } from './editorial/audit-log.ts'
import { createSpeakerDesk, type SpeakerDesk } from './editorial/speakers.ts'
import { createQuoteDesk, type QuoteDesk } from './editorial/quotes.ts'
import { createQuoteReading, type QuoteReading } from './reading/quotes.ts'
import { createQuoteCards, type QuoteCards } from './media/quote-card.ts'
import { createDeskReads, type DeskReads } from './editorial/desk-reads.ts'
import { createRestoring, type Restoring } from './editorial/restoring.ts'
import { createImporting, type Importing } from './editorial/importing.ts'
import { createPageImporting, type PageImporting } from './editorial/import-pages.ts'
import { createMediaImporting, type MediaImporting } from './editorial/import-media.ts'
import { openSiteStore } from './data-dir.ts'
import { createLogger } from './log.ts'
import { systemClock } from './domain/clock.ts'
import type { Outgoing } from './domain/mail.ts'
import { letters } from './render/mail/letters.ts'
import { runImport, type ImportRunOptions } from './importers/run-import.ts'
import type { ImportReport } from './importers/import-report.ts'

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
  /** The bytes behind /media/: an object's size and ETag, a stream of it or of a range, from the media store (MEDIA_STORE). */
  readonly mediaFiles: MediaServing
  /** Copies the library from this site's media store to `to` (`broadsheet media migrate`); resumable, idempotent, nothing deleted. */
  readonly mediaMigration: { migrate(to: MediaStoreConfig, onProgress?: (p: MigrationProgress) => void): Promise<MediaMigrationReport> }
  /** 1200×630 JPEGs of hero images for og:image (SVG and very large images included), made on first request. */
  readonly shareImages: ShareImages
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
  /** Speakers (people and organisations who are quoted): the desk's list, autocomplete, edits and merges. */
  readonly speakerDesk: SpeakerDesk
  /** The quotes of an article's working copy, read and replaced. */
  readonly quoteDesk: QuoteDesk
  /** Quotes as readers see them (live articles only): speaker pages, quote pages, feeds, the Content API. */
  readonly quoteReading: QuoteReading
  /** Share images of quotes (PNG, made with sharp, kept in memory). */
  readonly quoteCards: QuoteCards
  readonly redirectDesk: RedirectDesk
  /** Newsletters (editors and admins): definitions, issues, sending, subscribers. */
  readonly newsletterDesk: NewsletterDesk
  /** Readers subscribing (double opt-in), managing and leaving newsletters from signed links. */
  readonly subscribing: Subscribing
  /** Newsletter issues (editors and admins): compose, edit, preview, test, send, progress. */
  readonly newsletterIssues: NewsletterIssuesDesk
  /** Newsletter subscribers (editors and admins): search, CSV export and import, erasure. */
  readonly newsletterSubscribers: NewsletterSubscribers
  /** The signed links of newsletters (confirmation, manage, unsubscribe), shared by subscribing and sending. */
  readonly newsletterLinks: NewsletterLinks
  /** Invitations and forgotten passwords by one-time links sent by email; `mailEnabled` says whether mail is on. */
  readonly accountLinks: AccountLinkService
  /** Webhook receivers and the delivery log (admins; the command line as the operator). */
  readonly webhookDesk: WebhookDesk
  /** Desk users for admins: list, roles, deactivation, ending sessions. */
  readonly userAdmin: UserAdmin
  /** The site settings form (admins). */
  readonly siteAdmin: SiteAdmin
  /** The desk's and the Admin API's reads: the articles list, form choices, live paths, an article as the API shows it. */
  readonly deskReads: DeskReads
  /** Importing articles, static pages and images from WordPress and Ghost (the command line's `import`). */
  readonly importing: Importing
  readonly pageImporting: PageImporting
  readonly mediaImporting: MediaImporting
  /** Restoring a whole Broadsheet export into an empty site (the command line's `import broadsheet`). */
  readonly restoring: Restoring
  /** The audit log as editors and admins read it. */
  readonly auditLog: AuditLog
  /** What /healthz and /readyz ask of the database: the engine's name, a ping, a committed write, pending migrations. */
  readonly database: DatabaseHealth
  /** Imports from the desk (admins): uploads kept in the media store's private area, dry runs and imports queued as jobs. */
  readonly importDesk: ImportDesk
  /** Runs one WordPress or Ghost import to its end in this process (the command line's `import`). */
  readonly runImport: (o: ImportRunOptions) => Promise<ImportReport>
}

export interface DatabaseHealth {
  readonly engine: string
  ping(): Promise<boolean>
  heartbeat(now: number): Promise<void>
  pendingMigrations(): Promise<string[]>
  /** Connections in use and waited for, statements run and their time (for /metrics). */
  readonly meter: DatabaseMeter
  /** Work due in each job queue and outbox, and since when (for /metrics). */
  backlog(now: number): Promise<QueueBacklog[]>
}

export interface ServiceDeps {
  readonly store: Store
  readonly config: Config
  readonly log: Log
  readonly clock: Clock
  /** The media store; opened from config.media.storage when not given (tests, the command line). */
  readonly mediaStore?: MediaStore
}

/** Builds every service once; the composition root and tests call this. */
export function createServices({ store, config, clock, log, mediaStore = openMediaStore(config.media.storage) }: ServiceDeps): Services {
  const site = createSiteContext({ store, clock, timeZone: config.timeZone })
  const popularLog = log.child({ module: 'popular' })
  const mostRead = createMostRead({ store, clock })
  const popular = createViewCounter({
    store, clock, invalidated: store.invalidated, siteLanguage: async () => (await site.get()).settings.language,
    onFlushError: (err) => popularLog.error({ err }, 'view flush failed; views kept for the next flush'),
    onFlushed: () => mostRead.invalidate(),
  })
  const reading = createReading({ store, clock, site, mostRead, invalidation: store.invalidated })
  // Mail is written to the outbox by use-cases and sent by the mail-delivery job (composition.ts); off without SMTP_URL.
  const outgoing: Outgoing | null = config.mail && {
    letters, timeZone: config.timeZone, siteName: async () => (await site.get()).settings.name,
    url: (path) => `${config.siteUrl.origin}${config.siteUrl.pathname.replace(/\/+$/, '')}${path}`,
  }
  const accounts = createAccounts({ store, clock })
  const siteBase = `${config.siteUrl.origin}${config.siteUrl.pathname.replace(/\/+$/, '')}`
  const newsletterLinks = createNewsletterLinks(store)
  const siteLanguage = async () => (await site.get()).settings.language
  const media = createMediaLibrary({ store, clock, mediaStore, uploadDir: path.join(config.dataDir, 'tmp') })
  const importing = createImporting({ store, clock, siteLanguage })
  const database: DatabaseHealth = {
    engine: store.dialect.name, ping: () => store.ping(), heartbeat: (now) => store.heartbeat(now), pendingMigrations: () => store.pendingMigrations(),
    meter: store.meter, backlog: (now) => store.queues.backlog(now),
  }
  return { config, clock, store, site, reading, popular, database,
    webhookDesk: createWebhookDesk({ store, clock, allowPrivate: config.webhookAllowPrivate }),
    userAdmin: createUserAdmin({ store, clock, logoutEverywhere: (id) => accounts.logoutEverywhere(id) }),
    siteAdmin: createSiteAdmin({ store, clock, site }), restoring: createRestoring({ store, clock }), importing,
    pageImporting: createPageImporting({ store, clock, siteLanguage, authorize: importing.authorize }),
    mediaImporting: createMediaImporting({ store, clock, library: media, authorize: importing.authorize }), deskReads: createDeskReads({ store, siteLanguage: async () => (await site.get()).settings.language }), auditLog: createAuditLog({ store }), search: createSearch({ store, clock, site, reading }),
    feeds: createFeeds({ store, clock, site, reading }), sitemaps: createSitemaps({ store, clock, site }), contentApi: createContentApiReading({ store, site }),
    invalidation: store.invalidated, media, accounts, mediaFiles: createMediaServing(mediaStore),
    shareImages: createShareImages({ store, mediaStore }),
    mediaMigration: {
      async migrate(to, onProgress) {
        const target = openMediaStore(to)
        try {
          return await migrateMedia(mediaStore, target, onProgress)
        } finally {
          target.close()
        }
      },
    },
    editing: createEditing({ store, clock, siteLanguage: async () => (await site.get()).settings.language, outgoing }),
    accountLinks: createAccountLinkService({ store, clock, outgoing }),
    translations: createTranslations({ store, clock, siteLanguage: async () => (await site.get()).settings.language }),
    curation: createCuration({ store, clock, site }), taxonomyDesk: createTaxonomyDesk({ store, clock, site }),
    pageDesk: createPageDesk({ store, clock, site }), menuDesk: createMenuDesk({ store, clock, site }),
    bylines: createBylines({ store, clock }), speakerDesk: createSpeakerDesk({ store, clock }), quoteDesk: createQuoteDesk({ store, clock }),
    quoteReading: createQuoteReading({ store, site }), quoteCards: createQuoteCards(), redirectDesk: createRedirectDesk({ store, clock, site }),
    newsletterDesk: createNewsletterDesk({ store, clock, site }), newsletterLinks,
    subscribing: createSubscribing({ store, clock, links: newsletterLinks, outgoing }),
    newsletterSubscribers: createNewsletterSubscribers({ store, clock }),
    newsletterIssues: createNewsletterIssues({ store, clock, render: renderIssue, siteUrl: siteBase, mediaBase: config.media.publicUrl, siteName: async () => (await site.get()).settings.name, siteLanguage, outgoing }),
    importDesk: createImportDesk({ store, clock, uploadDir: path.join(config.dataDir, 'imports'), mediaStore }),
    runImport: (o) => runImport({ store, clock, timeZone: config.timeZone, dataDir: config.dataDir, mediaStore, allowPrivate: config.webhookAllowPrivate }, o) }
}

/**
 * Opens the site's database under DATA_DIR (or DATABASE_URL) and builds the services for one run of a command-line
 * command, on the system clock; `close` closes the database. The command line reaches the database only through these.
 */
export async function openServices(config: Config): Promise<{ services: Services; close(): Promise<void> }> {
  const { store } = await openSiteStore(config)
  const mediaStore = openMediaStore(config.media.storage)
  const services = createServices({ store, config, log: createLogger(config), clock: systemClock, mediaStore })
  return {
    services,
    async close() {
      mediaStore.close()
      await store.close()
    },
  }
}

/** What `broadsheet doctor` asks of the database, opened without migrating or writing anything. */
export interface SiteInspection {
  readonly engine: string
  /** Migrations this code knows that the database has not applied; throws when it has no schema at all. */
  pendingMigrations(): Promise<string[]>
  /** The database server's clock, in epoch ms. */
  databaseTime(): Promise<number>
  close(): Promise<void>
}

/** Connects to the configured database without migrating it; throws a DatabaseOpenError when it cannot. */
export async function inspectSite(config: Config): Promise<SiteInspection> {
  const store = await openStore(config.database, { migrate: false, poolSize: 1 })
  return {
    engine: store.dialect.name, pendingMigrations: () => store.pendingMigrations(), databaseTime: () => store.databaseTime(),
    close: () => store.close(),
  }
}

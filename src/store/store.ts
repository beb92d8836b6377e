// Opens the database for the configured engine, migrates it, and hands out repositories.

import { sql, type Kysely } from 'kysely'
import type { DatabaseConfig } from '../config.ts'
import type { Log } from '../log.ts'
import { postgresDialect, sqliteDialect, type StoreDialect } from './dialect.ts'
import { pendingMigrations, runMigrations } from './migrate.ts'
import { asOpenError } from './open-error.ts'
import { createDatabaseMeter, type DatabaseMeter } from './meter.ts'
import type { Database } from './schema.ts'
import { createArticles } from './articles.ts'
import { createLive } from './live.ts'
import { createLiveLanguages } from './live-languages.ts'
import { createContentApi } from './content-api.ts'
import { createTaxonomy } from './taxonomy.ts'
import { createPeople } from './people.ts'
import { createMediaRepository } from './media.ts'
import { createSite } from './site.ts'
import { createPages } from './pages.ts'
import { createRedirects } from './redirects.ts'
import { createViews } from './views.ts'
import { createRelated } from './related.ts'
import { createRelatedPending } from './related-pending.ts'
import { createWebhooks } from './webhooks.ts'
import { createRevisions } from './revisions.ts'
import { createScheduled } from './scheduled.ts'
import { createSearchIndex } from './search-index.ts'
import { createUsers } from './users.ts'
import { createSessions } from './sessions.ts'
import { createAudit } from './audit.ts'
import { createDeskArticles } from './desk-articles.ts'
import { createImportOrigins } from './import-origins.ts'
import { createMailOutbox } from './mail-outbox.ts'
import { createAccountLinks } from './account-links.ts'
import { createTransfer } from './transfer.ts'
import { createLiveChanges } from './live-changes.ts'
import { createTrash } from './trash.ts'
import { createPresence } from './presence.ts'
import { createImportJobs } from './import-jobs.ts'
import { createCdnPurges } from './cdn-purges.ts'
import { createJobLeases } from './job-leases.ts'
import { createQueues } from './queues.ts'
import { createSpeakers } from './speakers.ts'
import { createQuotes } from './quotes.ts'
import { createNewsletters } from './newsletters.ts'
import { createNewsletterIssues } from './newsletter-issues.ts'
import { createPlannerStatistics } from './planner-statistics.ts'
import { createInvalidationFeed, createInvalidations, invalidatingListWrites, transactionOutbox, type InvalidationFeed, type Outbox } from './invalidations.ts'

/** Every repository, bound to one Kysely instance: the pool, or one transaction. */
export const repositories = (db: Kysely<Database>, dialect: StoreDialect, outbox: Outbox = { origin: '', put: () => {} }) => ({
  invalidations: createInvalidations(db, dialect, outbox),
  search: createSearchIndex(db, dialect),
  articles: createArticles(db),
  live: createLive(db, dialect),
  liveLanguages: createLiveLanguages(db, dialect),
  contentApi: createContentApi(db),
  taxonomy: createTaxonomy(db),
  people: createPeople(db),
  media: createMediaRepository(db, dialect),
  site: createSite(db),
  pages: createPages(db),
  redirects: createRedirects(db),
  views: createViews(db),
  // Writing a related list records its article page as stale (invalidations.ts).
  related: invalidatingListWrites(createRelated(db, dialect), createInvalidations(db, dialect, outbox)),
  relatedPending: createRelatedPending(db, dialect, createInvalidations(db, dialect, outbox)),
  webhooks: createWebhooks(db, dialect),
  revisions: createRevisions(db),
  scheduled: createScheduled(db, dialect),
  users: createUsers(db),
  sessions: createSessions(db),
  audit: createAudit(db),
  deskArticles: createDeskArticles(db),
  origins: createImportOrigins(db),
  mailOutbox: createMailOutbox(db, dialect),
  accountLinks: createAccountLinks(db),
  transfer: createTransfer(db),
  liveChanges: createLiveChanges(db),
  trash: createTrash(db),
  presence: createPresence(db),
  importJobs: createImportJobs(db, dialect),
  cdnPurges: createCdnPurges(db, dialect),
  jobLeases: createJobLeases(db),
  queues: createQueues(db),
  speakers: createSpeakers(db),
  quotes: createQuotes(db),
  newsletters: createNewsletters(db),
  newsletterIssues: createNewsletterIssues(db, dialect),
  statistics: createPlannerStatistics(db, dialect),
})

export type Repositories = ReturnType<typeof repositories>

export interface Store extends Repositories {
  readonly dialect: StoreDialect
  /** Migrations this open applied; empty when the schema was already current. */
  readonly applied: readonly string[]
  /** Cache invalidations, heard after commit (and from other instances once composition.ts starts the PostgreSQL listener). */
  readonly invalidated: InvalidationFeed
  /** Runs `fn` in one transaction; never nest calls, and never await the network inside one. */
  transaction<T>(fn: (tx: Repositories) => Promise<T>): Promise<T>
  /**
   * Runs `fn`, which only reads, on one consistent view of the whole database while others go on writing (a repeatable
   * read transaction on PostgreSQL, a read transaction on SQLite in WAL mode). Use it outside the server process: on
   * SQLite it holds the one connection until `fn` ends.
   */
  snapshot<T>(fn: (tx: Repositories) => Promise<T>): Promise<T>
  /** Whether the database answers. */
  ping(): Promise<boolean>
  /**
   * Commits a write to the one-row heartbeat table, proving the database takes writes now; throws (an UnavailableError
   * for a lost connection, a full disk, or a SQLite file deleted under the server) when it does not.
   */
  heartbeat(now: number): Promise<void>
  /** Migrations this code knows that the database has not applied (another instance may still be migrating). */
  pendingMigrations(): Promise<string[]>
  /** The database server's clock now, in epoch ms. */
  databaseTime(): Promise<number>
  /** Connections in use and waited for, statements run (for /metrics). */
  readonly meter: DatabaseMeter
  close(): Promise<void>
}

/** Connections per instance to PostgreSQL unless the caller asks otherwise (docs/operations.md sizes it). */
const DEFAULT_POOL_SIZE = 10

/** Opens and migrates the database that `config` names. */
export async function openStore(config: DatabaseConfig, opts: { readonly poolSize?: number; readonly log?: Pick<Log, 'warn'>; readonly cdnPurge?: boolean; readonly migrate?: boolean } = {}): Promise<Store> {
  // Only the configured engine's driver is loaded: pg or better-sqlite3 alone costs tens of milliseconds at start.
  const sqlite = config.engine === 'sqlite' ? await import('./sqlite.ts') : null
  const poolSize = config.engine === 'sqlite' ? 1 : opts.poolSize ?? config.poolSize ?? DEFAULT_POOL_SIZE
  const meter = createDatabaseMeter(poolSize, config.engine === 'postgres')
  let db: Kysely<Database>
  let dialect: StoreDialect
  let applied: string[]
  try {
    ;[db, dialect] = config.engine === 'sqlite'
      ? [sqlite!.openSqlite(config.file, meter), sqliteDialect]
      : [(await import('./postgres.ts')).openPostgres(config.url, poolSize, opts.log, meter), postgresDialect]
  } catch (err) {
    throw asOpenError(err, config)
  }
  try {
    // `broadsheet doctor` looks without changing anything: it only connects.
    if (opts.migrate === false) {
      await sql`select 1`.execute(db)
      applied = []
    } else applied = await runMigrations(db, dialect)
  } catch (err) {
    await db.destroy()
    throw asOpenError(err, config)
  }
  const invalidated = createInvalidationFeed()
  // With a CDN in front, every recorded invalidation is also queued as a purge by key (cdn-purges.ts).
  const queuePurges = opts.cdnPurge ?? false
  return {
    ...repositories(db, dialect, { origin: invalidated.origin, put: (e) => invalidated.emit(e), queuePurges }),
    dialect,
    applied,
    invalidated,
    async transaction(fn) {
      // What the use-case recorded reaches this process's caches only once the transaction has committed.
      const outbox = transactionOutbox(invalidated, queuePurges)
      const result = await db.transaction().execute((trx) => fn(repositories(trx, dialect, outbox)))
      outbox.commit()
      return result
    },
    async snapshot(fn) {
      const begin = dialect.snapshotIsolation ? db.transaction().setIsolationLevel(dialect.snapshotIsolation) : db.transaction()
      return begin.execute((trx) => fn(repositories(trx, dialect)))
    },
    async ping() {
      try {
        await db.selectFrom('settings').select('key').limit(1).execute()
        return true
      } catch {
        return false
      }
    },
    async heartbeat(now) {
      await db.transaction().execute((trx) => trx.updateTable('heartbeat').set({ beat_at: now }).where('id', '=', 1).execute())
    },
    pendingMigrations: () => pendingMigrations(db, dialect),
    async databaseTime() {
      const { rows } = await sql<{ t: number }>`select ${dialect.nowMillis} as t`.execute(db)
      return Number(rows[0]?.t)
    },
    meter,
    async close() {
      await db.destroy()
      await sqlite?.checkpointerStopped(db)
    },
  }
}

// Composition root: config → log → store (migrate) → services → web app → listen. SIGTERM closes in reverse.
// main.ts loads it once the compile cache is on.

import type { Server } from 'node:http'
import { flushCompileCache } from 'node:module'
import { ConfigError, loadConfig } from './config.ts'
import { systemClock } from './domain/clock.ts'
import { createLogger } from './log.ts'
import { LostDatabaseError, openSiteStore } from './data-dir.ts'
import { createServices } from './services.ts'
import { buildApp } from './web/app.ts'
import { lazyAreasOf } from './web/lazy-area.ts'
import { runCli } from './cli/index.ts'
import { seedDemoOnce } from './importers/demo/seed.ts'
import { createJobRunner } from './jobs/runner.ts'
import { relatedRefresh } from './jobs/related-refresh.ts'
import { searchReindex } from './jobs/search-reindex.ts'
import { publishScheduled } from './jobs/publish-scheduled.ts'
import { createWebhookDelivery } from './jobs/webhook-delivery.ts'
import { createMediaVariantsJob } from './jobs/media-variants.ts'
import { pruneSessions } from './jobs/prune-sessions.ts'
import { prunePresence } from './jobs/prune-presence.ts'
import { createMailDelivery } from './jobs/mail-delivery.ts'
import { createImportJobsJob } from './jobs/import-jobs.ts'
import { createCdnPurge } from './jobs/cdn-purge.ts'
import { exclusive } from './jobs/exclusive.ts'
import { createNewsletterSchedule } from './jobs/newsletter-schedule.ts'
import { DatabaseOpenError } from './store/open-error.ts'
import { openMediaStore } from './media/storage/open.ts'
import { createBootTimer, loadedFrom } from './boot-timing.ts'

// Every static import above has been loaded and run by now: that is the "modules" phase of a start.
const boot = createBootTimer()
boot.lap('modules')

/** Starts the server and resolves with an exit code when a signal has shut it down. */
async function start(env: NodeJS.ProcessEnv, opts: { readonly demo: boolean | undefined }): Promise<number> {
  boot.lap('cli')
  const config = loadConfig(env)
  const log = createLogger(config)
  boot.lap('config')
  const { store, replacesLostSite } = await openSiteStore(config, { log: log.child({ module: 'store' }) })
  boot.lap('store')
  if (store.applied.length) log.info({ migrations: store.applied }, 'database migrated')
  // Only PostgreSQL gets here with a new database in a DATA_DIR that held a site (a lost SQLite file stops the start).
  if (replacesLostSite) log.warn({ dataDir: config.dataDir }, 'DATA_DIR held a site but the database is new; the demo is not offered')
  // One media store for the library, /media/, the variants job and the demo: a folder, or a bucket every instance shares.
  const mediaStore = openMediaStore(config.media.storage)
  const seeded = await seedDemoOnce(
    { store, clock: systemClock, mediaStore },
    !replacesLostSite && (opts.demo ?? config.demo),
    async () => (await import('./importers/demo/newsroom.ts')).demoNewsroom,
  )
  if (seeded !== null) log.info({ articles: seeded }, 'demo newsroom seeded')
  boot.lap('demo')
  const services = createServices({ store, config, log, clock: systemClock, mediaStore })
  boot.lap('services')
  const app = await buildApp({ services, config, log })
  boot.lap('app')
  // Other instances' publications reach this one's page cache over LISTEN/NOTIFY; one instance on SQLite needs none.
  const listener = config.database.engine === 'postgres' && store.dialect.notify
    ? (await import('./store/postgres-listener.ts')).startPostgresListener({
      url: config.database.url, origin: store.invalidated.origin, onInvalidation: (e) => store.invalidated.emit(e),
      log: log.child({ module: 'invalidation' }),
    })
    : null
  services.popular.start()
  // Node's default backlog (511) drops the handshakes of a burst of connections, which then wait seconds for a SYN
  // retransmit; accepted at once, they reach load shedding and get a quick answer (somaxconn caps the number).
  await app.listen({ host: config.host, port: config.port, backlog: 4096 })
  boot.lap('listen')
  // The desk and the Admin API are left out of the start (src/web/lazy-area.ts) and built soon after it, in turns
  // between requests, so that their first request finds them ready.
  setTimeout(() => {
    lazyAreasOf(app).catch((err: unknown) => log.error({ err }, 'the desk and the Admin API could not be built; their first request tries again'))
  }, AREAS_AFTER_MS).unref()
  // The transport is built once; without SMTP_URL there is none, and use-cases write no mail.
  // nodemailer (some 40 modules) loads only when mail is configured.
  const transport = config.mail ? await import('./mail/transport.ts') : null
  const mailer = config.mail && transport ? transport.createMailer(config.mail) : null
  // Newsletters get their own pool, with more connections, so a long send never delays a password link.
  const newsletterMailer = config.mail && transport ? transport.createMailer(config.mail, { maxConnections: 8 }) : null
  const newsletterDelivery = newsletterMailer && config.mail ? (await import('./jobs/newsletter-delivery.ts')).createNewsletterDelivery({
    mailer: newsletterMailer, render: (await import('./render/mail/newsletter-issue.ts')).renderIssue, links: services.newsletterLinks,
    ratePerSecond: config.mail.newsletterRate, siteUrl: config.siteUrl.href.replace(/\/+$/, ''), mediaBase: config.media.publicUrl, siteName: async () => (await services.site.get()).settings.name,
  }) : null
  const jobs = createJobRunner([publishScheduled,
    // Both walk a cursor shared by every instance: one instance at a time runs them (a dead one's lease runs out).
    exclusive(relatedRefresh, { leaseMs: 120_000 }), exclusive(searchReindex, { leaseMs: 60_000 }), pruneSessions, prunePresence, createWebhookDelivery({ siteUrl: config.siteUrl, allowPrivate: config.webhookAllowPrivate }), createMediaVariantsJob({ mediaStore }),
    createImportJobsJob({ dataDir: config.dataDir, mediaStore, timeZone: config.timeZone, allowPrivate: config.webhookAllowPrivate }),
    ...(mailer ? [createMailDelivery({ mailer })] : []), ...(config.cdn ? [createCdnPurge({ cdn: config.cdn })] : []),
    // A scheduled issue is composed once per time whichever instance runs it (a unique slot); one at a time saves the work.
    exclusive(createNewsletterSchedule({ issues: services.newsletterIssues, timeZone: config.timeZone }), { leaseMs: 120_000 }),
    // Every instance may send: deliveries are claimed through the database.
    ...(newsletterDelivery ? [newsletterDelivery] : [])], { store, clock: systemClock, log: log.child({ module: 'jobs' }) })
  jobs.start()
  boot.lap('jobs')
  const { wallMs, cpuMs, phases } = boot.report()
  log.info({ url: config.siteUrl.href, database: store.dialect.name, mail: mailer !== null, cdn: config.cdn?.kind ?? null, code: loadedFrom(), bootMs: wallMs, bootCpuMs: cpuMs, boot: phases }, 'broadsheet is serving')
  // Written now rather than at exit, so that the next start gains from it even if this process is killed.
  flushCompileCache()

  return new Promise((resolve) => {
    let closing = false
    const shutdown = async (signal: string) => {
      if (closing) return
      closing = true
      const started = performance.now()
      const left = () => Math.max(0, config.shutdownTimeoutMs - (performance.now() - started))
      log.info({ signal, timeoutMs: config.shutdownTimeoutMs }, 'shutting down')
      // Past the bound, whatever is still running is cut off: the process must exit for the next one to start.
      const hardStop = setTimeout(() => {
        log.error({ timeoutMs: config.shutdownTimeoutMs }, 'shutdown did not finish in time; exiting')
        process.exit(1)
      }, config.shutdownTimeoutMs + FLUSH_RESERVE_MS)
      hardStop.unref()
      try {
        // No new connections from here; requests in flight are answered (new ones on kept-alive connections get 503).
        // Those still running at 80% of the bound are cut, leaving the rest for the jobs, the view flush and the close.
        const closed = app.close()
        if (!await within(closed, left() * 0.8)) {
          log.warn({ connections: await connectionCount(app.server) }, 'requests still in flight at the shutdown bound; closing their connections')
          app.server.closeAllConnections()
          await closed
        }
        await listener?.close()
        // Runs in progress see their abort signal (an import gives its work back); a claimed webhook or mail batch that
        // is not done by then keeps its lease, which expires, and another instance takes it.
        if (!await within(jobs.stop(), left())) log.warn('background jobs still running at the shutdown bound; their claims expire')
        mailer?.close()
        newsletterMailer?.close()
        // Every request has been answered: write the views still buffered before the store goes.
        await services.popular.stop()
        await store.close()
        mediaStore.close()
        log.info({ ms: Math.round(performance.now() - started) }, 'shut down')
        resolve(0)
      } catch (err) {
        log.error({ err }, 'shutdown failed')
        resolve(1)
      } finally {
        clearTimeout(hardStop)
      }
    }
    process.once('SIGTERM', () => void shutdown('SIGTERM'))
    process.once('SIGINT', () => void shutdown('SIGINT'))
  })
}

/** How long after listening the desk and the Admin API are built: past the first requests a new instance is sent. */
const AREAS_AFTER_MS = 2_000

/** Time kept past SHUTDOWN_TIMEOUT_MS for the view flush and closing the database, before the process exits regardless. */
const FLUSH_RESERVE_MS = 5_000

/** Whether `work` settled within `ms` (it goes on either way). */
async function within(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms)
  })
  try {
    return await Promise.race([work.then(() => true), timeout])
  } finally {
    clearTimeout(timer)
  }
}

/** Open connections of `server`, for the log. */
function connectionCount(server: Server): Promise<number> {
  return new Promise((resolve) => server.getConnections((err, n) => resolve(err ? -1 : n)))
}

try {
  process.exitCode = await runCli(process.argv.slice(2), process.env, { start })
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(`broadsheet: configuration error: ${err.message}`)
    process.exitCode = 1
  } else if (err instanceof LostDatabaseError || err instanceof DatabaseOpenError) {
    console.error(`broadsheet: ${err.message}`)
    process.exitCode = 1
  } else {
    console.error(err)
    process.exitCode = 1
  }
}

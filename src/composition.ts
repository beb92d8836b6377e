// Composition root: config → log → store (migrate) → services → web app → listen. SIGTERM closes in reverse.
// main.ts loads it once the compile cache is on.

import { flushCompileCache } from 'node:module'
import path from 'node:path'
import { ConfigError, loadConfig } from './config.ts'
import { systemClock } from './domain/clock.ts'
import { createLogger } from './log.ts'
import { LostDatabaseError, openSiteStore } from './data-dir.ts'
import { createServices } from './services.ts'
import { buildApp } from './web/app.ts'
import { runCli } from './cli/index.ts'
import { seedDemoOnce } from './importers/demo/seed.ts'
import { createJobRunner } from './jobs/runner.ts'
import { relatedRefresh } from './jobs/related-refresh.ts'
import { searchReindex } from './jobs/search-reindex.ts'
import { publishScheduled } from './jobs/publish-scheduled.ts'
import { createWebhookDelivery } from './jobs/webhook-delivery.ts'
import { createMediaVariantsJob } from './jobs/media-variants.ts'
import { pruneSessions } from './jobs/prune-sessions.ts'
import { createMailDelivery } from './jobs/mail-delivery.ts'
import { createImportJobsJob } from './jobs/import-jobs.ts'
import { createMailer } from './mail/transport.ts'
import { createNewsletterDelivery } from './jobs/newsletter-delivery.ts'
import { createNewsletterSchedule } from './jobs/newsletter-schedule.ts'
import { renderIssue } from './render/mail/newsletter-issue.ts'
import { DatabaseOpenError } from './store/open-error.ts'

/** Starts the server and resolves with an exit code when a signal has shut it down. */
async function start(env: NodeJS.ProcessEnv, opts: { readonly demo: boolean | undefined }): Promise<number> {
  const bootStarted = performance.now()
  const config = loadConfig(env)
  const log = createLogger(config)
  const { store, replacesLostSite } = await openSiteStore(config, { log: log.child({ module: 'store' }) })
  if (store.applied.length) log.info({ migrations: store.applied }, 'database migrated')
  // Only PostgreSQL gets here with a new database in a DATA_DIR that held a site (a lost SQLite file stops the start).
  if (replacesLostSite) log.warn({ dataDir: config.dataDir }, 'DATA_DIR held a site but the database is new; the demo is not offered')
  const seeded = await seedDemoOnce(
    { store, clock: systemClock, mediaDir: path.join(config.dataDir, 'media') },
    !replacesLostSite && (opts.demo ?? config.demo),
    async () => (await import('./importers/demo/newsroom.ts')).demoNewsroom,
  )
  if (seeded !== null) log.info({ articles: seeded }, 'demo newsroom seeded')
  const services = createServices({ store, config, log, clock: systemClock })
  const app = await buildApp({ services, config, log })
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
  // The transport is built once; without SMTP_URL there is none, and use-cases write no mail.
  const mailer = config.mail ? createMailer(config.mail) : null
  // Newsletters get their own pool, with more connections, so a long send never delays a password link.
  const newsletterMailer = config.mail ? createMailer(config.mail, { maxConnections: 8 }) : null
  const jobs = createJobRunner([publishScheduled, relatedRefresh, searchReindex, pruneSessions, createWebhookDelivery({ siteUrl: config.siteUrl, allowPrivate: config.webhookAllowPrivate }), createMediaVariantsJob({ mediaDir: path.join(config.dataDir, 'media') }),
    createImportJobsJob({ dataDir: config.dataDir, timeZone: config.timeZone, allowPrivate: config.webhookAllowPrivate }),
    ...(mailer ? [createMailDelivery({ mailer })] : []),
    createNewsletterSchedule({ issues: services.newsletterIssues, timeZone: config.timeZone }),
    ...(newsletterMailer && config.mail ? [createNewsletterDelivery({
      mailer: newsletterMailer, render: renderIssue, links: services.newsletterLinks, ratePerSecond: config.mail.newsletterRate,
      siteUrl: config.siteUrl.href.replace(/\/+$/, ''), siteName: async () => (await services.site.get()).settings.name,
    })] : [])], { store, clock: systemClock, log: log.child({ module: 'jobs' }) })
  jobs.start()
  log.info({ url: config.siteUrl.href, database: store.dialect.name, mail: mailer !== null, bootMs: Math.round(performance.now() - bootStarted) }, 'broadsheet is serving')
  // Written now rather than at exit, so that the next start gains from it even if this process is killed.
  flushCompileCache()

  return new Promise((resolve) => {
    let closing = false
    const shutdown = async (signal: string) => {
      if (closing) return
      closing = true
      log.info({ signal }, 'shutting down')
      try {
        await app.close()
        await listener?.close()
        await jobs.stop()
        mailer?.close()
        newsletterMailer?.close()
        // Every request has been answered: write the views still buffered before the store goes.
        await services.popular.stop()
        await store.close()
        resolve(0)
      } catch (err) {
        log.error({ err }, 'shutdown failed')
        resolve(1)
      }
    }
    process.once('SIGTERM', () => void shutdown('SIGTERM'))
    process.once('SIGINT', () => void shutdown('SIGINT'))
  })
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

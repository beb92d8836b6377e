// A newsletter sender in its own process, for the crash test: runs the delivery job in a loop until it is killed.
// Env: DATABASE (a DatabaseConfig as JSON), SMTP_URL, LEASE_MS.

import { setTimeout as sleep } from 'node:timers/promises'
import { openStore } from '../../src/store/store.ts'
import { systemClock } from '../../src/domain/clock.ts'
import { createLogger } from '../../src/log.ts'
import { loadConfig } from '../../src/config.ts'
import { createMailer } from '../../src/mail/transport.ts'
import { createNewsletterDelivery } from '../../src/jobs/newsletter-delivery.ts'
import { createNewsletterLinks } from '../../src/newsletters/links.ts'
import { renderIssue } from '../../src/render/mail/newsletter-issue.ts'

const store = await openStore(JSON.parse(process.env.DATABASE!), { poolSize: 4 })
const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: '/tmp/broadsheet-newsletter-child', SMTP_URL: process.env.SMTP_URL, MAIL_FROM: 'desk@news.example' })
const mailer = createMailer(config.mail!, { maxConnections: 4, connectionTimeoutMs: 2000, socketTimeoutMs: 60_000 })
const job = createNewsletterDelivery({
  mailer, render: renderIssue, links: createNewsletterLinks(store), siteUrl: 'https://news.example', siteName: async () => 'The Desk',
  ratePerSecond: 100_000, batchSize: 10, leaseMs: Number(process.env.LEASE_MS), everyMs: 10,
})
const log = createLogger(config)
process.stdout.write('ready\n')
for (;;) {
  await job.run({ store, clock: systemClock, log })
  await sleep(20)
}

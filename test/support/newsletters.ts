// Newsletter fixtures: a newsletter with subscribers and a queued issue, and the delivery job run by hand.

import type { TestContext } from 'node:test'
import { createLogger } from '../../src/log.ts'
import { loadConfig } from '../../src/config.ts'
import { createNewsletterDelivery, type NewsletterDeliveryOptions } from '../../src/jobs/newsletter-delivery.ts'
import { createMailer } from '../../src/mail/transport.ts'
import { createNewsletterLinks } from '../../src/newsletters/links.ts'
import { renderIssue } from '../../src/render/mail/newsletter-issue.ts'
import { storedSanitizedHtml } from '../../src/content/sanitize.ts'
import type { IssueItem } from '../../src/domain/newsletter.ts'
import type { Store } from '../../src/store/store.ts'
import type { Clock } from '../../src/domain/clock.ts'

export const SITE_URL = 'https://news.example'

export const NEWSLETTER = {
  slug: 'caucasus-concise', name: 'Caucasus Concise', description: 'The week in the South Caucasus.', language: 'en', senderName: 'Caucasus Concise',
  senderAddress: 'newsletter@news.example', replyTo: 'desk@news.example', cadence: 'manual', sendTime: null, sendWeekday: null, autoSend: false, sections: [],
} as const

export const ITEMS: IssueItem[] = [
  { articleId: 1, title: 'Talks resume in Tbilisi', url: `${SITE_URL}/news/talks-resume`, standfirst: 'Both sides return to the table.', imageUrl: `${SITE_URL}/media/2026/talks.jpg`, imageAlt: 'Delegates at the table', note: 'Our lead story.' },
  { articleId: 2, title: 'Why the <energy> deal matters', url: `${SITE_URL}/opinion/energy-deal`, standfirst: '', imageUrl: null, imageAlt: '', note: '' },
]

/** A newsletter with `n` active subscribers (r0@…, r1@…), one pending and one who left, and a draft issue; returns their ids. */
export async function newsletterWithIssue(store: Store, clock: Clock, n: number) {
  const newsletterId = await store.newsletters.insert(NEWSLETTER, clock.now())
  const emails = Array.from({ length: n }, (_, i) => `r${i}@example.org`)
  await store.transaction(async (tx) => {
    for (const email of emails) await tx.newsletters.putActive(newsletterId, (await tx.newsletters.ensureSubscriber(email, 'form', '', clock.now())).id, clock.now())
    const pending = await tx.newsletters.ensureSubscriber('pending@example.org', 'form', '', clock.now())
    await tx.newsletters.putPending(newsletterId, pending.id, 'hash', clock.now() + 1000, clock.now())
    const left = await tx.newsletters.ensureSubscriber('left@example.org', 'form', '', clock.now())
    await tx.newsletters.putActive(newsletterId, left.id, clock.now())
    await tx.newsletters.leave(newsletterId, left.id, clock.now())
  })
  const issueId = await store.newsletterIssues.insert({ newsletterId, status: 'draft', subject: 'This week', introHtml: storedSanitizedHtml('<p>Hello &amp; welcome.</p>'), items: ITEMS, createdBy: null }, clock.now())
  return { newsletterId, issueId, emails }
}

/** The delivery job against `smtpUrl` (its transport closed when the test ends). */
export function deliveryJob(t: TestContext, store: Store, clock: Clock, smtpUrl: string, opts: Partial<NewsletterDeliveryOptions> = {}) {
  const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: '/tmp/broadsheet-newsletter-job', SMTP_URL: smtpUrl, MAIL_FROM: 'desk@news.example' })
  const mailer = createMailer(config.mail!, { connectionTimeoutMs: 2000, socketTimeoutMs: 5000, maxConnections: 4 })
  t.after(() => mailer.close())
  const links = createNewsletterLinks(store)
  const job = createNewsletterDelivery({ mailer, render: renderIssue, links, siteUrl: SITE_URL, siteName: async () => 'The Caucasus Desk', ratePerSecond: 10_000, random: () => 0.5, ...opts })
  const log = createLogger(config)
  return { links, deliver: () => job.run({ store, clock, log }) }
}

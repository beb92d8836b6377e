// The newsletter delivery job: claims due deliveries through the database, sends each recipient's copy at a set rate,
// and records each outcome at once; 4xx answers are retried with backoff, a 5xx suppresses the address.

import { setTimeout as sleep } from 'node:timers/promises'
import { mailRetryDelay } from '../domain/mail.ts'
import type { IssueRenderer, Newsletter, RenderedIssue } from '../domain/newsletter.ts'
import type { Mailer } from '../mail/transport.ts'
import type { NewsletterLinks } from '../newsletters/links.ts'
import { recipientMessage } from '../newsletters/recipient-message.ts'
import { issueMime, type IssueMime } from '../newsletters/issue-mime.ts'
import type { ClaimedDelivery, DeliveryOutcome } from '../store/newsletter-issues.ts'
import type { Job, JobContext } from './runner.ts'

export interface NewsletterDeliveryOptions {
  readonly mailer: Mailer
  readonly render: IssueRenderer
  readonly links: NewsletterLinks
  /** The site's absolute base URL, without a trailing slash. */
  readonly siteUrl: string
  /** MEDIA_PUBLIC_URL (no trailing slash), where the introduction's images are linked; null or absent: the site. */
  readonly mediaBase?: string | null
  readonly siteName: () => Promise<string>
  /** Messages a second at most (NEWSLETTER_RATE); what the mail service allows. */
  readonly ratePerSecond: number
  /** Deliveries claimed (and sent concurrently) at a time; 50 by default. */
  readonly batchSize?: number
  /** How long a claim lasts: longer than any send takes; a dead sender's deliveries are due again after it. 5 min by default. */
  readonly leaseMs?: number
  /** How often the job looks for due deliveries; 2 s by default. */
  readonly everyMs?: number
  /** How long one run sends before it returns (and the runner calls it again); 30 s by default. */
  readonly maxRunMs?: number
  /** [0, 1) source for retry jitter; Math.random by default. */
  readonly random?: () => number
}

interface Prepared { readonly newsletter: Newsletter; readonly rendered: RenderedIssue; readonly mime: IssueMime | null }

/** The most ids one grouped write holds; a batch is smaller, so this only bounds an unusual configuration. */
const MAX_GROUP = 500

/**
 * Records accepted copies in groups (a group commit): one write runs at a time and takes every id whose answer came
 * while the previous one ran. An answer is still written as soon as the database is free, so a crash repeats only the
 * copies in flight and the few in the write under way, and a batch of a hundred costs a handful of statements.
 */
function sentRecorder({ store, clock }: JobContext): (id: number) => Promise<void> {
  let waiting: { id: number; done: () => void; fail: (err: unknown) => void }[] = []
  let writing = false
  async function drain(): Promise<void> {
    writing = true
    try {
      while (waiting.length) {
        const group = waiting.slice(0, MAX_GROUP)
        waiting = waiting.slice(MAX_GROUP)
        try {
          await store.newsletterIssues.recordSent(group.map((g) => g.id), clock.now())
          for (const g of group) g.done()
        } catch (err) {
          for (const g of group) g.fail(err)
        }
      }
    } finally {
      writing = false
    }
  }
  return (id) => new Promise<void>((done, fail) => {
    waiting.push({ id, done, fail })
    if (!writing) void drain()
  })
}

/** The newsletter delivery job. On PostgreSQL every instance may run it (SKIP LOCKED claims); on SQLite the one runner does. */
export function createNewsletterDelivery(opts: NewsletterDeliveryOptions): Job {
  const batchSize = opts.batchSize ?? 50
  const leaseMs = opts.leaseMs ?? 300_000
  const maxRunMs = opts.maxRunMs ?? 30_000
  const random = opts.random ?? Math.random
  // Each issue is rendered once per process, not once per recipient; a few issues at most are in flight.
  const prepared = new Map<number, Promise<Prepared | null>>()

  function prepare({ store }: JobContext, issueId: number): Promise<Prepared | null> {
    let p = prepared.get(issueId)
    if (!p) {
      if (prepared.size >= 8) prepared.clear()
      p = (async () => {
        const issue = await store.newsletterIssues.get(issueId)
        const newsletter = issue && await store.newsletters.byId(issue.newsletterId)
        if (!issue || !newsletter) return null
        const rendered = opts.render(issue, { newsletter, siteName: await opts.siteName(), siteUrl: opts.siteUrl, mediaBase: opts.mediaBase ?? null })
        return { newsletter, rendered, mime: issueMime(rendered, newsletter, issueId, opts.siteUrl) }
      })()
      p.catch(() => prepared.delete(issueId))
      prepared.set(issueId, p)
    }
    return p
  }

  async function deliver(ctx: JobContext, d: ClaimedDelivery, recordSent: (id: number) => Promise<void>): Promise<void> {
    const { store, clock, log } = ctx
    const ready = await prepare(ctx, d.issueId)
    let outcome: DeliveryOutcome
    let permanent = false
    if (!ready) {
      outcome = { ok: false, error: 'the issue or its newsletter is gone', nextAttemptAt: null }
    } else {
      const token = await opts.links.manageToken(d.subscriberId)
      const recipient = { email: d.email, subscriberId: d.subscriberId, token }
      // The copy of the message encoded once per issue; the general path for what it cannot carry.
      const copy = ready.mime?.copyFor(recipient, new Date(clock.now()))
      const result = copy ? await opts.mailer.sendRaw(copy.envelope, copy.raw)
        : await opts.mailer.send(recipientMessage(ready.rendered, ready.newsletter, d.issueId, opts.siteUrl, recipient))
      const delay = result.ok || result.permanent ? null : mailRetryDelay(d.attempts, random())
      permanent = !result.ok && result.permanent
      outcome = result.ok ? { ok: true } : { ok: false, error: result.error, nextAttemptAt: delay === null ? null : clock.now() + delay }
    }
    // Recorded the moment the server has answered (grouped with the answers that come meanwhile): a crash can only
    // repeat the messages in flight (see README). Failures are few and each has its own retry time.
    if (outcome.ok) await recordSent(d.id)
    else await store.newsletterIssues.record(d.id, outcome, clock.now())
    if (permanent && !outcome.ok) await store.newsletters.suppress(d.subscriberId, outcome.error, clock.now())
    if (!outcome.ok) {
      // The address is personal data: the delivery id says which one.
      log.warn({ job: 'newsletter-delivery', delivery: d.id, issue: d.issueId, attempt: d.attempts, error: outcome.error, retryAt: outcome.nextAttemptAt },
        outcome.nextAttemptAt === null ? 'newsletter delivery failed for good' : 'newsletter delivery failed; will retry')
    }
  }

  return {
    name: 'newsletter-delivery',
    everyMs: opts.everyMs ?? 2_000,
    async run(ctx) {
      const started = performance.now()
      let sentAny = false
      const recordSent = sentRecorder(ctx)
      while (performance.now() - started < maxRunMs && !ctx.signal?.aborted) {
        const batchStarted = performance.now()
        const now = ctx.clock.now()
        // One autocommit statement: no transaction stays open while the network is awaited.
        const claimed = await ctx.store.newsletterIssues.claimDue(now, batchSize, now + leaseMs)
        if (!claimed.length) break
        sentAny = true
        await Promise.all(claimed.map((d) => deliver(ctx, d, recordSent)))
        // Hold the configured rate: a batch of n takes at least n / rate seconds.
        const wait = (claimed.length / opts.ratePerSecond) * 1000 - (performance.now() - batchStarted)
        if (wait > 0) await sleep(wait)
        if (claimed.length < batchSize) break
      }
      if (sentAny) await ctx.store.newsletterIssues.finishSent(ctx.clock.now())
    },
  }
}

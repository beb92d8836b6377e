// Newsletter issues in the desk: compose from Editor's choice, the newest of chosen sections and Most read; edit
// (reorder, trim, annotate, introduce); preview; send a test; send. Scheduled newsletters compose themselves here too.

import { sanitizeBodyAsync } from '../content/sanitize.ts'
import type { Clock } from '../domain/clock.ts'
import type { Outgoing } from '../domain/mail.ts'
import { lastSlot, RECIPIENT_TOKEN, type Issue, type IssueItem, type IssueRenderer, type Newsletter, type RenderedIssue } from '../domain/newsletter.ts'
import { absoluteMediaUrl, mediaUrl } from '../domain/media.ts'
import { articlePath } from '../domain/paths.ts'
import { AppError } from '../errors.ts'
import type { LiveSummary } from '../store/live.ts'
import type { IssueProgress } from '../store/newsletter-issues.ts'
import type { Store } from '../store/store.ts'
import { isUniqueViolation } from '../store/unique-violation.ts'
import type { Actor } from './article-access.ts'
import { optionalText, requiredId, requiredText } from './desk-input.ts'
import { requirePermission } from './permission.ts'

const DAY = 86_400_000
/** The most items an issue holds when composed. */
export const MAX_ITEMS = 15

export interface IssueDeps {
  readonly store: Store
  readonly clock: Clock
  readonly render: IssueRenderer
  /** The site's absolute base URL, without a trailing slash. */
  readonly siteUrl: string
  /** MEDIA_PUBLIC_URL (no trailing slash): where the issue's images are linked when set; else the site's /media/. */
  readonly mediaBase?: string | null
  readonly siteName: () => Promise<string>
  readonly siteLanguage: () => Promise<string>
  /** Null when mail is off: tests cannot be sent (and neither can issues, by the job that is not running). */
  readonly outgoing: Outgoing | null
}

/** What the editor sends back from the issue form: the items kept, in order, with their notes. */
export interface IssueEdit {
  readonly subject?: unknown
  readonly intro?: unknown
  /** Article ids in the order to keep them; ids left out are trimmed. */
  readonly order?: unknown
  /** Notes by article id. */
  readonly notes?: Readonly<Record<string, unknown>>
}

export function createNewsletterIssues(deps: IssueDeps) {
  const { store, clock } = deps

  async function newsletterOf(id: number): Promise<Newsletter> {
    const n = await store.newsletters.byId(id)
    if (!n) throw new AppError('NotFound', 'no such newsletter')
    return n
  }
  async function issueOf(id: unknown): Promise<Issue> {
    const issue = await store.newsletterIssues.get(requiredId(id, 'id', 'The issue'))
    if (!issue) throw new AppError('NotFound', 'no such issue')
    return issue
  }

  /** The items of a new issue: Editor's choice, then each chosen section's newest, then Most read over the period. */
  async function composeItems(n: Newsletter): Promise<IssueItem[]> {
    const now = clock.now()
    const siteLanguage = await deps.siteLanguage()
    const period = n.cadence === 'daily' ? DAY : 7 * DAY
    const picks = (await store.live.editorsChoice(now, 5, n.language)).map((p) => p.id)
    const sections = (await store.taxonomy.sections()).filter((s) => n.sections.includes(s.slug))
    const newest = await store.live.newestBySections(sections.map((s) => s.id), 3, n.language)
    const fresh = [...newest.values()].flat().filter((e) => e.publishedAt >= now - period).map((e) => e.id)
    const popular = await store.views.mostRead(now - period, 5)
    const ids = [...new Set([...picks, ...fresh, ...popular])].slice(0, MAX_ITEMS * 2)
    const summaries = new Map((await store.live.summariesByIds(ids)).map((s) => [s.id, s]))
    return ids.flatMap((id) => {
      const s = summaries.get(id)
      return s ? [itemOf(s, siteLanguage)] : []
    }).slice(0, MAX_ITEMS)
  }

  const itemOf = (s: LiveSummary, siteLanguage: string): IssueItem => ({
    articleId: s.id, title: s.title, url: deps.siteUrl + articlePath({ language: s.language, sectionSlug: s.section.slug, slug: s.slug }, siteLanguage),
    standfirst: s.standfirst, imageUrl: s.hero ? absoluteMediaUrl(mediaUrl(s.hero), deps.siteUrl, deps.mediaBase) : null, imageAlt: s.hero?.alt ?? '', note: '',
  })

  const subjectOf = (n: Newsletter) => `${n.name} · ${new Intl.DateTimeFormat(n.language, { dateStyle: 'long', timeZone: 'UTC' }).format(clock.now())}`

  async function renderOf(issue: Issue): Promise<RenderedIssue> {
    const newsletter = await newsletterOf(issue.newsletterId)
    return deps.render(issue, { newsletter, siteName: await deps.siteName(), siteUrl: deps.siteUrl, mediaBase: deps.mediaBase ?? null })
  }

  return {
    /** Composes a draft issue of a newsletter from its rules; returns its id. */
    async compose(actor: Actor, newsletterId: unknown): Promise<number> {
      requirePermission(actor, 'newsletters.manage')
      const n = await newsletterOf(requiredId(newsletterId, 'id', 'The newsletter'))
      const items = await composeItems(n)
      return store.transaction(async (tx) => {
        const id = await tx.newsletterIssues.insert({ newsletterId: n.id, status: 'draft', subject: subjectOf(n), introHtml: await sanitizeBodyAsync(''), items, createdBy: actor.userId }, clock.now())
        await tx.audit.record({ userId: actor.userId, action: 'newsletter.compose', subjectType: 'newsletter_issue', subjectId: String(id), details: { newsletter: n.slug, items: items.length }, at: clock.now() })
        return id
      })
    },

    /**
     * Composes the issue of every daily or weekly newsletter whose scheduled time has come since it was defined and
     * which has none yet for that time: it waits for an editor's approval, or is queued at once when the newsletter
     * sends on its own. Run by the schedule job as the operator; returns the ids composed.
     */
    async composeDue(timeZone: string): Promise<number[]> {
      const now = clock.now()
      const composed: number[] = []
      for (const n of await store.newsletters.list()) {
        const slot = lastSlot(n, now, timeZone)
        if (slot === null || slot < n.updatedAt || await store.newsletterIssues.hasSlot(n.id, slot)) continue
        const items = await composeItems(n)
        const introHtml = await sanitizeBodyAsync('')
        try {
          const id = await store.transaction(async (tx) => {
            const issueId = await tx.newsletterIssues.insert({ newsletterId: n.id, status: 'awaiting_approval', subject: subjectOf(n), introHtml, items, createdBy: null, slot }, now)
            await tx.audit.record({ userId: null, action: 'newsletter.compose', subjectType: 'newsletter_issue', subjectId: String(issueId), details: { newsletter: n.slug, items: items.length, scheduled: true }, at: now })
            if (n.autoSend) await tx.newsletterIssues.queue(issueId, n.id, now)
            return issueId
          })
          composed.push(id)
        } catch (err) {
          // Another instance composed this time's issue first.
          if (!isUniqueViolation(err)) throw err
        }
      }
      return composed
    },

    /** An issue with its newsletter and delivery progress. */
    async get(actor: Actor, id: unknown): Promise<{ issue: Issue; newsletter: Newsletter; progress: IssueProgress }> {
      requirePermission(actor, 'newsletters.manage')
      const issue = await issueOf(id)
      return { issue, newsletter: await newsletterOf(issue.newsletterId), progress: await store.newsletterIssues.progress(issue.id) }
    },

    /** Sent, pending and failed deliveries of an issue (the desk polls it while the issue goes out). */
    async progress(actor: Actor, id: unknown): Promise<IssueProgress & { status: string; recipients: number }> {
      requirePermission(actor, 'newsletters.manage')
      const issue = await issueOf(id)
      return { ...(await store.newsletterIssues.progress(issue.id)), status: issue.status, recipients: issue.recipients }
    },

    /** Saves the subject, the introduction (through the one sanitizer) and the items kept, reordered and annotated. */
    async save(actor: Actor, id: unknown, edit: IssueEdit): Promise<void> {
      requirePermission(actor, 'newsletters.manage')
      const issue = await issueOf(id)
      const subject = requiredText(edit.subject, 'subject', 'The subject', 200)
      const introHtml = await sanitizeBodyAsync(optionalText(edit.intro, 'intro', 'The introduction', 20_000))
      const order = Array.isArray(edit.order) ? edit.order.map(String) : typeof edit.order === 'string' ? edit.order.split(/[\s,]+/).filter(Boolean) : []
      const byId = new Map(issue.items.map((i) => [String(i.articleId), i]))
      const items: IssueItem[] = []
      for (const key of new Set(order)) {
        const item = byId.get(key)
        if (!item) throw new AppError('Invalid', `article ${key.slice(0, 20)} is not in this issue`, 'order')
        items.push({ ...item, note: optionalText(edit.notes?.[key], `note-${key}`, 'A note', 1000) })
      }
      await store.transaction(async (tx) => {
        if (!(await tx.newsletterIssues.update(issue.id, { subject, introHtml, items }, clock.now()))) {
          throw new AppError('Conflict', 'this issue has been sent and can no longer change')
        }
        await tx.audit.record({ userId: actor.userId, action: 'newsletter.edit', subjectType: 'newsletter_issue', subjectId: String(issue.id), details: { items: items.length }, at: clock.now() })
      })
    },

    /** The issue as a subscriber would get it (links to a placeholder subscriber), for the preview frame and plain text. */
    async preview(actor: Actor, id: unknown): Promise<RenderedIssue> {
      requirePermission(actor, 'newsletters.manage')
      const r = await renderOf(await issueOf(id))
      return { subject: r.subject, html: r.html.split(RECIPIENT_TOKEN).join('preview'), text: r.text.split(RECIPIENT_TOKEN).join('preview') }
    },

    /** Sends the issue to `to` (the editor's own address) through the mail outbox, marked as a test. */
    async sendTest(actor: Actor, id: unknown, to: string): Promise<void> {
      requirePermission(actor, 'newsletters.manage')
      if (!deps.outgoing) throw new AppError('Conflict', 'mail is off (no SMTP_URL): no test can be sent')
      const r = await renderOf(await issueOf(id))
      const fill = (s: string) => s.split(RECIPIENT_TOKEN).join('test')
      await store.transaction((tx) => tx.mailOutbox.enqueue([{ kind: 'newsletter-test', to, subject: `[Test] ${r.subject}`, html: fill(r.html), text: fill(r.text) }], clock.now()))
    },

    /** Queues the issue for every active subscriber; Conflict when it was already sent. Returns the number of recipients. */
    async send(actor: Actor, id: unknown): Promise<number> {
      requirePermission(actor, 'newsletters.manage')
      if (!deps.outgoing) throw new AppError('Conflict', 'mail is off (no SMTP_URL): issues cannot be sent')
      const issue = await issueOf(id)
      return store.transaction(async (tx) => {
        const n = await tx.newsletterIssues.queue(issue.id, issue.newsletterId, clock.now())
        if (n === null) throw new AppError('Conflict', 'this issue is already being sent or was sent')
        await tx.audit.record({ userId: actor.userId, action: 'newsletter.send', subjectType: 'newsletter_issue', subjectId: String(issue.id), details: { recipients: n }, at: clock.now() })
        return n
      })
    },
  }
}

export type NewsletterIssuesDesk = ReturnType<typeof createNewsletterIssues>

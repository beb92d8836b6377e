// The desk's newsletters: define and change them (name, sender, cadence, sections), with their subscription counts.

import type { Clock } from '../domain/clock.ts'
import { FLUSH_ALL } from '../domain/invalidation.ts'
import type { SiteContextCache } from '../reading/site-settings.ts'
import type { Issue, Newsletter } from '../domain/newsletter.ts'
import type { IssueProgress } from '../store/newsletter-issues.ts'
import { AppError } from '../errors.ts'
import type { Store } from '../store/store.ts'
import type { SubscriptionStatus } from '../store/newsletters.ts'
import { isUniqueViolation } from '../store/unique-violation.ts'
import type { Actor } from './article-access.ts'
import { requiredId } from './desk-input.ts'
import { newsletterFields, type NewsletterInput } from './newsletter-input.ts'
import { requirePermission } from './permission.ts'

/** A newsletter with its subscriptions by status. */
export interface NewsletterWithCounts extends Newsletter {
  readonly counts: Readonly<Record<SubscriptionStatus, number>>
}

export function createNewsletterDesk({ store, clock, site }: { readonly store: Store; readonly clock: Clock; readonly site: Pick<SiteContextCache, 'invalidate'> }) {
  const sectionSlugs = async () => new Set((await store.taxonomy.sections()).map((s) => s.slug))

  return {
    /** Every newsletter with its counts of pending, active and left subscriptions. */
    async list(actor: Actor): Promise<NewsletterWithCounts[]> {
      requirePermission(actor, 'newsletters.manage')
      const [list, counts] = await Promise.all([store.newsletters.list(), store.newsletters.counts()])
      return list.map((n) => {
        const of = (status: SubscriptionStatus) => counts.find((c) => c.newsletterId === n.id && c.status === status)?.n ?? 0
        return { ...n, counts: { pending: of('pending'), active: of('active'), left: of('left') } }
      })
    },

    /** One newsletter; NotFound when there is none. */
    async get(actor: Actor, id: unknown): Promise<Newsletter> {
      requirePermission(actor, 'newsletters.manage')
      const n = await store.newsletters.byId(requiredId(id, 'id', 'The newsletter'))
      if (!n) throw new AppError('NotFound', 'no such newsletter')
      return n
    },

    /** A newsletter's issues, newest first, with their delivery progress. */
    async issues(actor: Actor, id: unknown): Promise<(Issue & { progress: IssueProgress })[]> {
      requirePermission(actor, 'newsletters.manage')
      const list = await store.newsletterIssues.list(requiredId(id, 'id', 'The newsletter'))
      return Promise.all(list.map(async (i) => ({ ...i, progress: await store.newsletterIssues.progress(i.id) })))
    },

    /** Adds a newsletter; returns its id. Invalid naming the field for anything wrong, `slug` when it is taken. */
    async create(actor: Actor, input: NewsletterInput): Promise<number> {
      requirePermission(actor, 'newsletters.manage')
      const fields = newsletterFields(input, await sectionSlugs())
      try {
        return await store.transaction(async (tx) => {
          if (await tx.newsletters.bySlug(fields.slug)) throw new AppError('Invalid', 'another newsletter has that slug', 'slug')
          const id = await tx.newsletters.insert(fields, clock.now())
          await tx.audit.record({ userId: actor.userId, action: 'newsletter.create', subjectType: 'newsletter', subjectId: String(id), details: { slug: fields.slug }, at: clock.now() })
          // Every page's footer may now offer it.
          await tx.invalidations.record(FLUSH_ALL)
          return id
        }).finally(() => site.invalidate())
      } catch (err) {
        if (isUniqueViolation(err)) throw new AppError('Invalid', 'another newsletter has that slug', 'slug')
        throw err
      }
    },

    /** Changes a newsletter's definition. */
    async update(actor: Actor, id: unknown, input: NewsletterInput): Promise<void> {
      requirePermission(actor, 'newsletters.manage')
      const nid = requiredId(id, 'id', 'The newsletter')
      const fields = newsletterFields(input, await sectionSlugs())
      try {
        await store.transaction(async (tx) => {
          if (!(await tx.newsletters.byId(nid))) throw new AppError('NotFound', 'no such newsletter')
          const other = await tx.newsletters.bySlug(fields.slug)
          if (other && other.id !== nid) throw new AppError('Invalid', 'another newsletter has that slug', 'slug')
          await tx.newsletters.update(nid, fields, clock.now())
          await tx.audit.record({ userId: actor.userId, action: 'newsletter.update', subjectType: 'newsletter', subjectId: String(nid), details: { slug: fields.slug }, at: clock.now() })
          await tx.invalidations.record(FLUSH_ALL)
        }).finally(() => site.invalidate())
      } catch (err) {
        if (isUniqueViolation(err)) throw new AppError('Invalid', 'another newsletter has that slug', 'slug')
        throw err
      }
    },
  }
}

export type NewsletterDesk = ReturnType<typeof createNewsletterDesk>

// The desk's subscribers: search, counts, CSV export and import (imported addresses marked with their source), and
// erasure of an address with everything about it.

import type { Clock } from '../domain/clock.ts'
import { csvLine, parseCsv } from '../domain/csv.ts'
import { normalizeEmail, type WeeklyActivity } from '../domain/newsletter.ts'
import { AppError } from '../errors.ts'
import type { Store } from '../store/store.ts'
import type { Subscriber } from '../store/newsletters.ts'
import type { Actor } from './article-access.ts'
import { optionalText, requiredId, requiredText } from './desk-input.ts'
import { requirePermission } from './permission.ts'

/** Rows one import takes at most (a larger list goes in several parts). */
export const MAX_IMPORT_ROWS = 50_000

export interface ImportResult { readonly added: number; readonly alreadySubscribed: number; readonly invalid: number }

const WEEK_MS = 7 * 86_400_000
const WEEKS = 12

export function createNewsletterSubscribers({ store, clock }: { readonly store: Store; readonly clock: Clock }) {
  return {
    /** One page of subscribers whose address holds `text`, newest first, with their newsletters. */
    async page(actor: Actor, q: { text?: string; page: number; perPage: number }): Promise<{ items: (Subscriber & { newsletters: string[] })[]; hasNext: boolean }> {
      requirePermission(actor, 'newsletters.manage')
      return store.newsletters.searchSubscribers({ ...(q.text && { text: q.text.toLowerCase() }), limit: q.perPage, offset: (q.page - 1) * q.perPage })
    },

    /**
     * Each newsletter's subscriptions started and left in each of the last `weeks` weeks (seven-day spans ending now),
     * oldest first, for the subscribers page.
     */
    async weekly(actor: Actor, weeks = WEEKS): Promise<WeeklyActivity> {
      requirePermission(actor, 'newsletters.manage')
      const now = clock.now()
      const [list, activity] = await Promise.all([store.newsletters.list(), store.newsletters.activity(now, WEEK_MS, weeks)])
      const starts = Array.from({ length: weeks }, (_, i) => now - (weeks - i) * WEEK_MS)
      return {
        starts,
        newsletters: list.map((n) => {
          const of = (i: number) => activity.find((a) => a.newsletterId === n.id && a.period === weeks - 1 - i)
          return { id: n.id, name: n.name, subscribed: starts.map((_, i) => of(i)?.subscribed ?? 0), left: starts.map((_, i) => of(i)?.left ?? 0) }
        }),
      }
    },

    /** Every subscription as CSV lines (a header first), read a thousand at a time so that memory stays flat. */
    async *exportCsv(actor: Actor): AsyncGenerator<string> {
      requirePermission(actor, 'newsletters.manage')
      yield csvLine(['email', 'newsletter', 'status', 'source', 'source_note', 'subscribed_at', 'confirmed_at'])
      let after = 0
      for (;;) {
        const rows = await store.newsletters.exportPage(after, 1000)
        for (const r of rows) {
          yield csvLine([r.email, r.newsletter, r.status, r.source, r.sourceNote, new Date(r.createdAt).toISOString(), r.confirmedAt === null ? null : new Date(r.confirmedAt).toISOString()])
        }
        if (rows.length < 1000) return
        after = rows.at(-1)!.id
      }
    },

    /**
     * Subscribes the addresses of a CSV (the column named `email`, or the first) to a newsletter, active at once and
     * marked as imported with `source` (where the list came from, which the newsroom answers for). Invalid addresses
     * are counted and left out; addresses that left the newsletter stay out.
     */
    async importCsv(actor: Actor, input: { newsletterId?: unknown; source?: unknown; csv?: unknown }): Promise<ImportResult> {
      requirePermission(actor, 'newsletters.manage')
      const newsletterId = requiredId(input.newsletterId, 'newsletter', 'The newsletter')
      const source = requiredText(input.source, 'source', 'Where the list comes from', 200)
      const text = optionalText(input.csv, 'csv', 'The CSV', 5_000_000)
      if (!(await store.newsletters.byId(newsletterId))) throw new AppError('Invalid', 'there is no such newsletter', 'newsletter')
      const rows = parseCsv(text)
      if (rows.length === 0) throw new AppError('Invalid', 'the CSV holds no addresses', 'csv')
      if (rows.length > MAX_IMPORT_ROWS + 1) throw new AppError('Invalid', `import at most ${MAX_IMPORT_ROWS} addresses at a time`, 'csv')
      const header = rows[0]!.map((h) => h.trim().toLowerCase())
      const hasHeader = header.includes('email')
      const column = hasHeader ? header.indexOf('email') : 0
      const emails = new Set<string>()
      let invalid = 0
      for (const row of hasHeader ? rows.slice(1) : rows) {
        // An apostrophe our own export put before a formula-like cell comes off again: the round trip keeps the address.
        const email = normalizeEmail(row[column]?.replace(/^'(?=[=+\-@\t\r])/, ''))
        if (email === null) invalid++
        else emails.add(email)
      }
      const now = clock.now()
      const added = await store.transaction(async (tx) => {
        const n = await tx.newsletters.importActive([...emails], newsletterId, 'import', source, now)
        await tx.audit.record({ userId: actor.userId, action: 'newsletter.import', subjectType: 'newsletter', subjectId: String(newsletterId), details: { added: n, invalid, source }, at: now })
        return n
      })
      return { added, alreadySubscribed: emails.size - added, invalid }
    },

    /** Deletes an address with its subscriptions and delivery records (a reader's right to erasure); audited without the address. */
    async erase(actor: Actor, subscriberId: unknown): Promise<void> {
      requirePermission(actor, 'newsletters.manage')
      const id = requiredId(subscriberId, 'id', 'The subscriber')
      await store.transaction(async (tx) => {
        if (!(await tx.newsletters.removeSubscriber(id))) throw new AppError('NotFound', 'no such subscriber')
        await tx.audit.record({ userId: actor.userId, action: 'newsletter.erase', subjectType: 'newsletter_subscriber', subjectId: String(id), details: {}, at: clock.now() })
      })
    },
  }
}

export type NewsletterSubscribers = ReturnType<typeof createNewsletterSubscribers>

// What readers see of quotes: a speaker's page, a quote's own page, and pages of quotes for feeds and the Content API.
// Only quotes of live articles exist here (store/quotes.ts reads live_quotes).

import { startOfDay, startOfNextDay } from '../domain/calendar.ts'
import { articlePath } from '../domain/paths.ts'
import { dayToEpoch, parseQuoteCursor, quoteCursor, type LiveQuote, type QuotePage, type Speaker, type SpeakerPage } from '../domain/quotes.ts'
import { AppError } from '../errors.ts'
import type { LiveQuoteQuery, LiveQuoteRow } from '../store/quotes.ts'
import type { Store } from '../store/store.ts'
import type { SiteContextCache } from './site-settings.ts'

const DAY = 86_400_000

/** Quotes on one page of a speaker's page. */
export const QUOTES_PER_PAGE = 30

export interface QuoteReadingDeps {
  readonly store: Store
  readonly site: SiteContextCache
}

export function createQuoteReading({ store, site }: QuoteReadingDeps) {
  const siteLanguage = async () => (await site.get()).settings.language
  const withPaths = async (rows: readonly LiveQuoteRow[]): Promise<LiveQuote[]> => {
    const language = await siteLanguage()
    return rows.map((r) => ({ ...r, article: { title: r.article.title, language: r.article.language, path: articlePath(r.article, language) } }))
  }

  return {
    /**
     * The speaker with slug `slug` and a page of their quotes, newest said first, after `cursor` (from the page before).
     * NotFound when no live article quotes them (a draft's speaker is nobody's business yet), or for a bad cursor.
     */
    async speakerPage(slug: string, cursor?: string): Promise<SpeakerPage> {
      const speaker = await store.speakers.publicSpeaker({ slug })
      if (!speaker) throw new AppError('NotFound', 'no such speaker')
      const after = cursor === undefined ? undefined : parseQuoteCursor(cursor)
      if (after === null) throw new AppError('NotFound', 'no such page')
      const page = await store.quotes.liveQuotes({ speakerId: speaker.id, limit: QUOTES_PER_PAGE, ...(after && { after }) })
      const quotes = await withPaths(page.items)
      const [photo, country] = await Promise.all([
        speaker.photoMediaId === null ? null : store.media.get(speaker.photoMediaId).then((m) => m ?? null),
        speaker.countryTagId === null ? null : store.taxonomy.tag(speaker.countryTagId).then((t) => (t ? { slug: t.slug, name: t.name } : null)),
      ])
      const last = quotes.at(-1)
      return { speaker, photo, country, quotes, next: page.hasNext && last ? quoteCursor(last) : null, later: after !== undefined }
    },

    /** Quote `id` of a live article with its speaker; NotFound otherwise. */
    async quotePage(id: number): Promise<QuotePage> {
      const row = Number.isSafeInteger(id) && id > 0 ? await store.quotes.liveQuote(id) : undefined
      const speaker = row && await store.speakers.speaker(row.speaker.id)
      if (!row || !speaker) throw new AppError('NotFound', 'no such quote')
      const [quote] = await withPaths([row])
      return { quote: quote!, speaker }
    },

    /**
     * The quotes the search page shows above its articles, on its first page only: those whose text or speaker's name
     * holds the words typed, of one speaker when `speakerSlug` is given (NotFound when nobody live has that slug).
     */
    async searchQuotes(q: string, speakerSlug: string | null, page: number): Promise<{ items: LiveQuote[]; speaker: { slug: string; name: string } | null } | undefined> {
      const text = q.trim().replace(/\s+/g, ' ').slice(0, 200).toLowerCase()
      if (page > 1 || (!text && !speakerSlug)) return undefined
      const speaker = speakerSlug ? await store.speakers.publicSpeaker({ slug: speakerSlug }) : undefined
      if (speakerSlug && !speaker) throw new AppError('NotFound', 'no such speaker')
      const found = await store.quotes.liveQuotes({ limit: 5, ...(text && { text }), ...(speaker && { speakerId: speaker.id }) })
      return { items: await withPaths(found.items), speaker: speaker ? { slug: speaker.slug, name: speaker.name } : null }
    },

    /** The quotes of a live article in body order (at most 200). */
    async articleQuotes(articleId: number): Promise<LiveQuote[]> {
      const { items } = await store.quotes.liveQuotes({ articleId, limit: 200 })
      return (await withPaths(items)).sort((x, y) => x.position - y.position)
    },

    /**
     * A page of the Content API's /quotes: filters checked (AppError('Invalid') naming the parameter), `to` inclusive,
     * keyset pages newest said first with an opaque cursor.
     */
    async apiQuotes(q: { speaker?: string; from?: string; to?: string; q?: string; limit: number; cursor?: string }): Promise<{ items: LiveQuote[]; nextCursor: string | null }> {
      const speaker = q.speaker === undefined ? undefined : await store.speakers.publicSpeaker({ slug: q.speaker })
      if (q.speaker !== undefined && !speaker) throw new AppError('Invalid', `there is no speaker "${q.speaker}"`, 'speaker')
      const day = (name: 'from' | 'to', value: string | undefined): number | undefined => {
        if (value === undefined) return undefined
        const ms = dayToEpoch(value)
        if (ms === null) throw new AppError('Invalid', `${name} must be a date written YYYY-MM-DD`, name)
        return ms
      }
      const fromDay = day('from', q.from), toDay = day('to', q.to)
      if (fromDay !== undefined && toDay !== undefined && fromDay > toDay) throw new AppError('Invalid', '`from` must not be after `to`', 'from')
      // Days are the site's days: `to` reaches the start of the day after it.
      const { timeZone } = (await site.get()).settings
      const from = q.from === undefined ? undefined : { own: fromDay!, local: startOfDay(q.from, timeZone) }
      const to = q.to === undefined ? undefined : { own: toDay! + DAY, local: startOfNextDay(q.to, timeZone) }
      const after = q.cursor === undefined ? undefined : parseQuoteCursor(Buffer.from(q.cursor, 'base64url').toString('utf8'))
      if (after === null) throw new AppError('Invalid', 'cursor is not valid; pass the next_cursor of the previous page unchanged', 'cursor')
      const text = q.q?.trim().replace(/\s+/g, ' ').toLowerCase()
      const page = await store.quotes.liveQuotes({
        limit: q.limit, ...(speaker && { speakerId: speaker.id }), ...(from && { from }), ...(to && { to }),
        ...(text && { text }), ...(after && { after }),
      })
      const items = await withPaths(page.items)
      const last = items.at(-1)
      return { items, nextCursor: page.hasNext && last ? Buffer.from(quoteCursor(last)).toString('base64url') : null }
    },

    /** A page of the Content API's /speakers: those live articles quote, by name, with an opaque keyset cursor. */
    async apiSpeakers(q: { limit: number; cursor?: string }): Promise<{ items: Speaker[]; nextCursor: string | null }> {
      let after: { name: string; id: number } | undefined
      if (q.cursor !== undefined) {
        try {
          const [name, id] = JSON.parse(Buffer.from(q.cursor, 'base64url').toString('utf8')) as unknown[]
          if (typeof name !== 'string' || !Number.isSafeInteger(id)) throw new Error('not a cursor')
          after = { name, id: id as number }
        } catch {
          throw new AppError('Invalid', 'cursor is not valid; pass the next_cursor of the previous page unchanged', 'cursor')
        }
      }
      const page = await store.speakers.publicSpeakers({ limit: q.limit, ...(after && { after }) })
      const last = page.items.at(-1)
      return { items: page.items, nextCursor: page.hasNext && last ? Buffer.from(JSON.stringify([last.name, last.id])).toString('base64url') : null }
    },

    /** A page of live quotes for feeds and the Content API (filters as store/quotes.ts LiveQuoteQuery). */
    async quotes(q: LiveQuoteQuery): Promise<{ items: LiveQuote[]; hasNext: boolean }> {
      const page = await store.quotes.liveQuotes(q)
      return { items: await withPaths(page.items), hasNext: page.hasNext }
    },
  }
}

export type QuoteReading = ReturnType<typeof createQuoteReading>

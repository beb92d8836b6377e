// Quotes: those marked in working copies, and the live copies' quotes that readers see.

import { sql, type Kysely, type Selectable } from 'kysely'
import type { LiveQuote, Quote } from '../domain/quotes.ts'
import type { Database } from './schema.ts'
import type { QuotesTable } from './schema-quotes.ts'
import { likePattern } from './desk-articles.ts'
import { prepared } from './prepared.ts'

export type NewQuote = Omit<Quote, 'id' | 'articleId' | 'position'>

const toQuote = (r: Selectable<QuotesTable>): Quote => ({
  id: r.id, articleId: r.article_id, anchor: r.anchor, position: r.position, speakerId: r.speaker_id, text: r.text, role: r.role,
  organisation: r.organisation, saidAt: r.said_at, placeTagId: r.place_tag_id, event: r.event, sourceUrl: r.source_url, language: r.language,
})

/** A live quote with what readers need to link it: the store leaves the article's path to reading/ (it knows the site language). */
export interface LiveQuoteRow extends Omit<LiveQuote, 'article'> {
  readonly article: { readonly title: string; readonly language: string; readonly sectionSlug: string; readonly slug: string }
}

/** Which live quotes to read: all filters are optional; newest said first, then by id. */
/** One bound of a range of days, as each kind of stored `said_at` reads it (see LiveQuoteQuery). */
export interface DayBound {
  readonly own: number
  readonly local: number
}

export interface LiveQuoteQuery {
  readonly speakerId?: number
  readonly articleId?: number
  /**
   * Said on the days from `from` to `to` (either may be open), each bound given twice: as a quote's own day is stored
   * (UTC midnight, `own`) and as the start of that day in the site's time zone (`local`), which is how a quote without a
   * day of its own (stored at its article's publication, domain/quotes.ts quoteDay) falls on a day. `to` is exclusive.
   */
  readonly from?: DayBound
  readonly to?: DayBound
  /** Words the text or the speaker's name contains (case-insensitive, as typed). */
  readonly text?: string
  /** Keyset cursor: the (saidAt, id) of the last quote of the page before. */
  readonly after?: { readonly saidAt: number; readonly id: number }
  readonly limit: number
}

export function createQuotes(db: Kysely<Database>) {
  // Every publication copies its quotes (most articles have none): compiled once for this repository.
  const copyLive = prepared(db, (v: { articleId: number; publishedAt: number }) => db.insertInto('live_quotes')
    .columns(['quote_id', 'article_id', 'position', 'speaker_id', 'text', 'role', 'organisation', 'said_at', 'place_tag_id', 'event', 'source_url', 'language', 'published_at'])
    .expression(db.selectFrom('quotes').select(['id', 'article_id', 'position', 'speaker_id', 'text', 'role', 'organisation',
      sql<number>`coalesce(said_at, ${v.publishedAt})`.as('said_at'), 'place_tag_id', 'event', 'source_url', 'language',
      sql<number>`${v.publishedAt}`.as('published_at')]).where('article_id', '=', v.articleId))
    .returning('speaker_id'))
  const liveSelect = () => db.selectFrom('live_quotes as q')
    .innerJoin('speakers as sp', 'sp.id', 'q.speaker_id')
    .innerJoin('article_live as a', 'a.article_id', 'q.article_id')
    .innerJoin('sections as s', 's.id', 'a.section_id')
    .leftJoin('tags as t', 't.id', 'q.place_tag_id')
    .select(['q.quote_id', 'q.article_id', 'q.text', 'q.role', 'q.organisation', 'q.said_at', 'q.event', 'q.source_url', 'q.language',
      'q.published_at', 'q.position', 'sp.id as speaker_id', 'sp.slug as speaker_slug', 'sp.name as speaker_name', 'sp.kind as speaker_kind',
      't.slug as place_slug', 't.name as place_name', 'a.title as article_title', 'a.language as article_language',
      's.slug as section_slug', 'a.slug as article_slug'])
  type Row = Awaited<ReturnType<ReturnType<typeof liveSelect>['executeTakeFirstOrThrow']>>
  const toLive = (r: Row): LiveQuoteRow => ({
    id: r.quote_id, articleId: r.article_id, position: r.position, text: r.text, role: r.role, organisation: r.organisation, saidAt: r.said_at, event: r.event,
    sourceUrl: r.source_url, language: r.language, publishedAt: r.published_at,
    speaker: { id: r.speaker_id, slug: r.speaker_slug, name: r.speaker_name, kind: r.speaker_kind === 'organisation' ? 'organisation' : 'person' },
    place: r.place_slug !== null && r.place_name !== null ? { slug: r.place_slug, name: r.place_name } : null,
    article: { title: r.article_title, language: r.article_language, sectionSlug: r.section_slug, slug: r.article_slug },
  })

  return {
    /** The quotes of a working copy, in body order. */
    async forArticle(articleId: number): Promise<Quote[]> {
      return (await db.selectFrom('quotes').selectAll().where('article_id', '=', articleId).orderBy('position').orderBy('id').execute()).map(toQuote)
    },

    /**
     * Makes `quotes` the working copy's quotes, in that order: a quote whose anchor was there before keeps its id (and
     * so its public address), new anchors are added and anchors not given are removed. Anchors must be unique.
     */
    async replaceForArticle(articleId: number, quotes: readonly NewQuote[]): Promise<void> {
      const existing = new Map((await db.selectFrom('quotes').select(['id', 'anchor']).where('article_id', '=', articleId).execute()).map((r) => [r.anchor, r.id]))
      const kept = new Set(quotes.map((q) => q.anchor))
      const gone = [...existing].filter(([anchor]) => !kept.has(anchor)).map(([, id]) => id)
      if (gone.length) await db.deleteFrom('quotes').where('id', 'in', gone).execute()
      for (const [position, q] of quotes.entries()) {
        const row = {
          speaker_id: q.speakerId, text: q.text, role: q.role, organisation: q.organisation, said_at: q.saidAt, place_tag_id: q.placeTagId,
          event: q.event, source_url: q.sourceUrl, language: q.language, position,
        }
        const id = existing.get(q.anchor)
        if (id !== undefined) await db.updateTable('quotes').set(row).where('id', '=', id).execute()
        else await db.insertInto('quotes').values({ ...row, article_id: articleId, anchor: q.anchor }).execute()
      }
    },

    /**
     * Copies the working copy's quotes to the live copy (after articles.writeLive): a quote with no day of its own
     * takes the publication time. Run inside the publishing transaction. Returns the speakers the live copy now quotes.
     * `first` (the article was never live, so it has no live quotes) skips taking the old ones away.
     */
    async writeLive(articleId: number, publishedAt: number, first = false): Promise<number[]> {
      if (!first) await db.deleteFrom('live_quotes').where('article_id', '=', articleId).execute()
      const rows = await copyLive({ articleId, publishedAt })
      return [...new Set(rows.map((r) => r.speaker_id))]
    },

    /** The speakers the live copy of an article quotes (to invalidate their pages when it changes). */
    async liveSpeakerIds(articleId: number): Promise<number[]> {
      return (await db.selectFrom('live_quotes').select('speaker_id').distinct().where('article_id', '=', articleId).execute()).map((r) => r.speaker_id)
    },

    /** One quote of a live article, or undefined (also when its article is not live). */
    async liveQuote(id: number): Promise<LiveQuoteRow | undefined> {
      const row = await liveSelect().where('q.quote_id', '=', id).executeTakeFirst()
      return row && toLive(row)
    },

    /** A page of live quotes (newest said first); fetches limit + 1 rows to know whether there is a next page. */
    async liveQuotes(q: LiveQuoteQuery): Promise<{ items: LiveQuoteRow[]; hasNext: boolean }> {
      const rows = await liveSelect()
        .$if(q.speakerId !== undefined, (b) => b.where('q.speaker_id', '=', q.speakerId!))
        .$if(q.articleId !== undefined, (b) => b.where('q.article_id', '=', q.articleId!))
        .$if(q.from !== undefined, (b) => b.where((eb) => eb.and([
          // The loose bound first, for the (speaker_id, said_at) index; then each kind of quote against its own.
          eb('q.said_at', '>=', Math.min(q.from!.own, q.from!.local)),
          eb.or([eb.and([eb('q.said_at', '<>', eb.ref('q.published_at')), eb('q.said_at', '>=', q.from!.own)]),
            eb.and([eb('q.said_at', '=', eb.ref('q.published_at')), eb('q.said_at', '>=', q.from!.local)])]),
        ])))
        .$if(q.to !== undefined, (b) => b.where((eb) => eb.and([
          eb('q.said_at', '<', Math.max(q.to!.own, q.to!.local)),
          eb.or([eb.and([eb('q.said_at', '<>', eb.ref('q.published_at')), eb('q.said_at', '<', q.to!.own)]),
            eb.and([eb('q.said_at', '=', eb.ref('q.published_at')), eb('q.said_at', '<', q.to!.local)])]),
        ])))
        .$if(!!q.text, (b) => b.where(sql<boolean>`(lower(q.text) like ${likePattern(q.text!)} escape '\\' or lower(sp.name) like ${likePattern(q.text!)} escape '\\')`))
        .$if(q.after !== undefined, (b) => b.where((eb) => eb.or([eb('q.said_at', '<', q.after!.saidAt),
          eb.and([eb('q.said_at', '=', q.after!.saidAt), eb('q.quote_id', '<', q.after!.id)])])))
        .orderBy('q.said_at', 'desc').orderBy('q.quote_id', 'desc').limit(q.limit + 1).execute()
      return { items: rows.slice(0, q.limit).map(toLive), hasNext: rows.length > q.limit }
    },
  }
}

export type Quotes = ReturnType<typeof createQuotes>

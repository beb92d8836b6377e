// Speakers: the people and organisations quotes are attributed to.

import { sql, type Kysely, type Selectable } from 'kysely'
import type { Speaker } from '../domain/quotes.ts'
import type { Database } from './schema.ts'
import type { SpeakersTable } from './schema-quotes.ts'
import { likePattern } from './desk-articles.ts'

export type NewSpeaker = Omit<Speaker, 'id'>

/** Stored links are written by this module only; anything else reads as no links. */
function parseLinks(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text)
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
  } catch {
    return []
  }
}

const toSpeaker = (r: Selectable<SpeakersTable>): Speaker => ({
  id: r.id, slug: r.slug, name: r.name, kind: r.kind === 'organisation' ? 'organisation' : 'person', description: r.description,
  countryTagId: r.country_tag_id, photoMediaId: r.photo_media_id, links: parseLinks(r.links),
})

const speakerRow = (s: NewSpeaker) => ({
  slug: s.slug, name: s.name, kind: s.kind, description: s.description, country_tag_id: s.countryTagId,
  photo_media_id: s.photoMediaId, links: JSON.stringify(s.links),
})

/** A page of the desk's speaker list: `text` (name or slug contains, case-insensitive) filters it. */
export interface SpeakerListQuery {
  readonly text?: string
  readonly kind?: 'person' | 'organisation'
  readonly limit: number
  readonly offset: number
}

export function createSpeakers(db: Kysely<Database>) {
  /** Only speakers with a quote in some live article: the one rule for what readers may see of speakers. */
  const live = () => db.selectFrom('speakers').selectAll()
    .where(({ exists, selectFrom }) => exists(selectFrom('live_quotes').select('live_quotes.quote_id').whereRef('live_quotes.speaker_id', '=', 'speakers.id')))
  return {
    async speaker(id: number): Promise<Speaker | undefined> {
      const row = await db.selectFrom('speakers').selectAll().where('id', '=', id).executeTakeFirst()
      return row && toSpeaker(row)
    },
    async speakerBySlug(slug: string): Promise<Speaker | undefined> {
      const row = await db.selectFrom('speakers').selectAll().where('slug', '=', slug).executeTakeFirst()
      return row && toSpeaker(row)
    },
    /** Speakers by id (those that exist). */
    async speakersByIds(ids: readonly number[]): Promise<Map<number, Speaker>> {
      if (ids.length === 0) return new Map()
      const rows = await db.selectFrom('speakers').selectAll().where('id', 'in', [...new Set(ids)]).execute()
      return new Map(rows.map((r) => [r.id, toSpeaker(r)]))
    },
    async insertSpeaker(s: NewSpeaker, now: number): Promise<number> {
      return (await db.insertInto('speakers').values({ ...speakerRow(s), created_at: now }).returning('id').executeTakeFirstOrThrow()).id
    },
    async updateSpeaker(id: number, s: NewSpeaker): Promise<void> {
      await db.updateTable('speakers').set(speakerRow(s)).where('id', '=', id).execute()
    },
    async deleteSpeaker(id: number): Promise<void> {
      await db.deleteFrom('speakers').where('id', '=', id).execute()
    },
    /** One page of speakers by name; fetches limit + 1 rows to know whether there is a next page. */
    async speakerList(q: SpeakerListQuery): Promise<{ items: Speaker[]; hasNext: boolean }> {
      const rows = await db.selectFrom('speakers').selectAll()
        .$if(q.kind !== undefined, (b) => b.where('kind', '=', q.kind!))
        .$if(!!q.text, (b) => b.where(sql<boolean>`(lower(name) like ${likePattern(q.text!)} escape '\\' or lower(slug) like ${likePattern(q.text!)} escape '\\')`))
        .orderBy('name').orderBy('id').limit(q.limit + 1).offset(q.offset).execute()
      return { items: rows.slice(0, q.limit).map(toSpeaker), hasNext: rows.length > q.limit }
    },
    /**
     * How many quotes name each speaker, by speaker id (absent means none): in working copies of any status, and in live
     * copies, where a quote taken out of the working copy stays until the next publication. A live quote keeps its
     * working quote's id, so one quote in both counts once.
     */
    async quoteCounts(ids: readonly number[]): Promise<Map<number, number>> {
      if (ids.length === 0) return new Map()
      const rows = await db.selectFrom('quotes').select(['speaker_id', 'id']).where('speaker_id', 'in', [...ids])
        .union(db.selectFrom('live_quotes').select(['speaker_id', 'quote_id as id']).where('speaker_id', 'in', [...ids]))
        .execute()
      const counts = new Map<number, number>()
      for (const r of rows) counts.set(r.speaker_id, (counts.get(r.speaker_id) ?? 0) + 1)
      return counts
    },
    /** Articles with a quote of the speaker: every working copy, and those of them whose live copy quotes them. */
    async speakerArticles(id: number): Promise<{ working: number[]; live: number[] }> {
      const working = await db.selectFrom('quotes').select('article_id').distinct().where('speaker_id', '=', id).execute()
      const liveRows = await db.selectFrom('live_quotes').select('article_id').distinct().where('speaker_id', '=', id).execute()
      return { working: working.map((r) => r.article_id), live: liveRows.map((r) => r.article_id) }
    },
    /** Moves every quote of speaker `from` to `into`, in working and live copies. */
    async moveQuotes(from: number, into: number): Promise<void> {
      await db.updateTable('quotes').set({ speaker_id: into }).where('speaker_id', '=', from).execute()
      await db.updateTable('live_quotes').set({ speaker_id: into }).where('speaker_id', '=', from).execute()
    },
    /** A speaker by slug or id, only while a live article quotes them. */
    async publicSpeaker(key: { readonly slug: string } | { readonly id: number }): Promise<Speaker | undefined> {
      const row = await live()
        .$if('slug' in key, (q) => q.where('slug', '=', (key as { slug: string }).slug))
        .$if('id' in key, (q) => q.where('id', '=', (key as { id: number }).id))
        .executeTakeFirst()
      return row && toSpeaker(row)
    },
    /** A page of speakers some live article quotes, by name then id, after the keyset cursor (name, id) when given. */
    async publicSpeakers(q: { readonly after?: { readonly name: string; readonly id: number }; readonly limit: number }): Promise<{ items: Speaker[]; hasNext: boolean }> {
      const rows = await live()
        .$if(q.after !== undefined, (b) => b.where((eb) => eb.or([eb('name', '>', q.after!.name), eb.and([eb('name', '=', q.after!.name), eb('id', '>', q.after!.id)])])))
        .orderBy('name').orderBy('id').limit(q.limit + 1).execute()
      return { items: rows.slice(0, q.limit).map(toSpeaker), hasNext: rows.length > q.limit }
    },
  }
}

export type Speakers = ReturnType<typeof createSpeakers>

// Housekeeping of speakers (people and organisations who are quoted): create, edit, merge, delete. One transaction each,
// audited, the pages that show them told.

import type { Clock } from '../domain/clock.ts'
import type { Invalidation } from '../domain/invalidation.ts'
import type { Media } from '../domain/media.ts'
import { speakerPath } from '../domain/paths.ts'
import { isSpeakerKind, isWebUrl, type Speaker } from '../domain/quotes.ts'
import { slugify } from '../domain/slug.ts'
import type { Tag } from '../domain/taxonomy.ts'
import { AppError } from '../errors.ts'
import type { Repositories, Store } from '../store/store.ts'
import type { NewSpeaker } from '../store/speakers.ts'
import type { Actor } from './article-access.ts'
import { optionalText, requiredId, requiredText, slugInput } from './desk-input.ts'
import { requirePermission } from './permission.ts'
import { sluggedRecords } from './slugged-records.ts'

export interface SpeakerInput {
  readonly name?: unknown; readonly slug?: unknown; readonly kind?: unknown; readonly description?: unknown
  /** The country's place tag, by slug; empty for none. */
  readonly country?: unknown
  /** A media id; empty for none. */
  readonly photo?: unknown
  /** URLs, one a line (a string) or a list. */
  readonly links?: unknown
}

/** A speaker with how many quotes (in working copies) name them, for the desk's list. */
export type CountedSpeaker = Speaker & { readonly quotes: number }

const MAX_LINKS = 10

function linksInput(value: unknown): string[] {
  const list = value === undefined || value === null ? [] : Array.isArray(value) ? value : typeof value === 'string' ? value.split(/\r?\n/) : null
  if (!list || list.some((l) => typeof l !== 'string')) throw new AppError('Invalid', 'links are URLs, one a line', 'links')
  const links = (list as string[]).map((l) => l.trim()).filter(Boolean)
  if (links.length > MAX_LINKS) throw new AppError('Invalid', `at most ${MAX_LINKS} links`, 'links')
  for (const l of links) if (l.length > 500 || !isWebUrl(l)) throw new AppError('Invalid', `"${l.slice(0, 80)}" is not an http(s) address`, 'links')
  return links
}

export function createSpeakerDesk({ store, clock }: { readonly store: Store; readonly clock: Clock }) {
  const records = sluggedRecords<Speaker>({ clock }, { noun: 'speaker', path: speakerPath, find: (tx, id) => tx.speakers.speaker(id) })
  const { need, audit, moved } = records

  async function fields(tx: Repositories, input: SpeakerInput): Promise<NewSpeaker> {
    const name = requiredText(input.name, 'name', 'The name', 200)
    const typedSlug = typeof input.slug === 'string' ? input.slug.trim() : ''
    const slug = slugInput(typedSlug || slugify(name))
    const kind = typeof input.kind === 'string' ? input.kind : ''
    if (!isSpeakerKind(kind)) throw new AppError('Invalid', 'the kind is person or organisation', 'kind')
    const countrySlug = optionalText(input.country, 'country', 'The country', 120)
    let countryTagId: number | null = null
    if (countrySlug) {
      const tag = await tx.taxonomy.tagBySlug(countrySlug)
      if (!tag || tag.kind !== 'place') throw new AppError('Invalid', `there is no place tag "${countrySlug}"`, 'country')
      countryTagId = tag.id
    }
    const photoMediaId = await records.photo(tx, input.photo)
    return { name, slug, kind, description: optionalText(input.description, 'description', 'The description', 2000), countryTagId, photoMediaId, links: linksInput(input.links) }
  }

  /** The speakers' pages and the live articles that quote them. */
  async function speakerPages(tx: Repositories, ids: readonly number[]): Promise<Invalidation> {
    const articleIds = new Set<number>()
    for (const id of ids) for (const a of (await tx.speakers.speakerArticles(id)).live) articleIds.add(a)
    return { all: false, articleIds: [...articleIds], scopes: [...ids.map((id) => `speaker:${id}` as const), 'search', 'feeds'] }
  }

  return {
    /** One page of speakers by name (filtered by text and kind), each with its number of quotes; editors and admins. */
    async speakerPage(actor: Actor, q: { text?: string; kind?: 'person' | 'organisation'; page: number; perPage: number }): Promise<{ items: CountedSpeaker[]; hasNext: boolean }> {
      requirePermission(actor, 'speakers.manage')
      const list = await store.speakers.speakerList({ ...(q.text && { text: q.text }), ...(q.kind && { kind: q.kind }), limit: q.perPage, offset: (q.page - 1) * q.perPage })
      const counts = await store.speakers.quoteCounts(list.items.map((s) => s.id))
      return { items: list.items.map((s) => ({ ...s, quotes: counts.get(s.id) ?? 0 })), hasNext: list.hasNext }
    },

    /** Speaker `id` to edit, with its quote count, photo and country; NotFound when there is none. */
    async speakerToEdit(actor: Actor, id: number): Promise<{ speaker: Speaker; quotes: number; photo: Media | undefined; country: Tag | undefined }> {
      requirePermission(actor, 'speakers.manage')
      const speaker = await need(store, id)
      const [counts, photo, country] = await Promise.all([store.speakers.quoteCounts([id]),
        speaker.photoMediaId === null ? undefined : store.media.get(speaker.photoMediaId),
        speaker.countryTagId === null ? undefined : store.taxonomy.tag(speaker.countryTagId)])
      return { speaker, quotes: counts.get(id) ?? 0, photo, country }
    },

    /**
     * Speakers whose name or slug contains `text` (names starting with it first), for whoever may write articles: the
     * quote dialog's autocomplete. Throws AppError('Invalid') naming `q` when the text is longer than 100 characters.
     */
    async suggestSpeakers(actor: Actor, text: unknown): Promise<Pick<Speaker, 'id' | 'slug' | 'name' | 'kind'>[]> {
      requirePermission(actor, 'article.create')
      const q = optionalText(text, 'q', 'The text', 100).replace(/\s+/g, ' ').toLowerCase()
      if (!q) return []
      const { items } = await store.speakers.speakerList({ text: q, limit: 50, offset: 0 })
      const starts = (s: Speaker) => (s.name.toLowerCase().startsWith(q) ? 0 : 1)
      return [...items].sort((x, y) => starts(x) - starts(y) || x.name.localeCompare(y.name)).slice(0, 10)
        .map((s) => ({ id: s.id, slug: s.slug, name: s.name, kind: s.kind }))
    },

    /**
     * Adds a speaker; anyone who writes articles may (the quote dialog creates them). With no slug given one is made
     * from the name. Returns the new id.
     */
    async createSpeaker(actor: Actor, input: SpeakerInput): Promise<number> {
      requirePermission(actor, 'article.create')
      return store.transaction(async (tx) => {
        const s = await fields(tx, input)
        return records.create(tx, actor.userId, 'speaker.create', s, () => tx.speakers.insertSpeaker(s, clock.now()))
      })
    },

    /** Edits a speaker; a new slug leaves a 301 from the old /people path. */
    async updateSpeaker(actor: Actor, speakerId: unknown, input: SpeakerInput): Promise<void> {
      requirePermission(actor, 'speakers.manage')
      const id = requiredId(speakerId, 'id', 'The speaker')
      await store.transaction(async (tx) => {
        const before = await need(tx, id)
        const s = await fields(tx, input)
        // Renaming moves no quote: the pages that quote the speaker are the same before and after.
        const stale = await speakerPages(tx, [id])
        await records.update(tx, actor.userId, 'speaker.update', id, { before, after: s, stale }, () => tx.speakers.updateSpeaker(id, s))
      })
    },

    /**
     * Merges speaker `speakerId` into the speaker with slug `intoSlug`: their quotes (working and live) move over, the
     * speaker is deleted, and their /people path answers 301 to the other's.
     */
    async mergeSpeaker(actor: Actor, speakerId: unknown, intoSlug: unknown): Promise<void> {
      requirePermission(actor, 'speakers.manage')
      const id = requiredId(speakerId, 'id', 'The speaker')
      const slug = typeof intoSlug === 'string' && intoSlug.trim() ? slugInput(intoSlug) : ''
      if (!slug) throw new AppError('Invalid', 'name the speaker to merge into', 'into')
      await store.transaction(async (tx) => {
        const from = await need(tx, id)
        const into = await tx.speakers.speakerBySlug(slug)
        if (!into) throw new AppError('Invalid', `there is no speaker "${slug}"`, 'into')
        if (into.id === from.id) throw new AppError('Invalid', 'a speaker cannot be merged into itself', 'into')
        // Read who quoted the old speaker before the quotes move.
        const stale = await speakerPages(tx, [from.id, into.id])
        const quotes = (await tx.speakers.quoteCounts([from.id])).get(from.id) ?? 0
        await tx.speakers.moveQuotes(from.id, into.id)
        await tx.speakers.deleteSpeaker(from.id)
        await moved(tx, speakerPath(from.slug), speakerPath(into.slug))
        await tx.invalidations.record(stale)
        await audit(tx, actor.userId, 'speaker.merge', from.id, { from: from.slug, into: into.slug, quotes })
      })
    },

    /** Deletes a speaker no quote names; otherwise AppError('Conflict') (merge them instead). */
    async deleteSpeaker(actor: Actor, speakerId: unknown): Promise<void> {
      requirePermission(actor, 'speakers.manage')
      const id = requiredId(speakerId, 'id', 'The speaker')
      await store.transaction((tx) => records.remove(tx, actor.userId, 'speaker.delete', id, {
        usage: async () => (await tx.speakers.quoteCounts([id])).get(id) ?? 0,
        inUse: (speaker, used) => `${speaker.name} is quoted ${used} time${used === 1 ? '' : 's'}: merge them into another speaker, or remove those quotes first`,
      }, () => tx.speakers.deleteSpeaker(id)))
    },
  }
}

export type SpeakerDesk = ReturnType<typeof createSpeakerDesk>

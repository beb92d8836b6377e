// The public Content API's use-cases: filtered keyset pages of full articles, one article, and the taxonomy lists.

import type { Genre } from '../domain/article.ts'
import { isLanguageTag } from '../domain/language.ts'
import type { Media } from '../domain/media.ts'
import type { AuthorKind } from '../domain/people.ts'
import { articlePath, authorPath, sectionPath, tagPath } from '../domain/paths.ts'
import type { Byline } from '../domain/read-models.ts'
import type { SanitizedHtml } from '../domain/sanitized-html.ts'
import type { TagKind } from '../domain/taxonomy.ts'
import { AppError } from '../errors.ts'
import type { KeysetOrder, KeysetPosition } from '../store/content-api.ts'
import type { Store } from '../store/store.ts'
import type { SiteContextCache } from './site-settings.ts'

export const API_DEFAULT_LIMIT = 20
export const API_MAX_LIMIT = 100

/** A live article as the API gives it: everything a partner needs to republish or index it. */
export interface ApiArticle {
  readonly id: number
  readonly path: string
  readonly title: string
  readonly standfirst: string
  readonly bodyHtml: SanitizedHtml
  readonly section: { readonly slug: string; readonly name: string }
  readonly genre: Genre
  readonly language: string
  readonly tags: readonly { readonly slug: string; readonly name: string; readonly kind: TagKind }[]
  readonly authors: readonly Byline[]
  readonly hero: Media | null
  readonly publishedAt: number
  readonly updatedAt: number
  readonly translations: readonly { readonly language: string; readonly path: string }[]
}

export interface ArticleListQuery {
  readonly section: string | null
  readonly tag: string | null
  readonly author: string | null
  /** ISO 8601 date-time with a zone; when set, items are those updated at or after it, oldest update first. */
  readonly since: string | null
  readonly limit: number
  /** The opaque `next_cursor` of the previous page. */
  readonly cursor: string | null
}

export interface ArticleList {
  readonly items: readonly ApiArticle[]
  readonly nextCursor: string | null
}

export interface ApiSection { readonly slug: string; readonly name: string; readonly description: string; readonly path: string }
export interface ApiTag {
  readonly slug: string; readonly name: string; readonly kind: TagKind; readonly parentSlug: string | null
  readonly isoCode: string | null; readonly description: string; readonly path: string
  /** Its names in the site's other languages, by primary subtag (`ru`). */
  readonly names: Readonly<Record<string, string>>
}
export interface ApiAuthor { readonly slug: string; readonly name: string; readonly bio: string; readonly kind: AuthorKind; readonly path: string }

const ORDER_MARK: Readonly<Record<KeysetOrder, string>> = { published: 'p', updated: 'u' }
const CURSOR_TEXT = /^([pu])\.(\d{1,15})\.(\d{1,15})$/

/** The opaque cursor of a keyset position: base64url of `<order>.<time>.<id>`. */
export const encodeCursor = (order: KeysetOrder, at: KeysetPosition): string =>
  Buffer.from(`${ORDER_MARK[order]}.${at.time}.${at.id}`, 'utf8').toString('base64url')

/** The position a cursor names; AppError('Invalid', …, 'cursor') when it was not made by encodeCursor for `order`. */
export function decodeCursor(cursor: string, order: KeysetOrder): KeysetPosition {
  const invalid = (why: string) => new AppError('Invalid', `cursor ${why}; pass the next_cursor of the previous page unchanged`, 'cursor')
  const m = CURSOR_TEXT.exec(Buffer.from(cursor, 'base64url').toString('utf8'))
  // Decoding is lenient (padding, stray characters), so a cursor must also be exactly what encodeCursor writes.
  if (!m || Buffer.from(m[0], 'utf8').toString('base64url') !== cursor) throw invalid('is not valid')
  if (m[1] !== ORDER_MARK[order]) throw invalid(order === 'updated' ? 'belongs to a listing without `since`' : 'belongs to a listing with `since`')
  const position = { time: Number(m[2]), id: Number(m[3]) }
  if (!Number.isSafeInteger(position.time) || !Number.isSafeInteger(position.id)) throw invalid('is not valid')
  return position
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|[+-](\d{2}):(\d{2}))$/

/** Epoch ms of an ISO 8601 date-time with a zone (`2026-11-27T09:00:00Z`, `…+03:00`); AppError naming `since` otherwise. */
export function parseSince(value: string): number {
  const text = value.toUpperCase()
  const m = DATE_TIME.exec(text)
  const ms = m ? Date.parse(text) : NaN
  const [y, mo, d, h, mi, s, oh, om] = (m ?? []).slice(1).map((x) => (x === undefined ? 0 : Number(x)))
  const calendarOk = m && new Date(Date.UTC(y!, mo! - 1, d!)).getUTCDate() === d && mo! >= 1 && mo! <= 12
  if (!m || !Number.isFinite(ms) || !calendarOk || h! > 23 || mi! > 59 || s! > 59 || oh! > 23 || om! > 59) {
    throw new AppError('Invalid', `since must be an ISO 8601 date-time with a time zone, such as 2026-11-27T09:00:00Z, got "${value.slice(0, 40)}"`, 'since')
  }
  return ms
}

const bySlug = (a: { slug: string }, b: { slug: string }): number => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)

export interface ContentApiDeps {
  readonly store: Store
  readonly site: SiteContextCache
}

export function createContentApiReading({ store, site }: ContentApiDeps) {
  /** Full API articles of the given live ids, in the order given; ids no longer live are left out. */
  async function articles(ids: readonly number[]): Promise<ApiArticle[]> {
    const { settings } = await site.get()
    const [summaries, extras] = await Promise.all([store.live.summariesByIds(ids), store.contentApi.extras(ids)])
    return summaries.flatMap((s) => {
      const x = extras.get(s.id)
      if (!x) return []
      return [{
        id: s.id, path: articlePath({ language: s.language, sectionSlug: s.section.slug, slug: s.slug }, settings.language),
        title: s.title, standfirst: s.standfirst, bodyHtml: x.bodyHtml, section: { slug: s.section.slug, name: s.section.name },
        genre: s.genre, language: s.language, tags: x.tags, authors: s.authors, hero: s.hero, publishedAt: s.publishedAt,
        updatedAt: s.updatedAt, translations: x.translations.map((t) => ({ language: t.language, path: articlePath(t, settings.language) })),
      }]
    })
  }

  /** The id behind a filter slug, or AppError('Invalid') naming the filter. */
  async function filterId(field: 'section' | 'tag' | 'author', slug: string | null): Promise<number | null> {
    if (slug === null) return null
    const found = field === 'section' ? (await site.get()).sections.find((s) => s.slug === slug)
      : field === 'tag' ? await store.taxonomy.publicTag({ slug }) : await store.people.authorBySlug(slug)
    if (!found) throw new AppError('Invalid', `there is no ${field} "${slug}"`, field)
    return found.id
  }

  return {
    /**
     * A page of live articles: newest published first, or, with `since`, every article updated at or after it in
     * (updated time, id) order, so a partner can sync by passing its last sync time. Bad parameters are AppError('Invalid') naming them.
     */
    async listArticles(q: ArticleListQuery): Promise<ArticleList> {
      if (!Number.isInteger(q.limit) || q.limit < 1 || q.limit > API_MAX_LIMIT) {
        throw new AppError('Invalid', `limit must be a whole number from 1 to ${API_MAX_LIMIT}`, 'limit')
      }
      const updatedSince = q.since === null ? null : parseSince(q.since)
      const order: KeysetOrder = updatedSince === null ? 'published' : 'updated'
      const after = q.cursor === null ? null : decodeCursor(q.cursor, order)
      const [sectionId, tagId, authorId] = [await filterId('section', q.section), await filterId('tag', q.tag), await filterId('author', q.author)]
      const page = await store.contentApi.page({ order, sectionId, tagId, authorId, updatedSince, after, limit: q.limit })
      return { items: await articles(page.ids), nextCursor: page.next && encodeCursor(order, page.next) }
    },

    /** One live article by section and slug, in `language` (the site's when null); AppError('NotFound') when there is none. */
    async article(p: { readonly language: string | null; readonly section: string; readonly slug: string }): Promise<ApiArticle> {
      if (p.language !== null && !isLanguageTag(p.language)) {
        throw new AppError('Invalid', `language must be a language tag such as "en" or "ru", got "${p.language.slice(0, 20)}"`, 'language')
      }
      const language = p.language ?? (await site.get()).settings.language
      const id = await store.contentApi.liveId(language, p.section, p.slug)
      const [found] = id === undefined ? [] : await articles([id])
      if (!found) throw new AppError('NotFound', 'there is no published article at that section and slug')
      return found
    },

    /** Every section, in menu order. */
    async sections(): Promise<ApiSection[]> {
      return (await site.get()).sections.map((s) => ({ slug: s.slug, name: s.name, description: s.description, path: sectionPath(s.slug) }))
    },

    /**
     * Every tag a live article carries, by slug (the same order on both engines, whatever their collation), with its
     * parent's slug when the parent is public too, and its names in the site's other languages.
     */
    async tags(): Promise<ApiTag[]> {
      const tags = [...await store.taxonomy.publicTags()].sort(bySlug)
      const slugOf = new Map(tags.map((t) => [t.id, t.slug]))
      const names = await store.taxonomy.tagNamesOf(tags.map((t) => t.id))
      return tags.map((t) => ({
        slug: t.slug, name: t.name, kind: t.kind, parentSlug: t.parentId === null ? null : slugOf.get(t.parentId) ?? null,
        isoCode: t.isoCode, description: t.description, path: tagPath(t.slug), names: names.get(t.id) ?? {},
      }))
    },

    /** Every author by slug. */
    async authors(): Promise<ApiAuthor[]> {
      return [...await store.people.authors()].sort(bySlug).map((a) => ({ slug: a.slug, name: a.name, bio: a.bio, kind: a.kind, path: authorPath(a.slug) }))
    },
  }
}

export type ContentApiReading = ReturnType<typeof createContentApiReading>

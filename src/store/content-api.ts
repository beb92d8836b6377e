// Content API queries over live copies: keyset pages of article ids, and the parts of full articles a listing lacks.

import { sql, type Kysely } from 'kysely'
import type { SanitizedHtml } from '../domain/sanitized-html.ts'
import type { Tag } from '../domain/taxonomy.ts'
import { storedSanitizedHtml } from '../content/sanitize.ts'
import type { Database } from './schema.ts'

/** `published`: newest first by published time; `updated`: oldest first by updated time (partners that sync). */
export type KeysetOrder = 'published' | 'updated'

/** A position in a keyset order: the order's time of the last item seen and its id. */
export interface KeysetPosition {
  readonly time: number
  readonly id: number
}

export interface KeysetQuery {
  readonly order: KeysetOrder
  readonly sectionId: number | null
  readonly tagId: number | null
  readonly authorId: number | null
  /** With order `updated`: only articles updated at or after this time (epoch ms). */
  readonly updatedSince: number | null
  /** Only items after this position in the order; null for the first page. */
  readonly after: KeysetPosition | null
  readonly limit: number
}

export interface KeysetPage {
  /** Ids of the page, in order. */
  readonly ids: readonly number[]
  /** Where the next page starts; null on the last page. */
  readonly next: KeysetPosition | null
}

/** What a full API article has beyond a listing's summary. */
export interface ArticleExtras {
  readonly bodyHtml: SanitizedHtml
  readonly tags: readonly Pick<Tag, 'slug' | 'name' | 'kind'>[]
  /** Other live articles of its translation group, by language. */
  readonly translations: readonly { readonly language: string; readonly sectionSlug: string; readonly slug: string }[]
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>()
  for (const item of items) {
    const list = map.get(key(item))
    if (list) list.push(item)
    else map.set(key(item), [item])
  }
  return map
}

export function createContentApi(db: Kysely<Database>) {
  return {
    /**
     * One page of live article ids in keyset order, reading `limit + 1` rows to know whether another page exists.
     * Never OFFSET: the cost of a page does not grow with how far a partner has paged.
     */
    async page(q: KeysetQuery): Promise<KeysetPage> {
      // In published order a tag or author filter walks its own (id, published_at, article_id) index, whose published_at
      // is the live copy's (writeLive sets both): no sort of the whole tag. Otherwise article_live's keyset indexes serve.
      const driver = q.order === 'updated' ? 'l' : q.tagId !== null ? 'lt' : q.authorId !== null ? 'la' : 'l'
      // References to a table joined only with a filter: Kysely's $if does not widen the query's tables, so name them by sql.ref.
      const key = sql.ref<number>(q.order === 'published' ? `${driver}.published_at` : 'l.updated_at')
      const id = sql.ref<number>(`${driver}.article_id`)
      const dir = q.order === 'published' ? 'desc' : 'asc'
      const past = q.order === 'published' ? '<' : '>'
      const { tagId, authorId } = q
      let query = db.selectFrom('article_live as l').select(['l.article_id as id', 'l.published_at', 'l.updated_at'])
        .$if(tagId !== null, (qb) => qb.innerJoin('live_tags as lt', 'lt.article_id', 'l.article_id').where('lt.tag_id', '=', tagId!))
        .$if(authorId !== null, (qb) => qb.innerJoin('live_authors as la', 'la.article_id', 'l.article_id').where('la.author_id', '=', authorId!))
      if (q.sectionId !== null) query = query.where('l.section_id', '=', q.sectionId)
      if (q.updatedSince !== null) query = query.where('l.updated_at', '>=', q.updatedSince)
      const after = q.after
      if (after) {
        // The redundant bound on the key alone lets both engines seek into the index instead of filtering from its start.
        query = query.where(key, past === '<' ? '<=' : '>=', after.time)
          .where((eb) => eb.or([eb(key, past, after.time), eb.and([eb(key, '=', after.time), eb(id, past, after.id)])]))
      }
      const rows = await query.orderBy(key, dir).orderBy(id, dir).limit(q.limit + 1).execute()
      const shown = rows.slice(0, q.limit)
      const last = shown.at(-1)
      const next = rows.length > q.limit && last
        ? { time: q.order === 'published' ? last.published_at : last.updated_at, id: last.id }
        : null
      return { ids: shown.map((r) => r.id), next }
    },

    /** Bodies, tags and live translations of the given live articles, by id; three queries whatever the count. */
    async extras(ids: readonly number[]): Promise<Map<number, ArticleExtras>> {
      const map = new Map<number, ArticleExtras>()
      if (ids.length === 0) return map
      const rows = await db.selectFrom('article_live as l').innerJoin('articles as a', 'a.id', 'l.article_id')
        .select(['l.article_id', 'l.body_html', 'a.translation_group']).where('l.article_id', 'in', ids).execute()
      const tagRows = await db.selectFrom('live_tags as lt').innerJoin('tags as t', 't.id', 'lt.tag_id')
        .select(['lt.article_id', 't.slug', 't.name', 't.kind']).where('lt.article_id', 'in', ids)
        .orderBy('lt.article_id').orderBy('lt.position').execute()
      const groups = [...new Set(rows.flatMap((r) => (r.translation_group === null ? [] : [r.translation_group])))]
      const translationRows = groups.length === 0 ? [] : await db.selectFrom('article_live as l')
        .innerJoin('articles as a', 'a.id', 'l.article_id').innerJoin('sections as s', 's.id', 'l.section_id')
        .select(['l.article_id', 'a.translation_group', 'l.language', 's.slug as section_slug', 'l.slug'])
        .where('a.translation_group', 'in', groups).orderBy('l.language').orderBy('l.article_id').execute()
      const tagsOf = groupBy(tagRows, (t) => t.article_id)
      const byGroup = groupBy(translationRows, (t) => t.translation_group ?? 0)
      for (const r of rows) {
        map.set(r.article_id, {
          bodyHtml: storedSanitizedHtml(r.body_html),
          tags: (tagsOf.get(r.article_id) ?? []).map((t) => ({ slug: t.slug, name: t.name, kind: t.kind === 'place' ? 'place' : 'topic' })),
          translations: r.translation_group === null ? [] : (byGroup.get(r.translation_group) ?? [])
            .filter((t) => t.article_id !== r.article_id)
            .map((t) => ({ language: t.language, sectionSlug: t.section_slug, slug: t.slug })),
        })
      }
      return map
    },

    /** The id of the live article at a path, or undefined. */
    async liveId(language: string, sectionSlug: string, slug: string): Promise<number | undefined> {
      const row = await db.selectFrom('article_live as l').innerJoin('sections as s', 's.id', 'l.section_id')
        .select('l.article_id').where('l.language', '=', language).where('s.slug', '=', sectionSlug).where('l.slug', '=', slug)
        .executeTakeFirst()
      return row?.article_id
    },
  }
}

export type ContentApi = ReturnType<typeof createContentApi>

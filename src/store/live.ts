// Reader queries over live copies of published articles: listings, single articles, blocks.

import type { ExpressionBuilder, Kysely, SelectQueryBuilder } from 'kysely'
import type { Genre } from '../domain/article.ts'
import type { Media } from '../domain/media.ts'
import type { Byline } from '../domain/read-models.ts'
import type { SanitizedHtml } from '../domain/sanitized-html.ts'
import type { Tag } from '../domain/taxonomy.ts'
import { storedSanitizedHtml } from '../content/sanitize.ts'
import type { StoreDialect } from './dialect.ts'
import type { Database } from './schema.ts'
import { toMedia, variantLoader } from './media.ts'
import { prepared, preparedByShape } from './prepared.ts'

/** A live article as listed; reading/ adds its public path. */
export interface LiveSummary {
  readonly id: number
  readonly language: string
  readonly slug: string
  readonly genre: Genre
  readonly title: string
  readonly standfirst: string
  readonly section: { readonly id: number; readonly slug: string; readonly name: string }
  readonly authors: readonly Byline[]
  readonly publishedAt: number
  readonly updatedAt: number
  readonly hero: Media | null
}

/** One of a section's newest live articles, before its summary is read. */
export interface NewestEntry {
  readonly id: number
  readonly language: string
  readonly publishedAt: number
}

export interface LiveArticle extends LiveSummary {
  readonly bodyHtml: SanitizedHtml
  readonly seoTitle: string
  readonly seoDescription: string
  readonly tags: readonly Pick<Tag, 'id' | 'slug' | 'name' | 'kind'>[]
  readonly translationGroup: number | null
}

export interface ListWindow {
  /** 1-based page number. */
  readonly page: number
  readonly perPage: number
  /** Only articles in this language (a primary subtag such as `ru`, which also takes `ru-…`); all languages when absent. */
  readonly language?: string | undefined
}

export interface Listing {
  readonly items: readonly LiveSummary[]
  readonly hasNext: boolean
}

/** What a feed shows of an article beyond its summary. */
export interface LiveContent {
  readonly bodyHtml: SanitizedHtml
  readonly seoDescription: string
  readonly tags: readonly Pick<Tag, 'slug' | 'name' | 'kind'>[]
}

/** Where a live article lives and when it last changed: one sitemap row. */
export interface LivePath {
  readonly id: number
  readonly language: string
  readonly sectionSlug: string
  readonly slug: string
  readonly updatedAt: number
}

/** A slug and the newest time something in it was published or updated. */
export interface ScopeLastmod {
  readonly slug: string
  readonly lastmod: number
}

export interface ArchiveQuery extends ListWindow {
  readonly sectionIds: readonly number[]
  /** Inclusive lower bound, epoch ms. */
  readonly fromMs: number | null
  /** Exclusive upper bound, epoch ms. */
  readonly toMs: number | null
}

const offsetOf = (w: ListWindow): number => (w.page - 1) * w.perPage

/** The bound value of a language filter: the primary subtag (`ru` takes `ru` and `ru-…`; paths carry only that). */
const languageValues = (language: string) => ({ language })

/**
 * The row is in the language `p` names, through the copied primary subtag (migration 0025): an equality that leads
 * the listing indexes, so a page of a small language reads one index range instead of filtering the large one's rows.
 */
const inLanguage = (column: 'l.primary_subtag' | 'primary_subtag' | 'x.primary_subtag', p: { language: unknown }) =>
  (eb: ExpressionBuilder<any, any>) => eb(column, '=', p.language)

/** What shapes an archive statement: how many sections it names, and which date bounds it has. */
interface ArchiveShape {
  readonly sections: number
  readonly language: boolean
  readonly from: boolean
  readonly to: boolean
}

export function createLive(db: Kysely<Database>, dialect: StoreDialect) {
  const summaryQuery = () =>
    db.selectFrom('article_live as l')
      .innerJoin('sections as s', 's.id', 'l.section_id')
      .leftJoin('media as m', 'm.id', 'l.hero_media_id')
      .select([
        'l.article_id', 'l.language', 'l.slug', 'l.genre', 'l.title', 'l.standfirst', 'l.published_at', 'l.updated_at',
        'l.hero_caption', 'l.hero_credit', 's.id as section_id', 's.slug as section_slug', 's.name as section_name',
        'm.id as m_id', 'm.path as m_path', 'm.mime as m_mime', 'm.width as m_width', 'm.height as m_height',
        'm.bytes as m_bytes', 'm.alt as m_alt', 'm.caption as m_caption', 'm.credit as m_credit',
        'm.focal_x as m_focal_x', 'm.focal_y as m_focal_y', 'm.created_at as m_created_at', 'm.uploaded_by as m_uploaded_by',
      ])

  type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['execute']>>[number]

  // The statements of every reader page, compiled once (prepared.ts); the rest are built per call.
  const summariesOf = prepared(db, (p: { ids: unknown }) => summaryQuery().where(dialect.inIdList('l.article_id', p.ids)))
  const newest = prepared(db, (p: { limit: number }) => summaryQuery().orderBy('l.published_at', 'desc').orderBy('l.article_id', 'desc').limit(p.limit))
  const newestIn = prepared(db, (p: { limit: number; language: string }) => summaryQuery().where(inLanguage('l.primary_subtag', p))
    .orderBy('l.published_at', 'desc').orderBy('l.article_id', 'desc').limit(p.limit))
  const newestOfSection = prepared(db, (p: { sectionId: number; limit: number; offset: number }) => summaryQuery().where('l.section_id', '=', p.sectionId)
    .orderBy('l.published_at', 'desc').orderBy('l.article_id', 'desc').limit(p.limit).offset(p.offset))
  const newestOfSectionIn = prepared(db, (p: { sectionId: number; limit: number; offset: number; language: string }) => summaryQuery()
    .where(inLanguage('l.primary_subtag', p)).where('l.section_id', '=', p.sectionId)
    .orderBy('l.published_at', 'desc').orderBy('l.article_id', 'desc').limit(p.limit).offset(p.offset))
  // Paths carry only the primary subtag: `/kk/…` serves `kk` and `kk-Cyrl` alike.
  const atPath = prepared(db, (p: { language: string; languageLike: string; sectionSlug: string; slug: string }) => summaryQuery()
    .innerJoin('articles as a', 'a.id', 'l.article_id')
    .select(['l.body_html', 'l.seo_title', 'l.seo_description', 'a.translation_group'])
    .where((eb) => eb.or([eb('l.language', '=', p.language), eb('l.language', 'like', p.languageLike)]))
    .where('s.slug', '=', p.sectionSlug).where('l.slug', '=', p.slug)
    .orderBy('l.language').limit(1))
  const tagsOf = prepared(db, (p: { articleId: number }) => db.selectFrom('live_tags as lt').innerJoin('tags as t', 't.id', 'lt.tag_id')
    .select(['t.id', 't.slug', 't.name', 't.kind']).where('lt.article_id', '=', p.articleId).orderBy('lt.position'))
  const bylinesOf = prepared(db, (p: { ids: unknown }) => db.selectFrom('live_authors as la').innerJoin('authors as a', 'a.id', 'la.author_id')
    .select(['la.article_id', 'a.name', 'a.slug']).where(dialect.inIdList('la.article_id', p.ids))
    .orderBy('la.article_id').orderBy('la.position'))
  const loadVariants = variantLoader(db, dialect)
  // The front page's union: one member per section, each an index range.
  const newestOfSections = preparedByShape(db, (k: { sections: number; language: boolean }) => `${k.sections} ${k.language}`,
    (k: { sections: number; language: boolean }, p: Record<string, any>) => {
      // Each member is wrapped in a subquery: SQLite allows no ORDER BY or LIMIT on a bare member of a compound select.
      const member = (i: number) => db.selectFrom((eb) => {
        const q = eb.selectFrom('article_live').select(['article_id', 'section_id', 'language', 'published_at']).where('section_id', '=', p[`s${i}`])
        return (k.language ? q.where(inLanguage('primary_subtag', p as { language: unknown })) : q)
          .orderBy('published_at', 'desc').orderBy('article_id', 'desc').limit(p.limit).as('newest')
      }).selectAll()
      let q = member(0)
      for (let i = 1; i < k.sections; i++) q = q.unionAll(member(i))
      return q
    })
  // The archive: a section list's length and which date bounds are given shape the statement. The sections are an
  // IN list of values, not one json_each parameter: SQLite then reads one index range per section.
  const archived = preparedByShape(db, (k: ArchiveShape) => `${k.sections} ${k.language} ${k.from} ${k.to}`,
    (k: ArchiveShape, p: Record<string, any>) => {
      let query = summaryQuery()
      if (k.language) query = query.where(inLanguage('l.primary_subtag', p as { language: unknown }))
      if (k.sections) query = query.where('l.section_id', 'in', Array.from({ length: k.sections }, (_, i) => p[`s${i}`]!))
      if (k.from) query = query.where('l.published_at', '>=', p.from!)
      if (k.to) query = query.where('l.published_at', '<', p.to!)
      return query.orderBy('l.published_at', 'desc').orderBy('l.article_id', 'desc').limit(p.limit!).offset(p.offset!)
    })

  /** Bylines of many articles in one query, in byline order. */
  async function bylines(ids: readonly number[]): Promise<Map<number, Byline[]>> {
    const map = new Map<number, Byline[]>()
    if (ids.length === 0) return map
    for (const r of await bylinesOf({ ids: dialect.idList(ids) })) {
      const list = map.get(r.article_id) ?? []
      list.push({ name: r.name, slug: r.slug })
      map.set(r.article_id, list)
    }
    return map
  }

  async function toSummaries(rows: readonly SummaryRow[]): Promise<LiveSummary[]> {
    // Bylines and hero variants of the whole listing, one query each (not one per item), side by side: on PostgreSQL
    // the two round trips overlap.
    const [authors, variants] = await Promise.all([
      bylines(rows.map((r) => r.article_id)), loadVariants(rows.flatMap((r) => (r.m_id === null ? [] : [r.m_id]))),
    ])
    return rows.map((r) => ({
      id: r.article_id,
      language: r.language,
      slug: r.slug,
      genre: r.genre as Genre,
      title: r.title,
      standfirst: r.standfirst,
      section: { id: r.section_id, slug: r.section_slug, name: r.section_name },
      authors: authors.get(r.article_id) ?? [],
      publishedAt: r.published_at,
      updatedAt: r.updated_at,
      hero: r.m_id === null ? null : toMedia({
        id: r.m_id, path: r.m_path ?? '', mime: r.m_mime ?? '', width: r.m_width ?? 0, height: r.m_height ?? 0,
        // The article's own caption and credit for this use, else the library's (migration 0034).
        bytes: r.m_bytes ?? 0, alt: r.m_alt ?? '', caption: r.hero_caption ?? r.m_caption ?? '', credit: r.hero_credit ?? r.m_credit ?? '',
        focal_x: r.m_focal_x ?? 0.5, focal_y: r.m_focal_y ?? 0.5, created_at: r.m_created_at ?? 0,
        uploaded_by: r.m_uploaded_by,
      }, variants.get(r.m_id) ?? []),
    }))
  }

  /** Summaries of the given ids, in the order given; ids that are not live are left out. */
  async function summariesByIds(ids: readonly number[]): Promise<LiveSummary[]> {
    if (ids.length === 0) return []
    const rows = await summariesOf({ ids: dialect.idList(ids) })
    const byId = new Map(rows.map((r) => [r.article_id, r]))
    return toSummaries(ids.flatMap((id) => byId.get(id) ?? []))
  }

  /** A tag's or author's listing narrowed to the window's language, through its copy of the primary subtag (no join). */
  const inWindowLanguage = <Q extends SelectQueryBuilder<any, any, any>>(q: Q, w: ListWindow): Q => w.language === undefined ? q
    : q.where(inLanguage('x.primary_subtag', languageValues(w.language))) as Q

  async function page(rows: SummaryRow[], perPage: number): Promise<Listing> {
    return { items: await toSummaries(rows.slice(0, perPage)), hasNext: rows.length > perPage }
  }

  return {
    summariesByIds,

    /** The live article at a path (language as its path prefix), or undefined. */
    async findByPath(languagePrefix: string, sectionSlug: string, slug: string): Promise<LiveArticle | undefined> {
      const [row] = await atPath({ language: languagePrefix, languageLike: `${languagePrefix}-%`, sectionSlug, slug })
      if (!row) return undefined
      const [[summary], tags] = await Promise.all([toSummaries([row]), tagsOf({ articleId: row.article_id })])
      return {
        ...summary!,
        bodyHtml: storedSanitizedHtml(row.body_html),
        seoTitle: row.seo_title,
        seoDescription: row.seo_description,
        tags: tags.map((t) => ({ id: t.id, slug: t.slug, name: t.name, kind: t.kind === 'place' ? 'place' : 'topic' })),
        translationGroup: row.translation_group,
      }
    },

    /** Live translations of an article (same translation group, other ids). */
    async translations(group: number, exceptId: number): Promise<LiveSummary[]> {
      const rows = await summaryQuery().innerJoin('articles as a', 'a.id', 'l.article_id')
        .where('a.translation_group', '=', group).where('l.article_id', '!=', exceptId).orderBy('l.language').execute()
      return toSummaries(rows)
    },

    /** The newest live articles across the site, or in one language (a primary subtag). */
    async latest(limit: number, language?: string): Promise<LiveSummary[]> {
      return toSummaries(await (language === undefined ? newest({ limit }) : newestIn({ limit, ...languageValues(language) })))
    },

    /**
     * The newest live articles of each section, at most `perSection` each, newest first: what the front page chooses
     * its lead and blocks from, before it reads the summaries of those it shows. One UNION ALL of index ranges, one
     * member per section. (Whole summaries in each member cost 50 µs a member on SQLite, which copies a member
     * subquery's rows before the union reads them; and the page shows half of what it looks at.)
     */
    async newestBySections(sectionIds: readonly number[], perSection: number, language?: string): Promise<Map<number, NewestEntry[]>> {
      const out = new Map<number, NewestEntry[]>(sectionIds.map((id) => [id, []]))
      if (sectionIds.length === 0) return out
      const rows = await newestOfSections({ sections: sectionIds.length, language: language !== undefined }, {
        limit: perSection, ...Object.fromEntries(sectionIds.map((id, i) => [`s${i}`, id])), ...(language !== undefined && languageValues(language)),
      })
      // A compound select promises no order: sort each block again.
      rows.sort((a, b) => b.published_at - a.published_at || b.article_id - a.article_id)
      for (const r of rows) out.get(r.section_id)?.push({ id: r.article_id, language: r.language, publishedAt: r.published_at })
      return out
    },

    /** Newest live articles of one section, a page at a time. */
    async bySection(sectionId: number, w: ListWindow): Promise<Listing> {
      const at = { sectionId, limit: w.perPage + 1, offset: offsetOf(w) }
      return page(await (w.language === undefined ? newestOfSection(at) : newestOfSectionIn({ ...at, ...languageValues(w.language) })), w.perPage)
    },

    /** Newest live articles with a tag, a page at a time. */
    async byTag(tagId: number, w: ListWindow): Promise<Listing> {
      const q = db.selectFrom('live_tags as x').select('x.article_id').where('x.tag_id', '=', tagId)
      const ids = await inWindowLanguage(q, w).orderBy('x.published_at', 'desc').orderBy('x.article_id', 'desc').limit(w.perPage + 1).offset(offsetOf(w)).execute()
      const items = await summariesByIds(ids.slice(0, w.perPage).map((r) => r.article_id))
      return { items, hasNext: ids.length > w.perPage }
    },

    /** Newest live articles credited to an author, a page at a time. */
    async byAuthor(authorId: number, w: ListWindow): Promise<Listing> {
      const q = db.selectFrom('live_authors as x').select('x.article_id').where('x.author_id', '=', authorId)
      const ids = await inWindowLanguage(q, w).orderBy('x.published_at', 'desc').orderBy('x.article_id', 'desc').limit(w.perPage + 1).offset(offsetOf(w)).execute()
      const items = await summariesByIds(ids.slice(0, w.perPage).map((r) => r.article_id))
      return { items, hasNext: ids.length > w.perPage }
    },

    /** Live articles filtered by sections and a published-time range, newest first. */
    async archive(q: ArchiveQuery): Promise<Listing> {
      const sections = [...new Set(q.sectionIds)]
      const rows = await archived({ sections: sections.length, language: q.language !== undefined, from: q.fromMs !== null, to: q.toMs !== null }, {
        ...Object.fromEntries(sections.map((id, i) => [`s${i}`, id])), ...(q.language !== undefined && languageValues(q.language)),
        ...(q.fromMs !== null && { from: q.fromMs }), ...(q.toMs !== null && { to: q.toMs }),
        limit: q.perPage + 1, offset: offsetOf(q),
      })
      return page(rows, q.perPage)
    },

    /**
     * Ids of live articles sharing tags with an article, most shared tags first, then newest.
     * Looks only at the newest `window` articles of each tag, so the cost is bounded however large a tag grows.
     */
    async sharingTags(articleId: number, tagIds: readonly number[], limit: number, window = 200): Promise<number[]> {
      const scores = new Map<number, { shared: number; publishedAt: number }>()
      for (const tagId of tagIds) {
        const rows = await db.selectFrom('live_tags').select(['article_id', 'published_at']).where('tag_id', '=', tagId)
          .where('article_id', '!=', articleId).orderBy('published_at', 'desc').limit(window).execute()
        for (const r of rows) {
          const s = scores.get(r.article_id)
          if (s) s.shared++
          else scores.set(r.article_id, { shared: 1, publishedAt: r.published_at })
        }
      }
      return [...scores.entries()]
        .sort((a, b) => b[1].shared - a[1].shared || b[1].publishedAt - a[1].publishedAt)
        .slice(0, limit).map(([id]) => id)
    },

    /** The editor's choice by rank, with each pick's end time: expired picks and articles that are not live are left out. */
    async editorsChoice(now: number, limit: number, language?: string): Promise<{ id: number; until: number | null }[]> {
      let q = db.selectFrom('articles as a').innerJoin('article_live as l', 'l.article_id', 'a.id')
      if (language !== undefined) q = q.where(inLanguage('l.primary_subtag', languageValues(language)))
      const rows = await q.select(['a.id', 'a.editors_choice_until']).where('a.editors_choice', '=', 1)
        .where((eb) => eb.or([eb('a.editors_choice_until', 'is', null), eb('a.editors_choice_until', '>', now)]))
        .orderBy('a.editors_choice_rank').orderBy('l.published_at', 'desc').limit(limit).execute()
      return rows.map((r) => ({ id: r.id, until: r.editors_choice_until === null ? null : Number(r.editors_choice_until) }))
    },

    /** Bodies, descriptions and tags of live articles by id (for full-content feeds); two queries whatever the count. */
    async contents(ids: readonly number[]): Promise<Map<number, LiveContent>> {
      const map = new Map<number, LiveContent>()
      if (ids.length === 0) return map
      const [rows, tags] = await Promise.all([
        db.selectFrom('article_live').select(['article_id', 'body_html', 'seo_description']).where('article_id', 'in', ids).execute(),
        db.selectFrom('live_tags as lt').innerJoin('tags as t', 't.id', 'lt.tag_id').select(['lt.article_id', 't.slug', 't.name', 't.kind'])
          .where('lt.article_id', 'in', ids).orderBy('lt.article_id').orderBy('lt.position').execute(),
      ])
      const tagsOf = new Map<number, Pick<Tag, 'slug' | 'name' | 'kind'>[]>()
      for (const t of tags) {
        const list = tagsOf.get(t.article_id) ?? []
        list.push({ slug: t.slug, name: t.name, kind: t.kind === 'place' ? 'place' : 'topic' })
        tagsOf.set(t.article_id, list)
      }
      for (const r of rows) {
        map.set(r.article_id, { bodyHtml: storedSanitizedHtml(r.body_html), seoDescription: r.seo_description, tags: tagsOf.get(r.article_id) ?? [] })
      }
      return map
    },

    /** Keyset page of live article paths ordered by id: up to `limit` rows with id >= `fromId` (sitemaps stream these). */
    async pathsFrom(fromId: number, limit: number): Promise<LivePath[]> {
      const rows = await db.selectFrom('article_live as l').innerJoin('sections as s', 's.id', 'l.section_id')
        .select(['l.article_id', 'l.language', 's.slug as section_slug', 'l.slug', 'l.updated_at'])
        .where('l.article_id', '>=', fromId).orderBy('l.article_id').limit(limit).execute()
      return rows.map((r) => ({ id: r.article_id, language: r.language, sectionSlug: r.section_slug, slug: r.slug, updatedAt: r.updated_at }))
    },

    /** Splits live articles by id into pages of `size`: each page's first id and newest update (OFFSET over the key only). */
    async idPages(size: number): Promise<{ firstId: number; lastmod: number }[]> {
      const total = Number((await db.selectFrom('article_live').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
      const pages: { firstId: number; lastmod: number }[] = []
      for (let offset = 0; offset < total; offset += size) {
        const row = await db.selectFrom((eb) => eb.selectFrom('article_live').select(['article_id', 'updated_at'])
          .orderBy('article_id').limit(size).offset(offset).as('p'))
          .select((eb) => [eb.fn.min('p.article_id').as('first_id'), eb.fn.max('p.updated_at').as('lastmod')]).executeTakeFirst()
        if (row?.first_id == null) break
        pages.push({ firstId: Number(row.first_id), lastmod: Number(row.lastmod) })
      }
      return pages
    },

    /** Sections, tags and authors that have live articles, each with its newest update (sections) or publication (tags, authors). */
    async scopeLastmods(): Promise<{ sections: ScopeLastmod[]; tags: ScopeLastmod[]; authors: ScopeLastmod[] }> {
      const [sections, tags, authors] = await Promise.all([
        db.selectFrom('article_live as l').innerJoin('sections as s', 's.id', 'l.section_id')
          .select((eb) => ['s.slug', eb.fn.max('l.updated_at').as('lastmod')]).groupBy('s.slug').orderBy('s.slug').execute(),
        db.selectFrom('live_tags as lt').innerJoin('tags as t', 't.id', 'lt.tag_id')
          .select((eb) => ['t.slug', eb.fn.max('lt.published_at').as('lastmod')]).groupBy('t.slug').orderBy('t.slug').execute(),
        db.selectFrom('live_authors as la').innerJoin('authors as a', 'a.id', 'la.author_id')
          .select((eb) => ['a.slug', eb.fn.max('la.published_at').as('lastmod')]).groupBy('a.slug').orderBy('a.slug').execute(),
      ])
      const toScope = (r: { slug: string; lastmod: unknown }): ScopeLastmod => ({ slug: r.slug, lastmod: Number(r.lastmod) })
      return { sections: sections.map(toScope), tags: tags.map(toScope), authors: authors.map(toScope) }
    },

    /** How many articles are live. */
    async count(): Promise<number> {
      const row = await db.selectFrom('article_live').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
      return Number(row.n)
    },
  }
}

export type Live = ReturnType<typeof createLive>

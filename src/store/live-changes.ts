// Working copy against live copy: which published articles have changes readers do not see yet, and the live copy
// itself as a draft, for discarding those changes.

import { sql, type Kysely } from 'kysely'
import type { Genre } from '../domain/article.ts'
import { storedSanitizedHtml } from '../content/sanitize.ts'
import type { Database } from './schema.ts'
import type { ArticleDraft } from './articles.ts'

/** The fields publishing copies to the live copy (store/articles.ts writeLive), as they are live now. */
export interface LiveCopy extends Pick<ArticleDraft,
  'language' | 'sectionId' | 'slug' | 'genre' | 'title' | 'standfirst' | 'bodyHtml' | 'heroMediaId' | 'heroCaption' | 'heroCredit' | 'seoTitle' | 'seoDescription' | 'tagIds' | 'authorIds'> {
  readonly updatedAt: number
}

/**
 * True when the working copy differs from the live copy in a field publishing copies: a scalar column, or tags and
 * bylines (their order included). Each link table is compared both ways with NOT EXISTS, which both engines plan as
 * anti-joins on the (article_id, …) primary keys.
 */
const differs = sql<boolean>`(
  l.title <> a.title or l.standfirst <> a.standfirst or l.body_html <> a.body_html or l.slug <> a.slug
  or l.section_id <> a.section_id or l.genre <> a.genre or l.language <> a.language
  or coalesce(l.hero_media_id, 0) <> coalesce(a.hero_media_id, 0)
  or coalesce(l.hero_caption, '') <> coalesce(a.hero_caption, '') or coalesce(l.hero_credit, '') <> coalesce(a.hero_credit, '')
  or l.seo_title <> a.seo_title or l.seo_description <> a.seo_description
  or exists (select 1 from article_tags t where t.article_id = a.id and not exists (
    select 1 from live_tags lt where lt.article_id = a.id and lt.tag_id = t.tag_id and lt.position = t.position))
  or exists (select 1 from live_tags lt where lt.article_id = a.id and not exists (
    select 1 from article_tags t where t.article_id = a.id and t.tag_id = lt.tag_id and t.position = lt.position))
  or exists (select 1 from article_authors t where t.article_id = a.id and not exists (
    select 1 from live_authors lt where lt.article_id = a.id and lt.author_id = t.author_id and lt.position = t.position))
  or exists (select 1 from live_authors lt where lt.article_id = a.id and not exists (
    select 1 from article_authors t where t.article_id = a.id and t.author_id = lt.author_id and t.position = lt.position))
)`

export function createLiveChanges(db: Kysely<Database>) {
  return {
    /** Of `ids`, the articles that are live and whose working copy differs from what readers see. One query. */
    async pending(ids: readonly number[]): Promise<Set<number>> {
      if (ids.length === 0) return new Set()
      const rows = await db.selectFrom('articles as a').innerJoin('article_live as l', 'l.article_id', 'a.id')
        .select('a.id').where('a.id', 'in', [...ids]).where(differs).execute()
      return new Set(rows.map((r) => r.id))
    },

    /** What readers see of article `id` now, or undefined when it is not live. */
    async liveCopy(id: number): Promise<LiveCopy | undefined> {
      const l = await db.selectFrom('article_live').selectAll().where('article_id', '=', id).executeTakeFirst()
      if (!l) return undefined
      const tags = await db.selectFrom('live_tags').select('tag_id').where('article_id', '=', id).orderBy('position').execute()
      const authors = await db.selectFrom('live_authors').select('author_id').where('article_id', '=', id).orderBy('position').execute()
      return {
        language: l.language, sectionId: l.section_id, slug: l.slug, genre: l.genre as Genre, title: l.title, standfirst: l.standfirst,
        bodyHtml: storedSanitizedHtml(l.body_html), heroMediaId: l.hero_media_id, heroCaption: l.hero_caption, heroCredit: l.hero_credit, seoTitle: l.seo_title, seoDescription: l.seo_description,
        tagIds: tags.map((t) => t.tag_id), authorIds: authors.map((a) => a.author_id), updatedAt: l.updated_at,
      }
    },
  }
}

export type LiveChanges = ReturnType<typeof createLiveChanges>

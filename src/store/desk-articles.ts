// The desk's list of working copies: every status, filtered by status, section, byline, text and creator, newest change first.

import { sql, type Kysely } from 'kysely'
import type { ArticleStatus } from '../domain/article.ts'
import type { Database } from './schema.ts'

export interface DeskListQuery {
  readonly status?: ArticleStatus
  readonly sectionId?: number
  readonly authorId?: number
  /** Words the title must contain (case-insensitive substring). */
  readonly text?: string
  /** Only articles this user created (contributors see their own). */
  readonly createdBy?: number
  readonly page: number
  readonly perPage: number
}

export interface DeskListItem {
  readonly id: number
  readonly title: string
  readonly status: ArticleStatus
  readonly language: string
  readonly sectionSlug: string
  readonly sectionName: string
  readonly authors: readonly string[]
  readonly createdBy: number | null
  readonly creatorName: string | null
  readonly modifiedAt: number
  readonly publishedAt: number | null
  readonly scheduledAt: number | null
}

export interface DeskListPage {
  readonly items: readonly DeskListItem[]
  readonly hasNext: boolean
}

/** `%` and `_` are literal in a search: escaped for LIKE … ESCAPE '\'. */
export const likePattern = (text: string): string => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`

export function createDeskArticles(db: Kysely<Database>) {
  return {
    /** One page of working copies; fetches perPage + 1 rows to know whether there is a next page. */
    async list(q: DeskListQuery): Promise<DeskListPage> {
      const rows = await db.selectFrom('articles as a')
        .innerJoin('sections as s', 's.id', 'a.section_id')
        .leftJoin('users as u', 'u.id', 'a.created_by')
        .select(['a.id', 'a.title', 'a.status', 'a.language', 's.slug as section_slug', 's.name as section_name', 'a.created_by',
          'u.name as creator_name', 'a.modified_at', 'a.published_at', 'a.scheduled_at'])
        // Articles in the trash are listed on the trash page only.
        .where('a.deleted_at', 'is', null)
        .$if(q.status !== undefined, (b) => b.where('a.status', '=', q.status!))
        .$if(q.sectionId !== undefined, (b) => b.where('a.section_id', '=', q.sectionId!))
        .$if(q.createdBy !== undefined, (b) => b.where('a.created_by', '=', q.createdBy!))
        .$if(q.authorId !== undefined, (b) => b.where((eb) => eb.exists(eb.selectFrom('article_authors as aa').select('aa.article_id')
          .whereRef('aa.article_id', '=', 'a.id').where('aa.author_id', '=', q.authorId!))))
        .$if(!!q.text, (b) => b.where(sql<boolean>`lower(a.title) like ${likePattern(q.text!)} escape '\\'`))
        .orderBy('a.modified_at', 'desc').orderBy('a.id', 'desc')
        .limit(q.perPage + 1).offset((q.page - 1) * q.perPage)
        .execute()
      const shown = rows.slice(0, q.perPage)
      const bylines = shown.length
        ? await db.selectFrom('article_authors as aa').innerJoin('authors as au', 'au.id', 'aa.author_id')
          .select(['aa.article_id', 'au.name']).where('aa.article_id', 'in', shown.map((r) => r.id)).orderBy('aa.position').execute()
        : []
      return {
        hasNext: rows.length > q.perPage,
        items: shown.map((r) => ({
          id: r.id, title: r.title, status: r.status as ArticleStatus, language: r.language, sectionSlug: r.section_slug,
          sectionName: r.section_name, authors: bylines.filter((b) => b.article_id === r.id).map((b) => b.name),
          createdBy: r.created_by, creatorName: r.creator_name, modifiedAt: r.modified_at, publishedAt: r.published_at, scheduledAt: r.scheduled_at,
        })),
      }
    },

    /** Records who created an article (the desk calls it right after creating a draft). */
    async setCreatedBy(articleId: number, userId: number): Promise<void> {
      await db.updateTable('articles').set({ created_by: userId }).where('id', '=', articleId).execute()
    },

    /** The creator of an article (null when imported or unknown); undefined when there is no such article. */
    async createdBy(articleId: number): Promise<number | null | undefined> {
      const row = await db.selectFrom('articles').select('created_by').where('id', '=', articleId).executeTakeFirst()
      return row === undefined ? undefined : row.created_by
    },
  }
}

export type DeskArticles = ReturnType<typeof createDeskArticles>

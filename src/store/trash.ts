// The trash: articles deleted on the desk, kept with their revisions until restored or deleted for good.

import type { Kysely } from 'kysely'
import type { ArticleStatus } from '../domain/article.ts'
import type { Database } from './schema.ts'

/** A row of the desk's trash list. */
export interface TrashItem {
  readonly id: number
  readonly title: string
  readonly status: ArticleStatus
  readonly sectionName: string
  readonly createdBy: number | null
  readonly deletedAt: number
  readonly deletedBy: number | null
  readonly deletedByName: string | null
}

export function createTrash(db: Kysely<Database>) {
  return {
    /** Marks article `id` as in the trash; false when there is no such article or it is there already. */
    async put(id: number, userId: number | null, now: number): Promise<boolean> {
      const res = await db.updateTable('articles').set({ deleted_at: now, deleted_by: userId })
        .where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()
      return Number(res.numUpdatedRows) === 1
    },

    /** Takes article `id` out of the trash as a draft; false when it was not there. */
    async takeOut(id: number): Promise<boolean> {
      const res = await db.updateTable('articles').set({ deleted_at: null, deleted_by: null, status: 'draft', scheduled_at: null })
        .where('id', '=', id).where('deleted_at', 'is not', null).executeTakeFirst()
      return Number(res.numUpdatedRows) === 1
    },

    /** One page of the trash, most recently deleted first; `createdBy` keeps one user's articles. Fetches perPage + 1. */
    async list(q: { readonly createdBy?: number; readonly page: number; readonly perPage: number }): Promise<{ items: TrashItem[]; hasNext: boolean }> {
      const rows = await db.selectFrom('articles as a').innerJoin('sections as s', 's.id', 'a.section_id')
        .leftJoin('users as u', 'u.id', 'a.deleted_by')
        .select(['a.id', 'a.title', 'a.status', 's.name as section_name', 'a.created_by', 'a.deleted_at', 'a.deleted_by', 'u.name as deleted_by_name'])
        .where('a.deleted_at', 'is not', null)
        .$if(q.createdBy !== undefined, (b) => b.where('a.created_by', '=', q.createdBy!))
        .orderBy('a.deleted_at', 'desc').orderBy('a.id', 'desc').limit(q.perPage + 1).offset((q.page - 1) * q.perPage).execute()
      return {
        hasNext: rows.length > q.perPage,
        items: rows.slice(0, q.perPage).map((r) => ({
          id: r.id, title: r.title, status: r.status as ArticleStatus, sectionName: r.section_name, createdBy: r.created_by,
          deletedAt: r.deleted_at!, deletedBy: r.deleted_by, deletedByName: r.deleted_by_name,
        })),
      }
    },
  }
}

export type Trash = ReturnType<typeof createTrash>

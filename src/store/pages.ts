// Static pages (a tree by parent_id, each with its whole path) and their revisions.

import type { Kysely, Selectable } from 'kysely'
import { storedSanitizedHtml } from '../content/sanitize.ts'
import { isPageStatus, type Breadcrumb, type Page, type PageRevision, type PageSummary } from '../domain/pages.ts'
import type { Database, PagesTable } from './schema.ts'
import { prepared } from './prepared.ts'

/** A page to insert: every field of a page but the id the database gives it. */
export type NewPage = Omit<Page, 'id'>

export type PageChange = Partial<Omit<NewPage, 'createdAt'>>

const SUMMARY = ['id', 'parent_id', 'slug', 'path', 'title', 'language', 'status', 'created_at', 'updated_at', 'published_at'] as const

function toSummary(r: Pick<Selectable<PagesTable>, (typeof SUMMARY)[number]>): PageSummary {
  return {
    id: r.id, parentId: r.parent_id, slug: r.slug, path: r.path, title: r.title, language: r.language,
    // A status this code does not know is shown as a draft: never published by accident.
    status: isPageStatus(r.status) ? r.status : 'draft', createdAt: r.created_at, updatedAt: r.updated_at, publishedAt: r.published_at,
  }
}

const toPage = (r: Selectable<PagesTable>): Page => ({ ...toSummary(r), bodyHtml: storedSanitizedHtml(r.body_html) })

function toRow(p: PageChange) {
  return {
    ...(p.parentId !== undefined && { parent_id: p.parentId }), ...(p.slug !== undefined && { slug: p.slug }),
    ...(p.path !== undefined && { path: p.path }), ...(p.title !== undefined && { title: p.title }),
    ...(p.bodyHtml !== undefined && { body_html: p.bodyHtml }), ...(p.language !== undefined && { language: p.language }),
    ...(p.status !== undefined && { status: p.status }), ...(p.updatedAt !== undefined && { updated_at: p.updatedAt }),
    ...(p.publishedAt !== undefined && { published_at: p.publishedAt }),
  }
}

export function createPages(db: Kysely<Database>) {
  // An import asks it of every old path it writes (is the path a page here?): compiled once for this repository.
  const pageAt = prepared(db, (v: { path: string }) => db.selectFrom('pages').selectAll().where('path', '=', v.path))
  return {
    async byId(id: number): Promise<Page | undefined> {
      const row = await db.selectFrom('pages').selectAll().where('id', '=', id).executeTakeFirst()
      return row && toPage(row)
    },
    /** The page at exactly `path` (`/about/team`), whatever its status. */
    async byPath(path: string): Promise<Page | undefined> {
      const [row] = await pageAt({ path })
      return row && toPage(row)
    },
    /** Every page without its body, in path order: a parent comes right before its children (the desk's tree). */
    async list(): Promise<PageSummary[]> {
      return (await db.selectFrom('pages').select(SUMMARY).orderBy('path').execute()).map(toSummary)
    },
    /** The pages below `path`, at any depth, in path order. `/` sorts just before `0`, so this is one index range. */
    async below(path: string): Promise<PageSummary[]> {
      const rows = await db.selectFrom('pages').select(SUMMARY).where('path', '>', `${path}/`).where('path', '<', `${path}0`).orderBy('path').execute()
      return rows.map(toSummary)
    },
    /** Path and last change of every published page (the sitemap). */
    async published(): Promise<{ path: string; title: string; language: string; parentId: number | null; updatedAt: number }[]> {
      const rows = await db.selectFrom('pages').select(['path', 'title', 'language', 'parent_id', 'updated_at']).where('status', '=', 'published').orderBy('path').execute()
      return rows.map((r) => ({ path: r.path, title: r.title, language: r.language, parentId: r.parent_id, updatedAt: r.updated_at }))
    },
    /** Titles of the published pages at `paths`, in the order given; missing or draft ones are left out. */
    async trail(paths: readonly string[]): Promise<Breadcrumb[]> {
      if (paths.length === 0) return []
      const rows = await db.selectFrom('pages').select(['path', 'title']).where('path', 'in', paths).where('status', '=', 'published').execute()
      return paths.flatMap((p) => rows.filter((r) => r.path === p).map((r) => ({ title: r.title, path: r.path })))
    },
    async insert(p: NewPage): Promise<number> {
      const row = await db.insertInto('pages').values({ ...toRow(p), slug: p.slug, path: p.path, title: p.title, body_html: p.bodyHtml,
        language: p.language, created_at: p.createdAt, updated_at: p.updatedAt }).returning('id').executeTakeFirstOrThrow()
      return row.id
    },
    async update(id: number, change: PageChange): Promise<void> {
      const values = toRow(change)
      if (Object.keys(values).length) await db.updateTable('pages').set(values).where('id', '=', id).execute()
    },
    async delete(id: number): Promise<boolean> {
      const res = await db.deleteFrom('pages').where('id', '=', id).executeTakeFirst()
      return Number(res.numDeletedRows) > 0
    },
    /** Keeps what a page held before a save. */
    async addRevision(r: Omit<PageRevision, 'id'>): Promise<number> {
      const row = await db.insertInto('page_revisions').values({ page_id: r.pageId, title: r.title, body_html: r.bodyHtml, saved_by: r.savedBy, saved_at: r.savedAt })
        .returning('id').executeTakeFirstOrThrow()
      return row.id
    },
    /** A page's revisions, newest first (at most `limit`). */
    async revisions(pageId: number, limit = 50): Promise<PageRevision[]> {
      const rows = await db.selectFrom('page_revisions').selectAll().where('page_id', '=', pageId).orderBy('id', 'desc').limit(limit).execute()
      return rows.map((r) => ({ id: r.id, pageId: r.page_id, title: r.title, bodyHtml: storedSanitizedHtml(r.body_html), savedBy: r.saved_by, savedAt: r.saved_at }))
    },
    async revision(pageId: number, id: number): Promise<PageRevision | undefined> {
      const r = await db.selectFrom('page_revisions').selectAll().where('page_id', '=', pageId).where('id', '=', id).executeTakeFirst()
      return r && { id: r.id, pageId: r.page_id, title: r.title, bodyHtml: storedSanitizedHtml(r.body_html), savedBy: r.saved_by, savedAt: r.saved_at }
    },
  }
}

export type Pages = ReturnType<typeof createPages>

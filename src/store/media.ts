// Media records, their variants, the variants queue, and where an image is in use.

import { sql, type Kysely, type QueryCreator } from 'kysely'
import { anyDue } from './claims.ts'
import type { Media, MediaVariant } from '../domain/media.ts'
import type { StoreDialect } from './dialect.ts'
import { prepared } from './prepared.ts'
import type { Database, MediaRow } from './schema.ts'

export const toMedia = (r: MediaRow, variants: readonly MediaVariant[] = []): Media => ({
  id: r.id, path: r.path, mime: r.mime, width: r.width, height: r.height, bytes: r.bytes, alt: r.alt,
  caption: r.caption, credit: r.credit, focalX: r.focal_x, focalY: r.focal_y, createdAt: r.created_at, uploadedBy: r.uploaded_by, variants,
})

export type NewMedia = Omit<Media, 'id' | 'variants'>

/** What the desk may change about an image. */
export type MediaPatch = Partial<Pick<Media, 'alt' | 'caption' | 'credit' | 'focalX' | 'focalY'>>

export interface NewVariant {
  readonly width: number
  readonly height: number
  readonly format: MediaVariant['format']
  readonly path: string
  readonly bytes: number
}

/** Where an image is used: articles (working or live copy) with it as hero or in the body, authors with it as photo. */
export interface MediaUsage {
  readonly heroOf: readonly number[]
  readonly bodyOf: readonly number[]
  readonly photoOf: readonly number[]
}

export interface VariantTask {
  readonly mediaId: number
  /** Tries so far, this one included. */
  readonly attempts: number
}

/** `%text%` for LIKE … ESCAPE '\', with the wildcards of `text` taken literally. */
const contains = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/** Reads the variants of many images in one query, narrowest first; the statement is compiled once (prepared.ts). */
export function variantLoader(db: Kysely<Database>, dialect: StoreDialect): (mediaIds: readonly number[]) => Promise<Map<number, MediaVariant[]>> {
  const query = prepared(db, (p: { ids: unknown }) => db.selectFrom('media_variants').select(['media_id', 'width', 'height', 'format', 'path', 'bytes'])
    .where(dialect.inIdList('media_id', p.ids)).orderBy('media_id').orderBy('format').orderBy('width'))
  return async (mediaIds) => {
    const map = new Map<number, MediaVariant[]>()
    const ids = [...new Set(mediaIds)]
    if (ids.length === 0) return map
    for (const r of await query({ ids: dialect.idList(ids) })) {
      const list = map.get(r.media_id) ?? []
      list.push({ width: r.width, height: r.height, format: r.format as MediaVariant['format'], url: `/media/${r.path}`, bytes: r.bytes })
      map.set(r.media_id, list)
    }
    return map
  }
}

export function createMediaRepository(db: Kysely<Database>, dialect: StoreDialect) {
  const loadVariants = variantLoader(db, dialect)
  const withVariants = async (rows: readonly MediaRow[]): Promise<Media[]> => {
    const variants = await loadVariants(rows.map((r) => r.id))
    return rows.map((r) => toMedia(r, variants.get(r.id) ?? []))
  }

  return {
    async insert(m: NewMedia): Promise<number> {
      const row = await db.insertInto('media').values({
        path: m.path, mime: m.mime, width: m.width, height: m.height, bytes: m.bytes, alt: m.alt, caption: m.caption,
        credit: m.credit, focal_x: m.focalX, focal_y: m.focalY, created_at: m.createdAt, uploaded_by: m.uploadedBy,
      }).returning('id').executeTakeFirstOrThrow()
      return row.id
    },
    async get(id: number): Promise<Media | undefined> {
      const row = await db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst()
      return row && (await withVariants([row]))[0]
    },
    async findByPath(path: string): Promise<Media | undefined> {
      const row = await db.selectFrom('media').selectAll().where('path', '=', path).executeTakeFirst()
      return row && (await withVariants([row]))[0]
    },

    /** Newest first; `text` matches alt, caption, credit or path, case-insensitively. Reads `limit + 1` rows to know if more follow. */
    async list(q: { readonly text: string; readonly limit: number; readonly offset: number }): Promise<{ items: Media[]; hasNext: boolean }> {
      let query = db.selectFrom('media').selectAll()
      if (q.text) {
        const pattern = contains(q.text.toLowerCase())
        query = query.where((eb) => eb.or(['alt', 'caption', 'credit', 'path'].map((c) =>
          eb(sql`lower(${sql.ref(c)})`, 'like', sql<string>`${pattern} escape '\\'`))))
      }
      const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.limit + 1).offset(q.offset).execute()
      return { items: await withVariants(rows.slice(0, q.limit)), hasNext: rows.length > q.limit }
    },

    async update(id: number, patch: MediaPatch): Promise<void> {
      const values = {
        ...(patch.alt !== undefined && { alt: patch.alt }), ...(patch.caption !== undefined && { caption: patch.caption }),
        ...(patch.credit !== undefined && { credit: patch.credit }), ...(patch.focalX !== undefined && { focal_x: patch.focalX }),
        ...(patch.focalY !== undefined && { focal_y: patch.focalY }),
      }
      if (Object.keys(values).length) await db.updateTable('media').set(values).where('id', '=', id).execute()
    },

    /** Deletes the record; its variants and queue row go with it (ON DELETE CASCADE). */
    async delete(id: number): Promise<void> {
      await db.deleteFrom('media').where('id', '=', id).execute()
    },

    /**
     * Where the image is used. Bodies are searched for `/media/<path>` of the original and of each variant, and for
     * `data-media-id="<id>"`: a LIKE scan of the working and live bodies, acceptable for a rare, deliberate delete.
     * With `paths` null the bodies are not searched (`bodyOf` is empty).
     */
    async usage(id: number, paths: readonly string[] | null): Promise<MediaUsage> {
      const patterns = [...(paths ?? []).map((p) => contains(`/media/${p}`)), contains(`data-media-id="${id}"`)]
      const inBody = (col: 'a.body_html' | 'l.body_html') => sql<boolean>`(${sql.join(patterns.map((p) => sql`${sql.ref(col)} like ${p} escape '\\'`), sql` or `)})`
      const [heroes, liveHeroes, bodies, liveBodies, authors] = [
        await db.selectFrom('articles as a').select('a.id').where('a.hero_media_id', '=', id).execute(),
        await db.selectFrom('article_live as l').select('l.article_id as id').where('l.hero_media_id', '=', id).execute(),
        paths === null ? [] : await db.selectFrom('articles as a').select('a.id').where(inBody('a.body_html')).execute(),
        paths === null ? [] : await db.selectFrom('article_live as l').select('l.article_id as id').where(inBody('l.body_html')).execute(),
        await db.selectFrom('authors').select('id').where('photo_media_id', '=', id).execute(),
      ]
      const ids = (...lists: { id: number }[][]) => [...new Set(lists.flat().map((r) => r.id))].sort((a, b) => a - b)
      return { heroOf: ids(heroes, liveHeroes), bodyOf: ids(bodies, liveBodies), photoOf: ids(authors) }
    },

    /** Live articles showing the image as their hero (their pages and listings are stale when it changes). */
    async liveHeroArticleIds(id: number): Promise<number[]> {
      const rows = await db.selectFrom('article_live').select('article_id').where('hero_media_id', '=', id).execute()
      return rows.map((r) => r.article_id)
    },

    /** Queues the image for the variants job (again, if it was queued or failed before). */
    async enqueueVariants(id: number, now: number): Promise<void> {
      await db.insertInto('media_variant_queue')
        .values({ media_id: id, status: 'pending', attempts: 0, next_attempt_at: now, last_error: null, created_at: now })
        .onConflict((oc) => oc.column('media_id').doUpdateSet({ status: 'pending', attempts: 0, next_attempt_at: now, last_error: null }))
        .execute()
    },

    /**
     * Claims up to `limit` due tasks in one autocommit statement, moving each one's next attempt to `leaseUntil` so no
     * other runner takes it meanwhile (FOR UPDATE SKIP LOCKED on PostgreSQL, as webhooks.claimDue).
     */
    async claimVariantTasks(now: number, limit: number, leaseUntil: number, skipLocked: boolean): Promise<VariantTask[]> {
      const due = (q: QueryCreator<Database>) => q.selectFrom('media_variant_queue').select('media_id')
        .where('status', '=', 'pending').where('next_attempt_at', '<=', now)
      if (!await anyDue(due(db))) return []
      const rows = await db.with((w) => w('due').materialized(), (q) => due(q)
        .orderBy('next_attempt_at').orderBy('media_id').limit(limit)
        .$if(skipLocked, (sq) => sq.forUpdate().skipLocked()))
        .updateTable('media_variant_queue')
        .set((eb) => ({ attempts: eb('attempts', '+', 1), next_attempt_at: leaseUntil }))
        .where('media_id', 'in', (eb) => eb.selectFrom('due').select('due.media_id'))
        .where('status', '=', 'pending').where('next_attempt_at', '<=', now)
        .returning(['media_id', 'attempts']).execute()
      return rows.map((r) => ({ mediaId: r.media_id, attempts: r.attempts })).sort((a, b) => a.mediaId - b.mediaId)
    },

    /** Replaces the image's variants with `variants` and takes it off the queue. */
    async replaceVariants(id: number, variants: readonly NewVariant[]): Promise<void> {
      await db.deleteFrom('media_variants').where('media_id', '=', id).execute()
      if (variants.length) {
        await db.insertInto('media_variants').values(variants.map((v) => ({
          media_id: id, width: v.width, height: v.height, format: v.format, path: v.path, bytes: v.bytes,
        }))).execute()
      }
      await db.deleteFrom('media_variant_queue').where('media_id', '=', id).execute()
    },

    /** Records a failed try: due again at `retryAt`, or given up ('failed') when that is null. */
    async failVariantTask(id: number, error: string, retryAt: number | null): Promise<void> {
      await db.updateTable('media_variant_queue')
        .set(retryAt === null ? { status: 'failed', last_error: error.slice(0, 1000) } : { next_attempt_at: retryAt, last_error: error.slice(0, 1000) })
        .where('media_id', '=', id).execute()
    },

    /** The queue row of an image, for the desk and tests; undefined once its variants are made. */
    async variantTask(id: number): Promise<{ status: string; attempts: number; lastError: string | null } | undefined> {
      const r = await db.selectFrom('media_variant_queue').select(['status', 'attempts', 'last_error']).where('media_id', '=', id).executeTakeFirst()
      return r && { status: r.status, attempts: r.attempts, lastError: r.last_error }
    },
  }
}

export type MediaRepository = ReturnType<typeof createMediaRepository>

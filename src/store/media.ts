// Media records.

import type { Kysely } from 'kysely'
import type { Media } from '../domain/media.ts'
import type { Database, MediaRow } from './schema.ts'

export const toMedia = (r: MediaRow): Media => ({
  id: r.id, path: r.path, mime: r.mime, width: r.width, height: r.height, bytes: r.bytes, alt: r.alt,
  caption: r.caption, credit: r.credit, focalX: r.focal_x, focalY: r.focal_y, createdAt: r.created_at,
})

export type NewMedia = Omit<Media, 'id'>

export function createMediaRepository(db: Kysely<Database>) {
  return {
    async insert(m: NewMedia): Promise<number> {
      const row = await db.insertInto('media').values({
        path: m.path, mime: m.mime, width: m.width, height: m.height, bytes: m.bytes, alt: m.alt, caption: m.caption,
        credit: m.credit, focal_x: m.focalX, focal_y: m.focalY, created_at: m.createdAt,
      }).returning('id').executeTakeFirstOrThrow()
      return row.id
    },
    async get(id: number): Promise<Media | undefined> {
      const row = await db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst()
      return row && toMedia(row)
    },
    async findByPath(path: string): Promise<Media | undefined> {
      const row = await db.selectFrom('media').selectAll().where('path', '=', path).executeTakeFirst()
      return row && toMedia(row)
    },
  }
}

export type MediaRepository = ReturnType<typeof createMediaRepository>

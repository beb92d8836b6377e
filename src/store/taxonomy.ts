// Sections and tags.

import type { Kysely, Selectable } from 'kysely'
import type { Section, Tag } from '../domain/taxonomy.ts'
import type { Database, TagsTable } from './schema.ts'

const toTag = (r: Selectable<TagsTable>): Tag => ({
  id: r.id, slug: r.slug, name: r.name, kind: r.kind === 'place' ? 'place' : 'topic', parentId: r.parent_id,
  isoCode: r.iso_code, description: r.description,
})

export type NewSection = Omit<Section, 'id'>
export type NewTag = Omit<Tag, 'id'>

export function createTaxonomy(db: Kysely<Database>) {
  return {
    /** All sections in menu order. */
    async sections(): Promise<Section[]> {
      return db.selectFrom('sections').select(['id', 'slug', 'name', 'description', 'position'])
        .orderBy('position').orderBy('id').execute()
    },
    async sectionBySlug(slug: string): Promise<Section | undefined> {
      return db.selectFrom('sections').select(['id', 'slug', 'name', 'description', 'position'])
        .where('slug', '=', slug).executeTakeFirst()
    },
    async insertSection(s: NewSection): Promise<number> {
      return (await db.insertInto('sections').values(s).returning('id').executeTakeFirstOrThrow()).id
    },
    async tagBySlug(slug: string): Promise<Tag | undefined> {
      const row = await db.selectFrom('tags').selectAll().where('slug', '=', slug).executeTakeFirst()
      return row && toTag(row)
    },
    async tag(id: number): Promise<Tag | undefined> {
      const row = await db.selectFrom('tags').selectAll().where('id', '=', id).executeTakeFirst()
      return row && toTag(row)
    },
    async tags(): Promise<Tag[]> {
      return (await db.selectFrom('tags').selectAll().orderBy('name').execute()).map(toTag)
    },
    async insertTag(t: NewTag): Promise<number> {
      const row = await db.insertInto('tags').values({
        slug: t.slug, name: t.name, kind: t.kind, parent_id: t.parentId, iso_code: t.isoCode, description: t.description,
      }).returning('id').executeTakeFirstOrThrow()
      return row.id
    },
  }
}

export type Taxonomy = ReturnType<typeof createTaxonomy>

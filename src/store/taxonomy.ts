// Sections and tags.

import { sql, type Insertable, type Kysely, type Selectable } from 'kysely'
import type { Section, Tag, TagNames } from '../domain/taxonomy.ts'
import type { Database, SectionsTable, TagsTable } from './schema.ts'

type NewSectionRow = Insertable<SectionsTable>
import { likePattern as likeText } from './desk-articles.ts'

const toTag = (r: Selectable<TagsTable>): Tag => ({
  id: r.id, slug: r.slug, name: r.name, kind: r.kind === 'place' ? 'place' : 'topic', parentId: r.parent_id,
  isoCode: r.iso_code, description: r.description,
})

export type NewSection = Omit<Section, 'id'>

const SECTION_COLUMNS = ['id', 'slug', 'name', 'description', 'position', 'allow_unsigned'] as const
const toSection = (r: { id: number; slug: string; name: string; description: string; position: number; allow_unsigned: number }): Section => ({
  id: r.id, slug: r.slug, name: r.name, description: r.description, position: r.position, allowUnsigned: Number(r.allow_unsigned) === 1,
})
/** A section's fields as columns; the flag is stored as 0 or 1 on both engines. */
const sectionRow = ({ allowUnsigned, ...rest }: Partial<NewSection>) => ({ ...rest, ...(allowUnsigned !== undefined && { allow_unsigned: allowUnsigned ? 1 : 0 }) })
export type NewTag = Omit<Tag, 'id'>

/** A page of the desk's tag list: `kind` and `text` (name or slug contains, case-insensitive) filter it. */
export interface TagListQuery {
  readonly kind?: 'topic' | 'place'
  readonly text?: string
  readonly limit: number
  readonly offset: number
}

export function createTaxonomy(db: Kysely<Database>) {
  return {
    /** All sections in menu order. */
    async sections(): Promise<Section[]> {
      return (await db.selectFrom('sections').select(SECTION_COLUMNS).orderBy('position').orderBy('id').execute()).map(toSection)
    },
    async sectionBySlug(slug: string): Promise<Section | undefined> {
      const row = await db.selectFrom('sections').select(SECTION_COLUMNS).where('slug', '=', slug).executeTakeFirst()
      return row && toSection(row)
    },
    async insertSection(s: NewSection): Promise<number> {
      return (await db.insertInto('sections').values(sectionRow(s) as NewSectionRow).returning('id').executeTakeFirstOrThrow()).id
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
    /**
     * A tag by slug or id, only while a live article carries it: the one rule for what readers may see of tags
     * (a tag typed into a draft stays private until it is published).
     */
    async publicTag(key: { readonly slug: string } | { readonly id: number }): Promise<Tag | undefined> {
      const row = await db.selectFrom('tags').selectAll()
        .$if('slug' in key, (q) => q.where('slug', '=', (key as { slug: string }).slug))
        .$if('id' in key, (q) => q.where('id', '=', (key as { id: number }).id))
        .where(({ exists, selectFrom }) => exists(selectFrom('live_tags').select('live_tags.tag_id').whereRef('live_tags.tag_id', '=', 'tags.id')))
        .executeTakeFirst()
      return row && toTag(row)
    },
    /** The tags some live article carries, by name. */
    async publicTags(): Promise<Tag[]> {
      return (await db.selectFrom('tags').selectAll()
        .where(({ exists, selectFrom }) => exists(selectFrom('live_tags').select('live_tags.tag_id').whereRef('live_tags.tag_id', '=', 'tags.id')))
        .orderBy('name').execute()).map(toTag)
    },
    async insertTag(t: NewTag): Promise<number> {
      const row = await db.insertInto('tags').values({
        slug: t.slug, name: t.name, kind: t.kind, parent_id: t.parentId, iso_code: t.isoCode, description: t.description,
      }).returning('id').executeTakeFirstOrThrow()
      return row.id
    },

    // Desk housekeeping (editorial/taxonomy.ts): edits, usage counts, merges.
    async section(id: number): Promise<Section | undefined> {
      const row = await db.selectFrom('sections').select(SECTION_COLUMNS).where('id', '=', id).executeTakeFirst()
      return row && toSection(row)
    },
    async updateSection(id: number, s: Partial<NewSection>): Promise<void> {
      await db.updateTable('sections').set(sectionRow(s)).where('id', '=', id).execute()
    },
    async deleteSection(id: number): Promise<void> {
      await db.deleteFrom('sections').where('id', '=', id).execute()
    },
    /** How many articles (working copies of any status) are filed in a section. */
    async sectionUsage(id: number): Promise<number> {
      const row = await db.selectFrom('articles').select(sql<number>`count(*)`.as('n')).where('section_id', '=', id).executeTakeFirstOrThrow()
      return Number(row.n)
    },
    /** Live paths in a section, to leave redirects behind when its slug changes. */
    async liveInSection(id: number): Promise<{ articleId: number; language: string; slug: string }[]> {
      const rows = await db.selectFrom('article_live').select(['article_id', 'language', 'slug']).where('section_id', '=', id).execute()
      return rows.map((r) => ({ articleId: r.article_id, language: r.language, slug: r.slug }))
    },
    /** One page of tags by name; fetches limit + 1 rows to know whether there is a next page. */
    async tagList(q: TagListQuery): Promise<{ items: Tag[]; hasNext: boolean }> {
      const rows = await db.selectFrom('tags').selectAll()
        .$if(q.kind !== undefined, (b) => b.where('kind', '=', q.kind!))
        .$if(!!q.text, (b) => b.where(sql<boolean>`(lower(name) like ${likeText(q.text!)} escape '\\' or lower(slug) like ${likeText(q.text!)} escape '\\')`))
        .orderBy('name').orderBy('id').limit(q.limit + 1).offset(q.offset).execute()
      return { items: rows.slice(0, q.limit).map(toTag), hasNext: rows.length > q.limit }
    },
    async updateTag(id: number, t: NewTag): Promise<void> {
      await db.updateTable('tags').set({
        slug: t.slug, name: t.name, kind: t.kind, parent_id: t.parentId, iso_code: t.isoCode, description: t.description,
      }).where('id', '=', id).execute()
    },
    async deleteTag(id: number): Promise<void> {
      await db.deleteFrom('tag_names').where('tag_id', '=', id).execute()
      await db.deleteFrom('tags').where('id', '=', id).execute()
    },
    /** Articles linked to a tag: every working copy, and those of them that are live. */
    async tagArticles(id: number): Promise<{ working: number[]; live: number[] }> {
      const working = await db.selectFrom('article_tags').select('article_id').where('tag_id', '=', id).execute()
      const live = await db.selectFrom('live_tags').select('article_id').where('tag_id', '=', id).execute()
      return { working: working.map((r) => r.article_id), live: live.map((r) => r.article_id) }
    },
    /** A tag's names in other languages, by primary subtag. */
    async tagNames(id: number): Promise<TagNames> {
      const rows = await db.selectFrom('tag_names').select(['language', 'name']).where('tag_id', '=', id).orderBy('language').execute()
      return Object.fromEntries(rows.map((r) => [r.language, r.name]))
    },
    /** The names of several tags in other languages (for lists and exports), by tag id. */
    async tagNamesOf(ids: readonly number[]): Promise<Map<number, TagNames>> {
      const out = new Map<number, Record<string, string>>()
      if (ids.length === 0) return out
      const rows = await db.selectFrom('tag_names').select(['tag_id', 'language', 'name']).where('tag_id', 'in', [...ids]).orderBy('language').execute()
      for (const r of rows) {
        const names = out.get(r.tag_id) ?? {}
        names[r.language] = r.name
        out.set(r.tag_id, names)
      }
      return out
    },
    /** The names of these tags in one language (a primary subtag), for reader pages; a tag without one is absent. */
    async tagNamesIn(ids: readonly number[], language: string): Promise<Map<number, string>> {
      if (ids.length === 0) return new Map()
      const rows = await db.selectFrom('tag_names').select(['tag_id', 'name']).where('language', '=', language).where('tag_id', 'in', [...new Set(ids)]).execute()
      return new Map(rows.map((r) => [r.tag_id, r.name]))
    },
    /** Replaces a tag's names in other languages with `names` (primary subtag → name). */
    async setTagNames(id: number, names: TagNames): Promise<void> {
      await db.deleteFrom('tag_names').where('tag_id', '=', id).execute()
      const rows = Object.entries(names).map(([language, name]) => ({ tag_id: id, language, name }))
      if (rows.length) await db.insertInto('tag_names').values(rows).execute()
    },
    /**
     * Moves every link of tag `from` to tag `into`, in working and live copies; an article that already has `into`
     * just loses `from`. Children of `from` move under `into`.
     */
    async moveTagLinks(from: number, into: number): Promise<void> {
      for (const table of ['article_tags', 'live_tags'] as const) {
        await db.deleteFrom(table).where('tag_id', '=', from)
          .where('article_id', 'in', db.selectFrom(table).select('article_id').where('tag_id', '=', into)).execute()
        await db.updateTable(table).set({ tag_id: into }).where('tag_id', '=', from).execute()
      }
      await db.updateTable('tags').set({ parent_id: into }).where('parent_id', '=', from).where('id', '!=', into).execute()
    },
  }
}

export type Taxonomy = ReturnType<typeof createTaxonomy>

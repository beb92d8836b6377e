// Reader queries about the languages of live articles: which versions an article has, and which listings exist in which language.

import type { Kysely } from 'kysely'
import type { Database } from './schema.ts'
import type { StoreDialect } from './dialect.ts'

/** One live version of a translation group: where it lives. */
export interface GroupMember {
  readonly id: number
  readonly group: number
  readonly language: string
  readonly sectionSlug: string
  readonly slug: string
}

/** A section, tag or author slug with the newest time something in one language was published (or updated) in it. */
export interface ScopeLanguageLastmod {
  readonly slug: string
  readonly language: string
  readonly lastmod: number
}

export function createLiveLanguages(db: Kysely<Database>, dialect: StoreDialect) {
  return {
    /**
     * Every live version of the translation groups of these articles, the articles themselves included: two queries
     * whatever the count (the articles' groups, then the groups' members). Articles in no group are left out.
     */
    async versions(ids: readonly number[]): Promise<GroupMember[]> {
      if (ids.length === 0) return []
      const groups = await db.selectFrom('articles').select('translation_group').where(dialect.inIdList('id', dialect.idList(ids)))
        .where('translation_group', 'is not', null).execute()
      const groupIds = [...new Set(groups.map((g) => g.translation_group!))]
      if (groupIds.length === 0) return []
      const rows = await db.selectFrom('articles as a').innerJoin('article_live as l', 'l.article_id', 'a.id').innerJoin('sections as s', 's.id', 'l.section_id')
        .select(['a.id', 'a.translation_group', 'l.language', 's.slug as section_slug', 'l.slug'])
        .where(dialect.inIdList('a.translation_group', dialect.idList(groupIds))).orderBy('a.translation_group').orderBy('l.language').execute()
      return rows.map((r) => ({ id: r.id, group: r.translation_group!, language: r.language, sectionSlug: r.section_slug, slug: r.slug }))
    },

    /** Sections, tags and authors by the languages they have live articles in, each with its newest time in that language. */
    async scopeLanguages(): Promise<{ sections: ScopeLanguageLastmod[]; tags: ScopeLanguageLastmod[]; authors: ScopeLanguageLastmod[] }> {
      const [sections, tags, authors] = await Promise.all([
        db.selectFrom('article_live as l').innerJoin('sections as s', 's.id', 'l.section_id')
          .select((eb) => ['s.slug', 'l.language', eb.fn.max('l.updated_at').as('lastmod')]).groupBy(['s.slug', 'l.language']).orderBy('s.slug').execute(),
        db.selectFrom('live_tags as lt').innerJoin('tags as t', 't.id', 'lt.tag_id').innerJoin('article_live as l', 'l.article_id', 'lt.article_id')
          .select((eb) => ['t.slug', 'l.language', eb.fn.max('lt.published_at').as('lastmod')]).groupBy(['t.slug', 'l.language']).orderBy('t.slug').execute(),
        db.selectFrom('live_authors as la').innerJoin('authors as a', 'a.id', 'la.author_id').innerJoin('article_live as l', 'l.article_id', 'la.article_id')
          .select((eb) => ['a.slug', 'l.language', eb.fn.max('la.published_at').as('lastmod')]).groupBy(['a.slug', 'l.language']).orderBy('a.slug').execute(),
      ])
      const toScope = (r: { slug: string; language: string; lastmod: unknown }): ScopeLanguageLastmod => ({ slug: r.slug, language: r.language, lastmod: Number(r.lastmod) })
      return { sections: sections.map(toScope), tags: tags.map(toScope), authors: authors.map(toScope) }
    },
  }
}

export type LiveLanguages = ReturnType<typeof createLiveLanguages>

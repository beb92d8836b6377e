// Search-as-you-type: live titles under prefix keys, and tags and authors by the start of their names.

import { sql, type Kysely } from 'kysely'
import { prefixEnd } from './search-vocabulary.ts'
import { statementChunks } from './statement-chunks.ts'

/** Key rows read per lookup before the newest titles are chosen among them: bounds the cost of a one-letter prefix. */
const SCANNED_KEYS = 200

export function createSearchSuggestions(db: Kysely<any>) {
  return {
    /** Replaces the keys of an article (store/search-analysis.ts suggestionKeys); no keys removes it. */
    async replace(articleId: number, keys: readonly string[]): Promise<void> {
      await db.deleteFrom('search_suggest').where('article_id', '=', articleId).execute()
      if (keys.length) await db.insertInto('search_suggest').values(keys.map((term) => ({ term, article_id: articleId }))).execute()
    },

    /** Replaces the keys of several articles at once, as replace() does for each: one delete and a few inserts. */
    async replaceMany(entries: readonly { readonly articleId: number; readonly keys: readonly string[] }[]): Promise<void> {
      if (entries.length === 0) return
      for (const ids of statementChunks(entries.map((e) => e.articleId))) await db.deleteFrom('search_suggest').where('article_id', 'in', ids).execute()
      const rows = entries.flatMap((e) => e.keys.map((term) => ({ term, article_id: e.articleId })))
      for (const chunk of statementChunks(rows)) await db.insertInto('search_suggest').values(chunk).execute()
    },

    /**
     * Live articles with a key starting with `prefix` (folded words joined by single spaces), newest first: one range
     * scan of the primary key, at most SCANNED_KEYS rows, then the live rows of those articles by their key.
     */
    async titles(prefix: string, language: string | null, limit: number): Promise<number[]> {
      if (!prefix) return []
      const { rows } = await sql<{ article_id: number }>`
        select l.article_id from article_live l
        where l.article_id in (
          select s.article_id from search_suggest s where s.term >= ${prefix} and s.term < ${prefixEnd(prefix)}
          order by s.term limit ${SCANNED_KEYS})
        ${language ? sql`and (l.language = ${language} or l.language like ${`${language}-%`})` : sql``}
        order by l.published_at desc, l.article_id desc limit ${limit}`.execute(db)
      return rows.map((r) => Number(r.article_id))
    },

    /**
     * Every tag (id, slug, name) with its name in `language` (a primary subtag) where it has one. Tags are few
     * (thousands at most): reading/search.ts matches what was typed against their folded words in code, which folds
     * every script alike where SQLite's lower() and LIKE fold only ASCII.
     */
    async tagNames(language: string | null): Promise<NamedRow[]> {
      const rows = await db.selectFrom('tags as t')
        .$if(language !== null, (b) => b.leftJoin('tag_names as n', (j) => j.onRef('n.tag_id', '=', 't.id').on('n.language', '=', language!)))
        .select(['t.id', 't.slug', 't.name', ...(language !== null ? [sql<string | null>`n.name`.as('local_name')] : [])])
        .execute() as { id: number; slug: string; name: string; local_name?: string | null }[]
      return rows.map((r) => ({ id: Number(r.id), slug: r.slug, name: r.name, localName: r.local_name ?? null }))
    },

    /** Every author (id, slug, name): as few as tags, matched the same way. */
    async authorNames(): Promise<NamedRow[]> {
      const rows = await db.selectFrom('authors').select(['id', 'slug', 'name']).execute()
      return rows.map((r) => ({ id: Number(r.id), slug: r.slug, name: r.name, localName: null }))
    },

    /** How many live articles carry each of these tags or authors; one with none is absent. */
    async liveUse(kind: 'tags' | 'authors', ids: readonly number[]): Promise<Map<number, number>> {
      if (ids.length === 0) return new Map()
      const [table, key] = kind === 'tags' ? ['live_tags', 'tag_id'] : ['live_authors', 'author_id']
      const { rows } = await sql<{ id: number; uses: number }>`
        select ${sql.ref(key)} as id, count(*) as uses from ${sql.table(table)}
        where ${sql.ref(key)} in (${sql.join([...ids])}) group by ${sql.ref(key)}`.execute(db)
      return new Map(rows.map((r) => [Number(r.id), Number(r.uses)]))
    },
  }
}

/** A tag or an author as search-as-you-type reads it; `localName` is a tag's name in the language asked for. */
export interface NamedRow { readonly id: number; readonly slug: string; readonly name: string; readonly localName: string | null }

export type SearchSuggestions = ReturnType<typeof createSearchSuggestions>

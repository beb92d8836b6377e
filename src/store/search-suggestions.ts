// Search-as-you-type: live titles under prefix keys, and tags and authors by the start of their names.

import { sql, type Kysely } from 'kysely'
import { prefixEnd } from './search-vocabulary.ts'
import { statementChunks } from './statement-chunks.ts'

/** Key rows read per lookup before the newest titles are chosen among them: bounds the cost of a one-letter prefix. */
const SCANNED_KEYS = 200

export interface NamedLink { readonly slug: string; readonly name: string }

/** `%`, `_` and `\` typed by a reader are literal in LIKE. */
const likePrefix = (text: string): string => `${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`

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

    /** Tags with live articles whose name, or a word of it, starts with `prefix`; most used first. */
    async tags(prefix: string, limit: number): Promise<NamedLink[]> {
      return namesStartingWith(db, 'tags', 'live_tags', 'tag_id', prefix, limit)
    },

    /** Authors with live articles whose name, or a word of it, starts with `prefix`; most published first. */
    async authors(prefix: string, limit: number): Promise<NamedLink[]> {
      return namesStartingWith(db, 'authors', 'live_authors', 'author_id', prefix, limit)
    },
  }
}

/**
 * Tag and author names are few (thousands at most), so a scan of the small table with LIKE is cheap; the live links
 * are counted only for the names that match.
 */
async function namesStartingWith(db: Kysely<any>, table: string, links: string, key: string, prefix: string, limit: number): Promise<NamedLink[]> {
  if (!prefix) return []
  const start = likePrefix(prefix)
  const word = `% ${start}`
  const { rows } = await sql<{ slug: string; name: string }>`
    select t.slug, t.name from ${sql.table(table)} t
    join ${sql.table(links)} k on ${sql.ref(`k.${key}`)} = t.id
    where lower(t.name) like ${start} escape '\\' or lower(t.name) like ${word} escape '\\'
    group by t.id, t.slug, t.name
    order by count(*) desc, t.name limit ${limit}`.execute(db)
  return rows.map((r) => ({ slug: r.slug, name: r.name }))
}

export type SearchSuggestions = ReturnType<typeof createSearchSuggestions>

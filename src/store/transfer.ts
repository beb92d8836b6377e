// Whole-site export and import at the row level: keyset pages of every table for the exporter, plain inserts with new
// ids for the importer (importers/broadsheet/). The rows keep their SQL names; the format's conversions live above.

import { sql, type Kysely } from 'kysely'
import type { Database } from './schema.ts'

/** The tables read page by page on their `id`. */
export type IdTable = 'users' | 'media' | 'pages' | 'sections' | 'tags' | 'authors' | 'speakers' | 'articles' | 'quotes' | 'revisions' | 'redirects' | 'webhook_receivers'

/** A row as read, snake_case columns to values. */
export type Row = Record<string, unknown>

/** The link rows of a page of articles, keyed by article id; tag and author ids in position order. */
export interface ArticleLinks {
  readonly tags: Map<number, number[]>
  readonly authors: Map<number, number[]>
  readonly live: Map<number, Row>
  readonly liveTags: Map<number, number[]>
  readonly liveAuthors: Map<number, number[]>
}

/** The columns each table gives up: webhook secrets and password hashes never leave the database. */
const LEFT_OUT: Partial<Record<IdTable, readonly string[]>> = { users: ['password_hash'], webhook_receivers: ['secret'] }

/** Rows per multi-row INSERT of insertRows. */
const INSERT_CHUNK = 50

/** The tables whose rows make a site non-empty for an import. */
const CONTENT_TABLES = ['articles', 'sections', 'tags', 'authors', 'speakers', 'media', 'pages', 'redirects', 'users', 'webhook_receivers'] as const

const grouped = (rows: readonly { article_id: number; id: number }[]): Map<number, number[]> => {
  const m = new Map<number, number[]>()
  for (const r of rows) {
    const list = m.get(r.article_id)
    if (list) list.push(r.id)
    else m.set(r.article_id, [r.id])
  }
  return m
}

export function createTransfer(typed: Kysely<Database>) {
  // The table name is a parameter here, which Kysely's types cannot follow; the format (importers/broadsheet/format.ts)
  // names the columns, and the tests round-trip every one of them on both engines.
  const db = typed as unknown as Kysely<any>
  return {
    /** Up to `limit` rows of `table` with an id above `after`, by id. */
    async rowsAfter(table: IdTable, after: number, limit: number): Promise<Row[]> {
      const rows = await db.selectFrom(table).selectAll().where('id', '>', after).orderBy('id').limit(limit).execute() as Row[]
      const omit = LEFT_OUT[table]
      if (omit) for (const r of rows) for (const c of omit) delete r[c]
      return rows
    },
    /** Up to `limit` settings with a key after `after`, by key. */
    async settingsAfter(after: string, limit: number): Promise<{ key: string; value: string }[]> {
      return typed.selectFrom('settings').select(['key', 'value']).where('key', '>', after).orderBy('key').limit(limit).execute()
    },
    /** Up to `limit` import origins after the key `after` (system, site, kind, source id), in key order. */
    async originsAfter(after: readonly [string, string, string, string] | null, limit: number): Promise<Row[]> {
      let q = db.selectFrom('import_origins').selectAll()
      if (after) q = q.where(sql<boolean>`(system, site, kind, source_id) > (${after[0]}, ${after[1]}, ${after[2]}, ${after[3]})`)
      return q.orderBy('system').orderBy('site').orderBy('kind').orderBy('source_id').limit(limit).execute() as Promise<Row[]>
    },
    /** Up to `limit` related-article overrides (editors' pins and exclusions) after the pair `after`, by pair. */
    async overridesAfter(after: readonly [number, number] | null, limit: number): Promise<Row[]> {
      let q = typed.selectFrom('related_overrides').selectAll()
      if (after) q = q.where(sql<boolean>`(article_id, other_id) > (${after[0]}, ${after[1]})`)
      return q.orderBy('article_id').orderBy('other_id').limit(limit).execute() as Promise<Row[]>
    },
    /** Up to `limit` live quotes with a quote id above `after`, by quote id. */
    async liveQuotesAfter(after: number, limit: number): Promise<Row[]> {
      return typed.selectFrom('live_quotes').selectAll().where('quote_id', '>', after).orderBy('quote_id').limit(limit).execute() as Promise<Row[]>
    },
    /**
     * A new quote id for a live quote whose working quote is gone: a working quote is inserted with `row` and deleted
     * again, so that the id is taken from the table's own sequence and no quote marked later gets it.
     */
    async reserveQuoteId(row: Row): Promise<number> {
      const { id } = await db.insertInto('quotes').values(row).returning('id').executeTakeFirstOrThrow() as { id: number }
      await db.deleteFrom('quotes').where('id', '=', id).execute()
      return id
    },
    /** Articles in the editor's choice with an id above `after`, by id. */
    async picksAfter(after: number, limit: number): Promise<{ id: number; editors_choice_rank: number | null; editors_choice_until: number | null }[]> {
      return typed.selectFrom('articles').select(['id', 'editors_choice_rank', 'editors_choice_until'])
        .where('editors_choice_rank', 'is not', null).where('id', '>', after).orderBy('id').limit(limit).execute()
    },
    /** Tags, bylines and live copies of the articles `ids`. */
    async articleLinks(ids: readonly number[]): Promise<ArticleLinks> {
      if (ids.length === 0) return { tags: new Map(), authors: new Map(), live: new Map(), liveTags: new Map(), liveAuthors: new Map() }
      const [tags, authors, live, liveTags, liveAuthors] = await Promise.all([
        typed.selectFrom('article_tags').select(['article_id', 'tag_id as id']).where('article_id', 'in', ids).orderBy('article_id').orderBy('position').execute(),
        typed.selectFrom('article_authors').select(['article_id', 'author_id as id']).where('article_id', 'in', ids).orderBy('article_id').orderBy('position').execute(),
        typed.selectFrom('article_live').selectAll().where('article_id', 'in', ids).execute(),
        typed.selectFrom('live_tags').select(['article_id', 'tag_id as id']).where('article_id', 'in', ids).orderBy('article_id').orderBy('position').execute(),
        typed.selectFrom('live_authors').select(['article_id', 'author_id as id']).where('article_id', 'in', ids).orderBy('article_id').orderBy('position').execute(),
      ])
      return {
        tags: grouped(tags), authors: grouped(authors), live: new Map(live.map((r) => [r.article_id, r as Row])),
        liveTags: grouped(liveTags), liveAuthors: grouped(liveAuthors),
      }
    },
    /** The variants of the media `ids`, keyed by media id, largest first. */
    async variantsOf(ids: readonly number[]): Promise<Map<number, Row[]>> {
      const m = new Map<number, Row[]>()
      if (ids.length === 0) return m
      const rows = await typed.selectFrom('media_variants').selectAll().where('media_id', 'in', ids)
        .orderBy('media_id').orderBy('width', 'desc').orderBy('format').execute()
      for (const { media_id, ...v } of rows) m.set(media_id, [...(m.get(media_id) ?? []), v])
      return m
    },
    /** The content tables that hold rows (an import goes only into a site where this is empty). */
    async nonEmptyTables(): Promise<string[]> {
      const found: string[] = []
      for (const table of CONTENT_TABLES) if (await db.selectFrom(table).select(sql`1`.as('one')).limit(1).executeTakeFirst()) found.push(table)
      return found
    },

    /** Inserts a row into `table` and returns its new id. */
    async insert(table: IdTable, row: Row): Promise<number> {
      const r = await db.insertInto(table).values(row).returning('id').executeTakeFirstOrThrow() as { id: number }
      return r.id
    },
    /** Inserts rows that have no id of their own (links, live copies, variants, origins). */
    async insertRows(table: 'article_tags' | 'article_authors' | 'article_live' | 'live_tags' | 'live_authors' | 'live_quotes' | 'media_variants' | 'import_origins' | 'related_overrides', rows: readonly Row[]): Promise<void> {
      // Whole chunks of INSERT_CHUNK rows, the rest one by one: two SQL texts per table, so SQLite's statement cache
      // (sqlite.ts) keeps two programs per table instead of one per distinct row count, each as large as its rows.
      let i = 0
      for (; i + INSERT_CHUNK <= rows.length; i += INSERT_CHUNK) await db.insertInto(table).values(rows.slice(i, i + INSERT_CHUNK) as Row[]).execute()
      for (; i < rows.length; i++) await db.insertInto(table).values(rows[i]!).execute()
    },
    /** Sets a column that pointed forward in the export (a tag's parent, an article's translation group) once its target exists. */
    async setReference(table: 'tags' | 'articles' | 'pages', id: number, column: 'parent_id' | 'translation_group', target: number): Promise<void> {
      await db.updateTable(table).set({ [column]: target }).where('id', '=', id).execute()
    },
    /** Puts an article in the editor's choice at `rank` until `until`, as the export had it. */
    async setPick(id: number, rank: number | null, until: number | null): Promise<void> {
      await typed.updateTable('articles').set({ editors_choice_rank: rank, editors_choice_until: until }).where('id', '=', id).execute()
    },
  }
}

export type Transfer = ReturnType<typeof createTransfer>

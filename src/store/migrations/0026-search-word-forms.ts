// Search by word forms: stems beside the exact words, the vocabulary for corrections, title keys for suggestions; existing
// sites are marked for a background re-index (search/rebuild.ts) instead of re-indexed here.

import { sql, type Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import type { StoreDialect } from '../dialect.ts'

/**
 * The search index per engine. SQLite: FTS5 cannot add columns, so the table is rebuilt with three stem columns and an
 * `analysis` version, the exact columns copied (stems empty, analysis 0: search finds those rows by their exact words
 * until the re-index reaches them). PostgreSQL: one nullable tsvector of words and stems beside the old document (adding
 * a nullable column rewrites nothing), null until the re-index fills it; a partial index finds the rows still null.
 */
const INDEX: Readonly<Record<StoreDialect['name'], (db: Kysely<any>) => Promise<void>>> = {
  async sqlite(db) {
    await sql`create virtual table search_fts_v2 using fts5(
      title, standfirst, body, title_stems, standfirst_stems, body_stems,
      language unindexed, section_id unindexed, published_at unindexed, analysis unindexed,
      tokenize = "unicode61 remove_diacritics 2")`.execute(db)
    await sql`insert into search_fts_v2 (rowid, title, standfirst, body, title_stems, standfirst_stems, body_stems, language, section_id, published_at, analysis)
      select rowid, title, standfirst, body, '', '', '', language, section_id, published_at, 0 from search_fts`.execute(db)
    await sql`drop table search_fts`.execute(db)
    await sql`alter table search_fts_v2 rename to search_fts`.execute(db)
  },
  async postgres(db) {
    await sql`alter table search_documents add column terms tsvector`.execute(db)
    await sql`create index search_documents_terms on search_documents using gin (terms)`.execute(db)
    await sql`create index search_documents_unanalysed on search_documents (article_id) where terms is null`.execute(db)
  },
}

/** The index as migration 0002 made it, for going back: the stems and the analysis version are dropped. */
const UNDO_INDEX: Readonly<Record<StoreDialect['name'], (db: Kysely<any>) => Promise<void>>> = {
  async sqlite(db) {
    await sql`create virtual table search_fts_v1 using fts5(
      title, standfirst, body, language unindexed, section_id unindexed, published_at unindexed,
      tokenize = "unicode61 remove_diacritics 2")`.execute(db)
    await sql`insert into search_fts_v1 (rowid, title, standfirst, body, language, section_id, published_at)
      select rowid, title, standfirst, body, language, section_id, published_at from search_fts`.execute(db)
    await sql`drop table search_fts`.execute(db)
    await sql`alter table search_fts_v1 rename to search_fts`.execute(db)
  },
  async postgres(db) {
    // Its two indexes go with it.
    await sql`alter table search_documents drop column terms`.execute(db)
  },
}

/** Prefix lookups run as `term >= p and term < p || max`: byte order on both engines, so PostgreSQL's column is "C". */
const termType = (d: StoreDialect) => (d.name === 'postgres' ? sql`text collate "C"` : sql`text`)

export const searchWordForms = (d: StoreDialect): Migration => ({
  async up(db: Kysely<any>) {
    await INDEX[d.name](db)
    // Every word of the index with the number of documents holding it: what corrections are chosen from.
    await db.schema.createTable('search_terms')
      .addColumn('term', termType(d), (c) => c.primaryKey())
      .addColumn('docs', 'integer', (c) => c.notNull())
      .execute()
    // A live title under each of its keys (store/search-analysis.ts suggestionKeys): search-as-you-type by prefix.
    await db.schema.createTable('search_suggest')
      .addColumn('term', termType(d), (c) => c.notNull())
      .addColumn('article_id', d.bigintType, (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('search_suggest_pk', ['term', 'article_id'])
      .execute()
    await db.schema.createIndex('search_suggest_article').on('search_suggest').column('article_id').execute()
    await db.schema.createTable('search_state')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', d.bigintType, (c) => c.notNull())
      .execute()
    // A site with indexed articles gets version 0; a new one gets no row, which reads as the current version.
    const existing = d.name === 'sqlite' ? sql`select 1 from search_fts limit 1` : sql`select 1 from search_documents limit 1`
    await sql`insert into search_state (key, value) select 'analysis_version', 0 where exists (${existing})`.execute(db)
  },
  async down(db: Kysely<any>) {
    for (const table of ['search_state', 'search_suggest', 'search_terms']) await db.schema.dropTable(table).execute()
    await UNDO_INDEX[d.name](db)
  },
})

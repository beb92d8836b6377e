// The full-text search index: an FTS5 table on SQLite, a weighted tsvector with a GIN index on PostgreSQL.

import { sql, type Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import { plainText } from '../../content/excerpt.ts'
import type { StoreDialect } from '../dialect.ts'
import { createSearchIndex } from '../search-index.ts'

/**
 * PostgreSQL folds diacritics with `broadsheet_fold(text)`, an IMMUTABLE function (a generated column and a GIN
 * index need one; `unaccent()` itself is only STABLE). Where the `unaccent` extension can be created (it is a
 * trusted extension since PostgreSQL 13, so the database owner may), the function wraps it; otherwise it falls back
 * to `translate()` over the common Latin letters with diacritics.
 */
const FOLD_FROM = 'ÀÁÂÃÄÅĀĂĄàáâãäåāăąÇĆĈĊČçćĉċčĎďÈÉÊËĒĔĖĘĚèéêëēĕėęěĜĞĠĢĝğġģĤĥÌÍÎÏĨĪĬĮİìíîïĩīĭįıĴĵĶķĹĻĽĿŁĺļľŀłÑŃŅŇñńņňÒÓÔÕÖØŌŎŐòóôõöøōŏőŔŖŘŕŗřŚŜŞŠśŝşšȘșŢŤţťȚțÙÚÛÜŨŪŬŮŰŲùúûüũūŭůűųŴŵÝŸŶýÿŷŹŻŽźżž'
const FOLD_TO = 'AAAAAAAAAaaaaaaaaaCCCCCcccccDdEEEEEEEEEeeeeeeeeeGGGGggggHhIIIIIIIIIiiiiiiiiiJjKkLLLLLlllllNNNNnnnnOOOOOOOOOoooooooooRRRrrrSSSSssssSsTTttTtUUUUUUUUUUuuuuuuuuuuWwYYYyyyZZZzzz'

async function createFoldFunction(db: Kysely<any>): Promise<'unaccent' | 'translate'> {
  // A failed CREATE EXTENSION would abort the migration's transaction: try it under a savepoint.
  await sql`savepoint search_unaccent`.execute(db)
  try {
    await sql`create extension if not exists unaccent`.execute(db)
    await sql`release savepoint search_unaccent`.execute(db)
  } catch {
    await sql`rollback to savepoint search_unaccent`.execute(db)
  }
  const ext = await sql<{ schema: string }>`select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'unaccent'`.execute(db)
  const schema = ext.rows[0]?.schema
  if (schema) {
    const fn = sql.id(schema, 'unaccent')
    const dict = sql.lit(`${schema}.unaccent`)
    await sql`create or replace function broadsheet_fold(text) returns text language sql immutable strict parallel safe
      as $$ select ${fn}(${dict}::regdictionary, $1) $$`.execute(db)
    return 'unaccent'
  }
  await sql`create or replace function broadsheet_fold(text) returns text language sql immutable strict parallel safe
    as $$ select translate($1, ${sql.lit(FOLD_FROM)}, ${sql.lit(FOLD_TO)}) $$`.execute(db)
  return 'translate'
}

/** The schema of the index, per engine: the one place the two differ. */
const SCHEMA: Readonly<Record<StoreDialect['name'], (db: Kysely<any>) => Promise<void>>> = {
  async sqlite(db) {
    // rowid is the article id; the filter columns ride along unindexed.
    await sql`create virtual table search_fts using fts5(
      title, standfirst, body, language unindexed, section_id unindexed, published_at unindexed,
      tokenize = "unicode61 remove_diacritics 2")`.execute(db)
  },
  async postgres(db) {
    await createFoldFunction(db)
    await sql`create table search_documents (
      article_id bigint primary key references articles(id) on delete cascade,
      language text not null,
      section_id bigint not null,
      published_at bigint not null,
      title text not null,
      standfirst text not null,
      body text not null,
      document tsvector generated always as (
        setweight(to_tsvector('simple'::regconfig, broadsheet_fold(title)), 'A') ||
        setweight(to_tsvector('simple'::regconfig, broadsheet_fold(standfirst)), 'B') ||
        setweight(to_tsvector('simple'::regconfig, broadsheet_fold(body)), 'C')) stored)`.execute(db)
    await sql`create index search_documents_document on search_documents using gin (document)`.execute(db)
  },
}

/** Creates the search index and fills it with the articles already live. */
export const search = (d: StoreDialect): Migration => ({
  async up(db: Kysely<any>) {
    await SCHEMA[d.name](db)
    const index = createSearchIndex(db, d)
    const live = await db.selectFrom('article_live')
      .select(['article_id', 'title', 'standfirst', 'body_html', 'language', 'section_id', 'published_at']).execute()
    for (const r of live) {
      await index.index(r.article_id, {
        title: r.title, standfirst: r.standfirst, body: plainText(r.body_html), language: r.language,
        sectionId: r.section_id, publishedAt: r.published_at,
      })
    }
  },
})

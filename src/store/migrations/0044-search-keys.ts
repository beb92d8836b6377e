// PostgreSQL: the GIN index moves to a narrow table of search keys, which also holds every pair of words that stand side
// by side, so the index alone finds two-word phrases and a bitmap of many matches visits small rows. The old
// `document` tsvector is no longer computed for every write: only documents a re-index has not reached still use it.

import { sql, type Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import type { StoreDialect } from '../dialect.ts'

/**
 * `broadsheet_search_keys(terms)`: what the GIN index answers from, derived from a document's tsvector (words and
 * STEM_MARK stems with positions, store/search-analysis.ts). It holds the tsvector's lexemes without positions, and for
 * every two words at positions p and p + 1 the lexeme "first second" (exact words only; words hold no space, so no
 * word is mistaken for a pair). A phrase `'a' <-> 'b'` matches a document exactly when its tsvector holds 'a b': both
 * read the same positions, capped as the tsvector caps them. Words over PAIR_WORD_CHARS (store/search-analysis.ts)
 * make no pair, which keeps a pair well under a lexeme's 2 KB.
 *
 * This migration makes the keys of the documents already indexed with it. The write path makes the same keys in
 * JavaScript while it builds the tsvector (search-analysis.ts postgresTerms), at a tenth of the cost; a test checks that
 * the two agree.
 */
const KEYS_FUNCTION = sql`create or replace function broadsheet_search_keys(terms tsvector) returns tsvector
  language sql immutable strict parallel safe as $$
    with w as (select u.lexeme, p from unnest(terms) u, unnest(u.positions) p
      where left(u.lexeme, 1) <> '~' and char_length(u.lexeme) <= 100)
    select strip(terms) || coalesce(
      (select array_to_tsvector(array_agg(distinct a.lexeme || ' ' || b.lexeme)) from w a join w b on b.p = a.p + 1),
      ''::tsvector)
  $$`

/**
 * Creates search_keys beside search_documents, fills it from the documents already analysed (those not yet get their
 * row when the background re-index writes them), and moves the GIN index onto it.
 *
 * Why a table of its own: a bitmap of the GIN index visits every matching row of its table, and a row of
 * search_documents is wide (title, standfirst and the compressed body in line, 1.6 KB, five to a page), so a word in
 * 13,000 of 100,000 documents read 10,000 pages. Here the keys are moved out of line even when small
 * (toast_tuple_target 128) and are never read by the bitmap (a tsquery without weights or phrases needs no recheck):
 * a row is some 60 bytes, over a hundred to a page.
 *
 * `search_documents.document`, generated from the texts since migration 0002, serves only the documents that migration
 * 0026's re-index has not analysed yet (terms null). Computing it and its GIN entries was half of a write's cost in the
 * database (0.6 ms of 1.2 per document at 100,000). It becomes a plain column that keeps the values it has; its index
 * covers only the documents still waiting, and new writes leave it null.
 */
export const searchKeys = (d: StoreDialect): Migration => ({
  async up(db: Kysely<any>) {
    if (d.name !== 'postgres') return
    await KEYS_FUNCTION.execute(db)
    await sql`create table search_keys (
      article_id bigint primary key references search_documents(article_id) on delete cascade,
      language text not null,
      section_id bigint not null,
      published_at bigint not null,
      terms tsvector not null) with (toast_tuple_target = 128)`.execute(db)
    await sql`insert into search_keys (article_id, language, section_id, published_at, terms)
      select article_id, language, section_id, published_at, broadsheet_search_keys(terms)
      from search_documents where terms is not null`.execute(db)
    await sql`create index search_keys_terms on search_keys using gin (terms)`.execute(db)
    await sql`drop index search_documents_terms`.execute(db)
    await sql`alter table search_documents alter column document drop expression`.execute(db)
    await sql`drop index search_documents_document`.execute(db)
    await sql`create index search_documents_document on search_documents using gin (document) where terms is null`.execute(db)
  },
  async down(db: Kysely<any>) {
    if (d.name !== 'postgres') return
    await sql`drop index search_documents_document`.execute(db)
    await sql`alter table search_documents drop column document`.execute(db)
    await sql`alter table search_documents add column document tsvector generated always as (
      setweight(to_tsvector('simple'::regconfig, broadsheet_fold(title)), 'A') ||
      setweight(to_tsvector('simple'::regconfig, broadsheet_fold(standfirst)), 'B') ||
      setweight(to_tsvector('simple'::regconfig, broadsheet_fold(body)), 'C')) stored`.execute(db)
    await sql`create index search_documents_document on search_documents using gin (document)`.execute(db)
    await sql`create index search_documents_terms on search_documents using gin (terms)`.execute(db)
    await sql`drop table search_keys`.execute(db)
    await sql`drop function broadsheet_search_keys(tsvector)`.execute(db)
  },
})

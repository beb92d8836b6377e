// PostgreSQL: each document's tsvector of words and stems is copied into a narrow table of its own, kept in the row
// instead of out of line, for the reads that check and rank documents one by one; and the part of it from the title and
// standfirst into a narrower one still, which bounds a document's score (store/search-postgres.ts).

import { sql, type Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import type { StoreDialect } from '../dialect.ts'

/**
 * Creates search_vectors and search_heads and fills them from the documents already analysed (those not yet, terms null, get their row when
 * the background re-index writes them). SQLite's FTS5 index reads its own position lists and needs no such copy.
 *
 * search_documents.terms stays, for its GIN index. A tsvector there is about 6 KB, which pglz does not shrink (its
 * lexeme table looks incompressible), so it is stored uncompressed out of line: reading one costs a TOAST index probe
 * and three chunks, and referring to it twice (to check and to rank) fetches it twice. In search_vectors the column is
 * stored `main`: kept in the row, one document a page, read with the page. search_heads holds only the title's and the
 * standfirst's positions (weights A and B), some 600 bytes a document.
 */
export const searchVectors = (d: StoreDialect): Migration => ({
  async up(db: Kysely<any>) {
    if (d.name !== 'postgres') return
    await sql`create table search_vectors (
      article_id bigint primary key references search_documents(article_id) on delete cascade,
      language text not null,
      section_id bigint not null,
      published_at bigint not null,
      terms tsvector not null)`.execute(db)
    await sql`alter table search_vectors alter column terms set storage main`.execute(db)
    await sql`insert into search_vectors (article_id, language, section_id, published_at, terms)
      select article_id, language, section_id, published_at, terms from search_documents where terms is not null`.execute(db)
    await sql`create table search_heads (
      article_id bigint primary key references search_documents(article_id) on delete cascade,
      head tsvector not null)`.execute(db)
    await sql`insert into search_heads (article_id, head) select article_id, ts_filter(terms, '{a,b}') from search_vectors`.execute(db)
  },
  async down(db: Kysely<any>) {
    if (d.name !== 'postgres') return
    await sql`drop table search_heads`.execute(db)
    await sql`drop table search_vectors`.execute(db)
  },
})

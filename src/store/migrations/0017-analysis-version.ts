// Marks related-article terms counted before src/text (version 1), so the related refresh counts them again once;
// on SQLite, folds ё to е in the search index as new writes do (search-sqlite.ts).

import { sql, type Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import type { StoreDialect } from '../dialect.ts'

/**
 * A database that already counted terms gets `analysis_version` = 1 (the tokenizer before src/text); a new one gets no
 * row, which related/refresh.ts reads as the current version. The terms themselves are recounted by the refresh job,
 * not here: a migration must stay short, and a rebuild of a large site is not.
 */
export const analysisVersion = (d: StoreDialect): Migration => ({
  async up(db: Kysely<any>) {
    await sql`insert into related_state (key, value)
      select 'analysis_version', 1 where exists (select 1 from related_terms)
      and not exists (select 1 from related_state where key = 'analysis_version')`.execute(db)
    if (d.name === 'sqlite') {
      const yo = (column: string) => sql`replace(replace(${sql.ref(column)}, 'ё', 'е'), 'Ё', 'Е')`
      const has = (column: string) => sql`instr(${sql.ref(column)}, 'ё') > 0 or instr(${sql.ref(column)}, 'Ё') > 0`
      await sql`update search_fts set title = ${yo('title')}, standfirst = ${yo('standfirst')}, body = ${yo('body')}
        where ${has('title')} or ${has('standfirst')} or ${has('body')}`.execute(db)
    }
  },
  async down(db: Kysely<any>) {
    await db.deleteFrom('related_state').where('key', '=', 'analysis_version').execute()
  },
})

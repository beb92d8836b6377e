// Fresh planner statistics after bulk writes. PostgreSQL chooses its plans by them, and a table an import grew from
// nothing to millions of rows, not analyzed since, is planned as if it were small: the list pass's read of 50
// articles' kept terms became a parallel scan of six million rows (0.6 s each; the pass went from some 700 to 70
// articles a second). Autovacuum would analyze such a table within a minute or so, but it may be off or lag behind a
// bulk load, so the bulk paths ask for it themselves, as PostgreSQL's own advice for populating a database says.

import { sql, type Kysely } from 'kysely'
import type { Database } from './schema.ts'
import type { StoreDialect } from './dialect.ts'

/** Rows changed since the last analyze, beyond a tenth of the table, that make its statistics stale (autovacuum's rule, with a floor that spares small tables). */
const STALE_ROWS = 1_000
const STALE_SHARE = 0.1

export function createPlannerStatistics(db: Kysely<Database>, dialect: Pick<StoreDialect, 'name'>) {
  return {
    /**
     * Analyzes the site's tables that changed by more than a tenth (and a thousand rows) since they were last
     * analyzed, and returns their names. Run it outside a transaction, between the batches of a bulk write. SQLite
     * keeps no statistics unless told to, and its plans for these reads follow the indexes: nothing to do there.
     */
    async refreshStale(): Promise<string[]> {
      if (dialect.name !== 'postgres') return []
      const { rows } = await sql<{ relname: string }>`select s.relname from pg_stat_user_tables s join pg_class c on c.oid = s.relid
        where s.schemaname = current_schema() and s.n_mod_since_analyze > ${STALE_ROWS} + ${STALE_SHARE} * greatest(c.reltuples, 0)
        order by s.relname`.execute(db)
      const tables = rows.map((r) => r.relname)
      // A table this role does not own is skipped by PostgreSQL with a warning, not an error.
      if (tables.length) await sql`analyze ${sql.join(tables.map((t) => sql.id(t)))}`.execute(db)
      return tables
    },
  }
}

// The PostgreSQL driver: a pg Pool behind Kysely, with int8 read as number.

import pg from 'pg'
import { Kysely, PostgresDialect } from 'kysely'
import type { Database } from './schema.ts'

// Epoch-millisecond times and ids are int8; they fit a double exactly up to 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v))
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v: string) => Number(v))

/** A pooled connection to `url`. */
export function openPostgres(url: string, max = 10): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, max })
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
}

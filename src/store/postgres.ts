// The PostgreSQL driver: a pg Pool behind Kysely, with int8 read as number and statements prepared once per connection.

import pg from 'pg'
import { Kysely, PostgresDialect } from 'kysely'
import type { Database } from './schema.ts'
import { PLAN_EACH_CALL } from './dialect.ts'

// Epoch-millisecond times and ids are int8; they fit a double exactly up to 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v))
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v: string) => Number(v))

/**
 * Named statements per connection. Queries whose text varies (IN lists of different lengths) would add names without
 * end; past this many a connection runs new texts unnamed, as before.
 */
export const MAX_PREPARED_PER_CONNECTION = 500

/**
 * Makes `client` prepare each parameterised statement text once, under a name, and reuse it: PostgreSQL then parses and
 * plans it once per connection instead of on every call (Kysely sends unnamed statements). The text alone picks the
 * name, so a name never stands for two texts.
 */
export function prepareStatements(client: pg.PoolClient, max = MAX_PREPARED_PER_CONNECTION): void {
  const names = new Map<string, string>()
  const query = client.query.bind(client) as (...args: unknown[]) => unknown
  client.query = ((text: unknown, values?: unknown, ...rest: unknown[]) => {
    // Only the (text, values) form Kysely uses; callbacks, configs and parameterless commands (begin, commit) pass
    // through, and so do statements marked to be planned on every call.
    if (typeof text !== 'string' || !Array.isArray(values) || rest.length || text.startsWith(PLAN_EACH_CALL)) return query(text, values, ...rest)
    let name = names.get(text)
    if (name === undefined && names.size < max) names.set(text, (name = `bs_${names.size}`))
    return name === undefined ? query(text, values) : query({ name, text, values })
  }) as typeof client.query
}

/** A pooled connection to `url`. */
export function openPostgres(url: string, max = 10): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, max })
  pool.on('connect', (client) => prepareStatements(client))
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
}

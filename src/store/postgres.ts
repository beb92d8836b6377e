// The PostgreSQL driver: a pg Pool behind Kysely, with int8 read as number and statements prepared once per connection.

import pg from 'pg'
import { Kysely, PostgresDialect } from 'kysely'
import type { Database } from './schema.ts'
import { PLAN_EACH_CALL } from './dialect.ts'
import { withFaultRules } from './driver-faults.ts'
import type { Outage } from '../errors.ts'
import type { Log } from '../log.ts'
import { createDatabaseMeter, withConnectionMeter, type MeterCounts } from './meter.ts'

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

// Connection exceptions (class 08), the server shutting down or refusing new connections, too many connections, and a
// read-only server (a standby that a failover left us on): all pass, none is the request's fault.
const DOWN_CODES = new Set(['57P01', '57P02', '57P03', '53300', '25006'])
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN'])
// pg's and Kysely's own words for a connection that died under a query or was dropped after an error.
const DOWN_MESSAGES = /^Connection terminated|is not queryable|connection has been discarded|timeout exceeded when trying to connect/i

/** Which PostgreSQL and network errors are outages ('full': disk_full, 53100); see FaultRules. */
export function classifyPostgresFault(err: unknown): Outage | null {
  const code = (err as { code?: unknown } | null)?.code
  if (typeof code === 'string') {
    if (code === '53100') return 'full'
    if (code.startsWith('08') || DOWN_CODES.has(code) || NETWORK_CODES.has(code)) return 'down'
  }
  return err instanceof Error && DOWN_MESSAGES.test(err.message) ? 'down' : null
}

/**
 * A pooled connection to `url`. A connection that dies (a PostgreSQL restart, a failover, pg_terminate_backend, an
 * idle timeout in a pooler) is logged and replaced: pg emits 'error' on the pool for an idle client and on the client
 * for one in use, and an 'error' without a listener ends the process. The query it was running fails as an
 * UnavailableError (503).
 */
export function openPostgres(url: string, max = 10, log?: Pick<Log, 'warn'>, meter: MeterCounts = createDatabaseMeter(max)): Kysely<Database> {
  // connectionTimeoutMillis: with the server unreachable a request waits this long for a connection, not for ever.
  const pool = new pg.Pool({ connectionString: url, max, keepAlive: true, connectionTimeoutMillis: 10_000 })
  pool.on('error', (err) => log?.warn({ err }, 'idle database connection lost; the pool opens a new one when needed'))
  pool.on('connect', (client) => {
    prepareStatements(client)
    // In use, the query it runs is rejected too and the pool drops the client on release (it is no longer queryable).
    client.on('error', (err) => log?.warn({ err }, 'database connection lost while in use; its query fails and the pool replaces it'))
  })
  return new Kysely<Database>({
    dialect: withConnectionMeter(withFaultRules(new PostgresDialect({ pool }), { classify: classifyPostgresFault }), meter),
    log: (event) => meter.log(event),
  })
}

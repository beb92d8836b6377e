// One dedicated PostgreSQL connection that LISTENs for cache invalidations from every instance, and reconnects when dropped.

import pg from 'pg'
import { FLUSH_ALL, type Invalidation } from '../domain/invalidation.ts'
import type { Log } from '../log.ts'
import { decodeInvalidation, INVALIDATION_CHANNEL } from './invalidations.ts'

export interface ListenerDeps {
  readonly url: string
  /** This process's own origin (InvalidationFeed.origin): its own messages were already delivered after commit. */
  readonly origin: string
  /** Receives every invalidation from other instances, and FLUSH_ALL after each (re)connection: messages may have been missed. */
  readonly onInvalidation: (event: Invalidation) => void
  readonly log: Pick<Log, 'info' | 'warn'>
  /** First and longest wait between reconnection attempts (doubling in between). */
  readonly backoffMs?: { readonly min: number; readonly max: number }
}

export interface PostgresListener {
  /** Resolves once the first LISTEN is in place (tests wait for it; composition.ts need not). */
  readonly ready: Promise<void>
  /** How many times a LISTEN has been put in place: 1 after start, +1 per reconnection. */
  connections(): number
  /** The backend pid of the listening connection, or null while disconnected (for pg_terminate_backend in tests). */
  backendPid(): number | null
  close(): Promise<void>
}

/**
 * Starts listening. Not from the pool: a pooled connection goes back to the pool and its LISTEN with it (TRAPS.md).
 * After any drop it reconnects with exponential backoff, LISTENs again, and asks for a full flush.
 */
export function startPostgresListener(deps: ListenerDeps): PostgresListener {
  const { min, max } = deps.backoffMs ?? { min: 100, max: 5_000 }
  let client: pg.Client | null = null
  let pid: number | null = null
  let closed = false
  let count = 0
  let delay = min
  let timer: ReturnType<typeof setTimeout> | null = null
  let markReady: () => void = () => {}
  const ready = new Promise<void>((resolve) => { markReady = resolve })

  function onNotification(msg: pg.Notification): void {
    if (msg.channel !== INVALIDATION_CHANNEL) return
    const { origin, event } = decodeInvalidation(msg.payload)
    if (origin === deps.origin) return
    deps.onInvalidation(event)
  }

  function scheduleReconnect(reason: unknown): void {
    if (closed || timer) return
    deps.log.warn({ err: reason, retryInMs: delay }, 'invalidation listener disconnected; reconnecting')
    timer = setTimeout(() => {
      timer = null
      void connect()
    }, delay)
    timer.unref?.()
    delay = Math.min(max, delay * 2)
  }

  async function connect(): Promise<void> {
    if (closed) return
    const c = new pg.Client({ connectionString: deps.url, keepAlive: true, application_name: 'broadsheet-listener' })
    client = c
    // An error or an end on the current client, at any time, means a new connection: never crash the process for it.
    const drop = (reason: unknown): void => {
      if (client !== c) return
      client = null
      pid = null
      void c.end().catch(() => {})
      scheduleReconnect(reason)
    }
    c.on('error', drop)
    c.on('end', () => drop(new Error('connection ended')))
    c.on('notification', onNotification)
    try {
      await c.connect()
      await c.query(`LISTEN ${INVALIDATION_CHANNEL}`)
      const row = await c.query<{ pid: number }>('select pg_backend_pid() as pid')
      if (closed || client !== c) return void c.end().catch(() => {})
      pid = row.rows[0]?.pid ?? null
      count++
      delay = min
      // Whatever was published while nobody listened is unknown: every cached page may be stale.
      deps.onInvalidation(FLUSH_ALL)
      if (count > 1) deps.log.info({ connections: count }, 'invalidation listener reconnected; cache flushed')
      markReady()
    } catch (err) {
      drop(err)
    }
  }

  void connect()
  return {
    ready,
    connections: () => count,
    backendPid: () => pid,
    async close() {
      closed = true
      if (timer) clearTimeout(timer)
      timer = null
      const c = client
      client = null
      pid = null
      await c?.end().catch(() => {})
    },
  }
}

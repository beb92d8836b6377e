// GET /healthz (liveness: the process and its database answer) and GET /readyz (readiness: it can take writes now).

import type { FastifyPluginAsync } from 'fastify'
import { isAppError } from '../errors.ts'
import type { Services } from '../services.ts'

export const healthRoutes = (s: Pick<Services, 'database'>, startedAt: number): FastifyPluginAsync => async (app) => {
  app.get('/healthz', async (_req, reply) => {
    const database = await s.database.ping()
    return reply.code(database ? 200 : 503).header('cache-control', 'no-store')
      .send({ status: database ? 'ok' : 'unavailable', database: s.database.engine, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) })
  })
}

/** Each check's outcome: 'ok', or what failed in a few words (never a path or a stack). */
export interface Readiness {
  readonly ready: boolean
  readonly checks: { readonly database: string; readonly migrations: string; readonly media: string }
}

export interface ReadinessOptions {
  /** How long one result answers every probe: probes every second from several sources cost one check. */
  readonly cacheMs?: number
  /** A check that has not answered by then has failed (a database that hangs must not hang the probe). */
  readonly timeoutMs?: number
}

/** A failed check in words safe to show: our own UnavailableError message, else the error's code. */
function describe(err: unknown): string {
  if (isAppError(err)) return err.message
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' ? `failed (${code})` : 'failed'
}

/** Runs one check: its own outcome ('ok' when it returns nothing), what it threw, or a timeout. */
async function check(run: () => Promise<string | void>, timeoutMs: number): Promise<{ outcome: string; err?: unknown }> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no answer within ${timeoutMs} ms`), timeoutMs)
  })
  try {
    return { outcome: (await Promise.race([run(), timeout])) ?? 'ok' }
  } catch (err) {
    return { outcome: describe(err), err }
  } finally {
    clearTimeout(timer)
  }
}

/**
 * GET /readyz: 200 when this instance can serve writes (a write to the database commits, which also fails when the
 * SQLite file was deleted under the server; every migration this code knows is applied; a probe can be written to and
 * removed from the media store, folder or bucket), else 503 naming the check that failed. Answered before anything else that an overloaded instance
 * might shed; registered first in app.ts.
 */
export const readinessRoutes = (s: Pick<Services, 'database' | 'media'>, opts: ReadinessOptions = {}): FastifyPluginAsync => async (app) => {
  const cacheMs = opts.cacheMs ?? 1_000
  const timeoutMs = opts.timeoutMs ?? 2_000
  let last: { readonly at: number; readonly result: Promise<Readiness> } | null = null

  async function probe(log: { warn(obj: object, msg: string): void }): Promise<Readiness> {
    const [database, migrations, media] = await Promise.all([
      check(() => s.database.heartbeat(Date.now()), timeoutMs),
      check(async () => {
        const pending = await s.database.pendingMigrations()
        return pending.length ? `not applied: ${pending.join(', ')}` : 'ok'
      }, timeoutMs),
      check(() => s.media.probeStorage(), timeoutMs),
    ])
    const failed = Object.entries({ database, migrations, media }).filter(([, c]) => c.outcome !== 'ok')
    for (const [name, c] of failed) log.warn({ check: name, err: c.err }, 'readiness check failed')
    return { ready: failed.length === 0, checks: { database: database.outcome, migrations: migrations.outcome, media: media.outcome } }
  }

  app.get('/readyz', async (req, reply) => {
    const now = performance.now()
    if (!last || now - last.at >= cacheMs) last = { at: now, result: probe(req.log) }
    const { ready, checks } = await last.result
    return reply.code(ready ? 200 : 503).header('cache-control', 'no-store').send({ status: ready ? 'ready' : 'unavailable', checks })
  })
}

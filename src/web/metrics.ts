// GET /metrics in the Prometheus text format (prom-client): requests by route pattern and status with their latency,
// the page cache, job queues and outboxes, the database connections and statements, the view buffer, the process.
//
// prom-client and what it loads (some 80 modules, a tenth of a start's module loading) come only with the first read of
// /metrics: requests and statements are counted from the start by histogram.ts, which the registry then reads. The
// process metrics (event loop delay, GC) are measured from that first read on.

import { timingSafeEqual } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type * as PromClientModule from 'prom-client'
import type { Metric, Registry } from 'prom-client'
import type { Services } from '../services.ts'
import { createHistogram, type Histogram } from './histogram.ts'
import type { PageCacheStats } from './page-cache.ts'
import { routePattern } from './lazy-area.ts'

type PromClient = typeof PromClientModule

/** Who may read /metrics: with a token, whoever sends it as a bearer; without one, only a direct loopback client. */
export interface MetricsAccess {
  readonly token: string | null
}

export interface MetricsDeps {
  readonly database: Services['database']
  readonly popular: Pick<Services['popular'], 'pending'>
  readonly clock: Services['clock']
  readonly pageCache: { stats(): PageCacheStats }
}

// From a page cache hit (tens of µs) to a slow archive render or an upload: latency buckets in seconds.
const REQUEST_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
const STATEMENT_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1]
/** Requests that no route matched (404s of every shape) share one label: a raw URL would make a series per typo. */
const UNMATCHED = 'unmatched'

/** A counter whose value lives elsewhere (a running total kept by the page cache or the store), copied at each scrape. */
function mirroredCounter({ Counter }: PromClient, registry: Registry, name: string, help: string, read: () => number): void {
  // prom-client counters only go up through inc(): start from zero at each scrape and add the total.
  new Counter({ name, help, registers: [registry], collect() {
    this.reset()
    this.inc(read())
  } })
}

function mirroredGauge({ Gauge }: PromClient, registry: Registry, name: string, help: string, read: () => number, labels: Record<string, string> = {}): void {
  new Gauge({ name, help, registers: [registry], labelNames: Object.keys(labels), collect() {
    this.set(labels, read())
  } })
}

/** Whether `req` may read the metrics under `access` (see MetricsAccess). */
export function mayReadMetrics(req: FastifyRequest, access: MetricsAccess): boolean {
  if (access.token !== null) {
    const sent = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? ''
    const a = Buffer.from(sent)
    const b = Buffer.from(access.token)
    return a.length === b.length && timingSafeEqual(a, b)
  }
  // The socket's own address, not req.ip: with TRUST_PROXY that is whatever X-Forwarded-For says. A request that came
  // through a proxy on this host is loopback too, so one that carries a forwarding header is refused as well.
  const address = req.socket.remoteAddress ?? ''
  const loopback = address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.')
  return loopback && req.headers['x-forwarded-for'] === undefined && req.headers.forwarded === undefined
}

/**
 * Counts every response by route pattern, method and status with its duration, and answers GET /metrics. Register it
 * on the root instance before the routes: its onResponse hook must see every request, page cache hits included.
 */
export function metrics(app: FastifyInstance, deps: MetricsDeps, access: MetricsAccess): void {
  const requests = createHistogram({
    name: 'broadsheet_http_request_duration_seconds', help: 'Requests answered, by route pattern, method and status, and their time',
    labelNames: ['route', 'method', 'status'], buckets: REQUEST_BUCKETS,
  })
  app.addHook('onResponse', async (req, reply) => {
    requests.observe({ route: routePattern(req) ?? UNMATCHED, method: req.method, status: reply.statusCode }, reply.elapsedTime / 1000)
  })
  const statements = createHistogram({
    name: 'broadsheet_db_statement_duration_seconds', help: 'SQL statements run, by outcome, and their time',
    labelNames: ['engine', 'outcome'], buckets: STATEMENT_BUCKETS,
  })
  deps.database.meter.observe((seconds, failed) => statements.observe({ engine: deps.database.engine, outcome: failed ? 'error' : 'ok' }, seconds))

  // Concurrent first reads share one load.
  let loading: Promise<Scrape> | undefined
  app.get('/metrics', async (req: FastifyRequest, reply: FastifyReply) => {
    reply.header('cache-control', 'no-store')
    if (!mayReadMetrics(req, access)) {
      if (access.token !== null) reply.header('www-authenticate', 'Bearer realm="metrics"')
      return reply.code(access.token !== null ? 401 : 403).type('text/plain; charset=utf-8')
        .send(access.token !== null ? 'A bearer token (METRICS_TOKEN) is required.\n' : 'Metrics are served to loopback clients only; set METRICS_TOKEN to read them from elsewhere.\n')
    }
    const scrape = await (loading ??= import('prom-client').then((client) => createScrape(client, deps, requests, statements)))
    return reply.type(scrape.registry.contentType).send(await scrape.read(req))
  })
}

interface Scrape {
  readonly registry: Registry
  read(req: FastifyRequest): Promise<string>
}

/** The registry, in the order the exposition lists it: process metrics, requests, page cache, database, queues. */
function createScrape(client: PromClient, deps: MetricsDeps, requests: Histogram, statements: Histogram): Scrape {
  const { Gauge, Registry } = client
  const registry = new Registry()
  client.collectDefaultMetrics({ register: registry })
  // The registry reads only name, type and get() (with the same sample shape as its own Histogram).
  registry.registerMetric(requests as unknown as Metric)

  const cache = deps.pageCache
  mirroredCounter(client, registry, 'broadsheet_page_cache_hits_total', 'Public pages answered from the page cache', () => cache.stats().hits)
  mirroredCounter(client, registry, 'broadsheet_page_cache_misses_total', 'Public pages rendered because the page cache had no fresh copy', () => cache.stats().misses)
  mirroredGauge(client, registry, 'broadsheet_page_cache_entries', 'Pages held in the page cache', () => cache.stats().entries)
  mirroredGauge(client, registry, 'broadsheet_page_cache_bytes', 'Bytes held in the page cache (all encodings)', () => cache.stats().bytes)
  mirroredGauge(client, registry, 'broadsheet_view_buffer_size', 'Page views counted and not yet written to the database', () => deps.popular.pending())

  const meter = deps.database.meter
  const engine = { engine: deps.database.engine }
  mirroredGauge(client, registry, 'broadsheet_db_pool_size', 'The most database connections this instance opens', () => meter.poolSize, engine)
  mirroredGauge(client, registry, 'broadsheet_db_connections_in_use', 'Database connections held by a query or a transaction', () => meter.inUse, engine)
  // Only where it is measured (a pool): on SQLite Kysely queues callers above the driver, out of the meter's sight.
  if (meter.measuresWaiting) mirroredGauge(client, registry, 'broadsheet_db_connections_waiting', 'Callers waiting for a pooled database connection', () => meter.waiting, engine)
  registry.registerMetric(statements as unknown as Metric)

  const depth = new Gauge({ name: 'broadsheet_job_queue_depth', help: 'Background work due now, by queue', labelNames: ['queue'], registers: [registry] })
  const lag = new Gauge({ name: 'broadsheet_job_queue_lag_seconds', help: 'How long the oldest due item of each queue has waited', labelNames: ['queue'], registers: [registry] })
  const outboxDepth = new Gauge({ name: 'broadsheet_outbox_depth', help: 'Messages due to be sent, by outbox', labelNames: ['outbox'], registers: [registry] })
  const outboxLag = new Gauge({ name: 'broadsheet_outbox_lag_seconds', help: 'Age of the oldest message each outbox still has to send', labelNames: ['outbox'], registers: [registry] })
  const backlogUp = new Gauge({ name: 'broadsheet_backlog_read', help: '1 when the queue and outbox figures were read at this scrape, 0 when the database did not answer', registers: [registry] })

  /** Queue figures come from the database at each scrape; without it the other metrics are still served. */
  async function readBacklog(req: FastifyRequest): Promise<void> {
    for (const g of [depth, lag, outboxDepth, outboxLag]) g.reset()
    try {
      const now = deps.clock.now()
      for (const q of await deps.database.backlog(now)) {
        const seconds = q.oldestDueAt === null ? 0 : Math.max(0, (now - q.oldestDueAt) / 1000)
        if (q.kind === 'job') {
          depth.set({ queue: q.name }, q.depth)
          lag.set({ queue: q.name }, seconds)
        } else {
          outboxDepth.set({ outbox: q.name }, q.depth)
          outboxLag.set({ outbox: q.name }, seconds)
        }
      }
      backlogUp.set(1)
    } catch (err) {
      req.log.warn({ err }, 'metrics: queue backlog not read')
      backlogUp.set(0)
    }
  }

  return {
    registry,
    async read(req) {
      await readBacklog(req)
      return registry.metrics()
    },
  }
}

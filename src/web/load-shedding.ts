// Load shedding: under overload, pages answer 503 with Retry-After early and cheaply; health probes are never shed or queued.

import { monitorEventLoopDelay } from 'node:perf_hooks'
import { getHeapStatistics } from 'node:v8'
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { SheddingConfig } from '../config.ts'
import { createAdmission, type Admission } from './admission.ts'

/** Probes that must answer even when everything else is shed: they are how a balancer tells "busy" from "dead" (and metrics show why). */
const NEVER_SHED = new Set(['/healthz', '/readyz', '/metrics'])
const RETRY_AFTER_SECONDS = 5
const SAMPLE_EVERY_MS = 500
const MAX_QUEUE = 4096
const BUSY_PAGE = '<!doctype html><html lang="en"><meta charset="utf-8"><title>Busy</title><p>The site is busy. Please try again in a few seconds.</p></html>'

/** Why the process is under pressure right now, or null when it is not. */
export interface PressureGauge {
  reason(): string | null
  close(): void
}

/**
 * Samples the event loop's delay (mean over the last half second) and the V8 heap in use, twice a second; `reason()`
 * only reads the last sample, so asking it per request costs nothing.
 */
export function createPressureGauge(limits: Pick<SheddingConfig, 'eventLoopDelayMs' | 'heapUsedBytes'>): PressureGauge {
  const heapLimit = limits.heapUsedBytes ?? Math.round(getHeapStatistics().heap_size_limit * 0.9)
  const delay = limits.eventLoopDelayMs > 0 ? monitorEventLoopDelay({ resolution: 10 }) : null
  delay?.enable()
  let reason: string | null = null
  const sample = (): void => {
    const delayMs = delay ? delay.mean / 1e6 : 0
    delay?.reset()
    if (delay && delayMs > limits.eventLoopDelayMs) reason = 'event loop delay'
    else if (heapLimit > 0 && process.memoryUsage().heapUsed > heapLimit) reason = 'heap'
    else reason = null
  }
  sample()
  const timer = setInterval(sample, SAMPLE_EVERY_MS)
  timer.unref()
  return {
    reason: () => reason,
    close() {
      clearInterval(timer)
      delay?.disable()
    },
  }
}

function shed(reply: FastifyReply): void {
  void reply.code(503).header('retry-after', String(RETRY_AFTER_SECONDS)).header('cache-control', 'no-store')
    .header('content-type', 'text/html; charset=utf-8').send(BUSY_PAGE)
}

/**
 * Adds the first gate every request except the health probes passes: shed at once under pressure (event-loop delay or
 * heap over their limits), else admitted within this turn's time budget or queued for a later turn (admission.ts).
 * Register it before the route plugins; `gauge` replaces the process's own readings in tests.
 */
export function loadShedding(app: FastifyInstance, config: SheddingConfig, deps: { readonly gauge?: PressureGauge } = {}): Admission {
  const gauge = deps.gauge ?? createPressureGauge(config)
  const admission = createAdmission(
    { turnBudgetMs: config.turnBudgetMs, queueWaitMs: config.queueWaitMs, maxInFlight: config.maxInFlight, maxQueue: MAX_QUEUE },
    { now: () => performance.now(), defer: (fn) => setImmediate(fn) },
  )
  app.addHook('onClose', async () => gauge.close())
  app.addHook('onRequest', (req, reply, done) => {
    const q = req.url.indexOf('?')
    if (NEVER_SHED.has(q === -1 ? req.url : req.url.slice(0, q))) return done()
    if (gauge.reason() !== null) return shed(reply)
    admission.admit((outcome) => {
      if (outcome === 'shed') return shed(reply)
      // A client that left while its request waited gets no render.
      if (req.raw.socket?.destroyed === true || reply.raw.destroyed) return admission.release()
      reply.raw.once('close', () => admission.release())
      done()
    })
  })
  return admission
}

// Errors to responses: AppError kinds and client errors keep their 4xx; anything else is a logged, bare 500.

import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { isAppError, isUnavailable, type ErrorKind, type Outage } from '../errors.ts'
import { isMediaError, type MediaRefusal } from '../media/media-error.ts'

const STATUS = { NotFound: 404, Invalid: 400, Conflict: 409, Forbidden: 403, TooMany: 429, Unavailable: 503 } as const satisfies Record<ErrorKind, number>
/** A full database or disk is 507 Insufficient Storage: retrying soon will not help. */
const OUTAGE_STATUS = { down: 503, full: 507 } as const satisfies Record<Outage, number>
/** Seconds a client is asked to wait after a 503: about what a lost connection takes to be replaced. */
export const RETRY_AFTER_SECONDS = 5
/** Upload refusals are Invalid errors with their own statuses: too large (bytes or pixels) 413, a type not taken 415. */
const MEDIA_STATUS = { 'too-large': 413, 'too-many-pixels': 413, 'unsupported-type': 415 } as const satisfies Record<MediaRefusal, number>

export interface HttpProblem {
  readonly status: number
  /** What the client did wrong, safe to show; null for server faults. */
  readonly message: string | null
  readonly field: string | null
}

const FIELD_NAMES: Readonly<Record<string, string>> = { page: 'page', section: 'section', from: 'from', to: 'to', slug: 'slug' }

/** A readable message for a schema validation failure, naming the parameter. */
function validationProblem(err: FastifyError): HttpProblem {
  const first = err.validation?.[0]
  const path = (first?.instancePath ?? '').replace(/^\//, '').split('/')[0] ?? ''
  const missing = (first?.params as { missingProperty?: string } | undefined)?.missingProperty
  const field = FIELD_NAMES[path] ?? (path || missing || null)
  // Every page schema has minimum 1; a route that also has a maximum says so, so that the message stays true.
  const limit = first?.keyword === 'maximum' ? (first.params as { limit?: number }).limit : undefined
  const message = field === 'page'
    ? `page must be a whole number from 1 ${limit === undefined ? 'upwards' : `to ${limit}`}`
    : field ? `${field} ${first?.message ?? 'is not valid'}` : 'the request is not valid'
  return { status: 400, message, field }
}

/** Classifies any thrown value. */
export function toProblem(err: unknown): HttpProblem {
  if (isMediaError(err)) return { status: MEDIA_STATUS[err.refusal], message: err.message, field: err.field ?? null }
  if (isUnavailable(err)) return { status: OUTAGE_STATUS[err.outage], message: err.message, field: null }
  if (isAppError(err)) return { status: STATUS[err.kind], message: err.message, field: err.field ?? null }
  const e = err as FastifyError
  if (e && Array.isArray(e.validation)) return validationProblem(e)
  // Fastify's own client errors (bad JSON, 413, 415) keep their status and message.
  if (e && typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return { status: e.statusCode, message: e.message, field: null }
  }
  return { status: 500, message: null, field: null }
}

/** Logs server faults with the request's logger; client errors are not faults. */
export function logProblem(req: FastifyRequest, err: unknown, problem: HttpProblem): void {
  if (problem.status >= 500) req.log.error({ err }, 'request failed')
  else req.log.debug({ status: problem.status, msg: problem.message }, 'client error')
}

/**
 * onSend hook for the whole app: every 503 tells the client when to try again, whichever handler answered it (an
 * error page, a JSON problem, a probe).
 */
export async function retryAfterOn503(_req: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (reply.statusCode === 503 && !reply.hasHeader('retry-after')) reply.header('retry-after', String(RETRY_AFTER_SECONDS))
}

export const sendJsonProblem = (reply: FastifyReply, p: HttpProblem) =>
  reply.code(p.status).header('cache-control', 'no-store').send({ error: { code: p.status, message: p.message ?? 'internal error', field: p.field } })

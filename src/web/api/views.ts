// POST /api/v1/views: the view beacon. 204 whether counted, repeated or a crawler's; JSON errors for anything else.

import type { FastifyPluginAsync } from 'fastify'
import { AppError } from '../../errors.ts'
import type { Services } from '../../services.ts'
import { sendJsonProblem, toProblem, logProblem } from '../errors.ts'

/** A beacon body is `{"path":"/news/slug"}`: 2 KiB is plenty, and keeps junk cheap to refuse. */
export const BEACON_BODY_LIMIT = 2048

const EXAMPLE = 'the body must be JSON such as {"path": "/news/slug"}'

/** Parses the body as JSON whatever the declared type; sendBeacon sends a string as text/plain. */
function parseJson(body: string): unknown {
  try {
    return JSON.parse(body)
  } catch {
    throw new AppError('Invalid', EXAMPLE)
  }
}

/** The beacon's article path, or AppError('Invalid') naming what is wrong. */
function beaconPath(body: unknown): string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new AppError('Invalid', EXAMPLE)
  const path = (body as { path?: unknown }).path
  if (typeof path !== 'string') throw new AppError('Invalid', 'path is required and must be a string', 'path')
  return path
}

export const viewRoutes = (s: Pick<Services, 'popular'>): FastifyPluginAsync => async (app) => {
  // Only JSON and sendBeacon's text/plain, with a small limit, and only here: other types answer 415.
  app.removeAllContentTypeParsers()
  for (const type of ['application/json', 'text/plain']) {
    app.addContentTypeParser(type, { parseAs: 'string', bodyLimit: BEACON_BODY_LIMIT }, async (_req: unknown, body: string | Buffer) =>
      parseJson(typeof body === 'string' ? body : body.toString('utf8')))
  }

  // This is an API: errors are JSON, not the HTML error page.
  app.setErrorHandler(async (err, req, reply) => {
    const problem = toProblem(err)
    logProblem(req, err, problem)
    return sendJsonProblem(reply, problem)
  })

  app.post<{ Body: unknown }>('/api/v1/views', async (req, reply) => {
    await s.popular.record({ path: beaconPath(req.body), ip: req.ip, userAgent: req.headers['user-agent'] })
    return reply.code(204).header('cache-control', 'no-store').send()
  })
}

// The Admin API under /api/v1/admin: bearer tokens only, the desk's role rules, JSON errors naming the field, never stored.

import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { Services } from '../../services.ts'
import { logProblem, sendJsonProblem, toProblem, type HttpProblem } from '../errors.ts'
import { authenticateBearer, decorateViewer } from '../viewer.ts'
import { adminArticleRoutes } from './admin-articles.ts'
import { adminMediaRoutes } from './admin-media.ts'
import { adminHousekeepingRoutes } from './admin-housekeeping.ts'
import { adminPageRoutes } from './admin-pages.ts'
import { letRequestsIn } from '../lazy-area.ts'

export type AdminServices = Pick<Services, 'accounts' | 'editing' | 'translations' | 'media' | 'deskReads' | 'config' | 'clock' | 'site' | 'taxonomyDesk' | 'bylines' | 'redirectDesk' | 'pageDesk' | 'quoteDesk'>

/** A readable sentence for a schema failure, naming the field: Ajv's own words otherwise say "must match pattern". */
function validationProblem(err: FastifyError): HttpProblem {
  const first = err.validation?.[0]
  const params = (first?.params ?? {}) as { missingProperty?: string; additionalProperty?: string }
  const field = (first?.instancePath ?? '').replace(/^\//, '').split('/')[0] || params.missingProperty || params.additionalProperty || null
  if (params.additionalProperty) return { status: 400, message: `unknown parameter "${params.additionalProperty}"`, field }
  if (field === 'page' || field === 'per_page') {
    return { status: 400, message: `${field} must be a whole number from 1 ${field === 'page' ? 'upwards' : 'to 100'}`, field }
  }
  // A path parameter that is not an id names nothing that could exist.
  if (err.validationContext === 'params') return { status: 404, message: 'there is nothing with that id', field: null }
  return { status: 400, message: field ? `${field} ${first?.message ?? 'is not valid'}` : 'the request is not valid', field }
}

const problemOf = (err: unknown): HttpProblem =>
  Array.isArray((err as FastifyError).validation) ? validationProblem(err as FastifyError) : toProblem(err)

/**
 * Register with `{ prefix: '/api/v1/admin' }`, before the Content API: every request needs `Authorization: Bearer
 * <token>` (`broadsheet token create`); session cookies count for nothing here, so there is no CSRF to forge.
 */
export const adminApiRoutes = (s: AdminServices): FastifyPluginAsync => async (app) => {
  decorateViewer(app)

  // Before the body is read: an unauthenticated upload is refused without reading 20 MiB.
  app.addHook('onRequest', async (req, reply) => {
    reply.header('cache-control', 'no-store')
    if (!(await authenticateBearer(s.accounts, req, reply))) return reply
  })

  app.setErrorHandler(async (err, req, reply) => {
    const problem = problemOf(err)
    logProblem(req, err, problem)
    return sendJsonProblem(reply, problem)
  })
  const notFound = async (req: FastifyRequest, reply: FastifyReply) =>
    sendJsonProblem(reply, { status: 404, message: `there is nothing at ${req.method} ${req.url.split('?')[0]!.slice(0, 200)}`, field: null })
  app.setNotFoundHandler(notFound)
  // The Content API's catch-all (and the site's article routes) would otherwise take unknown admin paths.
  app.route({ method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'], url: '/*', handler: notFound })
  app.route({ method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'], url: '/', handler: notFound })

  // In turns: the Admin API is built while the site serves (src/web/lazy-area.ts).
  await app.register(adminArticleRoutes(s), { prefix: '/articles' })
  await letRequestsIn()
  await app.register(adminMediaRoutes(s), { prefix: '/media' })
  await letRequestsIn()
  await app.register(adminHousekeepingRoutes(s))
  await app.register(adminPageRoutes(s))
}

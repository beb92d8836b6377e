// The web application: the whole route table in one place. Builds the app; never listens.

import type { ServerOptions } from 'node:http'
import path from 'node:path'
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import fastifyStatic from '@fastify/static'
import type { Config } from '../config.ts'
import type { Log } from '../log.ts'
import type { Services } from '../services.ts'
import { errorPage } from '../render/site/simple-pages.ts'
import { assetRoutes, loadAssets } from './assets.ts'
import { logProblem, retryAfterOn503, toProblem } from './errors.ts'
import { securityHeaders, setSecurityHeaders } from './security.ts'
import { healthRoutes, readinessRoutes } from './health.ts'
import { refuseUnstorable } from './input-guard.ts'
import { safeRedirects } from './location.ts'
import { loadShedding } from './load-shedding.ts'
import { createPageCache } from './page-cache.ts'
import { renderContextSource, sendErrorPage, type ContextSource } from './site/pages.ts'
import { frontRoutes } from './site/front.ts'
import { articleRoutes } from './site/articles.ts'
import { previewRoutes } from './site/preview.ts'
import { listingRoutes } from './site/listings.ts'
import { viewRoutes } from './api/views.ts'
import { searchRoutes } from './site/search.ts'
import { feedRoutes } from './site/feeds.ts'
import { sitemapRoutes } from './site/sitemaps.ts'
import { publisherLogoRoutes } from './site/publisher-logo.ts'
import { searchApiRoutes } from './api/search.ts'
import { contentApiRoutes } from './api/content.ts'
import { adminApiRoutes } from './api/admin.ts'
import { deskRoutes } from './desk/desk.ts'

export interface AppDeps {
  readonly services: Services
  readonly config: Config
  readonly log: Log
}

/** Renders an error page for any status; falls back to plain text if even that fails (e.g. the database is down). */
async function renderError(context: ContextSource, reply: FastifyReply, status: number, detail: string | null) {
  try {
    return sendErrorPage(reply, status, errorPage(await context(), status, detail))
  } catch {
    return reply.code(status).header('content-type', 'text/plain; charset=utf-8').header('cache-control', 'no-store')
      .send(status >= 500 ? 'Something went wrong.' : detail ?? 'Error')
  }
}

/**
 * Node's limits on slow senders: the headers, like the whole request, must arrive within the request timeout, and the
 * deadlines are checked often enough (Node's default is every 30 s) that a connection is cut within a quarter of it late.
 */
function slowSenderLimits(requestTimeoutMs: number): ServerOptions {
  if (requestTimeoutMs === 0) return {}
  return { headersTimeout: requestTimeoutMs, connectionsCheckingInterval: Math.max(100, Math.min(5000, Math.round(requestTimeoutMs / 4))) }
}

export async function buildApp({ services, config, log }: AppDeps): Promise<FastifyInstance> {
  const assets = loadAssets({ onEditorBuildError: (err) => log.error({ err }, 'desk editor bundle build failed; the editor page shows the plain form') })
  const context = renderContextSource(services, assets)
  const app = Fastify({
    // pino's Logger is a FastifyBaseLogger; the cast keeps the app's type the default one.
    loggerInstance: log as FastifyBaseLogger,
    trustProxy: config.trustProxy,
    // One line per request costs more than the request itself; debug and trace turn it on.
    logController: new LogController({ disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace' }),
    routerOptions: { maxParamLength: 300 },
    bodyLimit: 1024 * 1024,
    // A body sent a byte a second would otherwise hold its connection for ever: Node answers 408 and closes it.
    requestTimeout: config.requestTimeoutMs,
    http: slowSenderLimits(config.requestTimeoutMs),
    // A malformed URL never reaches setErrorHandler: render it as the same 400 page.
    frameworkErrors: (err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
      const problem = toProblem(err)
      logProblem(req, err, problem)
      // This reply is made before routing, so no onSend hook adds the security headers.
      setSecurityHeaders(reply, { https: config.siteUrl.protocol === 'https:' })
      return renderError(context, reply, problem.status, problem.status < 500 ? 'The address could not be read.' : null)
    },
  })

  securityHeaders(app, { https: config.siteUrl.protocol === 'https:' })
  safeRedirects(app)
  refuseUnstorable(app)
  app.addHook('onSend', retryAfterOn503)

  // One URL per page: a trailing slash redirects to the path without it.
  app.addHook('onRequest', async (req, reply) => {
    const q = req.url.indexOf('?')
    const pathname = q === -1 ? req.url : req.url.slice(0, q)
    if (pathname.length > 1 && pathname.endsWith('/')) {
      // safeRedirects collapses a leading `//` or `/\`, which browsers would read as another host.
      return reply.redirect((pathname.replace(/\/+$/, '') || '/') + (q === -1 ? '' : req.url.slice(q)), 301)
    }
  })

  // Public pages from memory; a URL already mapped to a fresh entry is answered here, before routing.
  const pageCache = createPageCache({ maxBytes: config.pageCacheBytes, clock: services.clock, invalidation: services.invalidation, site: services.site })
  app.addHook('onRequest', pageCache.onRequest)
  app.addHook('onClose', async () => pageCache.close())
  loadShedding(app, config.shedding)

  /** Before answering 404, old URLs (legacy paths, changed slugs) are looked up in the redirects table. */
  const notFound = async (req: FastifyRequest, reply: FastifyReply) => {
    if (req.method === 'GET' || req.method === 'HEAD') {
      const redirect = await services.reading.redirectFor(req.url)
      if (redirect?.location) return reply.header('cache-control', 'public, max-age=3600').redirect(redirect.location, redirect.status)
      if (redirect) return renderError(context, reply, 410, null)
    }
    return renderError(context, reply, 404, null)
  }

  app.setErrorHandler(async (err, req, reply) => {
    const problem = toProblem(err)
    logProblem(req, err, problem)
    if (problem.status === 404) return notFound(req, reply)
    return renderError(context, reply, problem.status, problem.message)
  })
  app.setNotFoundHandler(notFound)

  await app.register(healthRoutes(services, Date.now()))
  await app.register(readinessRoutes(services))
  await app.register(assetRoutes(assets))
  await app.register(viewRoutes(services))
  await app.register(searchApiRoutes(services))
  await app.register(adminApiRoutes(services), { prefix: '/api/v1/admin' })
  await app.register(contentApiRoutes(services), { prefix: '/api/v1' })
  await app.register(deskRoutes(services, assets), { prefix: '/desk' })
  await app.register(fastifyStatic, {
    root: path.join(config.dataDir, 'media'), prefix: '/media/', decorateReply: false, index: false, dotfiles: 'deny',
    immutable: true, maxAge: '365d', redirect: false,
  })
  await app.register(frontRoutes(services, context, pageCache))
  await app.register(listingRoutes(services, context, pageCache))
  await app.register(searchRoutes(services, context))
  await app.register(feedRoutes(services, context, pageCache))
  await app.register(sitemapRoutes(services, pageCache))
  await app.register(publisherLogoRoutes(services))
  await app.register(previewRoutes(services, context))
  await app.register(articleRoutes(services, context, pageCache))
  return app
}

// The web application: the whole route table in one place. Builds the app; never listens.

import type { Server, ServerOptions } from 'node:http'
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyPluginAsync, type FastifyReply, type FastifyRequest, type FastifyHttpOptions } from 'fastify'
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
import { lazyValidators, type LazyValidators } from './lazy-validation.ts'
import { createPageCache } from './page-cache.ts'
import { metrics } from './metrics.ts'
import { prefixOf, renderContextSource, sendErrorPage, type ContextSource } from './site/pages.ts'
import { catalogueFor } from '../i18n/catalogues.ts'
import { frontRoutes } from './site/front.ts'
import { articleRoutes } from './site/articles.ts'
import { previewRoutes } from './site/preview.ts'
import { newsletterRoutes } from './site/newsletters.ts'
import { listingRoutes } from './site/listings.ts'
import { viewRoutes } from './api/views.ts'
import { searchRoutes } from './site/search.ts'
import { feedRoutes } from './site/feeds.ts'
import { quoteRoutes } from './site/quotes.ts'
import { sitemapRoutes } from './site/sitemaps.ts'
import { publisherLogoRoutes } from './site/publisher-logo.ts'
import { mediaFileRoutes } from './site/media-files.ts'
import { searchApiRoutes } from './api/search.ts'
import { contentApiRoutes } from './api/content.ts'
import { lazyArea } from './lazy-area.ts'

export interface AppDeps {
  readonly services: Services
  readonly config: Config
  readonly log: Log
  /** The request validators' factory (compiled on first use); a test passes its own to compile them all. */
  readonly validators?: LazyValidators
}

/**
 * Renders an error page for any status, in the language of the path's prefix (`/ru/…`) when it has one; falls back to
 * plain text if even that fails (e.g. the database is down).
 */
async function renderError(context: ContextSource, req: FastifyRequest, reply: FastifyReply, status: number, detail: string | null) {
  try {
    return sendErrorPage(reply, status, errorPage(await context(prefixOf(req.originalUrl)), status, detail))
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

/**
 * Where the reader routes of languages other than the default are registered. `/ru/news` and `/news` have the same
 * shape as `/news/<slug>` and `/<section>`, so the router cannot tell them apart by pattern; a path whose first segment
 * is a language code (never a section slug: they are reserved) is rewritten before routing to `/_lang/ru/news`, where
 * one copy of the reader routes reads the code as a parameter. `_lang` is no slug, and asked for directly it is a 404.
 * (Registering the routes once per code instead cost 0.8 s per app start.)
 */
const LANGUAGE_ROUTES = '/_lang'

/** The URL the router sees: `/ru/…` → `/_lang/ru/…`; the internal prefix itself leads nowhere. */
function rewriteLanguagePaths(req: { url?: string | undefined }): string {
  const url = req.url ?? '/'
  if (url.startsWith(`${LANGUAGE_ROUTES}/`) || url === LANGUAGE_ROUTES) return '/_lang-is-internal'
  return prefixOf(url) === null ? url : LANGUAGE_ROUTES + url
}

export async function buildApp({ services, config, log, validators = lazyValidators() }: AppDeps): Promise<FastifyInstance> {
  const assets = loadAssets({ onEditorBuildError: (err) => log.error({ err }, 'desk editor bundle build failed; the editor page shows the plain form') })
  const context = renderContextSource(services, assets)
  const security = { https: config.siteUrl.protocol === 'https:', mediaPublicUrl: config.media.publicUrl }
  /** Options and hooks of the app and of each lazy area alike: one set of answers whatever instance gives them. */
  const instance = (extra: FastifyHttpOptions<Server> = {}): FastifyInstance => {
    const created = Fastify({
      // pino's Logger is a FastifyBaseLogger; the cast keeps the app's type the default one.
      loggerInstance: log as FastifyBaseLogger,
      trustProxy: config.trustProxy,
      // One line per request costs more than the request itself; debug and trace turn it on.
      logController: new LogController({ disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace' }),
      routerOptions: { maxParamLength: 300 },
      schemaController: { compilersFactory: { buildValidator: validators.buildValidator, buildSerializer: validators.buildSerializer } },
      bodyLimit: 1024 * 1024,
      // A malformed URL never reaches setErrorHandler: render it as the same 400 page.
      frameworkErrors: (err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
        const problem = toProblem(err)
        logProblem(req, err, problem)
        // This reply is made before routing, so no onSend hook adds the security headers.
        setSecurityHeaders(reply, security)
        return renderError(context, req, reply, problem.status, problem.status < 500 ? catalogueFor(prefixOf(req.originalUrl) ?? '').addressUnreadable : null)
      },
      ...extra,
    })
    securityHeaders(created, security)
    safeRedirects(created)
    refuseUnstorable(created)
    created.addHook('onSend', retryAfterOn503)
    created.setErrorHandler(async (err, req, reply) => {
      const problem = toProblem(err)
      logProblem(req, err, problem)
      if (problem.status === 404) return notFound(req, reply)
      return renderError(context, req, reply, problem.status, problem.message)
    })
    created.setNotFoundHandler(notFound)
    return created
  }

  /** Before answering 404, old URLs (legacy paths, changed slugs) are looked up in the redirects table. */
  const notFound = async (req: FastifyRequest, reply: FastifyReply) => {
    if (req.method === 'GET' || req.method === 'HEAD') {
      const redirect = await services.reading.redirectFor(req.originalUrl)
      if (redirect?.location) return reply.header('cache-control', 'public, max-age=3600').redirect(redirect.location, redirect.status)
      if (redirect) return renderError(context, req, reply, 410, null)
    }
    return renderError(context, req, reply, 404, null)
  }

  const app = instance({
    rewriteUrl: rewriteLanguagePaths,
    // A body sent a byte a second would otherwise hold its connection for ever: Node answers 408 and closes it.
    requestTimeout: config.requestTimeoutMs,
    http: slowSenderLimits(config.requestTimeoutMs),
  })

  // One URL per page: a trailing slash redirects to the path without it.
  app.addHook('onRequest', async (req, reply) => {
    // The URL as sent, not as rewriteLanguagePaths made it.
    const url = req.originalUrl
    const q = url.indexOf('?')
    const pathname = q === -1 ? url : url.slice(0, q)
    if (pathname.length > 1 && pathname.endsWith('/')) {
      // safeRedirects collapses a leading `//` or `/\`, which browsers would read as another host.
      return reply.redirect((pathname.replace(/\/+$/, '') || '/') + (q === -1 ? '' : url.slice(q)), 301)
    }
  })

  // Public pages from memory; a URL already mapped to a fresh entry is answered here, before routing.
  const pageCache = createPageCache({ maxBytes: config.pageCacheBytes, clock: services.clock, invalidation: services.invalidation, site: services.site })
  // Counted from here, so that a page served from memory before routing is counted too.
  metrics(app, { ...services, pageCache }, { token: config.metricsToken })
  app.addHook('onRequest', pageCache.onRequest)
  app.addHook('onClose', async () => pageCache.close())
  loadShedding(app, config.shedding)

  await app.register(healthRoutes(services, Date.now()))
  await app.register(readinessRoutes(services))
  await app.register(assetRoutes(assets))
  await app.register(viewRoutes(services))
  await app.register(searchApiRoutes(services))
  // The Admin API and the desk: built after the start, or on their first request (src/web/lazy-area.ts).
  lazyArea(app, {
    prefixes: ['/api/v1/admin', '/desk'],
    create: () => instance(),
    async routes(area) {
      const [{ adminApiRoutes }, { deskRoutes }] = await Promise.all([import('./api/admin.ts'), import('./desk/desk.ts')])
      await area.register(adminApiRoutes(services), { prefix: '/api/v1/admin' })
      await area.register(deskRoutes(services, assets, context), { prefix: '/desk' })
    },
  })
  await app.register(contentApiRoutes(services), { prefix: '/api/v1' })
  await app.register(mediaFileRoutes(services))
  await app.register(sitemapRoutes(services, pageCache))
  await app.register(publisherLogoRoutes(services))
  await app.register(previewRoutes(services, context))
  await app.register(newsletterRoutes(services, context))
  // The reader pages of the default language, then the same once more under LANGUAGE_ROUTES, where rewriteLanguagePaths
  // sends `/ru/…`: which codes are site languages is read from the settings per request, so adding one needs no restart.
  const readerRoutes = (prefixed: boolean): FastifyPluginAsync => async (scope) => {
    await scope.register(frontRoutes(services, context, pageCache, prefixed))
    await scope.register(listingRoutes(services, context, pageCache, prefixed))
    await scope.register(searchRoutes(services, context, prefixed))
    await scope.register(feedRoutes(services, context, pageCache, prefixed))
    await scope.register(quoteRoutes(services, context, pageCache, prefixed))
    await scope.register(articleRoutes(services, context, pageCache, prefixed))
  }
  await app.register(readerRoutes(false))
  await app.register(readerRoutes(true), { prefix: `${LANGUAGE_ROUTES}/:lang` })
  return app
}

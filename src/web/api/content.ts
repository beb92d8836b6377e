// The public Content API under /api/v1: articles, sections, tags, authors and the OpenAPI document, as cacheable, CORS-open JSON.

import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { absoluteMediaUrl, mediaUrl, publicBodyMedia } from '../../domain/media.ts'
import type { ApiArticle, ApiAuthor, ApiSection, ApiTag } from '../../reading/content-api.ts'
import type { Services } from '../../services.ts'
import { sendCacheable } from '../caching.ts'
import { logProblem, sendJsonProblem, toProblem, type HttpProblem } from '../errors.ts'
import { articleListQuerystring, articleParams, articleQuerystring, openApiDocument } from './openapi.ts'
import { quoteListQuerystring, speakerListQuerystring } from './quotes-openapi.ts'
import { quoteJson } from './quote-json.ts'

/** Browsers revalidate after a minute; a CDN keeps answers 5 minutes and may serve them stale while it refetches. */
export const API_CACHE = 'public, max-age=60, s-maxage=300, stale-while-revalidate=600'
const JSON_TYPE = 'application/json; charset=utf-8'

interface ListQuery { section?: string; tag?: string; author?: string; since?: string; limit: number; cursor?: string }
interface ArticleParams { section: string; slug: string }

/** Clearer words than Ajv's for the parameters whose rules a client cannot guess from "must match pattern". */
const FIELD_MESSAGES: Readonly<Record<string, string>> = {
  limit: 'limit must be a whole number from 1 to 100',
  since: 'since must be an ISO 8601 date-time with a time zone, such as 2026-11-27T09:00:00Z (write + as %2B)',
  cursor: 'cursor is not valid; pass the next_cursor of the previous page unchanged',
  section: 'section must be a section slug such as "news"',
  tag: 'tag must be a tag slug such as "energy"',
  author: 'author must be an author slug',
  language: 'language must be a language tag such as "ru"',
}

const problemOf = (err: unknown): HttpProblem => {
  const problem = toProblem(err)
  const friendly = Array.isArray((err as FastifyError).validation) && problem.field ? FIELD_MESSAGES[problem.field] : undefined
  return friendly ? { ...problem, message: friendly } : problem
}

/** The JSON shapes of the API: snake_case, ISO 8601 times, absolute URLs from SITE_URL. */
export function apiJson(siteUrl: URL, mediaBase: string | null = null) {
  const base = `${siteUrl.origin}${siteUrl.pathname}`.replace(/\/+$/, '')
  const iso = (ms: number) => new Date(ms).toISOString()
  const withUrl = <T extends { path: string }>(x: T) => ({ ...x, url: base + x.path })
  return {
    article: (a: ApiArticle) => ({
      id: a.id, url: base + a.path, path: a.path, title: a.title, standfirst: a.standfirst, body_html: publicBodyMedia(a.bodyHtml, mediaBase),
      section: { slug: a.section.slug, name: a.section.name }, genre: a.genre, language: a.language,
      tags: a.tags.map((t) => ({ slug: t.slug, name: t.name, kind: t.kind })),
      authors: a.authors.map((p) => ({ slug: p.slug, name: p.name })),
      hero: a.hero && { url: absoluteMediaUrl(mediaUrl(a.hero), base, mediaBase), alt: a.hero.alt, caption: a.hero.caption, credit: a.hero.credit, width: a.hero.width, height: a.hero.height },
      published_at: iso(a.publishedAt), updated_at: iso(a.updatedAt),
      translations: a.translations.map((t) => ({ language: t.language, path: t.path })),
    }),
    section: (s: ApiSection) => withUrl({ slug: s.slug, name: s.name, description: s.description, path: s.path }),
    tag: (t: ApiTag) => withUrl({
      slug: t.slug, name: t.name, kind: t.kind, parent_slug: t.parentSlug, iso_code: t.isoCode, description: t.description, path: t.path,
      names: t.names,
    }),
    author: (a: ApiAuthor) => withUrl({ slug: a.slug, name: a.name, bio: a.bio, kind: a.kind, path: a.path }),
  }
}

/** CORS for a read-only API: any origin may read it, and the ETag is readable so clients can revalidate. */
function allowCrossOrigin(reply: FastifyReply): void {
  reply.header('access-control-allow-origin', '*').header('access-control-expose-headers', 'ETag')
}

/**
 * Register with `{ prefix: '/api/v1' }`: within that prefix unknown paths and every error answer in JSON, not the HTML page.
 * Other /api/v1 plugins (search, views) keep their own handlers.
 */
export const contentApiRoutes = (s: Pick<Services, 'contentApi' | 'config' | 'quoteReading'>): FastifyPluginAsync => async (app) => {
  const toJson = apiJson(s.config.siteUrl, s.config.media.publicUrl)
  const openapi = JSON.stringify(openApiDocument(s.config.siteUrl))
  // Every change to a live article invalidates the `feeds` scope, and the API is a feed of them (a CDN purges by it).
  const send = (req: FastifyRequest, reply: FastifyReply, value: unknown) => sendCacheable(req, reply, JSON.stringify(value), JSON_TYPE, API_CACHE, ['feeds'])

  app.addHook('onRequest', async (_req, reply) => allowCrossOrigin(reply))

  app.setErrorHandler(async (err, req, reply) => {
    const problem = problemOf(err)
    logProblem(req, err, problem)
    return sendJsonProblem(reply, problem)
  })
  const notFound = async (req: FastifyRequest, reply: FastifyReply) => {
    allowCrossOrigin(reply)
    return sendJsonProblem(reply, { status: 404, message: `there is nothing at ${req.method} ${req.url.split('?')[0]!.slice(0, 200)}`, field: null })
  }
  app.setNotFoundHandler(notFound)
  // The site's /:language/:section/:slug would otherwise take /api/v1/<anything> and answer its HTML page: claim the prefix.
  app.route({ method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], url: '/*', handler: notFound })
  app.get('/', notFound)

  // Preflight: only GET and HEAD are offered, so browsers refuse anything else before sending it.
  app.options('/*', async (_req, reply) => reply.code(204)
    .header('access-control-allow-methods', 'GET, HEAD, OPTIONS')
    .header('access-control-allow-headers', 'If-None-Match, If-Modified-Since, Accept')
    .header('access-control-max-age', '86400')
    .header('cache-control', 'public, max-age=86400')
    .send())

  app.get<{ Querystring: ListQuery }>('/articles', { schema: { querystring: articleListQuerystring } }, async (req, reply) => {
    const q = req.query
    const list = await s.contentApi.listArticles({
      section: q.section ?? null, tag: q.tag ?? null, author: q.author ?? null, since: q.since ?? null, limit: q.limit, cursor: q.cursor ?? null,
    })
    return send(req, reply, { items: list.items.map(toJson.article), next_cursor: list.nextCursor })
  })

  app.get<{ Params: ArticleParams; Querystring: { language?: string } }>(
    '/articles/:section/:slug', { schema: { params: articleParams, querystring: articleQuerystring } },
    async (req, reply) => send(req, reply, toJson.article(await s.contentApi.article({ ...req.params, language: req.query.language ?? null }))),
  )

  app.get('/sections', async (req, reply) => send(req, reply, { items: (await s.contentApi.sections()).map(toJson.section) }))
  app.get('/tags', async (req, reply) => send(req, reply, { items: (await s.contentApi.tags()).map(toJson.tag) }))
  app.get('/authors', async (req, reply) => send(req, reply, { items: (await s.contentApi.authors()).map(toJson.author) }))
  const quotes = quoteJson(s.config.siteUrl, s.config.timeZone)
  app.get<{ Querystring: { speaker?: string; from?: string; to?: string; q?: string; limit: number; cursor?: string } }>('/quotes', { schema: { querystring: quoteListQuerystring } }, async (req, reply) => {
    const page = await s.quoteReading.apiQuotes(req.query)
    return send(req, reply, { items: page.items.map(quotes.quote), next_cursor: page.nextCursor })
  })
  app.get<{ Querystring: { limit: number; cursor?: string } }>('/speakers', { schema: { querystring: speakerListQuerystring } }, async (req, reply) => {
    const page = await s.quoteReading.apiSpeakers(req.query)
    return send(req, reply, { items: page.items.map(quotes.speaker), next_cursor: page.nextCursor })
  })
  app.get('/openapi.json', async (req, reply) => sendCacheable(req, reply, openapi, JSON_TYPE, API_CACHE))
}

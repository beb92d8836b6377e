// GET /api/v1/search: the search results as JSON; errors as JSON problems, never HTML.

import type { FastifyPluginAsync } from 'fastify'
import type { SearchPage } from '../../domain/read-models.ts'
import { snippetHtml } from '../../render/site/search-page.ts'
import type { Services } from '../../services.ts'
import { PUBLIC_CACHE, sendCacheable } from '../caching.ts'
import { logProblem, sendJsonProblem, toProblem } from '../errors.ts'
import { searchQuerySchema, toSearchFilter, type SearchQuerystring } from '../site/search.ts'

/** The site search's parameters plus `language`: the API is not under a language prefix, so it names one. */
export const apiSearchQuerySchema = {
  ...searchQuerySchema,
  properties: { ...searchQuerySchema.properties, language: { type: 'string', maxLength: 35 } },
} as const

type ApiSearchQuerystring = SearchQuerystring & { language?: string }

/** Search-as-you-type: what was typed so far (the first 200 characters count) and, optionally, the language. */
export const suggestQuerySchema = {
  type: 'object',
  required: ['q'],
  properties: { q: { type: 'string', maxLength: 1000 }, language: { type: 'string', maxLength: 35 } },
} as const

interface SuggestQuerystring { q: string; language?: string }

/** The JSON body: `snippet` is HTML, escaped, with the searched words in <mark>. */
export const searchJson = (p: SearchPage) => ({
  items: (p.results?.items ?? []).map((a) => ({
    title: a.title, path: a.path, section: a.section.slug, published_at: new Date(a.publishedAt).toISOString(),
    snippet: snippetHtml(a.snippet).value,
  })),
  page: p.filter.page,
  has_next: p.results?.hasNext ?? false,
  trimmed: p.trimmed ?? false,
  did_you_mean: p.correction ?? null,
})

export const searchApiRoutes = (s: Pick<Services, 'search'>): FastifyPluginAsync => async (app) => {
  // Encapsulated: only this plugin's routes answer errors in JSON.
  app.setErrorHandler(async (err, req, reply) => {
    const problem = toProblem(err)
    logProblem(req, err, problem)
    return sendJsonProblem(reply, problem)
  })

  // Registered before /api/v1/search only for reading order: static paths never compete with each other.
  app.get<{ Querystring: SuggestQuerystring }>('/api/v1/search/suggest', { schema: { querystring: suggestQuerySchema } }, async (req, reply) => {
    const suggestions = await s.search.suggest(req.query.q, req.query.language || null)
    return sendCacheable(req, reply, JSON.stringify(suggestions), 'application/json; charset=utf-8', PUBLIC_CACHE, ['search'])
  })

  app.get<{ Querystring: ApiSearchQuerystring }>('/api/v1/search', { schema: { querystring: apiSearchQuerySchema } }, async (req, reply) => {
    const filter = { ...toSearchFilter(req.query), language: req.query.language || null }
    return sendCacheable(req, reply, JSON.stringify(searchJson(await s.search.search(filter))), 'application/json; charset=utf-8', PUBLIC_CACHE, ['search'])
  })
}

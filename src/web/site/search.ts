// The search page at /search: query schema, filters from the query string, the rendered results.

import type { FastifyPluginAsync } from 'fastify'
import type { SearchFilter } from '../../domain/read-models.ts'
import { searchPage } from '../../render/site/search-page.ts'
import type { Services } from '../../services.ts'
import { SEARCH_MAX_PAGE } from '../../reading/search.ts'
import { pageLanguage, routeLanguage, sendPage, type ContextSource } from './pages.ts'

const slug = { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 120 } as const

/** Query parameters of /search and /api/v1/search; bad values are a 400 before any handler runs. */
export const searchQuerySchema = {
  type: 'object',
  properties: {
    // Longer than the 200 characters searched is cut with a notice, not refused; this bound only keeps out the absurd.
    q: { type: 'string', maxLength: 8192, default: '' },
    page: { type: 'integer', minimum: 1, maximum: SEARCH_MAX_PAGE, default: 1 },
    section: { type: 'array', items: slug, maxItems: 50, default: [] },
    tag: { type: 'string', maxLength: 120 },
    author: { type: 'string', maxLength: 120 },
    from: { type: 'string', maxLength: 10 },
    to: { type: 'string', maxLength: 10 },
  },
} as const

export interface SearchQuerystring { q: string; page: number; section: string[]; tag?: string; author?: string; from?: string; to?: string }

/** The use-case's filter from a validated query string; empty fields mean "not set", as an HTML form sends them. */
export const toSearchFilter = (q: SearchQuerystring): SearchFilter => ({
  q: q.q, sections: [...new Set(q.section)], tag: q.tag || null, author: q.author || null, from: q.from || null, to: q.to || null, page: q.page,
})

/** The search page of the default language (unprefixed), or under /_lang/:lang (web/app.ts): each finds its own language's articles. */
export const searchRoutes = (s: Pick<Services, 'search' | 'site'>, context: ContextSource, prefixed = false): FastifyPluginAsync => async (app) => {
  app.get<{ Querystring: SearchQuerystring }>('/search', { schema: { querystring: searchQuerySchema } }, async (req, reply) => {
    const { code } = routeLanguage(req, prefixed)
    const language = await pageLanguage(s, code)
    const searched = language ?? (await s.site.get()).settings.language
    // Results may change with any publication, and every one invalidates the `search` scope: a CDN purges by it.
    return sendPage(req, reply, searchPage(await context(language), await s.search.search({ ...toSearchFilter(req.query), language: searched })), ['search'])
  })
}

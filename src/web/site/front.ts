// The front page and the most-read page.

import type { FastifyPluginAsync } from 'fastify'
import type { Services } from '../../services.ts'
import { frontPage } from '../../render/site/front-page.ts'
import { popularPage } from '../../render/site/simple-pages.ts'
import { frontPageDependencies, popularPageDependencies } from '../../reading/page-dependencies.ts'
import type { PageCache } from '../page-cache.ts'
import { pageLanguage, routeLanguage, type ContextSource } from './pages.ts'

/** The front page and Most read of the default language (unprefixed), or under /_lang/:lang (web/app.ts). */
export const frontRoutes = (s: Pick<Services, 'reading' | 'site'>, context: ContextSource, cache: PageCache, prefixed = false): FastifyPluginAsync => async (app) => {
  app.get('/', async (req, reply) => {
    const { code, prefix } = routeLanguage(req, prefixed)
    const language = await pageLanguage(s, code)
    // Old query URLs of the site root (WordPress's `/?p=123`) are found in the redirects table; other queries show the page.
    if (code === null && req.url.includes('?')) {
      const old = await s.reading.redirectFor(req.url)
      if (old?.location) return reply.header('cache-control', 'public, max-age=3600').redirect(old.location, old.status)
    }
    return cache.serve(req, reply, prefix || '/', async () => {
      const model = await s.reading.frontPage(language)
      return { body: frontPage(await context(language), model).value, deps: frontPageDependencies(model) }
    })
  })
  app.get('/popular', async (req, reply) => {
    const { code, prefix } = routeLanguage(req, prefixed)
    const language = await pageLanguage(s, code)
    return cache.serve(req, reply, `${prefix}/popular`, async () => {
      const model = await s.reading.popularPage(language)
      return { body: popularPage(await context(language), model).value, deps: popularPageDependencies(model) }
    })
  })
}

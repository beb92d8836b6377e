// The front page and the most-read page.

import type { FastifyPluginAsync } from 'fastify'
import type { Services } from '../../services.ts'
import { frontPage } from '../../render/site/front-page.ts'
import { popularPage } from '../../render/site/simple-pages.ts'
import { frontPageDependencies, popularPageDependencies } from '../../reading/page-dependencies.ts'
import type { PageCache } from '../page-cache.ts'
import type { ContextSource } from './pages.ts'

export const frontRoutes = (s: Pick<Services, 'reading'>, context: ContextSource, cache: PageCache): FastifyPluginAsync => async (app) => {
  app.get('/', async (req, reply) => {
    // Old query URLs of the site root (WordPress's `/?p=123`) are found in the redirects table; other queries show the page.
    if (req.url.includes('?')) {
      const old = await s.reading.redirectFor(req.url)
      if (old?.location) return reply.header('cache-control', 'public, max-age=3600').redirect(old.location, old.status)
    }
    return cache.serve(req, reply, '/', async () => {
      const model = await s.reading.frontPage()
      return { body: frontPage(await context(), model).value, deps: frontPageDependencies(model) }
    })
  })
  app.get('/popular', (req, reply) => cache.serve(req, reply, '/popular', async () => {
    const model = await s.reading.popularPage()
    return { body: popularPage(await context(), model).value, deps: popularPageDependencies(model) }
  }))
}

// GET /preview/:id: the signed, never-cached, not-indexed preview of an article's working copy.

import type { FastifyPluginAsync } from 'fastify'
import type { Services } from '../../services.ts'
import { AppError } from '../../errors.ts'
import { articlePage } from '../../render/site/article-page.ts'
import { NO_STORE } from '../caching.ts'
import type { ContextSource } from './pages.ts'

/** A bad, tampered or expired link is a 404, like any unknown page: it says nothing about what exists. */
export const previewRoutes = (s: Pick<Services, 'editing'>, context: ContextSource): FastifyPluginAsync => async (app) => {
  app.get<{ Params: { id: string }; Querystring: Record<string, unknown> }>('/preview/:id', async (req, reply) => {
    const q = req.query
    const model = await s.editing.preview({ id: req.params.id, v: q.v, exp: q.exp, sig: q.sig })
    if (!model) throw new AppError('NotFound', 'no such page')
    return reply.code(200).header('content-type', 'text/html; charset=utf-8').header('cache-control', NO_STORE)
      .header('x-robots-tag', 'noindex')
      .send(articlePage(await context(), model, { preview: true }).value)
  })
}

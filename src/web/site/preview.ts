// GET /preview/:id: the signed, never-cached, not-indexed preview of the version of an article's working copy a link was made for.

import type { FastifyPluginAsync } from 'fastify'
import type { Services } from '../../services.ts'
import { AppError } from '../../errors.ts'
import { articlePage } from '../../render/site/article-page.ts'
import { previewSupersededPage } from '../../render/site/preview-notice.ts'
import { NO_STORE } from '../caching.ts'
import type { ContextSource } from './pages.ts'

/**
 * A bad, tampered, expired or rotated-out link is a 404, like any unknown page: it says nothing about what exists. A
 * good link to a version the working copy has moved on from is a 410 notice asking for a new link.
 */
export const previewRoutes = (s: Pick<Services, 'editing'>, context: ContextSource): FastifyPluginAsync => async (app) => {
  app.get<{ Params: { id: string }; Querystring: Record<string, unknown> }>('/preview/:id', async (req, reply) => {
    const q = req.query
    const result = await s.editing.preview({ id: req.params.id, v: q.v, exp: q.exp, sig: q.sig })
    if (!result) throw new AppError('NotFound', 'no such page')
    const page = result.kind === 'page' ? articlePage(await context(), result.page, { preview: true }) : previewSupersededPage(await context())
    return reply.code(result.kind === 'page' ? 200 : 410).header('content-type', 'text/html; charset=utf-8').header('cache-control', NO_STORE)
      .header('x-robots-tag', 'noindex')
      .send(page.value)
  })
}

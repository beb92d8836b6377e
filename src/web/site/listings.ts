// Tag pages (topics and places), author pages and the archive.

import type { FastifyPluginAsync } from 'fastify'
import type { Services } from '../../services.ts'
import { isSlug } from '../../domain/slug.ts'
import { AppError } from '../../errors.ts'
import { authorPage, tagPage } from '../../render/site/listing-pages.ts'
import { archivePage } from '../../render/site/archive-page.ts'
import { archiveQuery, pageQuery, type ArchiveQuery, type PageQuery } from './query-schemas.ts'
import { sendPage, type ContextSource } from './pages.ts'

export const listingRoutes = (s: Pick<Services, 'reading'>, context: ContextSource): FastifyPluginAsync => async (app) => {
  app.get<{ Params: { slug: string }; Querystring: PageQuery }>('/tag/:slug', { schema: { querystring: pageQuery } }, async (req, reply) => {
    if (!isSlug(req.params.slug)) throw new AppError('NotFound', 'no such tag')
    return sendPage(req, reply, tagPage(await context(), await s.reading.tagPage(req.params.slug, req.query.page)))
  })

  app.get<{ Params: { slug: string }; Querystring: PageQuery }>('/author/:slug', { schema: { querystring: pageQuery } }, async (req, reply) => {
    if (!isSlug(req.params.slug)) throw new AppError('NotFound', 'no such author')
    return sendPage(req, reply, authorPage(await context(), await s.reading.authorPage(req.params.slug, req.query.page)))
  })

  app.get<{ Querystring: ArchiveQuery }>('/archive', { schema: { querystring: archiveQuery } }, async (req, reply) => {
    const q = req.query
    const page = await s.reading.archivePage({
      sections: [...new Set(q.section)], from: q.from || null, to: q.to || null, page: q.page,
    })
    return sendPage(req, reply, archivePage(await context(), page))
  })
}

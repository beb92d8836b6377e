// Tag pages (topics and places), author pages and the archive.

import type { FastifyPluginAsync } from 'fastify'
import type { Services } from '../../services.ts'
import { isSlug } from '../../domain/slug.ts'
import { AppError } from '../../errors.ts'
import { authorPage, tagPage } from '../../render/site/listing-pages.ts'
import { archivePage } from '../../render/site/archive-page.ts'
import { archiveQuery, pageNumber, pageQuery, type ArchiveQuery, type PageQuery } from './query-schemas.ts'
import { archivePageDependencies, authorPageDependencies, tagPageDependencies } from '../../reading/page-dependencies.ts'
import type { PageCache } from '../page-cache.ts'
import { pageKey, pageLanguage, routeLanguage, type ContextSource } from './pages.ts'

/** Tag, author and archive pages of the default language (unprefixed), or under /_lang/:lang (web/app.ts). */
export const listingRoutes = (s: Pick<Services, 'reading' | 'site'>, context: ContextSource, cache: PageCache, prefixed = false): FastifyPluginAsync => async (app) => {
  app.get<{ Params: { slug: string }; Querystring: PageQuery }>('/tag/:slug', { schema: { querystring: pageQuery } }, async (req, reply) => {
    if (!isSlug(req.params.slug)) throw new AppError('NotFound', 'no such tag')
    const page = pageNumber(req.query.page)
    const { code, prefix } = routeLanguage(req, prefixed)
    const language = await pageLanguage(s, code)
    return cache.serve(req, reply, pageKey(`${prefix}/tag/${req.params.slug}`, page), async () => {
      const model = await s.reading.tagPage(req.params.slug, page, language)
      return { body: tagPage(await context(language), model).value, deps: tagPageDependencies(model) }
    })
  })

  app.get<{ Params: { slug: string }; Querystring: PageQuery }>('/author/:slug', { schema: { querystring: pageQuery } }, async (req, reply) => {
    if (!isSlug(req.params.slug)) throw new AppError('NotFound', 'no such author')
    const page = pageNumber(req.query.page)
    const { code, prefix } = routeLanguage(req, prefixed)
    const language = await pageLanguage(s, code)
    return cache.serve(req, reply, pageKey(`${prefix}/author/${req.params.slug}`, page), async () => {
      const model = await s.reading.authorPage(req.params.slug, page, language)
      return { body: authorPage(await context(language), model).value, deps: authorPageDependencies(model) }
    })
  })

  app.get<{ Querystring: ArchiveQuery }>('/archive', { schema: { querystring: archiveQuery } }, async (req, reply) => {
    const q = req.query
    const filter = { sections: [...new Set(q.section)], from: q.from || null, to: q.to || null, page: pageNumber(q.page) }
    // The key is built from the validated filter, so unknown parameters cannot make new entries.
    const { code, prefix } = routeLanguage(req, prefixed)
    const language = await pageLanguage(s, code)
    const key = `${prefix}/archive?${new URLSearchParams([...filter.sections.map((x) => ['section', x]), ['from', filter.from ?? ''], ['to', filter.to ?? ''], ['page', String(filter.page)]])}`
    return cache.serve(req, reply, key, async () => {
      const model = await s.reading.archivePage(filter, language)
      return { body: archivePage(await context(language), model).value, deps: archivePageDependencies(model) }
    })
  })
}

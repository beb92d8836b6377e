// Articles and sections: /<section>, /<section>/<slug>, and /<lang>/<section>/<slug> for other languages.

import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { Services } from '../../services.ts'
import { isSlug } from '../../domain/slug.ts'
import { AppError } from '../../errors.ts'
import { articlePage } from '../../render/site/article-page.ts'
import { sectionPage } from '../../render/site/listing-pages.ts'
import { staticPage } from '../../render/site/simple-pages.ts'
import { pageNumber, pageQuery, type PageQuery } from './query-schemas.ts'
import { articlePageDependencies, sectionPageDependencies } from '../../reading/page-dependencies.ts'
import type { PageCache } from '../page-cache.ts'
import { pageKey, pageLanguage, routeLanguage, sendPage, type ContextSource } from './pages.ts'

/** Path segments that cannot name anything here are a 404, not a 400: they are just unknown paths. */
const requireSlugs = (...values: string[]): void => {
  if (!values.every(isSlug)) throw new AppError('NotFound', 'no such page')
}

/**
 * Sections and articles of the default language (unprefixed), or under /_lang/:lang (web/app.ts). An article answers at its
 * language's prefix whether or not the settings list that language (its path never changes); a section page only in a
 * site language.
 */
export const articleRoutes = (s: Pick<Services, 'reading' | 'site'>, context: ContextSource, cache: PageCache, prefixed = false): FastifyPluginAsync => async (app) => {
  const article = (req: FastifyRequest, reply: FastifyReply, p: { language: string | null; section: string; slug: string }) =>
    cache.serve(req, reply, `${p.language === null ? '' : `/${p.language}`}/${p.section}/${p.slug}`, async () => {
      const model = await s.reading.articlePage(p)
      return { body: articlePage(await context(model.article.language), model).value, deps: articlePageDependencies(model) }
    })

  app.get<{ Params: { section: string }; Querystring: PageQuery }>('/:section', { schema: { querystring: pageQuery } }, async (req, reply) => {
    const { section } = req.params
    requireSlugs(section)
    const { code, prefix } = routeLanguage(req, prefixed)
    const language = await pageLanguage(s, code)
    const ctx = await context(language)
    // A section, else a static page (About, Contact…); sections win, and the desk keeps their slugs apart.
    if (ctx.sections.some((x) => x.slug === section)) {
      const page = pageNumber(req.query.page)
      return cache.serve(req, reply, pageKey(`${prefix}/${section}`, page), async () => {
        const model = await s.reading.sectionPage(section, page, language)
        return { body: sectionPage(await context(language), model).value, deps: sectionPageDependencies(model) }
      })
    }
    // Static pages change without an invalidation event yet (there is no desk for them): rendered each time.
    return sendPage(req, reply, staticPage(ctx, await s.reading.staticPage(section)))
  })

  app.get<{ Params: { section: string; slug: string } }>('/:section/:slug', async (req, reply) => {
    const { section, slug } = req.params
    requireSlugs(section, slug)
    return article(req, reply, { language: routeLanguage(req, prefixed).code, section, slug })
  })
}

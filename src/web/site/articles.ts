// Articles and sections: /<section>, /<section>/<slug>, and /<lang>/<section>/<slug> for other languages.

import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { Services } from '../../services.ts'
import { isSlug } from '../../domain/slug.ts'
import { PAGE_MAX_DEPTH } from '../../domain/pages.ts'
import { isReservedSegment } from '../../domain/paths.ts'
import { AppError, isAppError } from '../../errors.ts'
import { articlePage } from '../../render/site/article-page.ts'
import { sectionPage } from '../../render/site/listing-pages.ts'
import { staticPage } from '../../render/site/simple-pages.ts'
import { pageNumber, pageQuery, type PageQuery } from './query-schemas.ts'
import { articlePageDependencies, sectionPageDependencies } from '../../reading/page-dependencies.ts'
import type { PageCache } from '../page-cache.ts'
import { pageKey, pageLanguage, routeLanguage, type ContextSource } from './pages.ts'

/** Path segments that cannot name anything here are a 404, not a 400: they are just unknown paths. */
const requireSlugs = (...values: string[]): void => {
  if (!values.every(isSlug)) throw new AppError('NotFound', 'no such page')
}

/**
 * Sections and articles of the default language (unprefixed), or under /_lang/:lang (web/app.ts). An article answers at its
 * language's prefix whether or not the settings list that language (its path never changes); a section page only in a
 * site language.
 */
export const articleRoutes = (s: Pick<Services, 'reading' | 'site' | 'quoteReading'>, context: ContextSource, cache: PageCache, prefixed = false): FastifyPluginAsync => async (app) => {
  const article = (req: FastifyRequest, reply: FastifyReply, p: { language: string | null; section: string; slug: string }) =>
    cache.serve(req, reply, `${p.language === null ? '' : `/${p.language}`}/${p.section}/${p.slug}`, async () => {
      const page = await s.reading.articlePage(p)
      const model = { ...page, quotes: await s.quoteReading.articleQuotes(page.article.id) }
      return { body: articlePage(await context(model.article.language), model).value, deps: articlePageDependencies(model) }
    })

  // Static pages are cached like everything else: every page change records a flush of all pages (editorial/pages.ts).
  const page = (req: FastifyRequest, reply: FastifyReply, path: string) =>
    cache.serve(req, reply, path, async () => {
      const model = await s.reading.staticPage(path)
      return { body: staticPage(await context(model.page.language), model).value, deps: { articleIds: [], scopes: ['pages'], maxAgeMs: null } }
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
    if (code !== null) throw new AppError('NotFound', 'no such page')
    return page(req, reply, `/${section}`)
  })

  app.get<{ Params: { section: string; slug: string } }>('/:section/:slug', async (req, reply) => {
    const { section, slug } = req.params
    requireSlugs(section, slug)
    const { code } = routeLanguage(req, prefixed)
    // Below a section are its articles; below anything else, a static page's child (the desk keeps the two apart).
    if (code === null && !(await context()).sections.some((x) => x.slug === section) && !isReservedSegment(section)) {
      try {
        return await page(req, reply, `/${section}/${slug}`)
      } catch (err) {
        // The section list is cached for seconds: a section made since (by an import, on another instance) is not in it
        // yet, so a path no page holds is still tried as an article.
        if (!isAppError(err) || err.kind !== 'NotFound') throw err
      }
    }
    return article(req, reply, { language: code, section, slug })
  })

  // Pages three to five levels down (/about/team/board); pages live only on the unprefixed paths.
  if (!prefixed) {
    app.get<{ Params: { '*': string } }>('/:top/:second/*', async (req, reply) => {
      const path = new URL(req.url, 'http://x').pathname
      const segments = path.split('/').slice(1)
      if (segments.length > PAGE_MAX_DEPTH || !segments.every(isSlug)) throw new AppError('NotFound', 'no such page')
      return page(req, reply, path)
    })
  }
}

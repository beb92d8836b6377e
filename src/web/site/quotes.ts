// Speaker pages (/people/<slug>) and quote pages (/quotes/<id>) with the quote's share image; served from the page cache.

import type { FastifyPluginAsync } from 'fastify'
import type { Services } from '../../services.ts'
import { isSlug } from '../../domain/slug.ts'
import { AppError } from '../../errors.ts'
import { formatDay, quotePage, speakerPage } from '../../render/site/quote-pages.ts'
import { quoteDay } from '../../domain/quotes.ts'
import type { PageCache } from '../page-cache.ts'
import { pageLanguage, routeLanguage, type ContextSource } from './pages.ts'

const afterQuery = {
  type: 'object', properties: { after: { type: 'string', maxLength: 40, pattern: '^-?[0-9]{1,15}\\.[0-9]{1,15}$' } }, additionalProperties: false,
} as const
const idParams = { type: 'object', properties: { id: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER } }, required: ['id'] } as const

export const quoteRoutes = (s: Pick<Services, 'quoteReading' | 'quoteCards' | 'site'>, context: ContextSource, cache: PageCache, prefixed = false): FastifyPluginAsync => async (app) => {
  app.get<{ Params: { slug: string }; Querystring: { after?: string } }>('/people/:slug', { schema: { querystring: afterQuery } }, async (req, reply) => {
    if (!isSlug(req.params.slug)) throw new AppError('NotFound', 'no such speaker')
    const { code, prefix } = routeLanguage(req, prefixed)
    const language = await pageLanguage(s, code)
    const after = req.query.after
    return cache.serve(req, reply, `${prefix}/people/${req.params.slug}${after ? `?after=${after}` : ''}`, async () => {
      const model = await s.quoteReading.speakerPage(req.params.slug, after)
      return { body: speakerPage(await context(language), model).value, deps: { articleIds: [...new Set(model.quotes.map((q) => q.articleId))], scopes: [`speaker:${model.speaker.id}`], maxAgeMs: null } }
    })
  })

  app.get<{ Params: { id: number } }>('/quotes/:id', { schema: { params: idParams } }, async (req, reply) => {
    const { code, prefix } = routeLanguage(req, prefixed)
    const language = await pageLanguage(s, code)
    return cache.serve(req, reply, `${prefix}/quotes/${req.params.id}`, async () => {
      const model = await s.quoteReading.quotePage(req.params.id)
      return { body: quotePage(await context(language), model).value, deps: { articleIds: [model.quote.articleId], scopes: [`speaker:${model.speaker.id}`], maxAgeMs: null } }
    })
  })

  app.get<{ Params: { id: number } }>('/quotes/:id/share.png', { schema: { params: idParams } }, async (req, reply) => {
    const { quote, speaker } = await s.quoteReading.quotePage(req.params.id)
    const ctx = await context()
    const png = await s.quoteCards.png({
      text: quote.text, speaker: speaker.name, role: [quote.role, quote.organisation].filter(Boolean).join(', '),
      date: formatDay(quoteDay(quote, ctx.settings.timeZone), ctx.t.locale), site: ctx.settings.name,
    })
    return reply.header('content-type', 'image/png').header('cache-control', 'public, max-age=3600').send(png)
  })
}

// The desk's articles list: working copies of every status, filtered and paged; contributors see only their own.

import type { FastifyPluginAsync } from 'fastify'
import { ARTICLE_STATUSES, type ArticleStatus } from '../../domain/article.ts'
import { articlesPage } from '../../render/desk/articles-page.ts'
import { actorOf, requireUser } from '../viewer.ts'
import { sendDeskPage, type DeskKit } from './desk.ts'

const PER_PAGE = 30

interface ListQuery {
  status?: ArticleStatus | ''
  section?: string
  author?: string
  q?: string
  page?: number
}

const SLUG_OR_EMPTY = { type: 'string', maxLength: 200, pattern: '^[a-z0-9-]*$' } as const

const listQuerySchema = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['', ...ARTICLE_STATUSES] },
    section: SLUG_OR_EMPTY,
    author: SLUG_OR_EMPTY,
    q: { type: 'string', maxLength: 200 },
    page: { type: 'integer', minimum: 1, maximum: 100_000 },
  },
  additionalProperties: false,
} as const

export const deskArticleRoutes = (kit: DeskKit): FastifyPluginAsync => async (app) => {
  const { deskReads } = kit.services

  app.get<{ Querystring: ListQuery }>('/', { schema: { querystring: listQuerySchema }, preHandler: requireUser() }, async (req, reply) => {
    const { status, section, author } = req.query
    const q = req.query.q?.trim() ?? ''
    const page = req.query.page ?? 1
    // Whoever may not edit everyone's articles (contributors, by the matrix of domain/roles.ts) lists only their own.
    const [list, { sections, authors }, site] = await Promise.all([
      deskReads.articles(actorOf(req), { status: status || undefined, section, author, text: q, page, perPage: PER_PAGE }),
      deskReads.choices(), kit.services.site.get(),
    ])
    const ownOnly = list.ownOnly
    return sendDeskPage(reply, 200, articlesPage(await kit.context(req, await kit.csrfFor(req)), {
      filters: { ...(status && { status }), ...(section && { section }), ...(author && { author }), ...(q && { q }) },
      page, hasNext: list.hasNext, items: list.items, ownOnly, timeZone: site.settings.timeZone,
      sections: sections.map((s) => ({ slug: s.slug, name: s.name })), authors: authors.map((a) => ({ slug: a.slug, name: a.name })),
    }))
  })
}

// The desk's articles list: working copies of every status, filtered and paged; contributors see only their own.

import type { FastifyPluginAsync } from 'fastify'
import { ARTICLE_STATUSES, type ArticleStatus } from '../../domain/article.ts'
import { can } from '../../domain/roles.ts'
import { AppError } from '../../errors.ts'
import { articlesPage } from '../../render/desk/articles-page.ts'
import { requireUser, viewerOf } from '../viewer.ts'
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
  const { store } = kit.services

  app.get<{ Querystring: ListQuery }>('/', { schema: { querystring: listQuerySchema }, preHandler: requireUser() }, async (req, reply) => {
    const viewer = viewerOf(req)!
    const { status, section, author } = req.query
    const q = req.query.q?.trim() ?? ''
    const page = req.query.page ?? 1
    const sectionRow = section ? await store.taxonomy.sectionBySlug(section) : undefined
    if (section && !sectionRow) throw new AppError('Invalid', `unknown section "${section}"`, 'section')
    const authorRow = author ? await store.people.authorBySlug(author) : undefined
    if (author && !authorRow) throw new AppError('Invalid', `unknown author "${author}"`, 'author')
    // Whoever may not edit everyone's articles (contributors, by the matrix of domain/roles.ts) lists only their own.
    const ownOnly = !can(viewer.user.role, 'article.edit', { own: false })
    const [list, sections, authors, site] = await Promise.all([
      store.deskArticles.list({
        ...(status && { status }), ...(sectionRow && { sectionId: sectionRow.id }), ...(authorRow && { authorId: authorRow.id }),
        ...(q && { text: q }), ...(ownOnly && { createdBy: viewer.user.id }), page, perPage: PER_PAGE,
      }),
      store.taxonomy.sections(), store.people.authors(), kit.services.site.get(),
    ])
    // One query for the page: which published rows have saved changes readers do not see yet.
    const pending = await store.liveChanges.pending(list.items.filter((i) => i.status === 'published').map((i) => i.id))
    return sendDeskPage(reply, 200, articlesPage(await kit.context(req, await kit.csrfFor(req)), {
      filters: { ...(status && { status }), ...(section && { section }), ...(author && { author }), ...(q && { q }) },
      page, hasNext: list.hasNext, items: list.items.map((i) => ({ ...i, unpublishedChanges: pending.has(i.id) })), ownOnly, timeZone: site.settings.timeZone,
      sections: sections.map((s) => ({ slug: s.slug, name: s.name })), authors: authors.map((a) => ({ slug: a.slug, name: a.name })),
    }))
  })
}

// An article's revisions on the desk: the list, a comparison of two, and restoring one into the working copy.

import type { FastifyPluginAsync } from 'fastify'
import { revisionsPage } from '../../render/desk/revisions-page.ts'
import { requireUser } from '../viewer.ts'
import { sendDeskPage, type DeskKit } from './desk.ts'
import { editableArticle } from './editor.ts'

const INT = { type: 'integer', minimum: 1, maximum: 2_147_483_647 } as const
const paramsSchema = { type: 'object', properties: { id: INT }, required: ['id'], additionalProperties: false } as const
const restoreParamsSchema = { type: 'object', properties: { id: INT, revision: INT }, required: ['id', 'revision'], additionalProperties: false } as const
const querySchema = {
  type: 'object', properties: { page: { type: 'integer', minimum: 1, maximum: 10_000 }, from: INT, to: INT }, additionalProperties: false,
} as const

export const deskRevisionRoutes = (kit: DeskKit): FastifyPluginAsync => async (app) => {
  const { editing, site } = kit.services

  app.get<{ Params: { id: number }; Querystring: { page?: number; from?: number; to?: number } }>('/articles/:id/revisions',
    { schema: { params: paramsSchema, querystring: querySchema }, preHandler: requireUser() }, async (req, reply) => {
      const { article } = await editableArticle(kit, req, req.params.id)
      const { from, to } = req.query
      const [list, comparison, { settings }] = await Promise.all([
        editing.revisions(article.id, req.query.page ?? 1),
        from !== undefined && to !== undefined ? editing.compare(article.id, from, to) : Promise.resolve(null),
        site.get(),
      ])
      return sendDeskPage(reply, 200, revisionsPage(await kit.context(req, await kit.csrfFor(req)), {
        article: { id: article.id, title: article.title }, items: list.items, page: list.page, hasNext: list.hasNext,
        comparison, canRestore: true, timeZone: settings.timeZone,
      }))
    })

  app.post<{ Params: { id: number; revision: number } }>('/articles/:id/revisions/:revision/restore',
    { schema: { params: restoreParamsSchema }, preHandler: requireUser() }, async (req, reply) => {
      const { article, actor } = await editableArticle(kit, req, req.params.id)
      await editing.restore(article.id, req.params.revision, actor)
      return reply.redirect(`/desk/articles/${article.id}/edit?notice=restored`, 303)
    })
}

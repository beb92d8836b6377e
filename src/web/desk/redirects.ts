// The desk's redirects: list with a filter, add a manual 301 or 410, delete. Editors and admins.

import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { redirectsPage, type RedirectsView } from '../../render/desk/redirects-page.ts'
import { actorOf, requireUser } from '../viewer.ts'
import { doneQuery, doneRedirect, formText, idParams } from './admin-forms.ts'
import { attempt } from './form-attempt.ts'
import { sendDeskPage, type DeskKit } from './desk.ts'

const DONE: Readonly<Record<string, string>> = { created: 'The redirect was added.', deleted: 'The redirect was deleted.' }
const PER_PAGE = 50
const MANAGE = requireUser()

interface ListQuery { done?: string; q?: string; page?: number }

export const deskRedirectRoutes = (kit: DeskKit): FastifyPluginAsync => async (app) => {
  const { redirectDesk, site } = kit.services

  async function render(req: FastifyRequest, reply: FastifyReply, status: number, query: ListQuery, extra: Partial<RedirectsView>) {
    const page = query.page ?? 1
    const q = query.q?.trim() ?? ''
    const [list, { settings }] = await Promise.all([redirectDesk.page(actorOf(req), { ...(q && { text: q }), page, perPage: PER_PAGE }), site.get()])
    return sendDeskPage(reply, status, redirectsPage(await kit.context(req, await kit.csrfFor(req)), {
      redirects: list.items,
      q, page, hasNext: list.hasNext, timeZone: settings.timeZone,
      message: query.done ? DONE[query.done] ?? null : null, error: null, values: {}, ...extra,
    }))
  }

  const listQuery = doneQuery(Object.keys(DONE), { q: { type: 'string', maxLength: 200 }, page: { type: 'integer', minimum: 1, maximum: 100_000 } })

  app.get<{ Querystring: ListQuery }>('/redirects', { schema: { querystring: listQuery }, preHandler: MANAGE }, async (req, reply) => render(req, reply, 200, req.query, {}))

  app.post('/redirects', { preHandler: MANAGE }, async (req, reply) => {
    const values = { from: formText(req.body, 'from', 1100), to: formText(req.body, 'to', 2100), status: formText(req.body, 'status', 5) }
    return attempt(() => redirectDesk.add(actorOf(req), values), () => doneRedirect(reply, '/desk/redirects', 'created'),
      (status, error) => render(req, reply, status, {}, { error, values }))
  })

  app.post<{ Params: { id: number } }>('/redirects/:id/delete', { schema: { params: idParams }, preHandler: MANAGE }, async (req, reply) => {
    await redirectDesk.remove(actorOf(req), req.params.id)
    return doneRedirect(reply, '/desk/redirects', 'deleted')
  })
}

// The desk's redirects: list with a filter, add a manual 301 or 410, delete. Editors and admins.

import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { redirectsPage, type RedirectsView } from '../../render/desk/redirects-page.ts'
import { requireUser, viewerOf } from '../viewer.ts'
import { doneQuery, doneRedirect, formText, idParams } from './admin-forms.ts'
import { attempt } from './form-attempt.ts'
import { sendDeskPage, type DeskKit } from './desk.ts'

const DONE: Readonly<Record<string, string>> = { created: 'The redirect was added.', deleted: 'The redirect was deleted.' }
const PER_PAGE = 50
const MANAGE = requireUser('redirects.manage')

interface ListQuery { done?: string; q?: string; page?: number }

export const deskRedirectRoutes = (kit: DeskKit): FastifyPluginAsync => async (app) => {
  const { store, redirectDesk, site } = kit.services

  async function render(req: FastifyRequest, reply: FastifyReply, status: number, query: ListQuery, extra: Partial<RedirectsView>) {
    const page = query.page ?? 1
    const q = query.q?.trim() ?? ''
    const [list, { settings }] = await Promise.all([store.redirects.list({ ...(q && { text: q }), limit: PER_PAGE, offset: (page - 1) * PER_PAGE }), site.get()])
    const titles = new Map<number, string>()
    for (const r of list.items) {
      if (r.toArticleId !== null && !titles.has(r.toArticleId)) titles.set(r.toArticleId, (await store.articles.get(r.toArticleId))?.title ?? '')
    }
    return sendDeskPage(reply, status, redirectsPage(await kit.context(req, await kit.csrfFor(req)), {
      redirects: list.items.map((r) => ({ ...r, articleTitle: r.toArticleId === null ? null : titles.get(r.toArticleId) || null })),
      q, page, hasNext: list.hasNext, timeZone: settings.timeZone,
      message: query.done ? DONE[query.done] ?? null : null, error: null, values: {}, ...extra,
    }))
  }

  const listQuery = doneQuery(Object.keys(DONE), { q: { type: 'string', maxLength: 200 }, page: { type: 'integer', minimum: 1, maximum: 100_000 } })

  app.get<{ Querystring: ListQuery }>('/redirects', { schema: { querystring: listQuery }, preHandler: MANAGE }, async (req, reply) => render(req, reply, 200, req.query, {}))

  app.post('/redirects', { preHandler: MANAGE }, async (req, reply) => {
    const values = { from: formText(req.body, 'from', 1100), to: formText(req.body, 'to', 2100), status: formText(req.body, 'status', 5) }
    return attempt(() => redirectDesk.add(viewerOf(req)!.user.id, values), () => doneRedirect(reply, '/desk/redirects', 'created'),
      (status, error) => render(req, reply, status, {}, { error, values }))
  })

  app.post<{ Params: { id: number } }>('/redirects/:id/delete', { schema: { params: idParams }, preHandler: MANAGE }, async (req, reply) => {
    await redirectDesk.remove(viewerOf(req)!.user.id, req.params.id)
    return doneRedirect(reply, '/desk/redirects', 'deleted')
  })
}

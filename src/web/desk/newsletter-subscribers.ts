// The desk's newsletter subscribers: list and search, CSV export (streamed) and import, erasure.

import { Readable } from 'node:stream'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { subscribersPage, type SubscribersView } from '../../render/desk/newsletter-subscribers-page.ts'
import { actorOf, requireUser } from '../viewer.ts'
import { doneQuery, doneRedirect, formText, idParams } from './admin-forms.ts'
import { attempt } from './form-attempt.ts'
import { sendDeskPage, type DeskKit } from './desk.ts'

const DONE: Readonly<Record<string, string>> = { erased: 'The address and everything about it were deleted.', imported: 'The addresses were imported.' }
const PER_PAGE = 50
const MANAGE = requireUser()

interface ListQuery { done?: string; q?: string; page?: number }

export const deskNewsletterSubscriberRoutes = (kit: DeskKit): FastifyPluginAsync => async (app) => {
  const { newsletterSubscribers, newsletterDesk, site } = kit.services

  async function render(req: FastifyRequest, reply: FastifyReply, status: number, query: ListQuery, extra: Partial<SubscribersView>) {
    const page = query.page ?? 1
    const q = query.q?.trim() ?? ''
    const [list, newsletters, { settings }, weekly] = await Promise.all([
      newsletterSubscribers.page(actorOf(req), { ...(q && { text: q }), page, perPage: PER_PAGE }), newsletterDesk.list(actorOf(req)), site.get(),
      newsletterSubscribers.weekly(actorOf(req))])
    return sendDeskPage(reply, status, subscribersPage(await kit.context(req, await kit.csrfFor(req)), {
      subscribers: list.items, newsletters, q, page, hasNext: list.hasNext, timeZone: settings.timeZone, weekly,
      message: query.done ? DONE[query.done] ?? null : null, error: null, ...extra,
    }))
  }

  const listQuery = doneQuery(Object.keys(DONE), { q: { type: 'string', maxLength: 200 }, page: { type: 'integer', minimum: 1, maximum: 100_000 } })
  app.get<{ Querystring: ListQuery }>('/newsletters/subscribers', { schema: { querystring: listQuery }, preHandler: MANAGE }, async (req, reply) => render(req, reply, 200, req.query, {}))

  app.get('/newsletters/subscribers.csv', { preHandler: MANAGE }, async (req, reply) => {
    const lines = newsletterSubscribers.exportCsv(actorOf(req))
    // The first line is read before answering, so a refusal (Forbidden) is still an error page, not a broken download.
    const first = await lines.next()
    return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="subscribers.csv"')
      .send(Readable.from((async function* () { if (!first.done) yield first.value; yield* lines })()))
  })

  app.post('/newsletters/subscribers/import', { preHandler: MANAGE }, async (req, reply) => {
    const values = { newsletterId: formText(req.body, 'newsletter', 20), source: formText(req.body, 'source', 300), csv: formText(req.body, 'csv', 64 * 1024) }
    return attempt(() => newsletterSubscribers.importCsv(actorOf(req), values), () => doneRedirect(reply, '/desk/newsletters/subscribers', 'imported'),
      (status, error) => render(req, reply, status, {}, { error }))
  })

  app.post<{ Params: { id: number } }>('/newsletters/subscribers/:id/erase', { schema: { params: idParams }, preHandler: MANAGE }, async (req, reply) => {
    await newsletterSubscribers.erase(actorOf(req), req.params.id)
    return doneRedirect(reply, '/desk/newsletters/subscribers', 'erased')
  })
}

// The desk's webhooks page (admins only): receivers (add, remove) and the recent delivery log, through editorial/webhooks.ts.

import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { webhooksPage, type WebhooksView } from '../../render/desk/webhooks-page.ts'
import { actorOf, requireUser } from '../viewer.ts'
import { doneQuery, doneRedirect, formText, idParams, refusal } from './admin-forms.ts'
import { attempt } from './form-attempt.ts'
import { sendDeskPage, type DeskKit } from './desk.ts'

const RECENT = 30

const DONE: Readonly<Record<string, string>> = {
  removed: 'The receiver was removed; its pending deliveries will not be sent.',
  redelivered: 'The event will be sent again on the next run of the delivery job.',
}

const MANAGE = requireUser()

export const deskWebhookRoutes = (kit: DeskKit): FastifyPluginAsync => async (app) => {
  const { webhookDesk } = kit.services

  async function render(req: FastifyRequest, reply: FastifyReply, status: number, extra: Partial<WebhooksView>) {
    const [receivers, deliveries, site] = await Promise.all([
      webhookDesk.receivers(actorOf(req)), webhookDesk.log(actorOf(req), { limit: RECENT }), kit.services.site.get(),
    ])
    return sendDeskPage(reply, status, webhooksPage(await kit.context(req, await kit.csrfFor(req)), {
      receivers, deliveries, timeZone: site.settings.timeZone, status: null, ...extra,
    }))
  }

  const change = (req: FastifyRequest, reply: FastifyReply, done: string, fn: () => Promise<unknown>) =>
    attempt(fn, () => doneRedirect(reply, '/desk/webhooks', done),
      (status, error) => render(req, reply, status, { error: { field: null, message: error.message } }))

  app.get<{ Querystring: { done?: string } }>('/webhooks', { schema: { querystring: doneQuery(Object.keys(DONE)) }, preHandler: MANAGE }, async (req, reply) =>
    render(req, reply, 200, { status: req.query.done ? DONE[req.query.done] ?? null : null }))

  app.post('/webhooks', { preHandler: MANAGE }, async (req, reply) => {
    // A bound on what is read, well above the receiver URL's own limit, which the use-case checks (webhook-address.ts).
    const url = formText(req.body, 'url', 10_000)
    try {
      const created = await webhookDesk.add(actorOf(req), url)
      // The secret is shown in this response only.
      return render(req, reply, 201, { status: 'The receiver was added.', created: { url: created.url, secret: created.secret } })
    } catch (err) {
      const r = refusal(err)
      if (!r) throw err
      return render(req, reply, r.status, { error: r.error, values: { url } })
    }
  })

  app.post<{ Params: { id: number } }>('/webhooks/:id/remove', { schema: { params: idParams }, preHandler: MANAGE }, async (req, reply) =>
    change(req, reply, 'removed', () => webhookDesk.remove(actorOf(req), req.params.id)))

  app.post<{ Params: { id: number } }>('/webhooks/deliveries/:id/redeliver', { schema: { params: idParams }, preHandler: MANAGE }, async (req, reply) =>
    change(req, reply, 'redelivered', () => webhookDesk.redeliver(actorOf(req), req.params.id)))
}

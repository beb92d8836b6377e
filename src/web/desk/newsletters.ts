// The desk's newsletters: the list, a new one, and one newsletter's definition. Editors and admins (the use-case decides).

import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { Newsletter } from '../../domain/newsletter.ts'
import { newslettersPage, type NewsletterFormValues, type NewslettersView } from '../../render/desk/newsletters-page.ts'
import { newsletterPage, type NewsletterView } from '../../render/desk/newsletter-page.ts'
import { actorOf, requireUser } from '../viewer.ts'
import { doneQuery, doneRedirect, formText, idParams } from './admin-forms.ts'
import { attempt } from './form-attempt.ts'
import { sendDeskPage, type DeskKit } from './desk.ts'

const DONE: Readonly<Record<string, string>> = {
  created: 'The newsletter was added.', saved: 'The newsletter was saved.', composed: 'A new issue was composed.',
  queued: 'The issue is being sent.', tested: 'A test was sent to your address.',
}
const MANAGE = requireUser()
const FIELDS = ['name', 'slug', 'description', 'language', 'senderName', 'senderAddress', 'replyTo', 'cadence', 'sendTime', 'sendWeekday', 'sections'] as const

/** The form's fields as sent, each bounded before the use-case checks it. */
function formValues(body: unknown): NewsletterFormValues {
  const v: Record<string, string> = {}
  for (const f of FIELDS) v[f] = formText(body, f, 1100)
  v.autoSend = formText(body, 'autoSend', 5)
  return v
}

/** A saved newsletter as the form shows it. */
export const valuesOf = (n: Newsletter): NewsletterFormValues => ({
  name: n.name, slug: n.slug, description: n.description, language: n.language, senderName: n.senderName, senderAddress: n.senderAddress,
  replyTo: n.replyTo ?? '', cadence: n.cadence, sendTime: n.sendTime ?? '', sendWeekday: String(n.sendWeekday ?? 1), autoSend: n.autoSend ? 'on' : '',
  sections: n.sections.join(', '),
})

export const deskNewsletterRoutes = (kit: DeskKit): FastifyPluginAsync => async (app) => {
  const { newsletterDesk } = kit.services

  async function renderList(req: FastifyRequest, reply: FastifyReply, status: number, done: string | undefined, extra: Partial<NewslettersView>) {
    const list = await newsletterDesk.list(actorOf(req))
    return sendDeskPage(reply, status, newslettersPage(await kit.context(req, await kit.csrfFor(req)), {
      newsletters: list, message: done ? DONE[done] ?? null : null, error: null, values: { language: 'en', cadence: 'manual' }, ...extra,
    }))
  }

  async function renderOne(req: FastifyRequest, reply: FastifyReply, status: number, id: number, done: string | undefined, extra: Partial<NewsletterView>) {
    const n = await newsletterDesk.get(actorOf(req), id)
    const issues = await newsletterDesk.issues(actorOf(req), id)
    return sendDeskPage(reply, status, newsletterPage(await kit.context(req, await kit.csrfFor(req)), {
      newsletter: n, issues, values: valuesOf(n), message: done ? DONE[done] ?? null : null, error: null, ...extra,
    }))
  }

  app.get<{ Querystring: { done?: string } }>('/newsletters', { schema: { querystring: doneQuery(Object.keys(DONE)) }, preHandler: MANAGE },
    async (req, reply) => renderList(req, reply, 200, req.query.done, {}))

  app.post('/newsletters', { preHandler: MANAGE }, async (req, reply) => {
    const values = formValues(req.body)
    let id = 0
    return attempt(async () => { id = await newsletterDesk.create(actorOf(req), values) }, () => doneRedirect(reply, `/desk/newsletters/${id}`, 'created'),
      (status, error) => renderList(req, reply, status, undefined, { error, values }))
  })

  app.get<{ Params: { id: number }; Querystring: { done?: string } }>('/newsletters/:id',
    { schema: { params: idParams, querystring: doneQuery(Object.keys(DONE)) }, preHandler: MANAGE },
    async (req, reply) => renderOne(req, reply, 200, req.params.id, req.query.done, {}))

  app.post<{ Params: { id: number } }>('/newsletters/:id', { schema: { params: idParams }, preHandler: MANAGE }, async (req, reply) => {
    const values = formValues(req.body)
    return attempt(() => newsletterDesk.update(actorOf(req), req.params.id, values), () => doneRedirect(reply, `/desk/newsletters/${req.params.id}`, 'saved'),
      (status, error) => renderOne(req, reply, status, req.params.id, undefined, { error, values }))
  })
}

// The desk's front page: pin the lead story, order, expire, add and remove the editor's choice. Editors and admins.

import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { AppError } from '../../errors.ts'
import { frontDeskPage, type FrontDeskView } from '../../render/desk/front-page.ts'
import { actorOf, requireUser } from '../viewer.ts'
import type { Actor } from '../../editorial/editing.ts'
import { doneQuery, doneRedirect, formText } from './admin-forms.ts'
import { attempt } from './form-attempt.ts'
import { sendDeskPage, type DeskKit } from './desk.ts'
import { instantOfLocal, localOfInstant } from '../../domain/calendar.ts'

const DONE: Readonly<Record<string, string>> = {
  lead: 'The lead story is pinned.',
  unpinned: 'The pin was cleared: the newest article leads.',
  added: 'The article was added to the editor\'s choice.',
  moved: 'The editor\'s choice was reordered.',
  expiry: 'The expiry was saved.',
  removed: 'The article was taken out of the editor\'s choice.',
}

const CURATE = requireUser()
const SEARCH_LIMIT = 20

export const deskFrontRoutes = (kit: DeskKit): FastifyPluginAsync => async (app) => {
  const { curation, site, clock } = kit.services

  async function render(req: FastifyRequest, reply: FastifyReply, status: number, extra: Partial<FrontDeskView> & { q?: string }) {
    const actor = actorOf(req)
    const [state, { settings }] = await Promise.all([curation.state(actor), site.get()])
    const q = extra.q?.trim() ?? ''
    const found = q ? await curation.findPublished(actor, q, SEARCH_LIMIT) : null
    return sendDeskPage(reply, status, frontDeskPage(await kit.context(req, await kit.csrfFor(req)), {
      leadArticleId: state.leadArticleId, candidates: state.candidates,
      picks: state.picks.map((p) => ({ ...p, untilLocal: p.until === null ? '' : localOfInstant(p.until, settings.timeZone) })),
      search: found && { q, results: found },
      now: clock.now(), timeZone: settings.timeZone, message: null, error: null, values: {}, ...extra,
    }))
  }

  /**
   * Runs a change; a refusal re-renders the page (400, or 409 as the kind says) with the message at its field, in the
   * row of the pick it is about when `row`.
   */
  const change = (req: FastifyRequest, reply: FastifyReply, done: string, fn: (actor: Actor) => Promise<unknown>, row = true) =>
    attempt(() => fn(actorOf(req)), () => doneRedirect(reply, '/desk/front', done), (status, error) => {
      const article = Number(formText(req.body, 'article', 20))
      return render(req, reply, status, {
        error: { ...error, ...(Number.isSafeInteger(article) && article > 0 && row && { articleId: article }) },
        values: { article: formText(req.body, 'article', 20) },
      })
    })

  app.get<{ Querystring: { done?: string; q?: string } }>('/front', {
    schema: { querystring: doneQuery(Object.keys(DONE), { q: { type: 'string', maxLength: 200 } }) }, preHandler: CURATE,
  }, async (req, reply) => render(req, reply, 200, { message: req.query.done ? DONE[req.query.done] ?? null : null, q: req.query.q ?? '' }))

  app.post('/front/lead', { preHandler: CURATE }, async (req, reply) => {
    const lead = formText(req.body, 'lead', 20)
    return change(req, reply, lead ? 'lead' : 'unpinned', (actor) => curation.pinLead(actor, lead), false)
  })

  app.post('/front/picks/add', { preHandler: CURATE }, async (req, reply) =>
    change(req, reply, 'added', (actor) => curation.addPick(actor, formText(req.body, 'article', 20).trim()), false))

  app.post('/front/picks/move', { preHandler: CURATE }, async (req, reply) =>
    change(req, reply, 'moved', (actor) => curation.movePick(actor, formText(req.body, 'article', 20), formText(req.body, 'direction', 10))))

  app.post('/front/picks/expiry', { preHandler: CURATE }, async (req, reply) =>
    change(req, reply, 'expiry', async (actor) => {
      const value = formText(req.body, 'until', 30).trim()
      const until = value === '' ? null : instantOfLocal(value, (await site.get()).settings.timeZone)
      if (value !== '' && until === null) throw new AppError('Invalid', 'give the expiry as a date and time', 'until')
      return curation.setPickExpiry(actor, formText(req.body, 'article', 20), until)
    }))

  app.post('/front/picks/remove', { preHandler: CURATE }, async (req, reply) =>
    change(req, reply, 'removed', (actor) => curation.removePick(actor, formText(req.body, 'article', 20))))
}

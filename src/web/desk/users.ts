// The desk's users page (admins only): list, add, change role, deactivate or reactivate, end someone's sessions.

import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { usersPage, type UsersView } from '../../render/desk/users-page.ts'
import { actorOf, requireUser, viewerOf } from '../viewer.ts'
import { doneQuery, doneRedirect, formText, idParams } from './admin-forms.ts'
import { attempt } from './form-attempt.ts'
import { sendDeskPage, type DeskKit } from './desk.ts'

const DONE: Readonly<Record<string, string>> = {
  created: 'The user was added.',
  invited: 'The invitation is on its way. The link in it works once, for 72 hours.',
  role: 'The role was changed.',
  deactivated: 'The user was deactivated, logged out everywhere, and their API tokens were revoked.',
  reactivated: 'The user was reactivated.',
  sessions: 'The user was logged out everywhere and their API tokens were revoked.',
}

const MANAGE = requireUser()

export const deskUserRoutes = (kit: DeskKit): FastifyPluginAsync => async (app) => {
  const { accounts, accountLinks, userAdmin } = kit.services

  async function render(req: FastifyRequest, reply: FastifyReply, status: number, extra: Partial<UsersView>) {
    const [users, site, invitations] = await Promise.all([userAdmin.list(actorOf(req)), kit.services.site.get(), accountLinks.mailEnabled ? accountLinks.pendingInvitations() : []])
    return sendDeskPage(reply, status, usersPage(await kit.context(req, await kit.csrfFor(req)), {
      users, viewerId: viewerOf(req)!.user.id, timeZone: site.settings.timeZone, status: null, mailEnabled: accountLinks.mailEnabled, invitations, ...extra,
    }))
  }

  /** Runs a change of user `id`; a refusal re-renders the page with the message at that user's row. */
  const change = (req: FastifyRequest, reply: FastifyReply, id: number, done: string, fn: () => Promise<unknown>) =>
    attempt(fn, () => doneRedirect(reply, '/desk/users', done),
      (status, error) => render(req, reply, status, { error: { form: id, error: { field: null, message: error.message } } }))

  app.get<{ Querystring: { done?: string } }>('/users', { schema: { querystring: doneQuery(Object.keys(DONE)) }, preHandler: MANAGE }, async (req, reply) =>
    render(req, reply, 200, { status: req.query.done ? DONE[req.query.done] ?? null : null }))

  app.post('/users', { preHandler: MANAGE }, async (req, reply) => {
    const values = { name: formText(req.body, 'name', 300), email: formText(req.body, 'email', 300), role: formText(req.body, 'role', 20) }
    return attempt(() => accounts.createUser({ ...values, password: formText(req.body, 'password', 1024) }, viewerOf(req)),
      () => doneRedirect(reply, '/desk/users', 'created'),
      (status, error) => render(req, reply, status, { error: { form: 'new', error }, values }))
  })

  app.post('/users/invite', { preHandler: MANAGE }, async (req, reply) => {
    const values = { name: formText(req.body, 'name', 300), email: formText(req.body, 'email', 300), role: formText(req.body, 'role', 20) }
    return attempt(() => accountLinks.invite(viewerOf(req)!, values),
      () => doneRedirect(reply, '/desk/users', 'invited'),
      (status, error) => render(req, reply, status, { error: { form: 'new', error }, values }))
  })

  app.post<{ Params: { id: number } }>('/users/:id/role', { schema: { params: idParams }, preHandler: MANAGE }, async (req, reply) =>
    change(req, reply, req.params.id, 'role', () =>
      userAdmin.changeRole(actorOf(req), req.params.id, formText(req.body, 'role', 20))))

  app.post<{ Params: { id: number } }>('/users/:id/active', { schema: { params: idParams }, preHandler: MANAGE }, async (req, reply) => {
    const flag = formText(req.body, 'active', 2)
    if (flag !== '0' && flag !== '1') return render(req, reply, 400, { error: { form: req.params.id, error: { field: null, message: 'active must be 0 or 1' } } })
    const active = flag === '1'
    return change(req, reply, req.params.id, active ? 'reactivated' : 'deactivated', () =>
      userAdmin.setActive(actorOf(req), req.params.id, active))
  })

  app.post<{ Params: { id: number } }>('/users/:id/sessions', { schema: { params: idParams }, preHandler: MANAGE }, async (req, reply) => {
    return change(req, reply, req.params.id, 'sessions', () => userAdmin.endSessions(actorOf(req), req.params.id))
  })
}

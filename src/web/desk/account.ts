// The desk's own-account page, for every logged-in user: name, password (current one required), own API tokens.

import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { accountPage, type AccountView } from '../../render/desk/account-page.ts'
import { isAppError } from '../../errors.ts'
import { requireUser, viewerOf } from '../viewer.ts'
import { doneQuery, doneRedirect, formText, idParams, refusal } from './admin-forms.ts'
import { attempt } from './form-attempt.ts'
import { sendDeskPage, type DeskKit } from './desk.ts'

const DONE: Readonly<Record<string, string>> = {
  name: 'Your name was saved.',
  password: 'Your password was changed. Your other sessions have ended and your API tokens were revoked.',
  revoked: 'The token was revoked.',
  byline: 'Your byline was saved.',
}

const ANYONE = requireUser()

export const deskAccountRoutes = (kit: DeskKit): FastifyPluginAsync => async (app) => {
  const { accounts } = kit.services

  async function render(req: FastifyRequest, reply: FastifyReply, status: number, extra: Partial<AccountView>) {
    const viewer = viewerOf(req)!
    // The viewer was read at the start of the request: read the user again so a rename shows at once.
    const [{ user, tokens }, site, own] = await Promise.all([accounts.ownAccount(viewer), kit.services.site.get(), kit.services.bylines.ownByline(viewer.user.id)])
    return sendDeskPage(reply, status, accountPage(await kit.context(req, await kit.csrfFor(req)), {
      name: user.name, email: viewer.user.email, role: viewer.user.role, tokens, timeZone: site.settings.timeZone, status: null,
      byline: own ? { name: own.name, slug: own.slug, bio: own.bio } : null, ...extra,
    }))
  }

  /** Runs a change; a refusal re-renders the page with the message at the form's field. */
  const change = (req: FastifyRequest, reply: FastifyReply, form: 'name' | 'password' | 'token' | 'byline', done: string, fn: () => Promise<unknown>, values: AccountView['values'] = {}) =>
    attempt(fn, () => doneRedirect(reply, '/desk/account', done), (status, error) => render(req, reply, status, { error: { form, error }, values }))

  app.get<{ Querystring: { done?: string } }>('/account', { schema: { querystring: doneQuery(Object.keys(DONE)) }, preHandler: ANYONE }, async (req, reply) =>
    render(req, reply, 200, { status: req.query.done ? DONE[req.query.done] ?? null : null }))

  app.post('/account/name', { preHandler: ANYONE }, async (req, reply) => {
    const name = formText(req.body, 'name', 300)
    return change(req, reply, 'name', 'name', () => accounts.rename(viewerOf(req)!, name), { name })
  })

  app.post('/account/byline', { preHandler: ANYONE }, async (req, reply) => {
    const byline = { name: formText(req.body, 'name', 300), slug: formText(req.body, 'slug', 200), bio: formText(req.body, 'bio', 3000) }
    return change(req, reply, 'byline', 'byline', () => kit.services.bylines.saveOwnByline(viewerOf(req)!.user.id, byline), { byline })
  })

  app.post('/account/password', { preHandler: ANYONE }, async (req, reply) =>
    change(req, reply, 'password', 'password', () =>
      accounts.changePassword(viewerOf(req)!, formText(req.body, 'current_password', 1025), formText(req.body, 'new_password', 1024))))

  app.post('/account/tokens', { preHandler: ANYONE }, async (req, reply) => {
    const viewer = viewerOf(req)!
    const name = formText(req.body, 'name', 200)
    try {
      const created = await accounts.createOwnToken(viewer, name, formText(req.body, 'current_password', 1025))
      // Shown in this response only: only the token's hash is stored, so no later page can show it.
      return render(req, reply, 201, { status: 'The token was created. Copy it now: it is not shown again.', newToken: { name: name.trim(), token: created.token } })
    } catch (err) {
      const r = refusal(err)
      if (!r) throw err
      return render(req, reply, r.status, { error: { form: 'token', error: r.error }, values: { tokenName: name } })
    }
  })

  app.post<{ Params: { id: number } }>('/account/tokens/:id/revoke', { schema: { params: idParams }, preHandler: ANYONE }, async (req, reply) => {
    // Someone else's token and an unknown one look the same: 404 with the page again.
    try {
      await accounts.revokeOwnToken(viewerOf(req)!, req.params.id)
    } catch (err) {
      if (!isAppError(err) || err.kind !== 'NotFound') throw err
      return render(req, reply, 404, { error: { form: 'token', error: { field: null, message: err.message } } })
    }
    return doneRedirect(reply, '/desk/account', 'revoked')
  })
}

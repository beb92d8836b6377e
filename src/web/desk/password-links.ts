// Desk routes for one-time links: "Forgot password" (same answer for every address) and choosing a password through a link.

import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { isAppError } from '../../errors.ts'
import { LinkUnusable, ResetThrottled } from '../../accounts/account-links.ts'
import { forgotPage, forgotSentPage, linkProblemPage, setPasswordPage } from '../../render/desk/password-pages.ts'
import { formText } from './admin-forms.ts'
import { sendDeskPage, type DeskKit } from './desk.ts'

/** What a used or expired link answers (410: it existed and is gone for good); an unknown one is 404. */
const LINK_STATUS = { unknown: 404, used: 410, expired: 410 } as const

// The token is in the path: no referrer may carry it anywhere. A route hook, so it runs after the app's security headers.
const noReferrer = async (_req: FastifyRequest, reply: FastifyReply) => {
  reply.header('referrer-policy', 'no-referrer')
}

const tokenParams = { type: 'object', properties: { token: { type: 'string', minLength: 1, maxLength: 100 } }, required: ['token'], additionalProperties: false } as const

/** Where the login page goes after a password was set through a link; its message is keyed, never free text. */
export const PASSWORD_SET_NOTICES: Readonly<Record<string, string>> = {
  welcome: 'Your account is ready. Log in with your email and the password you chose.',
  reset: 'Your new password is saved, and you were logged out everywhere. Log in with it.',
}

export const deskPasswordLinkRoutes = (kit: DeskKit, preSessionCsrf: (req: FastifyRequest, reply: FastifyReply) => Promise<string>): FastifyPluginAsync => async (app) => {
  const { accountLinks, config } = kit.services
  const page = async (req: FastifyRequest, reply: FastifyReply) => kit.context(req, await preSessionCsrf(req, reply))

  const unusable = async (req: FastifyRequest, reply: FastifyReply, err: LinkUnusable) =>
    sendDeskPage(reply, LINK_STATUS[err.state], linkProblemPage(await page(req, reply), { state: err.state, purpose: err.purpose, message: err.message }))

  app.get('/forgot', async (req, reply) =>
    sendDeskPage(reply, 200, forgotPage(await page(req, reply), { mailEnabled: accountLinks.mailEnabled })))

  app.post('/forgot', async (req, reply) => {
    const email = formText(req.body, 'email', 300)
    if (!accountLinks.mailEnabled) return sendDeskPage(reply, 409, forgotPage(await page(req, reply), { mailEnabled: false }))
    try {
      await accountLinks.requestReset(email, { ip: req.ip })
    } catch (err) {
      if (!isAppError(err) || (err.kind !== 'Invalid' && err.kind !== 'TooMany')) throw err
      if (err instanceof ResetThrottled) reply.header('retry-after', String(err.retryAfterSeconds))
      return sendDeskPage(reply, err instanceof ResetThrottled ? 429 : 400, forgotPage(await page(req, reply), { mailEnabled: true, error: err.message, email }))
    }
    return sendDeskPage(reply, 200, forgotSentPage(await page(req, reply), email.trim()))
  })

  app.get<{ Params: { token: string } }>('/password/:token', { schema: { params: tokenParams }, onSend: noReferrer }, async (req, reply) => {
    try {
      const link = await accountLinks.open(req.params.token)
      return sendDeskPage(reply, 200, setPasswordPage(await page(req, reply), { ...link, token: req.params.token, timeZone: config.timeZone }))
    } catch (err) {
      if (err instanceof LinkUnusable) return unusable(req, reply, err)
      throw err
    }
  })

  app.post<{ Params: { token: string } }>('/password/:token', { schema: { params: tokenParams }, onSend: noReferrer }, async (req, reply) => {
    const token = req.params.token
    const name = formText(req.body, 'name', 300)
    try {
      const { purpose } = await accountLinks.complete(token, { password: formText(req.body, 'password', 1024), ...(name && { name }) })
      return reply.redirect(`/desk/login?done=${purpose === 'invite' ? 'welcome' : 'reset'}`, 303)
    } catch (err) {
      if (err instanceof LinkUnusable) return unusable(req, reply, err)
      if (!isAppError(err) || (err.kind !== 'Invalid' && err.kind !== 'Conflict')) throw err
      const link = await accountLinks.open(token).catch(() => null)
      if (!link) throw err
      return sendDeskPage(reply, err.kind === 'Invalid' ? 400 : 409, setPasswordPage(await page(req, reply), {
        ...link, ...(name && { name }), token, timeZone: config.timeZone, error: { field: err.field ?? null, message: err.message },
      }))
    }
  })
}

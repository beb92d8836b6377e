// The reader's newsletter routes: sign-up at /newsletters/<slug>, confirmation, the manage page, and RFC 8058 one-click
// unsubscribe. No cookies: the signed token in a link is what identifies the subscriber, so no CSRF token is needed.

import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { isAppError } from '../../errors.ts'
import { checkInboxPage, confirmedPage, confirmPage, leftPage, managePage, newsletterSignUpPage } from '../../render/site/newsletter-pages.ts'
import type { SafeHtml } from '../../render/html.ts'
import type { Services } from '../../services.ts'
import { NO_STORE } from '../caching.ts'
import { sendPage, type ContextSource } from './pages.ts'

const HTML = 'text/html; charset=utf-8'
const slugParams = { type: 'object', properties: { slug: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 120 } }, required: ['slug'] } as const
const tokenQuery = { type: 'object', properties: { t: { type: 'string', maxLength: 200 }, n: { type: 'string', maxLength: 20 } }, required: ['t'] } as const

/** A private answer: it names an address or holds a token, so no cache keeps it. */
const sendPrivate = (reply: FastifyReply, status: number, page: SafeHtml) =>
  reply.code(status).header('content-type', HTML).header('cache-control', NO_STORE).header('referrer-policy', 'no-referrer').send(page.value)

const field = (body: unknown, name: string, max: number): string => {
  const v = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined
  return typeof v === 'string' ? v.slice(0, max) : ''
}

/** "all" or a newsletter id from a form or query; anything else is no newsletter (the leave is then a no-op). */
const newsletterChoice = (v: string): number | null | undefined => (v === 'all' ? null : /^[1-9]\d{0,14}$/.test(v) ? Number(v) : undefined)

export const newsletterRoutes = (s: Pick<Services, 'subscribing'>, context: ContextSource): FastifyPluginAsync => async (app) => {
  // Forms post url-encoded bodies; a one-click unsubscribe carries "List-Unsubscribe=One-Click" the same way.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)))
  })
  // Some clients send the one-click body as multipart (RFC 8058 allows it); its content does not matter here.
  app.addContentTypeParser('multipart/form-data', { parseAs: 'string', bodyLimit: 4096 }, (_req, _body, done) => done(null, {}))

  app.get<{ Params: { slug: string } }>('/newsletters/:slug', { schema: { params: slugParams } }, async (req, reply) => {
    const n = await s.subscribing.page(req.params.slug)
    return sendPage(req, reply, newsletterSignUpPage(await context(n.language), n))
  })

  app.post<{ Params: { slug: string } }>('/newsletters/:slug', { schema: { params: slugParams } }, async (req: FastifyRequest<{ Params: { slug: string } }>, reply) => {
    const n = await s.subscribing.page(req.params.slug)
    const email = field(req.body, 'email', 300)
    const ctx = await context(n.language)
    try {
      await s.subscribing.subscribe({ slug: n.slug, email, client: req.ip })
    } catch (err) {
      if (isAppError(err) && err.kind === 'Invalid') return sendPrivate(reply, 400, newsletterSignUpPage(ctx, n, { value: email, error: err.message }))
      throw err
    }
    return sendPrivate(reply, 200, checkInboxPage(ctx, n, email.trim().toLowerCase()))
  })

  app.get<{ Querystring: { t: string } }>('/newsletters/confirm', { schema: { querystring: tokenQuery } }, async (req, reply) =>
    sendPrivate(reply, 200, confirmPage(await context(), req.query.t)))

  app.post('/newsletters/confirm', async (req, reply) => {
    const { newsletter, manageToken } = await s.subscribing.confirm(field(req.body, 't', 200))
    return sendPrivate(reply, 200, confirmedPage(await context(newsletter.language), newsletter, manageToken))
  })

  app.get<{ Querystring: { t: string } }>('/newsletters/manage', { schema: { querystring: tokenQuery } }, async (req, reply) => {
    const v = await s.subscribing.manage(req.query.t)
    return sendPrivate(reply, 200, managePage(await context(), { ...v, token: req.query.t }))
  })

  app.post('/newsletters/manage', async (req, reply) => {
    const token = field(req.body, 't', 200)
    const choice = newsletterChoice(field(req.body, 'newsletter', 20))
    if (choice === undefined) {
      const v = await s.subscribing.manage(token)
      return sendPrivate(reply, 400, managePage(await context(), { ...v, token }))
    }
    await s.subscribing.leave(token, choice)
    return sendPrivate(reply, 200, leftPage(await context(), token))
  })

  // RFC 8058: the mail client POSTs to the List-Unsubscribe URL without any page; the signed link authenticates it.
  app.post<{ Querystring: { t: string; n?: string } }>('/newsletters/unsubscribe', { schema: { querystring: tokenQuery } }, async (req, reply) => {
    const choice = newsletterChoice(req.query.n ?? 'all')
    await s.subscribing.leave(req.query.t, choice === undefined ? null : choice)
    return reply.code(200).header('cache-control', NO_STORE).type('text/plain; charset=utf-8').send('Unsubscribed.\n')
  })
  // Opened in a browser instead: the manage page, where leaving is one button.
  app.get<{ Querystring: { t: string } }>('/newsletters/unsubscribe', { schema: { querystring: tokenQuery } }, async (req, reply) => {
    const v = await s.subscribing.manage(req.query.t)
    return sendPrivate(reply, 200, managePage(await context(), { ...v, token: req.query.t }))
  })
}

// The desk's route plugin: form bodies, private no-store pages, the viewer from the session cookie, CSRF on every unsafe request, desk error pages.

import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { Services } from '../../services.ts'
import type { SafeHtml } from '../../render/html.ts'
import { deskErrorPage, type DeskContext } from '../../render/desk/layout.ts'
import { AppError } from '../../errors.ts'
import { LoginThrottled } from '../../editorial/accounts.ts'
import { NO_STORE } from '../caching.ts'
import { logProblem, toProblem } from '../errors.ts'
import { addCookie, cookie, decorateViewer, parseCookies, PRE_SESSION_COOKIE, SESSION_COOKIE, SESSION_MAX_AGE_S, setViewer, viewerOf } from '../viewer.ts'
import { deskAuthRoutes } from './auth.ts'
import { deskArticleRoutes } from './articles.ts'
import { deskFrontRoutes } from './curation.ts'
import { deskSectionRoutes, deskTagRoutes } from './taxonomy.ts'
import { deskPageRoutes } from './pages.ts'
import { deskMenuRoutes } from './menu.ts'
import type { ContextSource } from '../site/pages.ts'
import { deskAuthorRoutes } from './people.ts'
import { deskSpeakerRoutes } from './speakers.ts'
import { deskRedirectRoutes } from './redirects.ts'
import { deskNewsletterRoutes } from './newsletters.ts'
import { deskNewsletterIssueRoutes } from './newsletter-issues.ts'
import { deskNewsletterSubscriberRoutes } from './newsletter-subscribers.ts'
import { deskAuditRoutes } from './audit.ts'
import { deskMediaRoutes } from './media.ts'
import { deskUserRoutes } from './users.ts'
import { deskAccountRoutes } from './account.ts'
import { deskWebhookRoutes } from './webhooks.ts'
import { deskSettingsRoutes } from './settings.ts'
import { deskEditorRoutes } from './editor.ts'
import { deskPickerRoutes } from './pickers.ts'
import { deskRevisionRoutes } from './revisions.ts'
import { deskTranslationRoutes } from './translations.ts'
import { deskArticleRemovalRoutes } from './article-removal.ts'
import { deskImportRoutes } from './import.ts'
import { letRequestsIn } from '../lazy-area.ts'

const HTML = 'text/html; charset=utf-8'
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
/** Forms that are sent before there is a session: they use the signed pre-session cookie instead. */
const PRE_SESSION_FORMS = new Set(['/desk/login', '/desk/setup', '/desk/forgot', '/desk/password/:token'])

export type DeskServices = Pick<Services, 'accounts' | 'accountLinks' | 'site' | 'config' | 'clock' | 'editing' | 'translations' | 'media' | 'curation' | 'taxonomyDesk' | 'bylines' | 'redirectDesk' | 'webhookDesk' | 'userAdmin' | 'siteAdmin' | 'auditLog' | 'deskReads' | 'importDesk' | 'pageDesk' | 'menuDesk' | 'speakerDesk' | 'quoteDesk' | 'newsletterDesk' | 'newsletterIssues' | 'newsletterSubscribers'>

/** What the desk's route files share: services, the desk stylesheet, and page helpers. */
export interface DeskKit {
  readonly services: DeskServices
  readonly secure: boolean
  /** The render context of a desk page for this request; `csrf` is the token for its forms. */
  context(req: FastifyRequest, csrf: string | null): Promise<DeskContext>
  /** The CSRF token for the viewer's forms. */
  csrfFor(req: FastifyRequest): Promise<string | null>
  /** URL of the editor bundle, or null while it is being built (the editor page is then a plain form). */
  editorScript(): string | null
}

/** Sends a desk page: private, never stored, never indexed. */
export const sendDeskPage = (reply: FastifyReply, status: number, page: SafeHtml) =>
  reply.code(status).header('content-type', HTML).header('cache-control', NO_STORE).header('x-robots-tag', 'noindex').send(page.value)

export const deskRoutes = (services: DeskServices, assets: { readonly deskCss: string; readonly editorScript?: () => string | null }, readerContext: ContextSource): FastifyPluginAsync => async (app) => {
  const secure = services.config.siteUrl.protocol === 'https:'
  const kit: DeskKit = {
    services, secure,
    editorScript: () => assets.editorScript?.() ?? null,
    async context(req, csrf) {
      const viewer = viewerOf(req)
      const { settings } = await services.site.get()
      return { siteName: settings.name, css: assets.deskCss, viewer: viewer && { name: viewer.user.name, role: viewer.user.role }, csrf }
    },
    async csrfFor(req) {
      const sessionId = viewerOf(req)?.sessionId
      return sessionId ? services.accounts.csrfToken(sessionId) : null
    },
  }
  decorateViewer(app)

  // HTML forms; repeated fields keep the last value. Limited well below the app's 1 MiB.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)))
  })

  app.addHook('onRequest', async (_req, reply) => {
    reply.header('cache-control', NO_STORE).header('x-robots-tag', 'noindex')
  })

  app.addHook('preHandler', async (req, reply) => {
    const cookies = parseCookies(req.headers.cookie)
    const viewer = await services.accounts.authenticateSession(cookies[SESSION_COOKIE])
    setViewer(req, viewer)
    // Activity slides the session's expiry; the cookie follows it.
    if (viewer?.sessionId) addCookie(reply, cookie(SESSION_COOKIE, cookies[SESSION_COOKIE]!, { secure, maxAgeS: SESSION_MAX_AGE_S }))
    if (!UNSAFE.has(req.method)) return
    // Once set up, the setup form is gone for every method: 404 rather than a CSRF refusal.
    if (req.routeOptions.url === '/desk/setup' && !(await services.accounts.needsSetup())) throw new AppError('NotFound', 'The desk is already set up.')
    const body = req.body
    // A multipart body (uploads) is read by its route, after this hook: its token comes in a header or the form action's query.
    const multipart = /^multipart\/form-data\b/i.test(req.headers['content-type'] ?? '')
    const given = multipart ? req.headers['x-csrf-token'] ?? (req.query as Record<string, unknown> | undefined)?._csrf
      : body && typeof body === 'object' ? (body as Record<string, unknown>)._csrf : undefined
    let ok: boolean
    // The matched route, not the raw URL: an encoded path must not slip past the pre-session check.
    if (PRE_SESSION_FORMS.has(req.routeOptions.url ?? '')) {
      const pre = cookies[PRE_SESSION_COOKIE]
      ok = !!pre && await services.accounts.checkCsrf(services.accounts.preSessionToken(pre), given)
    } else if (viewer?.sessionId) {
      ok = await services.accounts.checkCsrf(services.accounts.csrfToken(viewer.sessionId), given)
    } else {
      // No session: requireUser sends the request to the login form, and nothing changes.
      ok = true
    }
    if (!ok) throw new AppError('Forbidden', 'This form has expired or did not come from the desk. Reload the page and try again.')
  })

  app.setErrorHandler(async (err, req, reply) => {
    const problem = toProblem(err)
    logProblem(req, err, problem)
    if (err instanceof LoginThrottled) reply.header('retry-after', String(err.retryAfterSeconds))
    let ctx: DeskContext
    try {
      ctx = await kit.context(req, await kit.csrfFor(req))
    } catch {
      return reply.code(problem.status).header('content-type', 'text/plain; charset=utf-8').header('cache-control', NO_STORE).send(problem.message ?? 'Error')
    }
    return sendDeskPage(reply, problem.status, deskErrorPage(ctx, problem.status, problem.message))
  })

  app.setNotFoundHandler(async (req, reply) => {
    setViewer(req, null)
    return sendDeskPage(reply, 404, deskErrorPage(await kit.context(req, null), 404, null))
  })

  const parts = [
    deskAuthRoutes(kit),
    deskArticleRoutes(kit),
    deskEditorRoutes(kit),
    deskPickerRoutes(kit),
    deskRevisionRoutes(kit),
    deskTranslationRoutes(kit),
    deskArticleRemovalRoutes(kit),
    deskFrontRoutes(kit),
    deskNewsletterRoutes(kit),
    deskNewsletterIssueRoutes(kit),
    deskNewsletterSubscriberRoutes(kit),
    deskSectionRoutes(kit),
    deskTagRoutes(kit),
    deskPageRoutes(kit, readerContext),
    deskMenuRoutes(kit),
    deskAuthorRoutes(kit),
    deskSpeakerRoutes(kit),
    deskRedirectRoutes(kit),
    deskAuditRoutes(kit),
    deskMediaRoutes(kit),
    deskUserRoutes(kit),
    deskAccountRoutes(kit),
    deskWebhookRoutes(kit),
    deskSettingsRoutes(kit),
    deskImportRoutes(kit),
  ]
  // In turns: the desk is built while the site serves (src/web/lazy-area.ts).
  for (const part of parts) {
    await app.register(part)
    await letRequestsIn()
  }
}

// The desk's newsletter issues: compose, edit, preview (its own frame document), test, send, progress.

import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { newsletterIssuePage, type IssueView } from '../../render/desk/newsletter-issue-page.ts'
import { actorOf, requireUser, viewerOf } from '../viewer.ts'
import { doneQuery, doneRedirect, formText, idParams } from './admin-forms.ts'
import { attempt } from './form-attempt.ts'
import { sendDeskPage, type DeskKit } from './desk.ts'

const DONE: Readonly<Record<string, string>> = {
  composed: 'A new issue was composed: check it, then send it.', saved: 'The issue was saved.', tested: 'A test is on its way to your address.',
  queued: 'The issue is going out.',
}
const MANAGE = requireUser()
// The preview document: the message's own inline styles and images, no script, no links that navigate the desk.
const PREVIEW_CSP = "default-src 'none'; img-src http: https: data:; style-src 'unsafe-inline'; sandbox; frame-ancestors 'self'"
// The issue page frames its own preview.
const ISSUE_PAGE_CSP = "default-src 'self'; img-src 'self' https: data:; style-src 'self'; script-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'"

/** The items kept (ticked), by their position numbers, as the use-case takes them. */
function editOf(body: unknown) {
  const form = body && typeof body === 'object' ? body as Record<string, unknown> : {}
  const kept: { id: string; pos: number }[] = []
  const notes: Record<string, string> = {}
  for (const key of Object.keys(form)) {
    const m = /^keep-(\d{1,15})$/.exec(key)
    if (!m) continue
    const pos = Number(formText(body, `pos-${m[1]}`, 5))
    kept.push({ id: m[1]!, pos: Number.isFinite(pos) ? pos : 99 })
    notes[m[1]!] = formText(body, `note-${m[1]}`, 1100)
  }
  kept.sort((a, b) => a.pos - b.pos)
  return { subject: formText(body, 'subject', 300), intro: formText(body, 'intro', 21_000), order: kept.map((k) => k.id), notes }
}

export const deskNewsletterIssueRoutes = (kit: DeskKit): FastifyPluginAsync => async (app) => {
  const { newsletterIssues } = kit.services

  async function render(req: FastifyRequest, reply: FastifyReply, status: number, id: number, done: string | undefined, extra: Partial<IssueView>) {
    const actor = actorOf(req)
    const [{ issue, newsletter, progress }, preview] = await Promise.all([newsletterIssues.get(actor, id), newsletterIssues.preview(actor, id)])
    reply.header('content-security-policy', ISSUE_PAGE_CSP)
    return sendDeskPage(reply, status, newsletterIssuePage(await kit.context(req, await kit.csrfFor(req)), {
      issue, newsletter, progress, text: preview.text, viewerEmail: viewerOf(req)?.user.email ?? '', message: done ? DONE[done] ?? null : null, error: null, editorScript: kit.editorScript(), ...extra,
    }))
  }

  app.post<{ Params: { id: number } }>('/newsletters/:id/issues', { schema: { params: idParams }, preHandler: MANAGE }, async (req, reply) => {
    const issueId = await newsletterIssues.compose(actorOf(req), req.params.id)
    return doneRedirect(reply, `/desk/newsletters/issues/${issueId}`, 'composed')
  })

  app.get<{ Params: { id: number }; Querystring: { done?: string } }>('/newsletters/issues/:id', { schema: { params: idParams, querystring: doneQuery(Object.keys(DONE)) }, preHandler: MANAGE },
    async (req, reply) => render(req, reply, 200, req.params.id, req.query.done, {}))

  app.post<{ Params: { id: number } }>('/newsletters/issues/:id', { schema: { params: idParams }, preHandler: MANAGE }, async (req, reply) =>
    attempt(() => newsletterIssues.save(actorOf(req), req.params.id, editOf(req.body)), () => doneRedirect(reply, `/desk/newsletters/issues/${req.params.id}`, 'saved'),
      (status, error) => render(req, reply, status, req.params.id, undefined, { error })))

  app.get<{ Params: { id: number } }>('/newsletters/issues/:id/preview', { schema: { params: idParams }, preHandler: MANAGE }, async (req, reply) => {
    const preview = await newsletterIssues.preview(actorOf(req), req.params.id)
    return reply.code(200).header('content-security-policy', PREVIEW_CSP).header('content-type', 'text/html; charset=utf-8').header('x-robots-tag', 'noindex').send(preview.html)
  })

  app.get<{ Params: { id: number } }>('/newsletters/issues/:id/progress', { schema: { params: idParams }, preHandler: MANAGE }, async (req, reply) =>
    reply.header('cache-control', 'no-store').send(await newsletterIssues.progress(actorOf(req), req.params.id)))

  app.post<{ Params: { id: number } }>('/newsletters/issues/:id/test', { schema: { params: idParams }, preHandler: MANAGE }, async (req, reply) => {
    await newsletterIssues.sendTest(actorOf(req), req.params.id, viewerOf(req)!.user.email)
    return doneRedirect(reply, `/desk/newsletters/issues/${req.params.id}`, 'tested')
  })

  app.post<{ Params: { id: number } }>('/newsletters/issues/:id/send', { schema: { params: idParams }, preHandler: MANAGE }, async (req, reply) => {
    await newsletterIssues.send(actorOf(req), req.params.id)
    return doneRedirect(reply, `/desk/newsletters/issues/${req.params.id}`, 'queued')
  })
}

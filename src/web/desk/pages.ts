// The desk's static pages: the tree, the editor, publish/unpublish/delete, revisions and a preview. Editors and admins.

import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { isBelow } from '../../domain/pages.ts'
import { pageEditPage, pagesPage, type PageValues } from '../../render/desk/pages-page.ts'
import type { FieldError } from '../../render/desk/form-parts.ts'
import { staticPage } from '../../render/site/simple-pages.ts'
import { actorOf, requireUser } from '../viewer.ts'
import { doneQuery, doneRedirect, formText, idParams } from './admin-forms.ts'
import { attempt } from './form-attempt.ts'
import { sendDeskPage, type DeskKit } from './desk.ts'
import type { ContextSource } from '../site/pages.ts'

const DONE: Readonly<Record<string, string>> = {
  created: 'The page was created.', saved: 'The page was saved.', published: 'The page is on the site.', unpublished: 'The page was taken off the site.',
  deleted: 'The page was deleted.', restored: 'The revision was restored.',
}
const MANAGE = requireUser()

const pageValues = (body: unknown): PageValues => ({
  title: formText(body, 'title', 300), slug: formText(body, 'slug', 200), parent: formText(body, 'parent', 20),
  language: formText(body, 'language', 40), body: formText(body, 'body', 60_000),
})

export const deskPageRoutes = (kit: DeskKit, readerContext: ContextSource): FastifyPluginAsync => async (app) => {
  const { pageDesk, site } = kit.services

  async function renderList(req: FastifyRequest, reply: FastifyReply, status: number, message: string | null, error: FieldError | null) {
    const pages = await pageDesk.list(actorOf(req))
    return sendDeskPage(reply, status, pagesPage(await kit.context(req, await kit.csrfFor(req)), { pages, message, error }))
  }

  async function renderEdit(req: FastifyRequest, reply: FastifyReply, id: number | null, status: number, opts: { values?: PageValues; error?: FieldError | null; message?: string | null } = {}) {
    const actor = actorOf(req)
    const page = id === null ? null : await pageDesk.get(actor, id)
    const all = await pageDesk.list(actor)
    const { settings } = await site.get()
    const values = opts.values ?? (page
      ? { title: page.title, slug: page.slug, parent: page.parentId === null ? '' : String(page.parentId), language: page.language, body: page.bodyHtml }
      : { title: '', slug: '', parent: '', language: settings.language, body: '' })
    return sendDeskPage(reply, status, pageEditPage(await kit.context(req, await kit.csrfFor(req)), {
      page, values, parents: page ? all.filter((p) => p.id !== page.id && !isBelow(p.path, page.path)) : all,
      revisions: page ? await pageDesk.revisions(actor, page.id) : [], timeZone: settings.timeZone, editorScript: kit.editorScript(),
      message: opts.message ?? null, error: opts.error ?? null,
    }))
  }

  app.get<{ Querystring: { done?: string } }>('/pages', { schema: { querystring: doneQuery(Object.keys(DONE)) }, preHandler: MANAGE }, async (req, reply) =>
    renderList(req, reply, 200, req.query.done ? DONE[req.query.done] ?? null : null, null))

  app.get<{ Querystring: { parent?: number } }>('/pages/new', {
    schema: { querystring: { type: 'object', properties: { parent: { type: 'integer', minimum: 1 } }, additionalProperties: false } }, preHandler: MANAGE,
  }, async (req, reply) => {
    const { settings } = await site.get()
    return renderEdit(req, reply, null, 200, { values: { title: '', slug: '', parent: req.query.parent ? String(req.query.parent) : '', language: settings.language, body: '' } })
  })

  app.post('/pages', { preHandler: MANAGE }, async (req, reply) => {
    const values = pageValues(req.body)
    let id = 0
    return attempt(async () => { id = await pageDesk.create(actorOf(req), values, { publish: formText(req.body, 'publish', 2) === '1' }) },
      () => doneRedirect(reply, `/desk/pages/${id}`, 'created'), (status, error) => renderEdit(req, reply, null, status, { values, error }))
  })

  app.get<{ Params: { id: number }; Querystring: { done?: string } }>('/pages/:id', {
    schema: { params: idParams, querystring: doneQuery(Object.keys(DONE)) }, preHandler: MANAGE,
  }, async (req, reply) => renderEdit(req, reply, req.params.id, 200, { message: req.query.done ? DONE[req.query.done] ?? null : null }))

  app.post<{ Params: { id: number } }>('/pages/:id', { schema: { params: idParams }, preHandler: MANAGE }, async (req, reply) => {
    const values = pageValues(req.body)
    return attempt(() => pageDesk.update(actorOf(req), req.params.id, values), () => doneRedirect(reply, `/desk/pages/${req.params.id}`, 'saved'),
      (status, error) => renderEdit(req, reply, req.params.id, status, { values, error }))
  })

  for (const [action, done] of [['publish', 'published'], ['unpublish', 'unpublished']] as const) {
    app.post<{ Params: { id: number } }>(`/pages/:id/${action}`, { schema: { params: idParams }, preHandler: MANAGE }, async (req, reply) =>
      attempt(() => pageDesk[action](actorOf(req), req.params.id), () => doneRedirect(reply, `/desk/pages/${req.params.id}`, done),
        (status, error) => renderEdit(req, reply, req.params.id, status, { error: { field: null, message: error.message } })))
  }

  app.post<{ Params: { id: number } }>('/pages/:id/delete', { schema: { params: idParams }, preHandler: MANAGE }, async (req, reply) =>
    attempt(() => pageDesk.delete(actorOf(req), req.params.id), () => doneRedirect(reply, '/desk/pages', 'deleted'),
      (status, error) => renderEdit(req, reply, req.params.id, status, { error: { field: null, message: error.message } })))

  app.post<{ Params: { id: number; rev: number } }>('/pages/:id/revisions/:rev/restore', {
    schema: { params: { type: 'object', properties: { id: { type: 'integer', minimum: 1 }, rev: { type: 'integer', minimum: 1 } }, required: ['id', 'rev'] } }, preHandler: MANAGE,
  }, async (req, reply) =>
    attempt(() => pageDesk.restoreRevision(actorOf(req), req.params.id, req.params.rev), () => doneRedirect(reply, `/desk/pages/${req.params.id}`, 'restored'),
      (status, error) => renderEdit(req, reply, req.params.id, status, { error: { field: null, message: error.message } })))

  /** The page as readers would see it, drafts included; never cached or indexed (sendDeskPage). */
  app.get<{ Params: { id: number } }>('/pages/:id/preview', { schema: { params: idParams }, preHandler: MANAGE }, async (req, reply) => {
    const model = await pageDesk.preview(actorOf(req), req.params.id)
    return sendDeskPage(reply, 200, staticPage(await readerContext(model.page.language), model, { preview: true }))
  })
}

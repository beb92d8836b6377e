// The desk's destructive article actions, each behind a confirmation page that says what readers will see (unpublish,
// move to trash, delete for good), and the trash itself: list, restore as a draft. Plain forms with CSRF tokens.

import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { AppError } from '../../errors.ts'
import { confirmPage, type ConfirmView } from '../../render/desk/confirm-page.ts'
import { trashPage } from '../../render/desk/trash-page.ts'
import { html, type SafeHtml } from '../../render/html.ts'
import { requireUser } from '../viewer.ts'
import { doneQuery, idParams } from './admin-forms.ts'
import { sendDeskPage, type DeskKit } from './desk.ts'
import { actorOf } from './editor.ts'

const CONFIRM_BODY = {
  type: 'object', properties: { _csrf: { type: 'string', maxLength: 200 }, confirm: { type: 'string', enum: ['yes'] } }, additionalProperties: false,
} as const
const DONE: Readonly<Record<string, string>> = {
  trashed: 'The article was moved to the trash.', deleted: 'The article was deleted for good.',
}
const trashQuery = doneQuery(Object.keys(DONE), { page: { type: 'integer', minimum: 1, maximum: 100_000 } })

type IdRequest = FastifyRequest<{ Params: { id: number } }>
type ConfirmRequest = FastifyRequest<{ Params: { id: number }; Body: { confirm?: 'yes' } }>

/** What readers get at a path that was live. */
const gone = (path: string): SafeHtml => html`Readers at <a href="${path}">${path}</a> will get <strong>410 Gone</strong>: a page saying the article was removed, which search engines drop.`

export const deskArticleRemovalRoutes = (kit: DeskKit): FastifyPluginAsync => async (app) => {
  const { deskReads, editing, site } = kit.services
  const confirm = async (req: FastifyRequest, reply: FastifyReply, view: ConfirmView) =>
    sendDeskPage(reply, 200, confirmPage(await kit.context(req, await kit.csrfFor(req)), view))
  const livePathOf = (id: number): Promise<string | null> => deskReads.livePath(id)

  app.get<{ Params: { id: number } }>('/articles/:id/unpublish', { schema: { params: idParams }, preHandler: requireUser() }, async (req: IdRequest, reply) => {
    const e = await editing.toUnpublish(req.params.id, actorOf(req))
    const path = await livePathOf(e.article.id)
    return confirm(req, reply, {
      heading: `Unpublish “${e.article.title}”?`,
      consequences: [
        ...(path ? [gone(path)] : []),
        html`It leaves the front page, its section, tag and author pages, feeds, search and sitemaps, and webhook receivers are told.`,
        html`The text stays on the desk${e.unpublishedChanges ? html`, with its unpublished changes` : html``}: publishing it again at the same address brings the page back.`,
      ],
      action: `/desk/articles/${e.article.id}/status`, fields: { to: 'unpublished' }, confirmLabel: 'Unpublish', cancelHref: `/desk/articles/${e.article.id}/edit`,
    })
  })

  app.get<{ Params: { id: number } }>('/articles/:id/delete', { schema: { params: idParams }, preHandler: requireUser() }, async (req: IdRequest, reply) => {
    const e = await editing.toRemove(req.params.id, actorOf(req))
    const path = await livePathOf(e.article.id)
    return confirm(req, reply, {
      heading: `Move “${e.article.title}” to the trash?`,
      consequences: [
        path ? gone(path) : html`It is not on the site: readers see no change.`,
        ...(e.article.status === 'scheduled' ? [html`Its schedule is cancelled: it will not be published.`] : []),
        html`From the trash it can be restored as a draft; editors and admins can delete it for good.`,
      ],
      action: `/desk/articles/${e.article.id}/delete`, fields: {}, confirmLabel: 'Move to trash', cancelHref: `/desk/articles/${e.article.id}/edit`,
    })
  })

  app.post<{ Params: { id: number }; Body: { confirm?: 'yes' } }>('/articles/:id/delete',
    { schema: { params: idParams, body: CONFIRM_BODY }, preHandler: requireUser() }, async (req: ConfirmRequest, reply) => {
      if (req.body?.confirm !== 'yes') return reply.redirect(`/desk/articles/${req.params.id}/delete`, 303)
      await editing.remove(req.params.id, actorOf(req))
      return reply.redirect('/desk/trash?done=trashed', 303)
    })

  app.get<{ Querystring: { done?: string; page?: number } }>('/trash', { schema: { querystring: trashQuery }, preHandler: requireUser() }, async (req, reply) => {
    const [list, { settings }] = await Promise.all([editing.trash(actorOf(req), req.query.page ?? 1), site.get()])
    if (list.page > 1 && list.items.length === 0) throw new AppError('NotFound', 'there is no such page')
    return sendDeskPage(reply, 200, trashPage(await kit.context(req, await kit.csrfFor(req)), {
      ...list, timeZone: settings.timeZone, notice: req.query.done ? DONE[req.query.done] ?? null : null,
    }))
  })

  app.post<{ Params: { id: number } }>('/trash/:id/restore', { schema: { params: idParams, body: CONFIRM_BODY }, preHandler: requireUser() }, async (req: IdRequest, reply) => {
    await editing.restoreFromTrash(req.params.id, actorOf(req))
    return reply.redirect(`/desk/articles/${req.params.id}/edit?notice=untrashed`, 303)
  })

  app.get<{ Params: { id: number } }>('/trash/:id/delete', { schema: { params: idParams }, preHandler: requireUser() }, async (req: IdRequest, reply) => {
    const article = await deskReads.trashedToDelete(actorOf(req), req.params.id)
    return confirm(req, reply, {
      heading: `Delete “${article.title}” for good?`,
      consequences: [
        html`Readers keep getting <strong>410 Gone</strong> at its old addresses.`,
        html`Its text and every revision are deleted: this cannot be undone.`,
      ],
      action: `/desk/trash/${article.id}/delete`, fields: {}, confirmLabel: 'Delete forever', cancelHref: '/desk/trash',
    })
  })

  app.post<{ Params: { id: number }; Body: { confirm?: 'yes' } }>('/trash/:id/delete',
    { schema: { params: idParams, body: CONFIRM_BODY }, preHandler: requireUser() }, async (req: ConfirmRequest, reply) => {
      if (req.body?.confirm !== 'yes') return reply.redirect(`/desk/trash/${req.params.id}/delete`, 303)
      await editing.deleteForever(req.params.id, actorOf(req))
      return reply.redirect('/desk/trash?done=deleted', 303)
    })
}

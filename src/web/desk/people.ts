// The desk's bylines: list, create, edit and delete authors (delete only when no article carries them). Editors and admins.

import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { Media } from '../../domain/media.ts'
import { authorEditPage, authorsPage, type AuthorsView, type AuthorValues } from '../../render/desk/authors-page.ts'
import type { FieldError } from '../../render/desk/form-parts.ts'
import { actorOf, requireUser } from '../viewer.ts'
import { doneQuery, doneRedirect, formText, idParams } from './admin-forms.ts'
import { attempt } from './form-attempt.ts'
import { sendDeskPage, type DeskKit } from './desk.ts'

const DONE: Readonly<Record<string, string>> = { created: 'The author was added.', saved: 'The author was saved.', deleted: 'The author was deleted.' }
const MANAGE = requireUser()

const authorValues = (body: unknown): Required<AuthorValues> => ({
  name: formText(body, 'name', 300), slug: formText(body, 'slug', 200), bio: formText(body, 'bio', 3000), kind: formText(body, 'kind', 20), photo: formText(body, 'photo', 20),
})

export const deskAuthorRoutes = (kit: DeskKit): FastifyPluginAsync => async (app) => {
  const { bylines, media } = kit.services

  /** Images of the media library to choose a photo from, newest first. */
  const photos = async (): Promise<Media[]> => (await media.list({ perPage: 100 })).items.filter((m) => m.mime.startsWith('image/'))

  async function render(req: FastifyRequest, reply: FastifyReply, status: number, extra: Partial<AuthorsView>) {
    const counted = await bylines.authorList(actorOf(req))
    return sendDeskPage(reply, status, authorsPage(await kit.context(req, await kit.csrfFor(req)), {
      authors: counted, photos: await photos(), message: null, error: null, values: {}, ...extra,
    }))
  }

  async function renderAuthor(req: FastifyRequest, reply: FastifyReply, id: number, status: number, error: FieldError | null, values?: AuthorValues) {
    const [{ author, articles, photo }, list] = await Promise.all([bylines.authorToEdit(actorOf(req), id), photos()])
    return sendDeskPage(reply, status, authorEditPage(await kit.context(req, await kit.csrfFor(req)), {
      author, articles, photos: list, photo: photo ?? null, error,
      values: values ?? { name: author.name, slug: author.slug, bio: author.bio, kind: author.kind, photo: author.photoMediaId === null ? '' : String(author.photoMediaId) },
    }))
  }

  app.get<{ Querystring: { done?: string } }>('/authors', { schema: { querystring: doneQuery(Object.keys(DONE)) }, preHandler: MANAGE }, async (req, reply) =>
    render(req, reply, 200, { message: req.query.done ? DONE[req.query.done] ?? null : null }))

  app.post('/authors', { preHandler: MANAGE }, async (req, reply) => {
    const values = authorValues(req.body)
    return attempt(() => bylines.createAuthor(actorOf(req), values), () => doneRedirect(reply, '/desk/authors', 'created'),
      (status, error) => render(req, reply, status, { error, values }))
  })

  app.get<{ Params: { id: number } }>('/authors/:id', { schema: { params: idParams }, preHandler: MANAGE }, async (req, reply) =>
    renderAuthor(req, reply, req.params.id, 200, null))

  app.post<{ Params: { id: number } }>('/authors/:id', { schema: { params: idParams }, preHandler: MANAGE }, async (req, reply) => {
    const values = authorValues(req.body)
    return attempt(() => bylines.updateAuthor(actorOf(req), req.params.id, values), () => doneRedirect(reply, '/desk/authors', 'saved'),
      (status, error) => renderAuthor(req, reply, req.params.id, status, error, values))
  })

  app.post<{ Params: { id: number } }>('/authors/:id/delete', { schema: { params: idParams }, preHandler: MANAGE }, async (req, reply) =>
    attempt(() => bylines.deleteAuthor(actorOf(req), req.params.id), () => doneRedirect(reply, '/desk/authors', 'deleted'),
      (status, error) => renderAuthor(req, reply, req.params.id, status, error)))
}

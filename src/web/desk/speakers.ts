// The desk's speakers: list, create, edit, merge, delete (editors and admins), and the quote dialog's autocomplete.

import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { Media } from '../../domain/media.ts'
import { speakerEditPage, speakersPage, type SpeakerEditView, type SpeakersView, type SpeakerValues } from '../../render/desk/speakers-page.ts'
import { actorOf, requireUser } from '../viewer.ts'
import { doneQuery, doneRedirect, formText, idParams } from './admin-forms.ts'
import { attempt } from './form-attempt.ts'
import { sendDeskPage, type DeskKit } from './desk.ts'
import { isAppError } from '../../errors.ts'
import { toProblem } from '../errors.ts'

const DONE: Readonly<Record<string, string>> = {
  created: 'The speaker was added.', saved: 'The speaker was saved.', merged: 'The speaker was merged.', deleted: 'The speaker was deleted.',
}
const PER_PAGE = 50
const MANAGE = requireUser()

const speakerValues = (body: unknown): Required<SpeakerValues> => ({
  name: formText(body, 'name', 300), slug: formText(body, 'slug', 200), kind: formText(body, 'kind', 20), description: formText(body, 'description', 3000),
  country: formText(body, 'country', 200), photo: formText(body, 'photo', 20), links: formText(body, 'links', 6000),
})

interface SpeakersQuery { done?: string; q?: string; page?: number }

export const deskSpeakerRoutes = (kit: DeskKit): FastifyPluginAsync => async (app) => {
  const { speakerDesk, media } = kit.services
  const photos = async (): Promise<Media[]> => (await media.list({ perPage: 100 })).items.filter((m) => m.mime.startsWith('image/'))

  async function render(req: FastifyRequest, reply: FastifyReply, status: number, query: SpeakersQuery, extra: Partial<SpeakersView>) {
    const page = query.page ?? 1
    const text = query.q?.trim().toLowerCase() ?? ''
    const list = await speakerDesk.speakerPage(actorOf(req), { ...(text && { text }), page, perPage: PER_PAGE })
    return sendDeskPage(reply, status, speakersPage(await kit.context(req, await kit.csrfFor(req)), {
      speakers: list.items, filters: { ...(text && { q: text }) }, page, hasNext: list.hasNext, photos: await photos(),
      message: query.done ? DONE[query.done] ?? null : null, error: null, values: {}, ...extra,
    }))
  }

  async function renderSpeaker(req: FastifyRequest, reply: FastifyReply, id: number, status: number, extra: Partial<SpeakerEditView>) {
    const [{ speaker, quotes, photo, country }, list] = await Promise.all([speakerDesk.speakerToEdit(actorOf(req), id), photos()])
    return sendDeskPage(reply, status, speakerEditPage(await kit.context(req, await kit.csrfFor(req)), {
      speaker, quotes, photos: list, photo: photo ?? null, message: null, error: null, ...extra,
      values: {
        name: speaker.name, slug: speaker.slug, kind: speaker.kind, description: speaker.description, country: country?.slug ?? '',
        photo: speaker.photoMediaId === null ? '' : String(speaker.photoMediaId), links: speaker.links.join('\n'), ...extra.values,
      },
    }))
  }

  const listQuery = doneQuery(Object.keys(DONE), { q: { type: 'string', maxLength: 200 }, page: { type: 'integer', minimum: 1, maximum: 100_000 } })

  app.get<{ Querystring: SpeakersQuery }>('/speakers', { schema: { querystring: listQuery }, preHandler: MANAGE }, async (req, reply) => render(req, reply, 200, req.query, {}))

  // The quote dialog's autocomplete: JSON for whoever may write articles.
  app.get<{ Querystring: { q?: string } }>('/speakers/suggest', {
    schema: { querystring: { type: 'object', properties: { q: { type: 'string', maxLength: 200 } }, additionalProperties: false } }, preHandler: MANAGE,
  }, async (req, reply) => reply.header('cache-control', 'no-store').send({ speakers: await speakerDesk.suggestSpeakers(actorOf(req), req.query.q ?? '') }))

  // The quote dialog adds a speaker it does not find: JSON in, JSON out, the same checks as the form.
  app.post<{ Body: { name?: string; kind?: string } }>('/speakers.json', {
    schema: { body: { type: 'object', properties: { _csrf: { type: 'string', maxLength: 200 }, name: { type: 'string', maxLength: 300 }, kind: { type: 'string', maxLength: 20 } }, additionalProperties: false } },
    attachValidation: true, preHandler: MANAGE,
  }, async (req, reply) => {
    if (req.validationError) return reply.code(400).send({ error: `the speaker was not understood: ${req.validationError.message}` })
    try {
      const id = await speakerDesk.createSpeaker(actorOf(req), { name: req.body.name, kind: req.body.kind })
      return reply.code(201).send({ id, name: (req.body.name ?? '').trim() })
    } catch (err) {
      if (!isAppError(err)) throw err
      return reply.code(toProblem(err).status).send({ error: err.message, ...(err.field && { field: err.field }) })
    }
  })

  app.post('/speakers', { preHandler: MANAGE }, async (req, reply) => {
    const values = speakerValues(req.body)
    return attempt(() => speakerDesk.createSpeaker(actorOf(req), values), () => doneRedirect(reply, '/desk/speakers', 'created'),
      (status, error) => render(req, reply, status, {}, { error, values }))
  })

  app.get<{ Params: { id: number }; Querystring: { done?: string } }>('/speakers/:id', {
    schema: { params: idParams, querystring: doneQuery(Object.keys(DONE)) }, preHandler: MANAGE,
  }, async (req, reply) => renderSpeaker(req, reply, req.params.id, 200, { message: req.query.done ? DONE[req.query.done] ?? null : null }))

  app.post<{ Params: { id: number } }>('/speakers/:id', { schema: { params: idParams }, preHandler: MANAGE }, async (req, reply) => {
    const values = speakerValues(req.body)
    return attempt(() => speakerDesk.updateSpeaker(actorOf(req), req.params.id, values), () => doneRedirect(reply, `/desk/speakers/${req.params.id}`, 'saved'),
      (status, error) => renderSpeaker(req, reply, req.params.id, status, { error: { form: 'edit', error }, values }))
  })

  app.post<{ Params: { id: number } }>('/speakers/:id/merge', { schema: { params: idParams }, preHandler: MANAGE }, async (req, reply) => {
    const into = formText(req.body, 'into', 200)
    return attempt(() => speakerDesk.mergeSpeaker(actorOf(req), req.params.id, into), () => doneRedirect(reply, '/desk/speakers', 'merged'),
      (status, error) => renderSpeaker(req, reply, req.params.id, status, { error: { form: 'merge', error: { ...error, field: error.field === 'slug' ? 'into' : error.field } }, values: { into } }))
  })

  app.post<{ Params: { id: number } }>('/speakers/:id/delete', { schema: { params: idParams }, preHandler: MANAGE }, async (req, reply) =>
    attempt(() => speakerDesk.deleteSpeaker(actorOf(req), req.params.id), () => doneRedirect(reply, '/desk/speakers', 'deleted'),
      (status, error) => renderSpeaker(req, reply, req.params.id, status, { error: { form: 'edit', error } })))
}

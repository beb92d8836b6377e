// JSON for the editor's pickers: tag suggestions over the taxonomy use-case, and pages of the whole media library.

import type { FastifyPluginAsync } from 'fastify'
import { mediaUrl } from '../../domain/media.ts'
import { bodySrcset } from '../../render/desk/editor-page.ts'
import { actorOf, requireUser } from '../viewer.ts'
import type { DeskKit } from './desk.ts'

const tagsQuery = { type: 'object', properties: { q: { type: 'string', maxLength: 100 } }, additionalProperties: false } as const
const mediaQuery = {
  type: 'object',
  properties: { q: { type: 'string', maxLength: 200 }, page: { type: 'integer', minimum: 1, maximum: 100_000 } },
  additionalProperties: false,
} as const

/** Images a page of the picker shows. */
const PER_PAGE = 24

// A validation error answers 400 in JSON naming the field, like the autosave does: the pickers read `error`.
export const deskPickerRoutes = (kit: DeskKit): FastifyPluginAsync => async (app) => {
  const { taxonomyDesk, media } = kit.services

  app.get<{ Querystring: { q?: string } }>('/tags.json', { schema: { querystring: tagsQuery }, attachValidation: true, preHandler: requireUser() }, async (req, reply) => {
    reply.header('cache-control', 'private, no-store')
    if (req.validationError) return reply.code(400).send({ error: 'q is at most 100 characters', field: 'q' })
    return reply.send(await taxonomyDesk.suggestTags(actorOf(req), req.query.q ?? ''))
  })

  app.get<{ Querystring: { q?: string; page?: number } }>('/media.json',
    { schema: { querystring: mediaQuery }, attachValidation: true, preHandler: requireUser() }, async (req, reply) => {
      reply.header('cache-control', 'private, no-store')
      if (req.validationError) return reply.code(400).send({ error: `the query was not understood: ${req.validationError.message}`, field: req.validationError.validation[0]?.instancePath.slice(1) || 'q' })
      const page = await media.list({ page: req.query.page ?? 1, perPage: PER_PAGE, text: req.query.q ?? '' })
      return reply.send({
        page: page.page, hasNext: page.hasNext,
        // Images without alt text are listed too, marked: the writer sees the image exists and that it needs describing.
        items: page.items.map((m) => ({
          id: m.id, src: mediaUrl(m), srcset: bodySrcset(m), width: m.width, height: m.height, alt: m.alt, caption: m.caption, credit: m.credit,
          thumb: m.variants.find((v) => v.width >= 160)?.url ?? mediaUrl(m), path: m.path,
        })),
      })
    })
}

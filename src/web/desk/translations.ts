// The desk's translation forms: Add translation, link to a translation group, unlink; the rules are editorial/translations.ts's.

import type { FastifyPluginAsync } from 'fastify'
import { requireUser } from '../viewer.ts'
import type { DeskKit } from './desk.ts'
import { actorOf } from './editor.ts'

const ID = { type: 'object', properties: { id: { type: 'integer', minimum: 1, maximum: 2_147_483_647 } }, required: ['id'], additionalProperties: false } as const
const CSRF = { type: 'string', maxLength: 200 } as const
const addSchema = {
  type: 'object', properties: { _csrf: CSRF, language: { type: 'string', minLength: 1, maxLength: 35 } }, required: ['language'], additionalProperties: false,
} as const
const linkSchema = {
  type: 'object', properties: { _csrf: CSRF, translation_of: { type: 'string', pattern: '^[0-9]{1,9}$' } }, required: ['translation_of'], additionalProperties: false,
} as const
const unlinkSchema = { type: 'object', properties: { _csrf: CSRF }, additionalProperties: false } as const

export const deskTranslationRoutes = (kit: DeskKit): FastifyPluginAsync => async (app) => {
  const { translations } = kit.services

  app.post<{ Params: { id: number }; Body: { language: string } }>('/articles/:id/translations',
    { schema: { params: ID, body: addSchema }, preHandler: requireUser() }, async (req, reply) => {
      const { id } = await translations.add(req.params.id, req.body.language, actorOf(req))
      return reply.redirect(`/desk/articles/${id}/edit?notice=translated`, 303)
    })

  app.post<{ Params: { id: number }; Body: { translation_of: string } }>('/articles/:id/translation-group',
    { schema: { params: ID, body: linkSchema }, preHandler: requireUser() }, async (req, reply) => {
      await translations.link(req.params.id, Number(req.body.translation_of), actorOf(req))
      return reply.redirect(`/desk/articles/${req.params.id}/edit?notice=linked`, 303)
    })

  app.post<{ Params: { id: number } }>('/articles/:id/translation-group/remove',
    { schema: { params: ID, body: unlinkSchema }, preHandler: requireUser() }, async (req, reply) => {
      await translations.unlink(req.params.id, actorOf(req))
      return reply.redirect(`/desk/articles/${req.params.id}/edit?notice=unlinked`, 303)
    })
}

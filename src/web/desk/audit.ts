// The desk's audit log (editors and admins): newest first, filtered by user and action, paged by id.

import type { FastifyPluginAsync } from 'fastify'
import { auditPage } from '../../render/desk/audit-page.ts'
import { actorOf, requireUser } from '../viewer.ts'
import { sendDeskPage, type DeskKit } from './desk.ts'

const PER_PAGE = 50

interface AuditQuery { user?: string; action?: string; before?: number }

const auditQuery = {
  type: 'object',
  properties: {
    user: { type: 'string', pattern: '^(?:[1-9][0-9]{0,14})?$' },
    action: { type: 'string', maxLength: 100, pattern: '^[a-z0-9._-]*$' },
    before: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER },
  },
  additionalProperties: false,
} as const

export const deskAuditRoutes = (kit: DeskKit): FastifyPluginAsync => async (app) => {
  const { auditLog, site } = kit.services

  app.get<{ Querystring: AuditQuery }>('/audit', { schema: { querystring: auditQuery }, preHandler: requireUser() }, async (req, reply) => {
    const user = req.query.user ? Number(req.query.user) : undefined
    const action = req.query.action || undefined
    const before = req.query.before
    const [log, { settings }] = await Promise.all([
      auditLog.page(actorOf(req), { perPage: PER_PAGE, ...(before !== undefined && { beforeId: before }), ...(user !== undefined && { userId: user }), ...(action && { action }) }),
      site.get(),
    ])
    return sendDeskPage(reply, 200, auditPage(await kit.context(req, await kit.csrfFor(req)), {
      entries: log.entries, users: log.users, actions: log.actions,
      filters: { ...(user !== undefined && { user }), ...(action && { action }) },
      before: before ?? null, olderThan: log.olderThan, timeZone: settings.timeZone,
    }))
  })
}

// The desk's audit log (editors and admins): newest first, filtered by user and action, paged by id.

import type { FastifyPluginAsync } from 'fastify'
import { auditPage } from '../../render/desk/audit-page.ts'
import { requireUser } from '../viewer.ts'
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
  const { store, site } = kit.services

  app.get<{ Querystring: AuditQuery }>('/audit', { schema: { querystring: auditQuery }, preHandler: requireUser('audit.read') }, async (req, reply) => {
    const user = req.query.user ? Number(req.query.user) : undefined
    const action = req.query.action || undefined
    const before = req.query.before
    const [rows, users, actions, { settings }] = await Promise.all([
      store.audit.list({ limit: PER_PAGE + 1, ...(before !== undefined && { beforeId: before }), ...(user !== undefined && { userId: user }), ...(action && { action }) }),
      store.users.list(), store.audit.actions(), site.get(),
    ])
    const shown = rows.slice(0, PER_PAGE)
    const names = new Map(users.map((u) => [u.id, u.name]))
    return sendDeskPage(reply, 200, auditPage(await kit.context(req, await kit.csrfFor(req)), {
      entries: shown.map((e) => ({ ...e, userName: e.userId === null ? null : names.get(e.userId) ?? `user ${e.userId}` })),
      users: users.map((u) => ({ id: u.id, name: u.name })), actions,
      filters: { ...(user !== undefined && { user }), ...(action && { action }) },
      before: before ?? null, olderThan: rows.length > PER_PAGE ? shown[shown.length - 1]!.id : null, timeZone: settings.timeZone,
    }))
  })
}

// GET /healthz: whether this instance and its database answer.

import type { FastifyPluginAsync } from 'fastify'
import type { Services } from '../services.ts'

export const healthRoutes = (s: Pick<Services, 'store'>, startedAt: number): FastifyPluginAsync => async (app) => {
  app.get('/healthz', async (_req, reply) => {
    const database = await s.store.ping()
    return reply.code(database ? 200 : 503).header('cache-control', 'no-store')
      .send({ status: database ? 'ok' : 'unavailable', database: s.store.dialect.name, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) })
  })
}

// The front page and the most-read page.

import type { FastifyPluginAsync } from 'fastify'
import type { Services } from '../../services.ts'
import { frontPage } from '../../render/site/front-page.ts'
import { popularPage } from '../../render/site/simple-pages.ts'
import { sendPage, type ContextSource } from './pages.ts'

export const frontRoutes = (s: Pick<Services, 'reading'>, context: ContextSource): FastifyPluginAsync => async (app) => {
  app.get('/', async (req, reply) => sendPage(req, reply, frontPage(await context(), await s.reading.frontPage())))
  app.get('/popular', async (req, reply) => sendPage(req, reply, popularPage(await context(), await s.reading.popularPage())))
}

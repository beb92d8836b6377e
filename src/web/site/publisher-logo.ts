// The publisher wordmark at its fingerprinted URL, drawn from the current site name; an outdated fingerprint is a 404.

import type { FastifyPluginAsync } from 'fastify'
import { AppError } from '../../errors.ts'
import { publisherLogoPath, publisherLogoSvg } from '../../render/publisher-logo.ts'
import type { Services } from '../../services.ts'

export const publisherLogoRoutes = (s: Pick<Services, 'site'>): FastifyPluginAsync => async (app) => {
  app.get<{ Params: { hash: string } }>('/assets/publisher-logo.:hash.svg', async (req, reply) => {
    const { name } = (await s.site.get()).settings
    if (req.url.split('?')[0] !== publisherLogoPath(name)) throw new AppError('NotFound', 'no such asset')
    return reply.header('content-type', 'image/svg+xml; charset=utf-8').header('cache-control', 'public, max-age=31536000, immutable')
      .send(publisherLogoSvg(name).svg)
  })
}

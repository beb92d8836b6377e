// The publisher wordmark and the site icon at their fingerprinted URLs, drawn from the current site name (an outdated
// fingerprint is a 404), /favicon.ico, which points at the icon, and the share images of heroes (/share/<id>.jpg).

import type { FastifyPluginAsync } from 'fastify'
import { publicMediaUrl } from '../../domain/media.ts'
import { AppError } from '../../errors.ts'
import { publisherLogoPath, publisherLogoSvg, siteCardPath, siteCardSvg, siteIconPath, siteIconSvg, siteIconUrl } from '../../render/publisher-logo.ts'
import type { Services } from '../../services.ts'

const shareParams = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1, maximum: 2_147_483_647 } } } as const

export const publisherLogoRoutes = (s: Pick<Services, 'site' | 'shareImages' | 'config'>): FastifyPluginAsync => async (app) => {
  // The share image of a hero (og:image): images never change once uploaded, so a day's caching is safe; a deleted
  // image's card goes with its day.
  app.get<{ Params: { hash: string } }>('/share/site.:hash.jpg', async (req, reply) => {
    const { name } = (await s.site.get()).settings
    if (req.url.split('?')[0] !== siteCardPath(name)) throw new AppError('NotFound', 'no such image')
    return reply.header('content-type', 'image/jpeg').header('cache-control', 'public, max-age=31536000, immutable')
      .send(await s.shareImages.siteCard(siteCardSvg(name)))
  })

  app.get<{ Params: { id: number } }>('/share/:id.jpg', { schema: { params: shareParams } }, async (req, reply) =>
    reply.header('content-type', 'image/jpeg').header('cache-control', 'public, max-age=86400').send(await s.shareImages.jpeg(req.params.id)))

  app.get<{ Params: { hash: string } }>('/assets/publisher-logo.:hash.svg', async (req, reply) => {
    const { name } = (await s.site.get()).settings
    if (req.url.split('?')[0] !== publisherLogoPath(name)) throw new AppError('NotFound', 'no such asset')
    return reply.header('content-type', 'image/svg+xml; charset=utf-8').header('cache-control', 'public, max-age=31536000, immutable')
      .send(publisherLogoSvg(name).svg)
  })

  app.get<{ Params: { hash: string } }>('/assets/site-icon.:hash.svg', async (req, reply) => {
    const { name } = (await s.site.get()).settings
    if (req.url.split('?')[0] !== siteIconPath(name)) throw new AppError('NotFound', 'no such asset')
    return reply.header('content-type', 'image/svg+xml; charset=utf-8').header('cache-control', 'public, max-age=31536000, immutable')
      .send(siteIconSvg(name))
  })

  // Browsers ask for /favicon.ico whatever the page links: it points at the icon of the moment, for a day.
  app.get('/favicon.ico', async (_req, reply) => {
    const { settings } = await s.site.get()
    return reply.header('cache-control', 'public, max-age=86400').redirect(publicMediaUrl(siteIconUrl(settings), s.config.media.publicUrl), 302)
  })
}

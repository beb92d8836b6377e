// Sitemaps and robots: /sitemap.xml (index), /sitemaps/articles-<n>.xml (streamed), /sitemaps/pages.xml, /news-sitemap.xml, /robots.txt.

import { Readable } from 'node:stream'
import type { FastifyPluginAsync } from 'fastify'
import type { SitemapUrl } from '../../domain/sitemaps.ts'
import { AppError } from '../../errors.ts'
import { newsSitemap, robotsTxt, sitemapIndex, URLSET_END, URLSET_START, urlEntries, urlset } from '../../render/sitemaps.ts'
import type { Services } from '../../services.ts'
import { PUBLIC_CACHE, sendCacheable } from '../caching.ts'
import type { PageCache } from '../page-cache.ts'

const XML = 'application/xml; charset=utf-8'
const ARTICLE_PAGE = /^articles-([1-9][0-9]{0,5})\.xml$/

/** The XML of an article page, produced batch by batch as the client reads it. */
async function* articleXml(siteUrl: string, batches: AsyncIterable<SitemapUrl[]>): AsyncGenerator<string> {
  yield URLSET_START
  for await (const batch of batches) yield urlEntries(siteUrl, batch)
  yield URLSET_END
}

/** Every publish changes the sitemaps (the `sitemaps` scope), so they stay in memory until one does. */
const SITEMAP_DEPS = { articleIds: [], scopes: ['sitemaps'], maxAgeMs: null } as const

export const sitemapRoutes = (s: Pick<Services, 'sitemaps' | 'config'>, cache: PageCache): FastifyPluginAsync => async (app) => {
  const siteUrl = s.config.siteUrl.href.replace(/\/$/, '')
  const cached = (render: () => Promise<string>) => async () => ({ body: await render(), deps: SITEMAP_DEPS })

  app.get('/sitemap.xml', (req, reply) => cache.serve(req, reply, '/sitemap.xml', cached(async () => sitemapIndex(siteUrl, await s.sitemaps.index())), { type: XML }))

  app.get<{ Params: { name: string } }>('/sitemaps/:name', async (req, reply) => {
    const { name } = req.params
    if (name === 'pages.xml') return cache.serve(req, reply, '/sitemaps/pages.xml', cached(async () => urlset(siteUrl, await s.sitemaps.otherPages())), { type: XML })
    // Article pages (up to 50,000 URLs each) are streamed rather than held in memory.
    const n = ARTICLE_PAGE.exec(name)?.[1]
    if (!n) throw new AppError('NotFound', 'no such sitemap')
    // Unknown page numbers are a 404 here, before anything is sent; after that the page streams from the store.
    const batches = await s.sitemaps.articlePage(Number(n))
    return reply.header('content-type', XML).header('cache-control', PUBLIC_CACHE).header('vary', 'accept-encoding')
      .send(Readable.from(articleXml(siteUrl, batches)))
  })

  app.get('/news-sitemap.xml', (req, reply) => cache.serve(req, reply, '/news-sitemap.xml', cached(async () => {
    const news = await s.sitemaps.news()
    return newsSitemap(siteUrl, news.publication, news.entries)
  }), { type: XML }))

  app.get('/robots.txt', async (req, reply) => sendCacheable(req, reply, robotsTxt(siteUrl), 'text/plain; charset=utf-8'))
}

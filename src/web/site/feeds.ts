// Feeds: /rss.xml, /atom.xml and /feed.json for the site, and the same under /<section>/, /tag/<slug>/, /author/<slug>/ and /people/<slug>/.

import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { FEED_FORMATS, type FeedFormat, type FeedModel, type FeedScope } from '../../domain/feeds.ts'
import { isSlug } from '../../domain/slug.ts'
import { AppError } from '../../errors.ts'
import type { RenderContext } from '../../render/context.ts'
import { atomFeed, rssFeed } from '../../render/feeds/rss-atom.ts'
import { jsonFeed } from '../../render/feeds/json-feed.ts'
import type { Services } from '../../services.ts'
import type { PageCache } from '../page-cache.ts'
import { pageLanguage, routeLanguage, type ContextSource } from './pages.ts'

const RENDERERS: Readonly<Record<FeedFormat, (ctx: RenderContext, model: FeedModel) => string>> = { rss: rssFeed, atom: atomFeed, json: jsonFeed }

/** A slug from the path, or a 404: a segment that cannot be a slug names no section, tag or author. */
const scopeOf = (kind: 'section' | 'tag' | 'author' | 'speaker', slug: string): FeedScope => {
  if (!isSlug(slug)) throw new AppError('NotFound', `no such ${kind}`)
  return { kind, slug }
}

// Static segments beat parameters in the router, so `/:section/rss.xml` is tried before `/:section/:slug` (see test/web/site/feeds.test.ts).
/** The feeds of the default language (unprefixed), or under /_lang/:lang (web/app.ts; `/ru/rss.xml`). */
export const feedRoutes = (s: Pick<Services, 'feeds' | 'site'>, context: ContextSource, cache: PageCache, prefixed = false): FastifyPluginAsync => async (app) => {
  for (const format of Object.keys(FEED_FORMATS) as FeedFormat[]) {
    const { file, type } = FEED_FORMATS[format]
    // Kept in memory until a publish touches the `feeds` scope or an article the feed shows changes.
    const send = async (req: FastifyRequest, reply: FastifyReply, scope: FeedScope) => {
      const { code } = routeLanguage(req, prefixed)
      const language = await pageLanguage(s, code)
      return cache.serve(req, reply, `feed:${code ?? ''}:${format}:${scope.kind}:${scope.kind === 'site' ? '' : scope.slug}`, async () => {
        const [ctx, model] = await Promise.all([context(language), s.feeds.feed(scope, language)])
        return { body: RENDERERS[format](ctx, model), deps: { articleIds: model.items.map((i) => i.id), scopes: ['feeds'], maxAgeMs: null } }
      }, { type: `${type}; charset=utf-8` })
    }
    app.get(`/${file}`, (req, reply) => send(req, reply, { kind: 'site' }))
    app.get<{ Params: { section: string } }>(`/:section/${file}`, (req, reply) => send(req, reply, scopeOf('section', req.params.section)))
    app.get<{ Params: { slug: string } }>(`/tag/:slug/${file}`, (req, reply) => send(req, reply, scopeOf('tag', req.params.slug)))
    app.get<{ Params: { slug: string } }>(`/author/:slug/${file}`, (req, reply) => send(req, reply, scopeOf('author', req.params.slug)))
    app.get<{ Params: { slug: string } }>(`/people/:slug/${file}`, (req, reply) => send(req, reply, scopeOf('speaker', req.params.slug)))
  }
}

// Rendering a page for a request: the render context, and sending HTML with the right status and caching.

import type { FastifyReply, FastifyRequest } from 'fastify'
import type { RenderContext } from '../../render/context.ts'
import type { SafeHtml } from '../../render/html.ts'
import type { Services } from '../../services.ts'
import type { Assets } from '../assets.ts'
import { NO_STORE, PUBLIC_CACHE, sendCacheable } from '../caching.ts'
import { PATH_LANGUAGES, sameLanguage } from '../../domain/language.ts'
import { AppError } from '../../errors.ts'
import { catalogueFor } from '../../i18n/catalogues.ts'

const HTML = 'text/html; charset=utf-8'

/** The render context of a page in a language (a tag or a path prefix such as `ru`); the default language when none is given. */
export type ContextSource = (language?: string | null) => Promise<RenderContext>

/**
 * A function that builds the render context from the cached site settings. A language the site is not published in
 * (an article in a language the settings do not list) gets the default language's interface.
 */
export const renderContextSource = (s: Pick<Services, 'site' | 'config' | 'clock'>, assets: Assets): ContextSource =>
  async (tag) => {
    const { settings, sections, footerPages, newsletters } = await s.site.get()
    const language = (tag ? settings.languages.find((l) => sameLanguage(l.tag, tag)) : undefined) ?? settings.languages[0]!
    return {
      settings, sections, footerPages, newsletters, language, t: catalogueFor(language.tag), siteUrl: s.config.siteUrl.href.replace(/\/$/, ''),
      assets: { css: assets.css, printCss: assets.printCss, beacon: assets.beacon, suggest: assets.suggest }, year: new Date(s.clock.now()).getUTCFullYear(),
      mediaBase: s.config.media.publicUrl,
    }
  }

/** The page-cache key of page `page` of a listing at `path`: page 1 is the bare path, as linked. */
export const pageKey = (path: string, page: number): string => (page === 1 ? path : `${path}?page=${page}`)

/** Sends a public page (200, cacheable, with ETag), tagged for a CDN with `keys` (caching.ts). */
export const sendPage = (req: FastifyRequest, reply: FastifyReply, page: SafeHtml, keys: readonly string[] = []) =>
  sendCacheable(req, reply, page.value, HTML, PUBLIC_CACHE, keys)

/** Sends an error page with its status; never cached. */
export const sendErrorPage = (reply: FastifyReply, status: number, page: SafeHtml) =>
  reply.code(status).header('content-type', HTML).header('cache-control', NO_STORE).send(page.value)

/**
 * The site language a route family serves: undefined for the unprefixed paths (the default language), else the tag of
 * the site language whose prefix `code` is. A code that is no site language, or is the default's (whose pages have no
 * prefix: one URL per page), is a 404.
 */
export async function pageLanguage(s: Pick<Services, 'site'>, code: string | null): Promise<string | undefined> {
  if (code === null) return undefined
  const { settings } = await s.site.get()
  const language = settings.languages.find((l) => l.prefix === `/${code}`)
  if (!language) throw new AppError('NotFound', 'the site is not published in that language')
  return language.tag
}

/**
 * The language code of a request to a reader route: web/app.ts rewrites `/ru/…` to `/_lang/ru/…`, where the routes
 * registered under `/_lang/:lang` (`prefixed`) read it; null on the unprefixed routes, which serve the default language.
 */
export function routeLanguage(req: FastifyRequest, prefixed: boolean): { code: string | null; prefix: string } {
  const code = prefixed ? (req.params as { lang?: string }).lang ?? null : null
  return { code, prefix: code === null ? '' : `/${code}` }
}

/** A path's language prefix (`ru` of `/ru/news`), when its first segment is one; null otherwise. */
export const prefixOf = (url: string): string | null => {
  const first = /^\/([a-z]{2,3})(?:[/?]|$)/.exec(url)?.[1]
  return first !== undefined && PATH_LANGUAGES.includes(first) ? first : null
}

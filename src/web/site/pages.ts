// Rendering a page for a request: the render context, and sending HTML with the right status and caching.

import type { FastifyReply, FastifyRequest } from 'fastify'
import type { RenderContext } from '../../render/context.ts'
import type { SafeHtml } from '../../render/html.ts'
import type { Services } from '../../services.ts'
import type { Assets } from '../assets.ts'
import { NO_STORE, sendCacheable } from '../caching.ts'

const HTML = 'text/html; charset=utf-8'

export type ContextSource = () => Promise<RenderContext>

/** A function that builds the render context from the cached site settings. */
export const renderContextSource = (s: Pick<Services, 'site' | 'config' | 'clock'>, assets: Assets): ContextSource =>
  async () => {
    const { settings, sections } = await s.site.get()
    return {
      settings, sections, siteUrl: s.config.siteUrl.href.replace(/\/$/, ''),
      assets: { css: assets.css, printCss: assets.printCss, beacon: assets.beacon }, year: new Date(s.clock.now()).getUTCFullYear(),
    }
  }

/** The page-cache key of page `page` of a listing at `path`: page 1 is the bare path, as linked. */
export const pageKey = (path: string, page: number): string => (page === 1 ? path : `${path}?page=${page}`)

/** Sends a public page (200, cacheable, with ETag). */
export const sendPage = (req: FastifyRequest, reply: FastifyReply, page: SafeHtml) => sendCacheable(req, reply, page.value, HTML)

/** Sends an error page with its status; never cached. */
export const sendErrorPage = (reply: FastifyReply, status: number, page: SafeHtml) =>
  reply.code(status).header('content-type', HTML).header('cache-control', NO_STORE).send(page.value)

// Manual redirects: an old path answers 301 to an article or an address, or 410 Gone. Validated, audited, one transaction each.

import type { Clock } from '../domain/clock.ts'
import { languagePrefix, PATH_LANGUAGES } from '../domain/language.ts'
import { AppError } from '../errors.ts'
import type { SiteContextCache } from '../reading/site-settings.ts'
import type { Repositories, Store } from '../store/store.ts'
import type { RedirectRow } from '../store/redirects.ts'
import { requiredId } from './desk-input.ts'
import type { Actor } from './article-access.ts'
import { requirePermission } from './permission.ts'

export interface RedirectInput { readonly from?: unknown; readonly to?: unknown; readonly status?: unknown }

const MAX_PATH = 1000
// Paths the application answers itself before any 404 (so a redirect there would never be read).
const OWN_PREFIXES = /^\/(?:desk|api|assets|media|healthz)(?:[/?]|$)/

/** The from path as requests carry it: starts with one '/', no spaces, controls, backslashes or fragment; a query string is allowed. */
export function fromPathInput(value: unknown): string {
  const from = typeof value === 'string' ? value.trim() : ''
  if (!from) throw new AppError('Invalid', 'the old path is required', 'from')
  if (from.length > MAX_PATH) throw new AppError('Invalid', `the old path is longer than ${MAX_PATH} characters`, 'from')
  if (!from.startsWith('/') || from.startsWith('//')) throw new AppError('Invalid', 'the old path starts with a single "/" (e.g. /old/page?id=5)', 'from')
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f\\#]/.test(from)) throw new AppError('Invalid', 'the old path may not hold spaces, backslashes or "#"', 'from')
  const path = from.split('?')[0]!
  if (path === '/') throw new AppError('Invalid', 'the front page cannot be redirected', 'from')
  if (path.endsWith('/')) throw new AppError('Invalid', 'the old path may not end with "/" (addresses with one already lose it)', 'from')
  if (OWN_PREFIXES.test(from)) throw new AppError('Invalid', 'that path belongs to the application itself', 'from')
  return from
}

/** The target: an article id, a path on this site, or an http(s) URL. */
export function targetInput(value: unknown): { toArticleId: number | null; toUrl: string | null } {
  const to = typeof value === 'string' ? value.trim() : ''
  if (!to) throw new AppError('Invalid', 'give an article id, a path or a URL to redirect to', 'to')
  if (/^\d+$/.test(to)) return { toArticleId: requiredId(to, 'to', 'The article id'), toUrl: null }
  if (to.length > 2000) throw new AppError('Invalid', 'the new address is longer than 2000 characters', 'to')
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f\\]/.test(to)) throw new AppError('Invalid', 'the new address may not hold spaces or backslashes', 'to')
  if (to.startsWith('/') && !to.startsWith('//')) return { toArticleId: null, toUrl: to }
  let url: URL
  try {
    url = new URL(to)
  } catch {
    throw new AppError('Invalid', 'the new address is an article id, a path starting with "/", or an http(s) URL', 'to')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new AppError('Invalid', 'only http and https addresses are allowed', 'to')
  return { toArticleId: null, toUrl: url.href }
}

export function createRedirectDesk({ store, clock, site }: { readonly store: Store; readonly clock: Clock; readonly site: SiteContextCache }) {
  /** Whether a path (without its query) is where a live article is read. */
  async function isLiveArticlePath(tx: Repositories, path: string, siteLanguage: string): Promise<boolean> {
    const parts = path.split('/').slice(1)
    if (parts.length === 2) return !!(await tx.live.findByPath(languagePrefix(siteLanguage), parts[0]!, parts[1]!))
    if (parts.length === 3 && PATH_LANGUAGES.includes(parts[0]!)) return !!(await tx.live.findByPath(parts[0]!, parts[1]!, parts[2]!))
    return false
  }

  return {
    /** One page of redirects whose paths hold `text`, newest first, with the titles of the articles they lead to. */
    async page(actor: Actor, q: { text?: string; page: number; perPage: number }): Promise<{ items: (RedirectRow & { articleTitle: string | null })[]; hasNext: boolean }> {
      requirePermission(actor, 'redirects.manage')
      const list = await store.redirects.list({ ...(q.text && { text: q.text }), limit: q.perPage, offset: (q.page - 1) * q.perPage })
      const titles = new Map<number, string>()
      for (const r of list.items) {
        if (r.toArticleId !== null && !titles.has(r.toArticleId)) titles.set(r.toArticleId, (await store.articles.get(r.toArticleId))?.title ?? '')
      }
      return { items: list.items.map((r) => ({ ...r, articleTitle: r.toArticleId === null ? null : titles.get(r.toArticleId) || null })), hasNext: list.hasNext }
    },

    /** Adds a manual redirect; throws AppError('Invalid') naming the field for anything wrong. */
    async add(actor: Actor, input: RedirectInput): Promise<void> {
      requirePermission(actor, 'redirects.manage')
      const from = fromPathInput(input.from)
      const status = input.status === '410' || input.status === 410 ? 410 : input.status === '301' || input.status === 301 ? 301 : null
      if (status === null) throw new AppError('Invalid', 'the status is 301 (moved) or 410 (gone)', 'status')
      const target = status === 410 ? { toArticleId: null, toUrl: null } : targetInput(input.to)
      if (target.toUrl !== null && target.toUrl === from) throw new AppError('Invalid', 'a redirect cannot point to its own path', 'to')
      const { language } = (await site.get()).settings
      await store.transaction(async (tx) => {
        if (await isLiveArticlePath(tx, from.split('?')[0]!, language)) throw new AppError('Invalid', 'a published article lives at that path', 'from')
        if (await tx.redirects.find(from)) throw new AppError('Invalid', 'there is already a redirect from that path: delete it first', 'from')
        if (target.toArticleId !== null && !(await tx.articles.get(target.toArticleId))) {
          throw new AppError('Invalid', `there is no article ${target.toArticleId}`, 'to')
        }
        // The target must not lead straight back here.
        if (target.toUrl?.startsWith('/')) {
          const next = await tx.redirects.find(target.toUrl)
          if (next?.toUrl === from) throw new AppError('Invalid', `${target.toUrl} already redirects here: that would be a loop`, 'to')
        }
        await tx.redirects.put({ fromPath: from, status, ...target, kind: 'manual', createdAt: clock.now() })
        await tx.audit.record({ userId: actor.userId, action: 'redirect.create', subjectType: 'redirect', subjectId: from.slice(0, 200), details: { status, to: target.toArticleId ?? target.toUrl }, at: clock.now() })
      })
    },

    async remove(actor: Actor, redirectId: unknown): Promise<void> {
      requirePermission(actor, 'redirects.manage')
      const id = requiredId(redirectId, 'id', 'The redirect')
      await store.transaction(async (tx) => {
        const r = await tx.redirects.byId(id)
        if (!r) throw new AppError('NotFound', 'no such redirect')
        await tx.redirects.remove(r.fromPath)
        await tx.audit.record({ userId: actor.userId, action: 'redirect.delete', subjectType: 'redirect', subjectId: r.fromPath.slice(0, 200), details: {}, at: clock.now() })
      })
    },
  }
}

export type RedirectDesk = ReturnType<typeof createRedirectDesk>

// What a migration script may give an article it creates through the Admin API besides its fields: the id it had in the
// old system (its origin), the old URLs that should answer 301 to it, and its original publication time.

import { articlePath } from '../domain/paths.ts'
import { normalizeLegacyPath } from '../domain/legacy-paths.ts'
import { AppError } from '../errors.ts'
import type { Repositories } from '../store/store.ts'
import type { Actor } from './article-access.ts'
import { pathIsLive } from './import-writes.ts'
import { requirePermission } from './permission.ts'
import { fromPathInput } from './redirects.ts'

/** An item of another system: `wordpress:https://old.example.org:42` is post 42 of that WordPress site. */
export interface OriginRef {
  readonly system: string
  readonly site: string
  readonly id: string
}

/** Old URLs one article may bring along: a post's permalink, `?p=`, guid, AMP and feed addresses fit many times over. */
export const OLD_URLS_MAX = 50

/** The origin as `system:site:id` (the site may hold colons, the system and the id do not). Throws Invalid naming `field`. */
export function originInput(value: unknown, field = 'origin'): OriginRef {
  const text = typeof value === 'string' ? value.trim() : ''
  const first = text.indexOf(':'), last = text.lastIndexOf(':')
  if (text.length > 1000 || first <= 0 || last <= first + 1 || last === text.length - 1) {
    throw new AppError('Invalid', `${field} is system:site:id, such as wordpress:https://old.example.org:42`, field)
  }
  return { system: text.slice(0, first), site: text.slice(first + 1, last), id: text.slice(last + 1) }
}

/** The origin as the article row keeps it, the way the importers write it: system, and `site#id`. */
export const articleOrigin = (o: OriginRef): { system: string; id: string } => ({ system: o.system, id: `${o.site}#${o.id}` })

/**
 * Old URLs as paths of the redirects table: each an absolute http(s) URL (its path and query are kept, whatever its
 * host) or a path, a trailing slash dropped. Throws Invalid naming `field` and the first bad entry.
 */
export function oldUrlsInput(value: unknown, field = 'old_urls'): string[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new AppError('Invalid', `${field} must be a list of old URLs or paths`, field)
  if (value.length > OLD_URLS_MAX) throw new AppError('Invalid', `${field} may hold at most ${OLD_URLS_MAX} addresses`, field)
  const out = new Set<string>()
  for (const raw of value as string[]) {
    let path = raw.trim()
    if (/^https?:\/\//i.test(path)) {
      try {
        const u = new URL(path)
        path = u.pathname + u.search
      } catch {
        throw new AppError('Invalid', `${field}: "${raw.slice(0, 200)}" is not a URL`, field)
      }
    }
    const q = path.indexOf('?')
    const bare = (q === -1 ? path : path.slice(0, q)).replace(/(.)\/+$/, '$1')
    const query = q === -1 ? '' : path.slice(q)
    try {
      // The front page with a query (WordPress's `/?p=12`) is an old address of its own; it is checked like any path.
      fromPathInput(bare === '/' && query.length > 1 ? `/x${query}` : bare + query)
      out.add(normalizeLegacyPath(bare + query))
    } catch (err) {
      if (err instanceof AppError) throw new AppError('Invalid', `${field}: "${raw.slice(0, 200)}": ${err.message}`, field)
      throw err
    }
  }
  return [...out]
}

/**
 * Conflict when an article that still exists already came from `origin` (a script run twice): it names that article.
 * Article `self` may hold it already (an origin sent again with a change).
 */
export async function checkOriginFree(tx: Repositories, origin: OriginRef, self: number | null = null): Promise<void> {
  const known = await tx.origins.find({ system: origin.system, site: origin.site, kind: 'article', sourceId: origin.id })
  const recorded = known && await tx.origins.targetExists('article', known.targetId) ? known.targetId : undefined
  const holder = recorded !== undefined && recorded !== self ? recorded : await tx.articles.findByOrigin(origin.system, articleOrigin(origin).id)
  if (holder !== undefined && holder !== self) {
    throw new AppError('Conflict', `article ${holder} already has the origin ${origin.system}:${origin.site}:${origin.id}; change that one (PATCH)`, 'origin')
  }
}

/** Records that article `id` is `origin`, so that `lookup?origin=` finds it (call checkOriginFree first). */
export async function recordOrigin(tx: Repositories, origin: OriginRef, id: number, now: number): Promise<void> {
  // The API keeps no fingerprint: an importer that meets this origin later updates the article.
  await tx.origins.put({ system: origin.system, site: origin.site, kind: 'article', sourceId: origin.id }, { targetId: id, contentHash: 'api' }, now)
}

const originText = (o: OriginRef): string => `${o.system}:${o.site}:${o.id}`

/**
 * Gives article `article` the origin `origin` in place of the one it had (call checkOriginFree first, and write the
 * article row's own origin columns with the save): the old origin is forgotten, so that `lookup?origin=` and a later
 * import no longer take it for this article. Audited. Nothing happens when the origin is the one it has.
 */
export async function changeOrigin(tx: Repositories, actor: Actor, article: { id: number; originSystem: string | null; originId: string | null }, origin: OriginRef, now: number): Promise<void> {
  const row = articleOrigin(origin)
  if (article.originSystem === row.system && article.originId === row.id) return
  // The article row keeps `site#id`, which cannot be split back when the site holds a #: the recorded key is matched instead.
  const previous = (await tx.origins.ofTarget('article', article.id))
    .find((k) => k.system === article.originSystem && `${k.site}#${k.sourceId}` === article.originId)
  if (previous) await tx.origins.remove(previous)
  await recordOrigin(tx, origin, article.id, now)
  const was = previous ? originText({ system: previous.system, site: previous.site, id: previous.sourceId }) : article.originSystem && `${article.originSystem}:${article.originId}`
  await tx.audit.record({ userId: actor.userId, action: 'article.origin', subjectType: 'article', subjectId: String(article.id), details: { origin: originText(origin), previous: was }, at: now })
}

/**
 * Points each old path at article `id` with a 301 (a draft's answer 404 until it is live). Needs the right to manage
 * redirects; Conflict, changing nothing, when a path is one the site answers itself or redirects elsewhere already.
 */
export async function putOldUrls(tx: Repositories, actor: Actor, id: number, paths: readonly string[], ctx: { now: number; siteLanguage: string }): Promise<void> {
  if (paths.length === 0) return
  requirePermission(actor, 'redirects.manage')
  const live = await tx.articles.livePath(id)
  const own = live ? normalizeLegacyPath(articlePath(live, ctx.siteLanguage)) : null
  for (const path of paths) {
    if (path === own) continue
    const existing = await tx.redirects.find(path)
    if (existing?.toArticleId === id) continue
    if (existing) throw new AppError('Conflict', `the old URL ${path} already redirects elsewhere; change that redirect first`, 'old_urls')
    if (await pathIsLive({ tx, siteLanguage: ctx.siteLanguage }, path)) throw new AppError('Conflict', `the old URL ${path} is a live address of this site`, 'old_urls')
    await tx.redirects.put({ fromPath: path, status: 301, toArticleId: id, toUrl: null, kind: 'legacy', createdAt: ctx.now })
  }
}

/** A first publication's original times: published in the past, updated between then and now. Throws Invalid. */
export function originalTimes(publishedAt: number, updatedAt: number | undefined, now: number): { publishedAt: number; updatedAt: number } {
  if (publishedAt > now) throw new AppError('Invalid', 'published_at is in the future: to publish later, schedule with at', 'published_at')
  const updated = updatedAt ?? publishedAt
  if (updated < publishedAt || updated > now) throw new AppError('Invalid', 'updated_at must be between published_at and now', 'updated_at')
  return { publishedAt, updatedAt: updated }
}

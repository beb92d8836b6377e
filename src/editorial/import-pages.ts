// Imported static pages (Ghost's pages): written at `/<slug>` unless the site uses that path, with origins and old paths.

import type { Clock } from '../domain/clock.ts'
import { FLUSH_ALL } from '../domain/invalidation.ts'
import { normalizeLegacyPath } from '../domain/legacy-paths.ts'
import { sanitizeBodyAsync } from '../content/sanitize.ts'
import type { SanitizedHtml } from '../domain/sanitized-html.ts'
import { AppError, isAppError } from '../errors.ts'
import type { Repositories, Store } from '../store/store.ts'
import { BODY_MAX_CHARS } from './article-input.ts'
import type { ImportActor } from './importing.ts'
import type { ImportPage, ImportSource } from './import-input.ts'
import { pathIsLive } from './import-writes.ts'

export interface PageImportingDeps {
  readonly store: Store
  readonly clock: Clock
  readonly siteLanguage: () => Promise<string>
  /** The import use-case's permission check: importing pages needs the same rights as importing articles. */
  readonly authorize: (actor: ImportActor) => void
}

/** What one page came to; `sanitizedBody` is the stored body when it was written, for the report. */
export interface PageResult {
  readonly outcome: 'imported' | 'updated' | 'skipped' | 'refused'
  readonly reason: string | null
  readonly sanitizedBody: string | null
  readonly notes: readonly string[]
}

/** Thrown inside a dry run's transaction so that it rolls back, carrying what would have been written. */
class Rollback extends Error {
  readonly result: PageResult
  constructor(result: PageResult) {
    super('dry run')
    this.result = result
  }
}

interface PageWrite {
  readonly tx: Repositories
  readonly source: ImportSource
  readonly now: number
  readonly siteLanguage: string
  readonly userId: number | null
}

async function writePage(w: PageWrite, p: ImportPage, hash: string, body: SanitizedHtml): Promise<PageResult> {
  const notes: string[] = []
  const result = (outcome: PageResult['outcome'], reason: string | null, stored: string | null): PageResult => ({ outcome, reason, sanitizedBody: stored, notes })
  const k = { ...w.source, kind: 'page' as const, sourceId: p.sourceId }
  const origin = await w.tx.origins.find(k)
  if (origin && !(await w.tx.origins.targetExists('page', origin.targetId))) return result('skipped', 'deleted on this site since it was imported; left deleted', null)
  if (origin?.contentHash === hash) return result('skipped', null, null)
  // Never take over a path the site answers itself: a section of that slug, or a page that is not this import's.
  if (await w.tx.taxonomy.sectionBySlug(p.slug)) return result('refused', `the path /${p.slug} is a section on this site`, null)
  const holder = await w.tx.site.page(p.slug)
  if (holder && holder.id !== origin?.targetId) return result('refused', `the path /${p.slug} is a page of this site already`, null)
  await w.tx.site.savePage({ slug: p.slug, title: p.title.slice(0, 200), bodyHtml: body, updatedAt: p.updatedAt })
  const id = (await w.tx.site.page(p.slug))!.id
  for (const old of p.oldPaths) {
    const path = normalizeLegacyPath(old)
    const existing = await w.tx.redirects.find(path)
    if (existing?.toUrl === `/${p.slug}`) continue
    if (existing) notes.push(`the old path ${path} already redirects elsewhere; left as it was`)
    else if (await pathIsLive(w, path)) notes.push(`the old path ${path} is live on this site; no redirect`)
    else await w.tx.redirects.put({ fromPath: path, status: 301, toArticleId: null, toUrl: `/${p.slug}`, kind: 'legacy', createdAt: w.now })
  }
  await w.tx.origins.put(k, { targetId: id, contentHash: hash }, w.now)
  await w.tx.audit.record({ userId: w.userId, action: 'import.page', subjectType: 'page', subjectId: p.slug, details: { system: w.source.system, site: w.source.site, sourceId: p.sourceId }, at: w.now })
  // Menus, footers and the pages sitemap may show it.
  await w.tx.invalidations.record(FLUSH_ALL)
  return result(holder ? 'updated' : 'imported', null, body)
}

/** The page-import use-case: static pages, one transaction each (a site has few). */
export function createPageImporting({ store, clock, siteLanguage, authorize }: PageImportingDeps) {
  return {
    /** This site's sections (slug and name), for importers that map a source's terms onto them. */
    async sections(): Promise<{ slug: string; name: string }[]> {
      return (await store.taxonomy.sections()).map((s) => ({ slug: s.slug, name: s.name }))
    },

    /**
     * Writes one page as `actor`: skipped when unchanged since the last run, refused when its path belongs to the
     * site already. With `dryRun` the transaction is rolled back and the result says what would have happened.
     */
    async writePage(actor: ImportActor, source: ImportSource, page: ImportPage, hash: string, opts: { readonly dryRun: boolean }): Promise<PageResult> {
      authorize(actor)
      let body: SanitizedHtml
      try {
        if (page.bodyHtml.length > BODY_MAX_CHARS) throw new AppError('Invalid', `body_html is longer than ${BODY_MAX_CHARS} characters`, 'body_html')
        body = await sanitizeBodyAsync(page.bodyHtml, 'body_html')
      } catch (err) {
        if (!isAppError(err)) throw err
        return { outcome: 'refused', reason: err.message, sanitizedBody: null, notes: [] }
      }
      const language = await siteLanguage()
      try {
        return await store.transaction(async (tx) => {
          const r = await writePage({ tx, source, now: clock.now(), siteLanguage: language, userId: actor.kind === 'user' ? actor.userId : null }, page, hash, body)
          if (opts.dryRun) throw new Rollback(r)
          return r
        })
      } catch (err) {
        if (err instanceof Rollback) return err.result
        throw err
      }
    },
  }
}

export type PageImporting = ReturnType<typeof createPageImporting>

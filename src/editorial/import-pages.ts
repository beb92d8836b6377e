// Imported static pages (WordPress and Ghost pages) through the pages use-case: their hierarchy, origins and old paths.

import type { Clock } from '../domain/clock.ts'
import { isLanguageTag, sameLanguage } from '../domain/language.ts'
import { normalizeLegacyPath } from '../domain/legacy-paths.ts'
import { sanitizeBodyAsync } from '../content/sanitize.ts'
import type { SanitizedHtml } from '../domain/sanitized-html.ts'
import { AppError, isAppError } from '../errors.ts'
import type { Repositories, Store } from '../store/store.ts'
import { BODY_MAX_CHARS } from './article-input.ts'
import type { ImportActor } from './importing.ts'
import type { ImportPage, ImportSource } from './import-input.ts'
import { pathIsLive } from './import-writes.ts'
import { createPageIn, PAGE_TITLE_MAX, updatePageIn } from './pages.ts'
import type { Actor } from './article-access.ts'

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

/** The import's actor as the pages use-case sees it: a system import acts with an admin's rights and no user. */
const pageActor = (userId: number | null): Actor => ({ userId, role: 'admin' })

/** The source's language when it is another one than the site's (a WordPress `en-US` on an `en` site is the site's). */
const pageLanguage = (given: string | null | undefined, site: string): string =>
  given && isLanguageTag(given) && !sameLanguage(given, site) ? given : site

async function writePage(w: PageWrite, p: ImportPage, hash: string, body: SanitizedHtml): Promise<PageResult> {
  const notes: string[] = []
  const result = (outcome: PageResult['outcome'], reason: string | null, stored: string | null): PageResult => ({ outcome, reason, sanitizedBody: stored, notes })
  const k = { ...w.source, kind: 'page' as const, sourceId: p.sourceId }
  const origin = await w.tx.origins.find(k)
  if (origin && !(await w.tx.origins.targetExists('page', origin.targetId))) return result('skipped', 'deleted on this site since it was imported; left deleted', null)
  if (origin?.contentHash === hash) return result('skipped', null, null)
  // The parent is written first (importers order pages top down); one that was not imported puts the page at the top.
  let parentId: number | null = null
  if (p.parentSourceId) {
    const parentOrigin = await w.tx.origins.find({ ...w.source, kind: 'page', sourceId: p.parentSourceId })
    if (parentOrigin && (await w.tx.origins.targetExists('page', parentOrigin.targetId))) parentId = parentOrigin.targetId
    else notes.push(`its parent page (${p.parentSourceId}) is not on this site; imported at the top`)
  }
  const fields = { title: p.title.slice(0, PAGE_TITLE_MAX), slug: p.slug, parentId, bodyHtml: body, language: pageLanguage(p.language, w.siteLanguage) }
  const actor = pageActor(w.userId)
  let id: number
  try {
    if (origin) {
      id = origin.targetId
      await updatePageIn(w.tx, actor, id, fields, w.now)
    } else {
      const parent = parentId === null ? null : await w.tx.pages.byId(parentId)
      // A published page below a draft would be unreachable: it comes in as a draft too.
      const published = p.published !== false && (parent === null || parent?.status === 'published')
      id = await createPageIn(w.tx, actor, { ...fields, status: published ? 'published' : 'draft' }, w.now)
    }
  } catch (err) {
    // Path taken (a section, another page, a reserved address) or too deep: this page is refused, the run goes on.
    if (isAppError(err) && (err.kind === 'Invalid' || err.kind === 'Conflict')) return result('refused', err.message, null)
    throw err
  }
  // The source's time of the last change, as articles keep theirs.
  await w.tx.pages.update(id, { updatedAt: p.updatedAt })
  const path = (await w.tx.pages.byId(id))!.path
  for (const old of p.oldPaths) {
    const from = normalizeLegacyPath(old)
    if (from === path) continue
    const existing = await w.tx.redirects.find(from)
    if (existing?.toUrl === path) continue
    if (existing) notes.push(`the old path ${from} already redirects elsewhere; left as it was`)
    else if (await pathIsLive(w, from)) notes.push(`the old path ${from} is live on this site; no redirect`)
    else await w.tx.redirects.put({ fromPath: from, status: 301, toArticleId: null, toUrl: path, kind: 'legacy', createdAt: w.now })
  }
  await w.tx.origins.put(k, { targetId: id, contentHash: hash }, w.now)
  await w.tx.audit.record({ userId: w.userId, action: 'import.page', subjectType: 'page', subjectId: String(id), details: { system: w.source.system, site: w.source.site, sourceId: p.sourceId, path }, at: w.now })
  return result(origin ? 'updated' : 'imported', null, body)
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

// Static pages from the desk, the Admin API and the importers: create, update, move, publish, unpublish, delete and
// restore a revision. One transaction each, with its permission check, audit record and invalidation.

import { sanitizeBodyAsync } from '../content/sanitize.ts'
import type { Clock } from '../domain/clock.ts'
import { FLUSH_ALL } from '../domain/invalidation.ts'
import { isLanguageTag } from '../domain/language.ts'
import { slugify } from '../domain/slug.ts'
import { ancestorPaths, childPath, type Page, type PageRevision, type PageSummary, type PublishedPage } from '../domain/pages.ts'
import type { SanitizedHtml } from '../domain/sanitized-html.ts'
import { AppError } from '../errors.ts'
import type { SiteContextCache } from '../reading/site-settings.ts'
import type { Repositories, Store } from '../store/store.ts'
import { BODY_MAX_CHARS } from './article-input.ts'
import { optionalId, optionalText, requiredId, requiredText, slugInput } from './desk-input.ts'
import { checkPagePath, movePageIn, parentOf } from './page-tree.ts'
import type { Actor } from './article-access.ts'
import { requirePermission } from './permission.ts'


/** A page as it arrives from a form, a JSON body or an importer, unchecked. `parent` is a page id or empty for the top. */
export interface PageInput {
  readonly title?: unknown
  readonly slug?: unknown
  readonly parent?: unknown
  readonly body?: unknown
  readonly language?: unknown
}

export interface PagesDeps {
  readonly store: Store
  readonly clock: Clock
  /** The site context caches the published top-level pages for the footer: every page change drops it. */
  readonly site: SiteContextCache
}

/** Checked fields of a page. */
interface PageFields {
  readonly title: string
  readonly slug: string
  readonly parentId: number | null
  readonly bodyHtml: SanitizedHtml
  readonly language: string
}

export const PAGE_TITLE_MAX = 200

const authorize = (actor: Actor): void => requirePermission(actor, 'pages.manage')

/** Validates a page's fields; the body goes through the one sanitizer. Throws Invalid naming the first bad field. */
async function pageFields(input: PageInput, defaultLanguage: string): Promise<PageFields> {
  const title = requiredText(input.title, 'title', 'The title', PAGE_TITLE_MAX)
  // Made from the title when empty, as an article's is.
  const slug = input.slug === undefined || input.slug === null || input.slug === '' ? slugify(title) : slugInput(input.slug)
  const parentId = optionalId(input.parent, 'parent', 'The parent page')
  const body = input.body === undefined || input.body === null ? '' : input.body
  if (typeof body !== 'string') throw new AppError('Invalid', 'the body must be HTML text', 'body')
  if (body.length > BODY_MAX_CHARS) throw new AppError('Invalid', `the body is longer than ${BODY_MAX_CHARS} characters`, 'body')
  const language = optionalText(input.language, 'language', 'The language', 35) || defaultLanguage
  if (!isLanguageTag(language)) throw new AppError('Invalid', 'the language must be a language tag such as en, ru or pt-BR', 'language')
  return { title, slug, parentId, bodyHtml: await sanitizeBodyAsync(body, 'body'), language }
}

/** Leaves a 410 Gone at `path`; publishing a page or an article there again removes it. */
const gone = (tx: Pick<Repositories, 'redirects'>, path: string, now: number): Promise<void> =>
  tx.redirects.put({ fromPath: path, status: 410, toArticleId: null, toUrl: null, kind: 'manual', createdAt: now })

async function needPage(tx: Pick<Repositories, 'pages'>, id: number): Promise<Page> {
  const page = await tx.pages.byId(id)
  if (!page) throw new AppError('NotFound', 'no such page')
  return page
}

/**
 * Writes a new page inside `tx` (the importers call this within their own transaction): path checked, first revision
 * kept, audited, caches told. Returns its id.
 */
export async function createPageIn(tx: Repositories, actor: Actor, f: PageFields & { readonly status: 'draft' | 'published' }, now: number): Promise<number> {
  const parent = await parentOf(tx, f.parentId)
  const path = childPath(parent?.path ?? null, f.slug)
  await checkPagePath(tx, path, null)
  if (f.status === 'published' && parent && parent.status !== 'published') {
    throw new AppError('Conflict', `the parent page ${parent.path} is a draft: publish it first`)
  }
  const id = await tx.pages.insert({ ...f, path, createdAt: now, updatedAt: now, publishedAt: f.status === 'published' ? now : null })
  await tx.redirects.remove(path)
  await tx.pages.addRevision({ pageId: id, title: f.title, bodyHtml: f.bodyHtml, savedBy: actor.userId, savedAt: now })
  await tx.audit.record({ userId: actor.userId, action: 'page.create', subjectType: 'page', subjectId: String(id), details: { path, status: f.status }, at: now })
  await tx.invalidations.record(FLUSH_ALL)
  return id
}

/**
 * Changes a page inside `tx`: text, language and, when the slug or parent differ, its place (with 301s from the old
 * paths). A revision keeps what was saved. Returns the page as saved.
 */
export async function updatePageIn(tx: Repositories, actor: Actor, id: number, f: PageFields, now: number): Promise<Page> {
  const before = await needPage(tx, id)
  const parent = await parentOf(tx, f.parentId)
  if (parent && parent.status !== 'published' && before.status === 'published') {
    throw new AppError('Conflict', `the page is published and ${parent.path} is a draft: publish that page first`)
  }
  const moved = await movePageIn(tx, before, parent, f.slug, now)
  await tx.pages.update(id, { title: f.title, bodyHtml: f.bodyHtml, language: f.language, updatedAt: now })
  if (before.title !== f.title || before.bodyHtml !== f.bodyHtml) {
    await tx.pages.addRevision({ pageId: id, title: f.title, bodyHtml: f.bodyHtml, savedBy: actor.userId, savedAt: now })
  }
  const details = { path: moved[0]?.to ?? before.path, ...(moved.length ? { movedFrom: before.path, pagesMoved: moved.length } : {}) }
  await tx.audit.record({ userId: actor.userId, action: moved.length ? 'page.move' : 'page.update', subjectType: 'page', subjectId: String(id), details, at: now })
  await tx.invalidations.record(FLUSH_ALL)
  return needPage(tx, id)
}

/** The static-pages use-case behind the desk, the Admin API and the importers. */
export function createPageDesk({ store, clock, site }: PagesDeps) {
  const siteLanguage = async () => (await site.get()).settings.language

  /** Runs `fn` in one transaction as `actor`; the site context (footer pages) is dropped after commit. */
  async function write<T>(actor: Actor, fn: (tx: Repositories, now: number) => Promise<T>): Promise<T> {
    authorize(actor)
    const result = await store.transaction((tx) => fn(tx, clock.now()))
    site.invalidate()
    return result
  }

  return {
    /** Every page, parents before their children (path order), for the desk's tree and the API. */
    async list(actor: Actor): Promise<PageSummary[]> {
      authorize(actor)
      return store.pages.list()
    },

    async get(actor: Actor, pageId: unknown): Promise<Page> {
      authorize(actor)
      return needPage(store, requiredId(pageId, 'id', 'The page'))
    },

    /** A page's revisions, newest first. */
    async revisions(actor: Actor, pageId: unknown): Promise<PageRevision[]> {
      authorize(actor)
      const page = await needPage(store, requiredId(pageId, 'id', 'The page'))
      return store.pages.revisions(page.id)
    },

    /** Creates a draft page (or a published one with `publish`). Returns its id. */
    async create(actor: Actor, input: PageInput, opts: { readonly publish?: boolean } = {}): Promise<number> {
      authorize(actor)
      const f = await pageFields(input, await siteLanguage())
      return write(actor, (tx, now) => createPageIn(tx, actor, { ...f, status: opts.publish ? 'published' : 'draft' }, now))
    },

    /** Saves a page's title, slug, parent, body and language; a new slug or parent moves it (and its pages) with 301s. */
    async update(actor: Actor, pageId: unknown, input: PageInput): Promise<Page> {
      authorize(actor)
      const id = requiredId(pageId, 'id', 'The page')
      const f = await pageFields(input, await siteLanguage())
      return write(actor, (tx, now) => updatePageIn(tx, actor, id, f, now))
    },

    /** Moves a page under `parent` (empty for the top) with `slug` (its own when empty), leaving 301s from old paths. */
    async move(actor: Actor, pageId: unknown, input: { readonly parent?: unknown; readonly slug?: unknown }): Promise<Page> {
      const id = requiredId(pageId, 'id', 'The page')
      const parentId = optionalId(input.parent, 'parent', 'The parent page')
      return write(actor, async (tx, now) => {
        const page = await needPage(tx, id)
        const slug = input.slug === undefined || input.slug === '' ? page.slug : slugInput(input.slug)
        const parent = await parentOf(tx, parentId)
        if (parent && parent.status !== 'published' && page.status === 'published') {
          throw new AppError('Conflict', `the page is published and ${parent.path} is a draft: publish that page first`)
        }
        const moved = await movePageIn(tx, page, parent, slug, now)
        if (moved.length) {
          await tx.audit.record({ userId: actor.userId, action: 'page.move', subjectType: 'page', subjectId: String(id), details: { from: page.path, to: moved[0]!.to, pagesMoved: moved.length }, at: now })
          await tx.invalidations.record(FLUSH_ALL)
        }
        return needPage(tx, id)
      })
    },

    /** Puts a page on the site at its path; Conflict while its parent is a draft. */
    async publish(actor: Actor, pageId: unknown): Promise<void> {
      const id = requiredId(pageId, 'id', 'The page')
      await write(actor, async (tx, now) => {
        const page = await needPage(tx, id)
        if (page.status === 'published') return
        const parent = await parentOf(tx, page.parentId)
        if (parent && parent.status !== 'published') throw new AppError('Conflict', `the parent page ${parent.path} is a draft: publish it first`)
        await tx.pages.update(id, { status: 'published', publishedAt: page.publishedAt ?? now, updatedAt: now })
        await tx.redirects.remove(page.path)
        await tx.audit.record({ userId: actor.userId, action: 'page.publish', subjectType: 'page', subjectId: String(id), details: { path: page.path }, at: now })
        await tx.invalidations.record(FLUSH_ALL)
      })
    },

    /**
     * Takes a page off the site (back to draft); its address answers 410 Gone until it is published again, as an
     * unpublished article's does. Conflict while pages below it are published.
     */
    async unpublish(actor: Actor, pageId: unknown): Promise<void> {
      const id = requiredId(pageId, 'id', 'The page')
      await write(actor, async (tx, now) => {
        const page = await needPage(tx, id)
        if (page.status === 'draft') return
        const live = (await tx.pages.below(page.path)).filter((p) => p.status === 'published')
        if (live.length) throw new AppError('Conflict', `${live.length} published page${live.length === 1 ? '' : 's'} below it (${live[0]!.path}): unpublish or move them first`)
        await tx.pages.update(id, { status: 'draft', updatedAt: now })
        await gone(tx, page.path, now)
        await tx.audit.record({ userId: actor.userId, action: 'page.unpublish', subjectType: 'page', subjectId: String(id), details: { path: page.path }, at: now })
        await tx.invalidations.record(FLUSH_ALL)
      })
    },

    /**
     * Deletes a page and its revisions; an address readers ever had answers 410 Gone, as a deleted article's does
     * (search engines drop it rather than retry a 404). Conflict while pages sit below it.
     */
    async delete(actor: Actor, pageId: unknown): Promise<void> {
      const id = requiredId(pageId, 'id', 'The page')
      await write(actor, async (tx, now) => {
        const page = await needPage(tx, id)
        const below = await tx.pages.below(page.path)
        if (below.length) throw new AppError('Conflict', `${below.length} page${below.length === 1 ? '' : 's'} sit below ${page.path}: move or delete them first`)
        await tx.pages.delete(id)
        if (page.publishedAt !== null) await gone(tx, page.path, now)
        await tx.audit.record({ userId: actor.userId, action: 'page.delete', subjectType: 'page', subjectId: String(id), details: { path: page.path, title: page.title }, at: now })
        await tx.invalidations.record(FLUSH_ALL)
      })
    },

    /** Brings back the title and body of revision `revisionId` as a new save (the current text stays in the revisions). */
    async restoreRevision(actor: Actor, pageId: unknown, revisionId: unknown): Promise<void> {
      const id = requiredId(pageId, 'id', 'The page')
      const revId = requiredId(revisionId, 'revision', 'The revision')
      await write(actor, async (tx, now) => {
        const page = await needPage(tx, id)
        const rev = await tx.pages.revision(id, revId)
        if (!rev) throw new AppError('NotFound', 'no such revision of this page')
        await updatePageIn(tx, actor, id, { title: rev.title, slug: page.slug, parentId: page.parentId, bodyHtml: rev.bodyHtml, language: page.language }, now)
        await tx.audit.record({ userId: actor.userId, action: 'page.restore', subjectType: 'page', subjectId: String(id), details: { revision: revId }, at: now })
      })
    },

    /** A page as it would look published, for the desk's preview: its trail from published pages above it. */
    async preview(actor: Actor, pageId: unknown): Promise<PublishedPage> {
      authorize(actor)
      const page = await needPage(store, requiredId(pageId, 'id', 'The page'))
      return { page, breadcrumbs: await store.pages.trail(ancestorPaths(page.path)) }
    },
  }
}

export type PageDesk = ReturnType<typeof createPageDesk>

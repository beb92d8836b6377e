// Writing one imported article inside a batch's transaction: its section, tags and bylines, the article, its status, old paths.

import { articlePath, isReservedSegment } from '../domain/paths.ts'
import { languagePrefix } from '../domain/language.ts'
import { normalizeLegacyPath } from '../domain/legacy-paths.ts'
import { MAX_SLUG_LENGTH } from '../domain/slug.ts'
import { AppError } from '../errors.ts'
import type { OriginKey, OriginKind } from '../store/import-origins.ts'
import type { Repositories } from '../store/store.ts'
import type { Article } from '../store/articles.ts'
import type { NewRedirect } from '../store/redirects.ts'
import type { SanitizedHtml } from '../domain/sanitized-html.ts'
import type { CleanArticleInput } from './article-input.ts'
import type { Actor } from './article-access.ts'
import type { ImportArticle, ImportSource, ImportTerm } from './import-input.ts'
import { createDraftArticle, publish, type BulkPublish } from './publishing.ts'
import { saveWorkingCopy } from './saving.ts'

/** What one item came to. `sanitizedBody` is the stored body when it was written, for the report's diff. */
export interface ImportItemResult {
  readonly sourceId: string
  readonly outcome: 'imported' | 'updated' | 'skipped' | 'refused'
  readonly articleId: number | null
  readonly reason: string | null
  readonly sanitizedBody: string | null
  readonly notes: readonly string[]
}

/** The state of one batch: its transaction's repositories, what publish() collects, and whether sections were added. */
export interface BatchContext {
  readonly tx: Repositories
  readonly source: ImportSource
  readonly now: number
  readonly siteLanguage: string
  readonly userId: number | null
  /** The importer as the save rules see it: the desk user, or the command line acting as an admin. */
  readonly actor: Actor
  readonly bulk: BulkPublish
  sectionsAdded: boolean
  /** Slugs of the sections, tags and bylines this batch has resolved, by kind and source id: most items repeat them. */
  readonly resolved: Map<string, string>
  /** Ids of the sections this batch has looked up, by slug. */
  readonly sectionIds: Map<string, number | undefined>
}

/** The editor's-choice rank of sticky posts: after every pick the desk ranked, newest first among themselves. */
const STICKY_RANK = 1000

const key = (b: BatchContext, kind: OriginKind, sourceId: string): OriginKey => ({ ...b.source, kind, sourceId })

/** Our row for a source term: the one it was imported as, else one with its slug, else a new one; its origin is recorded. */
async function ensure(b: BatchContext, kind: 'section' | 'tag' | 'author', t: ImportTerm, bySlug: () => Promise<number | undefined>, create: () => Promise<number>): Promise<number> {
  const k = key(b, kind, t.sourceId)
  const known = await b.tx.origins.find(k)
  if (known && await b.tx.origins.targetExists(kind, known.targetId)) return known.targetId
  const id = (await bySlug()) ?? await create()
  await b.tx.origins.put(k, { targetId: id, contentHash: '' }, b.now)
  return id
}

/** `resolve` once per batch for each source term; later items of the batch reuse the slug. */
async function once(b: BatchContext, kind: string, t: ImportTerm, resolve: () => Promise<string>): Promise<string> {
  const k = `${kind}\0${t.sourceId}`
  const known = b.resolved.get(k)
  if (known !== undefined) return known
  const slug = await resolve()
  b.resolved.set(k, slug)
  return slug
}

const ensureSection = (b: BatchContext, t: ImportTerm): Promise<string> => once(b, 'section', t, () => resolveSection(b, t))
const ensureTag = (b: BatchContext, t: ImportTerm, depth = 0): Promise<string> => once(b, 'tag', t, () => resolveTag(b, t, depth))
const ensureAuthor = (b: BatchContext, t: ImportTerm): Promise<string> => once(b, 'author', t, () => resolveAuthor(b, t))

async function resolveSection(b: BatchContext, t: ImportTerm): Promise<string> {
  const id = await ensure(b, 'section', t, async () => (await b.tx.taxonomy.sectionBySlug(t.slug))?.id, async () => {
    b.sectionsAdded = true
    const position = (await b.tx.taxonomy.sections()).length
    return b.tx.taxonomy.insertSection({ slug: t.slug, name: t.name.slice(0, 200), description: '', position })
  })
  return (await b.tx.taxonomy.section(id))!.slug
}

async function resolveTag(b: BatchContext, t: ImportTerm, depth: number): Promise<string> {
  const id = await ensure(b, 'tag', t, async () => (await b.tx.taxonomy.tagBySlug(t.slug))?.id, async () => {
    const parentSlug = t.parent && depth < 20 ? await ensureTag(b, t.parent, depth + 1) : null
    const parentId = parentSlug ? (await b.tx.taxonomy.tagBySlug(parentSlug))?.id ?? null : null
    return b.tx.taxonomy.insertTag({ slug: t.slug, name: t.name.slice(0, 200), kind: 'topic', parentId, isoCode: null, description: '' })
  })
  return (await b.tx.taxonomy.tag(id))!.slug
}

async function resolveAuthor(b: BatchContext, t: ImportTerm): Promise<string> {
  const id = await ensure(b, 'author', t, async () => (await b.tx.people.authorBySlug(t.slug))?.id,
    () => b.tx.people.insertAuthor({ slug: t.slug, name: t.name.slice(0, 200), bio: '', kind: 'staff', photoMediaId: null }))
  return (await b.tx.people.author(id))!.slug
}

/** The item's slug, or `<slug>-<source id>` when another article holds it in that section; null when both are taken. */
async function freeSlug(b: BatchContext, a: ImportArticle, language: string, sectionSlug: string, own: number | null): Promise<string | null> {
  if (!b.sectionIds.has(sectionSlug)) b.sectionIds.set(sectionSlug, (await b.tx.taxonomy.sectionBySlug(sectionSlug))?.id)
  const sectionId = b.sectionIds.get(sectionSlug)
  if (sectionId === undefined) return a.slug
  const suffix = `-${a.sourceId.replace(/[^a-z0-9]+/gi, '').toLowerCase() || 'import'}`
  for (const slug of [a.slug, `${a.slug.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`]) {
    const holder = await b.tx.origins.slugHolder(language, sectionId, slug)
    if (holder === undefined || holder === own) return slug
  }
  return null
}

/** Whether a path is one the site itself answers (a section, a page, an app path, a live article). */
export async function pathIsLive(b: Pick<BatchContext, 'tx' | 'siteLanguage'>, pathWithQuery: string): Promise<boolean> {
  const q = pathWithQuery.indexOf('?')
  const path = q === -1 ? pathWithQuery : pathWithQuery.slice(0, q)
  // The root with a query (`/?p=12`) is WordPress's, not ours: the front page ignores queries it does not know.
  if (path === '/') return q === -1
  const segments = path.split('/').slice(1).map((s) => { try { return decodeURIComponent(s) } catch { return s } })
  const [first = '', second, third] = segments
  if (isReservedSegment(first)) return true
  // A page answers at its whole path, at any depth.
  if (await b.tx.pages.byPath(path)) return true
  if (segments.length === 1) return !!(await b.tx.taxonomy.sectionBySlug(first))
  if (segments.length === 2) return !!(await b.tx.live.findByPath(languagePrefix(b.siteLanguage), first, second!))
  if (segments.length === 3) return !!(await b.tx.live.findByPath(first, second!, third!))
  return false
}

/**
 * Points each old path at the article, unless the site answers it itself or it already redirects somewhere else.
 * `live` is the article's live path when the caller knows it (it has just published it there).
 */
async function putOldPaths(b: BatchContext, a: ImportArticle, id: number, notes: string[], known?: Parameters<typeof articlePath>[0]): Promise<void> {
  const live = known ?? await b.tx.articles.livePath(id)
  const own = live ? normalizeLegacyPath(articlePath(live, b.siteLanguage)) : null
  const paths = [...new Set(a.oldPaths.map(normalizeLegacyPath))].filter((path) => path !== own)
  const existing = await b.tx.redirects.findNormalized(paths)
  const added: NewRedirect[] = []
  for (const path of paths) {
    const there = existing.get(path)
    if (there && there.toArticleId === id) continue
    if (there) notes.push(`the old path ${path} already redirects elsewhere; left as it was`)
    else if (await pathIsLive(b, path)) notes.push(`the old path ${path} is live on this site; no redirect`)
    else added.push({ fromPath: path, status: 301, toArticleId: id, toUrl: null, kind: 'legacy', createdAt: b.now })
  }
  await b.tx.redirects.putMany(added)
}

/** Moves the article to the item's status; a live article is never taken off the site by an import. */
async function applyStatus(b: BatchContext, a: ImportArticle, written: Article, notes: string[]): Promise<void> {
  const id = written.id, current = written.status
  if (a.status === 'published') {
    await publish(b.tx, id, { now: b.now, siteLanguage: b.siteLanguage, publishedAt: a.publishedAt!, updatedAt: a.updatedAt ?? a.publishedAt!, bulk: b.bulk, article: written })
    return
  }
  if (current === 'published') {
    notes.push(`${a.status.replace('_', ' ')} in the source but live here; left published`)
    return
  }
  if (a.status === 'scheduled') await b.tx.articles.setStatus(id, 'scheduled', { scheduledAt: a.publishedAt })
  else await b.tx.articles.setStatus(id, a.status, { scheduledAt: null })
}

/**
 * Writes one item inside the batch's transaction: skipped when its origin has this hash already (or its article was
 * deleted here since), else created or updated through the desk's own createDraft / saveWorkingCopy (sanitizer
 * included) and publish(). Throws AppError for an item the model refuses; the caller decides what that costs the batch.
 */
export async function writeImportItem(b: BatchContext, a: ImportArticle, hash: string, body: SanitizedHtml): Promise<ImportItemResult> {
  const notes: string[] = []
  const result = (outcome: ImportItemResult['outcome'], articleId: number | null, reason: string | null, body: string | null): ImportItemResult =>
    ({ sourceId: a.sourceId, outcome, articleId, reason, sanitizedBody: body, notes })
  const k = key(b, 'article', a.sourceId)
  const origin = await b.tx.origins.find(k)
  const existing = origin ? await b.tx.articles.get(origin.targetId) : undefined
  if (origin && !existing) return result('skipped', null, 'deleted on this site since it was imported; left deleted', null)
  if (origin && origin.contentHash === hash) return result('skipped', origin.targetId, null, null)

  const language = a.language ?? b.siteLanguage
  const section = await ensureSection(b, a.section)
  const tags: string[] = []
  for (const t of a.tags) tags.push(await ensureTag(b, t))
  const authors: string[] = []
  for (const t of a.authors) authors.push(await ensureAuthor(b, t))
  const slug = await freeSlug(b, a, language, section, existing?.id ?? null)
  if (slug === null) return result('refused', null, `the path /${section}/${a.slug} is taken on this site`, null)
  if (slug !== a.slug && existing?.slug !== slug) notes.push(`slug ${a.slug} is taken in /${section}; imported as ${slug}`)

  const input: CleanArticleInput = {
    title: a.title, slug, standfirst: a.standfirst, bodyHtml: body, section, genre: a.genre, language, tags, authors,
    seoTitle: a.seoTitle, seoDescription: a.seoDescription, editorsChoiceRank: a.editorsChoice ? STICKY_RANK : null, heroMediaId: a.heroMediaId ?? null,
    origin: { system: b.source.system, id: `${b.source.site}#${a.sourceId}` },
  }
  // The working copy as written: its status, and the body the sanitizer left, for the report.
  let written: Article
  if (existing) {
    const saved = await saveWorkingCopy(b.tx, { articleId: existing.id, version: existing.version, input, actor: b.actor, kind: 'save', now: b.now })
    if (!saved.ok) throw new AppError('Conflict', 'the article changed while it was being imported')
    written = (await b.tx.articles.get(existing.id))!
  } else {
    written = await createDraftArticle(b.tx, input, { now: b.now, siteLanguage: b.siteLanguage })
  }
  const id = written.id
  await applyStatus(b, a, written, notes)
  // Just published: its live path is the one it was written with.
  await putOldPaths(b, a, id, notes, a.status === 'published' ? { language: written.language, sectionSlug: section, slug: written.slug } : undefined)
  await b.tx.origins.put(k, { targetId: id, contentHash: hash }, b.now)
  return result(existing ? 'updated' : 'imported', id, null, written.bodyHtml)
}

// Creating and publishing articles: each use-case runs inside the transaction it is given.

import { canTransition } from '../domain/article.ts'
import { articleChanged, type Invalidation, type Scope } from '../domain/invalidation.ts'
import { articlePath } from '../domain/paths.ts'
import { indexText } from '../content/index-text.ts'
import { AppError } from '../errors.ts'
import type { Repositories } from '../store/store.ts'
import type { Article } from '../store/articles.ts'
import { toDraft, type CleanArticleInput } from './article-input.ts'
import { deferArticles, indexArticle, liveTermSet, unindexArticle } from '../related/engine.ts'
import type { SearchDocument } from '../store/search-index.ts'
import { enqueueArticleEvent } from './webhook-events.ts'
import { isUniqueViolation } from '../store/unique-violation.ts'
import { checkSlugFree } from './slug-check.ts'

/**
 * Creates a draft from input whose body is already sanitized (cleanInput or sanitizeBody, before the transaction);
 * returns its id. Throws AppError('Conflict') when the slug is taken in the section.
 */
export async function createDraft(tx: Repositories, input: CleanArticleInput, ctx: { now: number; siteLanguage: string }): Promise<number> {
  return (await createDraftArticle(tx, input, ctx)).id
}

/** createDraft, returning the draft as written (an import goes on to publish it without reading it back). */
export async function createDraftArticle(tx: Repositories, input: CleanArticleInput, ctx: { now: number; siteLanguage: string }): Promise<Article> {
  const draft = await toDraft(tx, input, ctx.siteLanguage)
  await checkSlugFree(tx, draft)
  const article = await tx.articles.create(draft, 'draft', ctx.now).catch((err: unknown) => {
    throw isUniqueViolation(err) ? new AppError('Conflict', `the slug "${draft.slug}" is already used in this section`, 'slug', { cause: err }) : err
  })
  // The first article of a translation group names the group.
  if (draft.translationGroup !== null) {
    const original = await tx.articles.get(draft.translationGroup)
    if (original && original.translationGroup === null) await tx.articles.update(original.id, original.version, { ...original, translationGroup: original.id }, ctx.now)
  }
  return article
}

/**
 * An article goes out signed: with at least one byline, unless its section publishes unsigned pieces (statements of
 * the newsroom). Checked when an article is published now, scheduled, republished or published on schedule (imports
 * keep what the archive had). Throws AppError('Invalid', field `authors`) saying what to do.
 */
export async function requireByline(tx: Repositories, article: Article): Promise<void> {
  if (article.authorIds.length > 0) return
  const section = await tx.taxonomy.section(article.sectionId)
  if (section?.allowUnsigned) return
  throw new AppError('Invalid', `“${article.title}” has no byline, and ${section ? `the section “${section.name}”` : 'its section'} publishes only signed articles: choose an author (the Authors field), or allow unsigned pieces in the section’s settings`, 'authors')
}

export interface PublishContext {
  readonly now: number
  readonly siteLanguage: string
  /** For imports: the original published and updated times. */
  readonly publishedAt?: number
  readonly updatedAt?: number
  /**
   * 'later' leaves a first publication out of related articles until rebuildRelated (related/refresh.ts) counts the
   * whole collection at once: imports of thousands of articles use it, since indexing one by one is most of their cost.
   */
  readonly related?: 'now' | 'later'
  /**
   * Bulk writes (imports): the search document, related indexing and invalidation of each publication are collected
   * here and done once for the whole batch by finishBulk, in the same transaction; no webhook events are sent, since
   * receivers want news, not an archive replayed.
   */
  readonly bulk?: BulkPublish
  /** The working copy as the caller has just read it in this transaction (imports do), so it is not read again. */
  readonly article?: Article
}

/** What publish() leaves for finishBulk when it runs in bulk mode. */
export interface BulkPublish {
  readonly documents: { readonly id: number; readonly doc: SearchDocument }[]
  readonly related: { readonly id: number; readonly previous: ReadonlySet<string> | null }[]
  readonly invalidations: Invalidation[]
}

/** An empty collector for one batch of bulk publications. */
export const newBulkPublish = (): BulkPublish => ({ documents: [], related: [], invalidations: [] })

/**
 * Does what a batch of bulk publications left: indexes their search documents, marks their related articles for one
 * settle pass after the whole run (related/engine.ts deferArticles, related/settle.ts), and records one invalidation
 * for the batch (every article and listing it touched, or everything when `flushAll`, e.g. because sections were
 * added). Call it inside the transaction that published them, so a batch is live with its index and its marker or
 * not at all.
 */
export async function finishBulk(tx: Repositories, bulk: BulkPublish, ctx: { now: number; flushAll?: boolean }): Promise<void> {
  await tx.search.indexMany(bulk.documents)
  await deferArticles(tx, bulk.related, ctx.now)
  if (ctx.flushAll) return tx.invalidations.record({ all: true })
  if (bulk.invalidations.length === 0) return
  const ids = new Set<number>(), scopes = new Set<Scope>()
  for (const e of bulk.invalidations) {
    if (e.all) return tx.invalidations.record({ all: true })
    e.articleIds.forEach((id) => ids.add(id))
    e.scopes.forEach((scope) => scopes.add(scope))
  }
  await tx.invalidations.record({ all: false, articleIds: [...ids], scopes: [...scopes] })
}

/**
 * Publishes the working copy. The first publication sets the published time (or keeps `publishedAt`
 * when given, for imports); later ones keep it and set the updated time. A changed path leaves a 301 behind.
 */
export async function publish(tx: Repositories, id: number, ctx: PublishContext): Promise<void> {
  const article = ctx.article?.id === id ? ctx.article : await tx.articles.get(id)
  if (!article) throw new AppError('NotFound', 'no such article')
  if (article.status !== 'published' && !canTransition(article.status, 'published')) {
    throw new AppError('Conflict', `a ${article.status} article cannot be published`)
  }
  // Never published before, so it has no live copy (nor live quotes) to read or take away: a first publication, which
  // is every article of an import, runs six statements fewer.
  const first = article.status !== 'published' && article.publishedAt === null
  const before = first ? undefined : await tx.articles.livePath(id)
  const publishedAt = article.publishedAt ?? ctx.publishedAt ?? ctx.now
  const updatedAt = ctx.updatedAt ?? (article.publishedAt === null ? publishedAt : ctx.now)
  // Related articles count the terms the live copy had, so read them before it changes.
  const previousTerms = first ? null : await liveTermSet(tx, id)
  // Pages listing it where it was (old section, tags, authors) go stale as well as those where it now is.
  const placedBefore = first ? null : await tx.invalidations.placement(id)
  await tx.articles.writeLive(article, publishedAt, updatedAt, first)
  // Its quotes go live with it; the pages of speakers it quoted before or quotes now go stale.
  const quotedBefore = first ? [] : await tx.quotes.liveSpeakerIds(id)
  const speakerScopes = speakerScopesOf([...quotedBefore, ...(await tx.quotes.writeLive(id, publishedAt, first))])
  // The index follows the live copy in the same transaction: plain text, never HTML, and no more of it than ranks.
  const doc: SearchDocument = {
    title: article.title, standfirst: article.standfirst, body: await indexText(article.bodyHtml),
    language: article.language, sectionId: article.sectionId, publishedAt,
  }
  if (ctx.bulk) ctx.bulk.documents.push({ id, doc })
  else await tx.search.index(id, doc)
  await tx.articles.setStatus(id, 'published', { publishedAt, updatedAt, scheduledAt: null })
  // An article already counted is always re-indexed, so the frequencies never count terms it no longer has.
  if (ctx.related !== 'later' || previousTerms !== null) {
    if (ctx.bulk) ctx.bulk.related.push({ id, previous: previousTerms })
    else await indexArticle(tx, id, previousTerms, ctx.now)
  }
  // Where it is now is where the working copy just written puts it.
  const changed = withScopes(articleChanged(id, placedBefore, await tx.invalidations.placementOf(article)), speakerScopes)
  if (ctx.bulk) ctx.bulk.invalidations.push(changed)
  else await tx.invalidations.record(changed)
  const after = await tx.articles.livePath(id)
  if (after) {
    const newPath = articlePath(after, ctx.siteLanguage)
    if (before) {
      const oldPath = articlePath(before, ctx.siteLanguage)
      if (oldPath !== newPath) await tx.redirects.put({ fromPath: oldPath, status: 301, toArticleId: id, toUrl: null, kind: 'slug', createdAt: ctx.now })
    }
    // The path is live again: the 410 an unpublication (or a deletion) left there goes.
    await tx.redirects.remove(newPath)
  }
  // Webhook receivers hear of it through the outbox: rows written in this transaction, sent later by a job.
  if (!ctx.bulk) await enqueueArticleEvent(tx, before ? 'article.updated' : 'article.published', id, ctx)
}

/**
 * Takes a published article off the site; its working copy stays, and the path readers had answers 410 Gone (so search
 * engines drop it) until the article is published there again. `ctx.now` (the event time of webhooks) defaults to the
 * system time.
 */
export async function unpublish(tx: Repositories, id: number, ctx: { now?: number; siteLanguage?: string } = {}): Promise<void> {
  const article = await tx.articles.get(id)
  if (!article) throw new AppError('NotFound', 'no such article')
  if (!canTransition(article.status, 'unpublished')) throw new AppError('Conflict', `a ${article.status} article cannot be unpublished`)
  const now = ctx.now ?? Date.now()
  // While the live copy still exists: the event describes what readers could see.
  await enqueueArticleEvent(tx, 'article.unpublished', id, { now, siteLanguage: ctx.siteLanguage })
  const live = await tx.articles.livePath(id)
  if (live && ctx.siteLanguage !== undefined) {
    await tx.redirects.put({ fromPath: articlePath(live, ctx.siteLanguage), status: 410, toArticleId: null, toUrl: null, kind: 'manual', createdAt: now })
  }
  const placedBefore = await tx.invalidations.placement(id)
  const quoted = speakerScopesOf(await tx.quotes.liveSpeakerIds(id))
  await unindexArticle(tx, id)
  await tx.articles.removeLive(id)
  await tx.search.remove(id)
  await tx.articles.setStatus(id, 'unpublished', {})
  await tx.invalidations.record(withScopes(articleChanged(id, placedBefore, null), quoted))
}

const speakerScopesOf = (ids: readonly number[]): Scope[] => [...new Set(ids)].map((s): Scope => `speaker:${s}`)

/** `changed` with more listing scopes (the speakers an article quotes). */
const withScopes = (changed: Invalidation, scopes: readonly Scope[]): Invalidation =>
  changed.all || scopes.length === 0 ? changed : { ...changed, scopes: [...changed.scopes, ...scopes] }


// The desk's editing service: each call is one transaction over saving.ts, workflow.ts and preview.ts.

import type { ArticleStatus } from '../domain/article.ts'
import type { Clock } from '../domain/clock.ts'
import type { Revision, RevisionComparison, RevisionSummary } from '../domain/revision.ts'
import { can } from '../domain/roles.ts'
import { AppError } from '../errors.ts'
import type { Article } from '../store/articles.ts'
import type { Store } from '../store/store.ts'
import { changeableBy, isCreator, mayChange, openFor, type Actor } from './article-access.ts'
import { checkCurating, placePick } from './curation.ts'
import { cleanInput, withResolvedTags, type ArticleInput } from './article-input.ts'
import { openPreview, PREVIEW_TTL_MS, previewSecret, previewToken, type PreviewResult } from './preview.ts'
import {
  compareRevisions, getRevision, keepRevision, listRevisions, restoreRevision, SaveConflictError, saveWorkingCopy,
} from './saving.ts'
import { mayTransition, transition } from './workflow.ts'
import { saveQuotesIn } from './quotes.ts'
import { createDraft } from './publishing.ts'
import { noticeReview } from './review-notice.ts'
import type { Outgoing } from '../domain/mail.ts'
import { deleteForever, mayDelete, mayDeleteForever, restoreArticle, trashArticle } from './deleting.ts'
import { auditArticle } from './audit-trail.ts'
import { discardChanges, hasUnpublishedChanges } from './live-changes.ts'
import type { TrashItem } from '../store/trash.ts'
import { notePresence, type PresentUser } from './presence.ts'
import { articleOrigin, changeOrigin, checkOriginFree, originalTimes, putOldUrls, recordOrigin, type OriginRef } from './article-migration.ts'

export interface EditingDeps {
  readonly store: Store
  readonly clock: Clock
  /** The site's language (articles in it have no language prefix in their paths). */
  readonly siteLanguage: () => Promise<string>
  /** Outgoing mail, or null when it is off: submitting for review then notifies nobody. */
  readonly outgoing?: Outgoing | null
}

export type { Actor } from './article-access.ts'

/**
 * What a migration script sends with a new article (article-migration.ts): the id it had in the old system, its old
 * URLs, and whether it goes live at once, with its original times (`publishedAt` in the past) or scheduled (`at`).
 */
export interface MigrationOptions {
  readonly origin?: OriginRef
  readonly oldUrls?: readonly string[]
  readonly status?: 'draft' | 'published' | 'scheduled'
  readonly publishedAt?: number
  readonly updatedAt?: number
}

/** How a draft is created: a migration's options, and whether it is the editor's first autosave. */
export interface CreateOptions extends MigrationOptions {
  /**
   * 'autosave' for the editor's first autosave of a new article: like any autosave it skips tag names that are no tag
   * yet (the writer may be typing one) instead of refusing them. A plain create ('save', the default) refuses them.
   */
  readonly kind?: 'save' | 'autosave'
}

/** The workflow's moves in the order the desk offers them. */
const MOVES: readonly ArticleStatus[] = ['in_review', 'draft', 'scheduled', 'published', 'unpublished']

/** An article as `actor` may see it in the editor, with what they may do to it now. */
export interface OpenedArticle {
  readonly article: Article
  /** Whether the actor created it. */
  readonly own: boolean
  /** Whether they may change its working copy (save, autosave, restore). */
  readonly mayChange: boolean
  /** The statuses they may move it to; republishing a published article only while it has unpublished changes. */
  readonly moves: readonly ArticleStatus[]
  /** Whether it is published and its working copy differs from what readers see. */
  readonly unpublishedChanges: boolean
  /** Whether they may move it to the trash now. */
  readonly mayDelete: boolean
}

/** Trash items per page. */
const TRASH_PER_PAGE = 30

export function createEditing({ store, clock, siteLanguage, outgoing = null }: EditingDeps) {
  /**
   * The article `actor` opens in the editor: NotFound when there is none, Forbidden when they may not open it (someone
   * else's, for contributors and authors). Says whether they may change it now and which moves they may make.
   */
  async function open(articleId: number, actor: Actor): Promise<OpenedArticle> {
    const { article, own } = await openFor(store, articleId, actor)
    const pending = article.status === 'published' && await hasUnpublishedChanges(store, article.id)
    return {
      article, own, mayChange: mayChange(actor.role, article.status, own), unpublishedChanges: pending,
      // Republishing text readers already have would only move its "updated" time: offered when there is something to put live.
      moves: MOVES.filter((to) => mayTransition(actor.role, article.status, to, own) && (to !== 'published' || article.status !== 'published' || pending)),
      mayDelete: mayDelete(actor.role, article.status, own),
    }
  }

  return {
    /**
     * Creates a draft as `actor` (the desk's New article, the Admin API's POST): records who created it, which decides
     * what contributors and authors may do with it later, and keeps its first revision. Returns the id and version.
     */
    async create(input: ArticleInput, actor: Actor, m: CreateOptions = {}): Promise<{ id: number; version: number }> {
      if (!can(actor.role, 'article.create')) throw new AppError('Forbidden', `the ${actor.role} role may not create articles`)
      checkCurating(actor.role, null, input.editorsChoiceRank ?? null)
      const language = await siteLanguage()
      // An article that names its origin is an imported one: its hero may lack alt text, as the importers' may.
      const clean = await cleanInput(m.origin ? { ...input, origin: articleOrigin(m.origin) } : input)
      if (m.updatedAt !== undefined && m.status !== 'published') throw new AppError('Invalid', 'updated_at goes with status published', 'updated_at')
      if (m.publishedAt !== undefined && m.status !== 'published' && m.status !== 'scheduled') {
        throw new AppError('Invalid', 'published_at goes with status published (an original time, in the past) or scheduled (a time to come)', 'published_at')
      }
      return store.transaction(async (tx) => {
        // A translation names its original: only one the actor may open (as Add translation requires).
        if (input.translationOf != null && await tx.articles.get(input.translationOf)) await openFor(tx, input.translationOf, actor)
        const now = clock.now()
        if (m.origin) await checkOriginFree(tx, m.origin)
        const id = await createDraft(tx, await withResolvedTags(tx, clean, m.kind !== 'autosave'), { now, siteLanguage: language })
        if (actor.userId !== null) await tx.deskArticles.setCreatedBy(id, actor.userId)
        await placePick(tx, id, null, input.editorsChoiceRank ?? null)
        await keepRevision(tx, id, 'save', actor.userId, now)
        if (input.quotes !== undefined) await saveQuotesIn(tx, (await tx.articles.get(id))!, input.quotes, actor, now, { withSave: true })
        await auditArticle(tx, actor.userId, 'article.create', id, now, { title: input.title, ...(m.origin && { origin: `${m.origin.system}:${m.origin.site}:${m.origin.id}` }) })
        if (m.origin) await recordOrigin(tx, m.origin, id, now)
        if (m.status === 'published' || m.status === 'scheduled') {
          const move = { articleId: id, userRole: actor.role, userIsCreator: true, userId: actor.userId, now, siteLanguage: language }
          if (m.status === 'scheduled') await transition(tx, { ...move, to: 'scheduled', ...(m.publishedAt !== undefined && { at: m.publishedAt }) })
          else await transition(tx, { ...move, to: 'published', ...(m.publishedAt !== undefined && { original: originalTimes(m.publishedAt, m.updatedAt, now) }) })
        }
        await putOldUrls(tx, actor, id, m.oldUrls ?? [], { now, siteLanguage: language })
        const article = await tx.articles.get(id)
        return { id, version: article!.version }
      })
    },

    open,

    /**
     * The article `actor` asks to unpublish, for the page that confirms it: Conflict when it is not published,
     * Forbidden when their role may not take it down. Asked before anything changes; the move itself checks again.
     */
    async toUnpublish(articleId: number, actor: Actor): Promise<OpenedArticle> {
      const opened = await open(articleId, actor)
      if (opened.article.status !== 'published') throw new AppError('Conflict', 'This article is not published, so there is nothing to take off the site.')
      if (!opened.moves.includes('unpublished')) throw new AppError('Forbidden', `The ${actor.role} role may not unpublish this article.`)
      return opened
    },

    /** The article `actor` asks to move to the trash, for the page that confirms it: Forbidden when they may not. */
    async toRemove(articleId: number, actor: Actor): Promise<OpenedArticle> {
      const opened = await open(articleId, actor)
      if (!opened.mayDelete) throw new AppError('Forbidden', `The ${actor.role} role may not delete this article.`)
      return opened
    },


    /**
     * Saves (or autosaves) the working copy as `actor`, who must be allowed to change it in its present status
     * (Forbidden otherwise). A stale `version` throws SaveConflictError (409, naming who saved and when) only after
     * the transaction that kept the losing text as a 'conflict' revision has committed. `origin` (a migration script's,
     * as on create) attaches or replaces the article's origin in the same transaction: Conflict, saving nothing, when
     * another article has it.
     */
    async save(args: { articleId: number; version: number; input: ArticleInput; actor: Actor; kind: 'save' | 'autosave'; origin?: OriginRef }): Promise<{ version: number; revisionId: number }> {
      const { origin } = args
      // The body is cleaned before the transaction: a long one in the worker thread, without holding the connection.
      // An article given an origin is an imported one, whose hero may lack alt text (as on create).
      const input = await cleanInput(origin ? { ...args.input, origin: articleOrigin(origin) } : args.input)
      const result = await store.transaction(async (tx) => {
        const now = clock.now()
        if (!origin) return saveWorkingCopy(tx, { ...args, input, now })
        // Asked before the save writes the article row, whose unique origin would otherwise fail as a bare violation;
        // the right to change the article first, so that only those who may learn which article holds an origin.
        const { article } = await changeableBy(tx, args.articleId, args.actor)
        await checkOriginFree(tx, origin, args.articleId)
        const saved = await saveWorkingCopy(tx, { ...args, input, now })
        if (saved.ok) await changeOrigin(tx, args.actor, article, origin, now)
        return saved
      })
      if (!result.ok) throw new SaveConflictError(result.conflict)
      return { version: result.version, revisionId: result.revisionId }
    },

    /**
     * Moves an article through the workflow as `actor` (workflow.ts); `at` schedules. A move into review writes a notice
     * to every editor into the mail outbox in the same transaction (review-notice.ts), when mail is on.
     */
    async transition(articleId: number, to: ArticleStatus, actor: Actor, at?: number, original?: { readonly publishedAt: number; readonly updatedAt?: number }): Promise<{ status: ArticleStatus }> {
      const language = await siteLanguage()
      const siteName = outgoing && to === 'in_review' ? await outgoing.siteName() : ''
      return store.transaction(async (tx) => {
        const now = clock.now()
        const moved = await transition(tx, {
          articleId, to, userRole: actor.role, userIsCreator: await isCreator(tx, articleId, actor), userId: actor.userId, now,
          siteLanguage: language, ...(at !== undefined && { at }),
          ...(original && { original: originalTimes(original.publishedAt, original.updatedAt, now) }),
        })
        if (outgoing && moved.status === 'in_review') await noticeReview(tx, outgoing, { articleId, submittedBy: actor.userId, siteName, now })
        return moved
      })
    },

    /** Moves an article to the trash as `actor` (deleting.ts): unpublished first when live, its path left answering 410. */
    async remove(articleId: number, actor: Actor): Promise<{ formerPath: string | null }> {
      const language = await siteLanguage()
      return store.transaction((tx) => trashArticle(tx, { articleId, actor, now: clock.now(), siteLanguage: language }))
    },

    /** Takes an article out of the trash as a draft, as `actor` (deleting.ts restoreArticle). */
    restoreFromTrash: (articleId: number, actor: Actor): Promise<void> =>
      store.transaction((tx) => restoreArticle(tx, { articleId, actor, now: clock.now() })),

    /** Deletes an article in the trash for good, as `actor` (editors and admins; deleting.ts deleteForever). */
    deleteForever: (articleId: number, actor: Actor): Promise<void> =>
      store.transaction((tx) => deleteForever(tx, { articleId, actor, now: clock.now() })),

    /**
     * One page of the trash as `actor` sees it: everything for roles that may delete anyone's articles, otherwise the
     * articles they created. Says whether they may delete for good.
     */
    async trash(actor: Actor, page = 1): Promise<{ items: TrashItem[]; page: number; hasNext: boolean; ownOnly: boolean; mayDeleteForever: boolean }> {
      if (!Number.isSafeInteger(page) || page < 1 || page > 100_000) throw new AppError('Invalid', 'page must be a whole number from 1 upwards', 'page')
      const ownOnly = !mayDeleteForever(actor.role)
      if (ownOnly && actor.userId === null) return { items: [], page, hasNext: false, ownOnly, mayDeleteForever: false }
      const list = await store.trash.list({ page, perPage: TRASH_PER_PAGE, ...(ownOnly && { createdBy: actor.userId! }) })
      return { ...list, page, ownOnly, mayDeleteForever: !ownOnly }
    },

    /** Notes that `actor` has the article open in the editor (or closed it) and says who else has it open (presence.ts). */
    present: (articleId: number, actor: Actor, leaving = false): Promise<PresentUser[]> => notePresence({ store, clock }, articleId, actor, leaving),

    /** Resets a published article's working copy to what readers see, as `actor` (live-changes.ts discardChanges). */
    discardChanges: (articleId: number, version: number, actor: Actor): Promise<{ version: number; revisionId: number }> =>
      store.transaction((tx) => discardChanges(tx, { articleId, version, actor, now: clock.now() })),

    // Reads need no transaction: the store's own repositories will do.
    revisions: (articleId: number, page = 1): Promise<{ items: RevisionSummary[]; page: number; hasNext: boolean }> => listRevisions(store, articleId, page),
    revision: (articleId: number, revisionId: number): Promise<Revision> => getRevision(store, articleId, revisionId),
    compare: (articleId: number, fromId: number, toId: number): Promise<RevisionComparison> => compareRevisions(store, articleId, fromId, toId),
    /** Restores a revision into the working copy as `actor`, who must be allowed to change the article now. */
    restore: (articleId: number, revisionId: number, actor: Actor): Promise<{ version: number; revisionId: number }> =>
      store.transaction((tx) => restoreRevision(tx, { articleId, revisionId, actor, now: clock.now() })),

    /** A signed preview URL (path and query) of the article's current working copy, valid for `ttlMs`. */
    async previewUrl(articleId: number, ttlMs = PREVIEW_TTL_MS): Promise<{ url: string; expiresAt: number }> {
      const article = await store.articles.get(articleId)
      if (!article) throw new AppError('NotFound', 'no such article')
      const expiresAt = clock.now() + ttlMs
      return { url: previewToken(articleId, article.version, await previewSecret(store), expiresAt), expiresAt }
    },

    /** What a signed preview request shows (see openPreview): null when the link is bad, expired or the article is gone. */
    async preview(q: { id: unknown; v: unknown; exp: unknown; sig: unknown }): Promise<PreviewResult | null> {
      const language = await siteLanguage()
      // One transaction: the version checked is the version shown.
      return store.transaction((tx) => openPreview(tx, q, { siteLanguage: language, now: clock.now() }))
    },
  }
}

export type Editing = ReturnType<typeof createEditing>

// The desk's editing service: each call is one transaction over saving.ts, workflow.ts and preview.ts.

import type { ArticleStatus } from '../domain/article.ts'
import type { Clock } from '../domain/clock.ts'
import type { Revision, RevisionComparison, RevisionSummary } from '../domain/revision.ts'
import { can, type Role } from '../domain/roles.ts'
import { AppError } from '../errors.ts'
import type { Store } from '../store/store.ts'
import { cleanInput, type ArticleInput } from './article-input.ts'
import { openPreview, PREVIEW_TTL_MS, previewSecret, previewToken, type PreviewResult } from './preview.ts'
import {
  compareRevisions, getRevision, keepRevision, listRevisions, restoreRevision, SaveConflictError, saveWorkingCopy,
} from './saving.ts'
import { transition } from './workflow.ts'
import { createDraft } from './publishing.ts'
import { deleteArticle } from './deleting.ts'

export interface EditingDeps {
  readonly store: Store
  readonly clock: Clock
  /** The site's language (articles in it have no language prefix in their paths). */
  readonly siteLanguage: () => Promise<string>
}

/** Who is acting: the user id for the revision log, the role and whether they created the article for permissions. */
export interface Actor {
  readonly userId: number | null
  readonly role: Role
  readonly isCreator: boolean
}

export function createEditing({ store, clock, siteLanguage }: EditingDeps) {
  return {
    /**
     * Creates a draft as `actor` (the desk's New article, the Admin API's POST): records who created it, which decides
     * what contributors and authors may do with it later, and keeps its first revision. Returns the id and version.
     */
    async create(input: ArticleInput, actor: Pick<Actor, 'userId' | 'role'>): Promise<{ id: number; version: number }> {
      if (!can(actor.role, 'article.create')) throw new AppError('Forbidden', `the ${actor.role} role may not create articles`)
      const language = await siteLanguage()
      const clean = await cleanInput(input)
      return store.transaction(async (tx) => {
        const now = clock.now()
        const id = await createDraft(tx, clean, { now, siteLanguage: language })
        if (actor.userId !== null) await tx.deskArticles.setCreatedBy(id, actor.userId)
        await keepRevision(tx, id, 'save', actor.userId, now)
        const article = await tx.articles.get(id)
        return { id, version: article!.version }
      })
    },

    /**
     * Saves (or autosaves) the working copy. A stale `version` throws SaveConflictError (409, naming who saved and
     * when) only after the transaction that kept the losing text as a 'conflict' revision has committed.
     */
    async save(args: { articleId: number; version: number; input: ArticleInput; userId: number | null; kind: 'save' | 'autosave' }): Promise<{ version: number; revisionId: number }> {
      // The body is cleaned before the transaction: a long one in the worker thread, without holding the connection.
      const input = await cleanInput(args.input)
      const result = await store.transaction((tx) => saveWorkingCopy(tx, { ...args, input, now: clock.now() }))
      if (!result.ok) throw new SaveConflictError(result.conflict)
      return { version: result.version, revisionId: result.revisionId }
    },

    /** Moves an article through the workflow as `actor` (workflow.ts); `at` schedules. */
    async transition(articleId: number, to: ArticleStatus, actor: Actor, at?: number): Promise<{ status: ArticleStatus }> {
      const language = await siteLanguage()
      return store.transaction((tx) => transition(tx, {
        articleId, to, userRole: actor.role, userIsCreator: actor.isCreator, userId: actor.userId, now: clock.now(),
        siteLanguage: language, ...(at !== undefined && { at }),
      }))
    },

    /** Deletes an article as `actor` (deleting.ts): unpublished first when live, its path left answering 410. */
    async remove(articleId: number, actor: Actor): Promise<{ formerPath: string | null }> {
      const language = await siteLanguage()
      return store.transaction((tx) => deleteArticle(tx, {
        articleId, userId: actor.userId, userRole: actor.role, userIsCreator: actor.isCreator, now: clock.now(), siteLanguage: language,
      }))
    },

    // Reads need no transaction: the store's own repositories will do.
    revisions: (articleId: number, page = 1): Promise<{ items: RevisionSummary[]; page: number; hasNext: boolean }> => listRevisions(store, articleId, page),
    revision: (articleId: number, revisionId: number): Promise<Revision> => getRevision(store, articleId, revisionId),
    compare: (articleId: number, fromId: number, toId: number): Promise<RevisionComparison> => compareRevisions(store, articleId, fromId, toId),
    restore: (articleId: number, revisionId: number, userId: number | null): Promise<{ version: number; revisionId: number }> =>
      store.transaction((tx) => restoreRevision(tx, { articleId, revisionId, userId, now: clock.now() })),

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

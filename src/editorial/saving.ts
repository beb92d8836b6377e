// Saving the working copy without ever losing text: optimistic versions, a revision per save, conflicts kept, restores.

import { saveQuotesIn } from './quotes.ts'
import type { Revision, RevisionComparison, RevisionKind, RevisionSnapshot, RevisionSummary } from '../domain/revision.ts'
import { compareSnapshots } from '../content/diff.ts'
import { AppError } from '../errors.ts'
import type { Article, ArticleDraft } from '../store/articles.ts'
import type { Repositories } from '../store/store.ts'
import { toDraft, withResolvedTags, type CleanArticleInput } from './article-input.ts'
import { checkLanguageFree } from './translation-rules.ts'
import { changeableBy, openFor, type Actor } from './article-access.ts'
import { checkCurating, placePick } from './curation.ts'
import { can } from '../domain/roles.ts'
import { auditArticle } from './audit-trail.ts'
import { isUniqueViolation } from '../store/unique-violation.ts'
import { checkSlugFree } from './slug-check.ts'

/** Consecutive autosaves by one user within this long fold into one revision, so the list stays readable. */
export const AUTOSAVE_FOLD_MS = 10 * 60_000
/** Revisions on one page of the list. */
export const REVISIONS_PER_PAGE = 20

export interface SaveArgs {
  readonly articleId: number
  /** The version of the working copy the text was based on. */
  readonly version: number
  /** The input with its body already sanitized (cleanInput, before the transaction); `editorsChoiceRank` left
   * undefined keeps the article's rank, and a change needs the curation right. */
  readonly input: CleanArticleInput
  /** Who saves: they must be allowed to change the article in its present status (article-access.ts). */
  readonly actor: Actor
  readonly kind: 'save' | 'autosave'
  readonly now: number
}

/** Someone saved in between: who and when, and where the losing text was kept. */
export interface SaveConflict {
  /** The 'conflict' revision that holds the text that could not be saved. */
  readonly revisionId: number
  readonly currentVersion: number
  readonly savedBy: { readonly id: number; readonly name: string } | null
  readonly savedAt: number
  readonly message: string
}

export type SaveResult =
  | { readonly ok: true; readonly version: number; readonly revisionId: number }
  | { readonly ok: false; readonly conflict: SaveConflict }

/** The 409 of a stale save, thrown by the caller only after the transaction that kept the conflict revision committed. */
export class SaveConflictError extends AppError {
  readonly conflict: SaveConflict
  constructor(conflict: SaveConflict) {
    super('Conflict', conflict.message, 'version')
    this.conflict = conflict
  }
}

const unique = (values: readonly string[]): string[] => [...new Set(values)]

/** What a validated draft would have made of the working copy, as a revision keeps it. */
const snapshotOfDraft = (d: ArticleDraft, input: CleanArticleInput): RevisionSnapshot => ({
  title: d.title, slug: d.slug, standfirst: d.standfirst, bodyHtml: d.bodyHtml, section: input.section, genre: d.genre,
  language: d.language, tags: unique(input.tags ?? []), authors: unique(input.authors ?? []), heroMediaId: d.heroMediaId,
  heroCaption: d.heroCaption, heroCredit: d.heroCredit, seoTitle: d.seoTitle, seoDescription: d.seoDescription, editorsChoiceRank: d.editorsChoiceRank,
})

/**
 * A snapshot as the article input it came from, for restoring it through the same validation as a save. Its body was
 * sanitized when it was saved, so it is not cleaned again inside the restoring transaction.
 */
const inputOfSnapshot = (s: RevisionSnapshot): CleanArticleInput => ({
  title: s.title, slug: s.slug, standfirst: s.standfirst, bodyHtml: s.bodyHtml, section: s.section, genre: s.genre,
  language: s.language, tags: s.tags, authors: s.authors, heroMediaId: s.heroMediaId, heroCaption: s.heroCaption, heroCredit: s.heroCredit, seoTitle: s.seoTitle,
  seoDescription: s.seoDescription, editorsChoiceRank: s.editorsChoiceRank,
})

const checkId = (value: number, field: string): void => {
  if (!Number.isSafeInteger(value) || value < 1) throw new AppError('Invalid', `${field} must be a whole number from 1 upwards`, field)
}

async function articleOrThrow(tx: Repositories, id: number): Promise<Article> {
  checkId(id, 'id')
  const article = await tx.articles.get(id)
  if (!article) throw new AppError('NotFound', 'no such article')
  return article
}


/** Keeps the current working copy as a revision of `kind` (after creating a draft, on publishing); returns its id. */
export async function keepRevision(tx: Repositories, articleId: number, kind: RevisionKind, userId: number | null, now: number): Promise<number> {
  const current = await tx.revisions.snapshotOf(articleId)
  if (!current) throw new AppError('NotFound', 'no such article')
  return tx.revisions.insert({ articleId, version: current.version, kind, savedBy: userId, savedAt: now, snapshot: current.snapshot })
}

const when = (ms: number): string => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`

/**
 * Validates `input` and writes it over the working copy if that is still at `version` (the live copy never changes
 * here: only publishing writes it). Every write keeps a revision; an autosave right after the same user's autosave
 * updates that one instead. When someone saved in between, the submitted text is kept as a 'conflict' revision and the
 * result says who saved and when: the caller commits, then answers 409 (SaveConflictError). Invalid input throws
 * AppError('Invalid') and keeps nothing: the editor still holds it.
 */
export async function saveWorkingCopy(tx: Repositories, args: SaveArgs): Promise<SaveResult> {
  await articleOrThrow(tx, args.articleId)
  const { article: current } = await changeableBy(tx, args.articleId, args.actor)
  if (args.input.translationOf != null && await tx.articles.get(args.input.translationOf)) await openFor(tx, args.input.translationOf, args.actor)
  checkId(args.version, 'version')
  if (args.version > current.version) throw new AppError('Invalid', `version ${args.version} of this article does not exist yet`, 'version')
  const rank = args.input.editorsChoiceRank === undefined ? current.editorsChoiceRank : args.input.editorsChoiceRank
  checkCurating(args.actor.role, current.editorsChoiceRank, rank)
  // Typed tag names become new topics on an explicit save only.
  const input = { ...(await withResolvedTags(tx, args.input, args.kind === 'save')), editorsChoiceRank: rank }
  // An article's language stays its own unless the input changes it; the site's is not a default here.
  const draft = await toDraft(tx, input, current.language, args.articleId)
  // Fields the editor does not send survive a save: the translation group, import origin, editor's-choice expiry.
  const merged: ArticleDraft = {
    ...draft,
    translationGroup: input.translationOf != null ? draft.translationGroup : current.translationGroup,
    originSystem: input.origin ? draft.originSystem : current.originSystem,
    originId: input.origin ? draft.originId : current.originId,
    editorsChoiceUntil: draft.editorsChoice ? current.editorsChoiceUntil : null,
  }
  // A new language must not be one its translations already have.
  if (merged.translationGroup !== null && input.translationOf == null && merged.language !== current.language) {
    await checkLanguageFree(tx, merged.translationGroup, merged.language, args.articleId)
  }
  await checkSlugFree(tx, merged, args.articleId)
  const latest = await tx.revisions.latest(args.articleId)
  // An article created or imported without a revision keeps its first state before anything overwrites it.
  if (!latest) await keepRevision(tx, args.articleId, 'save', null, current.modifiedAt)

  const written = current.version === args.version && await tx.articles.update(args.articleId, args.version, merged, args.now)
    .catch((err: unknown) => {
      throw isUniqueViolation(err) ? new AppError('Conflict', `the slug "${merged.slug}" is already used in this section`, 'slug', { cause: err }) : err
    })
  if (!written) return { ok: false, conflict: await keepConflict(tx, args, snapshotOfDraft(merged, input)) }
  // Ranks never repeat: the others make room (or close ranks) before the revision keeps the rank as stored.
  await placePick(tx, args.articleId, current.editorsChoiceRank, rank)
  // The quotes go with the body they mark: both saved, or neither.
  if (input.quotes !== undefined) await saveQuotesIn(tx, { id: args.articleId, bodyHtml: merged.bodyHtml, genre: merged.genre }, input.quotes, args.actor, args.now, { withSave: true })

  const saved = await tx.revisions.snapshotOf(args.articleId)
  if (!saved) throw new AppError('NotFound', 'no such article')
  const userId = args.actor.userId
  const fold = args.kind === 'autosave' && latest && latest.kind === 'autosave' && latest.version === args.version
    && latest.savedBy?.id === userId && userId !== null && args.now - latest.savedAt <= AUTOSAVE_FOLD_MS
  if (fold) {
    await tx.revisions.overwrite(latest.id, { version: saved.version, savedAt: args.now, snapshot: saved.snapshot })
    return { ok: true, version: saved.version, revisionId: latest.id }
  }
  const revisionId = await tx.revisions.insert({
    articleId: args.articleId, version: saved.version, kind: args.kind, savedBy: userId, savedAt: args.now, snapshot: saved.snapshot,
  })
  // One audit record per revision: a run of autosaves folded into one revision above is one record, not one per 5 s.
  await auditArticle(tx, userId, args.kind === 'save' ? 'article.save' : 'article.autosave', args.articleId, args.now, { version: saved.version, revision: revisionId })
  return { ok: true, version: saved.version, revisionId }
}

async function keepConflict(tx: Repositories, args: SaveArgs, snapshot: RevisionSnapshot): Promise<SaveConflict> {
  const revisionId = await tx.revisions.insert({
    articleId: args.articleId, version: args.version, kind: 'conflict', savedBy: args.actor.userId, savedAt: args.now, snapshot,
  })
  const now = await tx.articles.get(args.articleId)
  const currentVersion = now?.version ?? args.version
  const winner = await tx.revisions.producing(args.articleId, currentVersion)
  const savedAt = winner?.savedAt ?? now?.modifiedAt ?? args.now
  const who = winner?.savedBy ? winner.savedBy.name : 'Someone else'
  const message = `${who} saved this article at ${when(savedAt)} (version ${currentVersion}), after the version ${args.version} you edited. `
    + `Your text was not lost: it is kept as revision ${revisionId}. Compare it with the current text, then save again.`
  return { revisionId, currentVersion, savedBy: winner?.savedBy ?? null, savedAt, message }
}

/**
 * Copies revision `revisionId`'s snapshot into the working copy as a new version, kept as a 'restore' revision, if
 * `actor` may change the article now. Whoever may not curate the front page keeps the article's present rank.
 */
export async function restoreRevision(tx: Repositories, args: { articleId: number; revisionId: number; actor: Actor; now: number }): Promise<{ version: number; revisionId: number }> {
  await articleOrThrow(tx, args.articleId)
  const { article: current } = await changeableBy(tx, args.articleId, args.actor)
  const revision = await getRevision(tx, args.articleId, args.revisionId)
  const restored = inputOfSnapshot(revision.snapshot)
  const rank = can(args.actor.role, 'front.curate') ? restored.editorsChoiceRank ?? null : current.editorsChoiceRank
  const draft = await toDraft(tx, { ...restored, editorsChoiceRank: rank }, current.language)
  const merged: ArticleDraft = {
    ...draft, translationGroup: current.translationGroup, originSystem: current.originSystem, originId: current.originId,
    editorsChoiceUntil: draft.editorsChoice ? current.editorsChoiceUntil : null,
  }
  await checkSlugFree(tx, merged, args.articleId)
  if (!(await tx.revisions.latest(args.articleId))) await keepRevision(tx, args.articleId, 'save', null, current.modifiedAt)
  // The version read above, inside this transaction: nothing can have moved it.
  const written = await tx.articles.update(args.articleId, current.version, merged, args.now).catch((err: unknown) => {
    throw isUniqueViolation(err) ? new AppError('Conflict', `the slug "${merged.slug}" is now used by another article in this section`, 'slug', { cause: err }) : err
  })
  if (!written) throw new AppError('Conflict', 'the article changed while it was being restored; try again', 'version')
  await placePick(tx, args.articleId, current.editorsChoiceRank, rank)
  const revisionId = await keepRevision(tx, args.articleId, 'restore', args.actor.userId, args.now)
  await auditArticle(tx, args.actor.userId, 'article.restore-revision', args.articleId, args.now, { from: args.revisionId, revision: revisionId })
  return { version: current.version + 1, revisionId }
}

/** One page of an article's revisions, newest first. Throws NotFound for an unknown article, Invalid for a bad page. */
export async function listRevisions(tx: Repositories, articleId: number, page = 1): Promise<{ items: RevisionSummary[]; page: number; hasNext: boolean }> {
  await articleOrThrow(tx, articleId)
  if (!Number.isSafeInteger(page) || page < 1 || page > 10_000) throw new AppError('Invalid', 'page must be a whole number from 1 to 10000', 'page')
  const list = await tx.revisions.list(articleId, { page, perPage: REVISIONS_PER_PAGE })
  if (page > 1 && list.items.length === 0) throw new AppError('NotFound', 'there is no such page')
  return { ...list, page }
}

/** Revision `revisionId` of article `articleId` with its snapshot; NotFound when it is not one of that article's. */
export async function getRevision(tx: Repositories, articleId: number, revisionId: number): Promise<Revision> {
  checkId(articleId, 'id')
  checkId(revisionId, 'revision')
  const revision = await tx.revisions.get(articleId, revisionId)
  if (!revision) throw new AppError('NotFound', 'no such revision of this article')
  return revision
}

/** What changed from revision `fromId` to revision `toId` of one article, as a readable diff. */
export async function compareRevisions(tx: Repositories, articleId: number, fromId: number, toId: number): Promise<RevisionComparison> {
  const from = await getRevision(tx, articleId, fromId)
  const to = await getRevision(tx, articleId, toId)
  const { snapshot: _a, ...fromSummary } = from
  const { snapshot: _b, ...toSummary } = to
  return { from: fromSummary, to: toSummary, ...compareSnapshots(from.snapshot, to.snapshot) }
}

// Translations: a new draft in another language from an article, linking an article into a translation group and out.

import type { ArticleStatus } from '../domain/article.ts'
import type { Clock } from '../domain/clock.ts'
import { isLanguageTag, languagePrefix, PATH_LANGUAGES } from '../domain/language.ts'
import { can } from '../domain/roles.ts'
import { AppError } from '../errors.ts'
import { computeList } from '../related/engine.ts'
import type { Repositories, Store } from '../store/store.ts'
import { changeableBy, openFor, type Actor } from './article-access.ts'
import { createDraft } from './publishing.ts'
import { keepRevision } from './saving.ts'
import { checkLanguageFree, checkNotSelf, groupOf } from './translation-rules.ts'

export interface TranslationsDeps {
  readonly store: Store
  readonly clock: Clock
  /** The site's language (articles in it have no language prefix in their paths). */
  readonly siteLanguage: () => Promise<string>
}

/** One version of an article in its translation group, as the desk lists them. */
export interface TranslationVersion {
  readonly id: number
  readonly language: string
  readonly title: string
  readonly status: ArticleStatus
}

const checkId = (value: unknown, field: string, kind: 'NotFound' | 'Invalid'): number => {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new AppError(kind, kind === 'NotFound' ? 'no such article' : `${field} must be an article id`, field)
  }
  return value
}

/** A language a translation may be written in: a language tag whose primary subtag can prefix a path (`/ru/…`). */
function checkLanguage(language: unknown): string {
  if (typeof language !== 'string' || !isLanguageTag(language) || !PATH_LANGUAGES.includes(languagePrefix(language))) {
    throw new AppError('Invalid', `language must be one of the site's languages (${PATH_LANGUAGES.join(', ')}), such as ru`, 'language')
  }
  return language
}

/**
 * Moving an article into or out of a group changes public pages when any article involved is live (their language
 * links, their related lists): that needs the right to publish the article, not only to edit it.
 */
async function checkRelinking(tx: Repositories, articleId: number, actor: Actor, members: readonly TranslationVersion[]): Promise<void> {
  const { own } = await changeableBy(tx, articleId, actor)
  if (members.some((m) => m.status === 'published') && !can(actor.role, 'article.publish', { own })) {
    throw new AppError('Forbidden', `the ${actor.role} role may not change the translations of a published article`)
  }
}

/**
 * After a group changed: the live articles involved get new related lists (translations never relate to each other)
 * and their pages are invalidated (they link to each other by language).
 */
async function afterRegrouping(tx: Repositories, ids: readonly number[], now: number): Promise<void> {
  const live = [...(await tx.related.publishedTimes([...new Set(ids)])).keys()].sort((a, b) => a - b)
  for (const id of live) await computeList(tx, id, now)
  if (live.length) await tx.invalidations.record({ all: false, articleIds: live, scopes: ['sitemaps'] })
}

const membersOf = async (tx: Repositories, group: number): Promise<TranslationVersion[]> => tx.articles.translationGroup(group)

export function createTranslations({ store, clock, siteLanguage }: TranslationsDeps) {
  return {
    /**
     * Creates a draft in `language` linked to article `originalId`, prefilled with its working copy (title, standfirst,
     * body, section, genre, tags, authors, hero image with its caption and credit, SEO fields; not the editor's choice) for the translator to
     * overwrite. `actor` must be allowed to create articles and to open the original. Throws AppError('Invalid') for a
     * language that is no site language, AppError('Conflict') when the group already has that language. The new draft
     * changes no public page, so nothing is invalidated.
     */
    async add(originalId: unknown, language: unknown, actor: Actor): Promise<{ id: number; version: number }> {
      const id = checkId(originalId, 'article', 'NotFound')
      const lang = checkLanguage(language)
      if (!can(actor.role, 'article.create')) throw new AppError('Forbidden', `the ${actor.role} role may not create articles`)
      const site = await siteLanguage()
      return store.transaction(async (tx) => {
        const { article: original } = await openFor(tx, id, actor)
        await checkLanguageFree(tx, groupOf(original), lang, null)
        const working = await tx.revisions.snapshotOf(id)
        if (!working) throw new AppError('NotFound', 'no such article')
        const s = working.snapshot
        const now = clock.now()
        const draftId = await createDraft(tx, {
          title: s.title, slug: s.slug, standfirst: s.standfirst, bodyHtml: s.bodyHtml, section: s.section, genre: s.genre,
          language: lang, tags: s.tags, authors: s.authors, heroMediaId: s.heroMediaId, heroCaption: s.heroCaption,
          heroCredit: s.heroCredit, seoTitle: s.seoTitle,
          seoDescription: s.seoDescription, editorsChoiceRank: null, translationOf: original.id,
        }, { now, siteLanguage: site })
        if (actor.userId !== null) await tx.deskArticles.setCreatedBy(draftId, actor.userId)
        await keepRevision(tx, draftId, 'save', actor.userId, now)
        await tx.audit.record({
          userId: actor.userId, action: 'article.translate', subjectType: 'article', subjectId: String(draftId),
          details: { translation_of: original.id, language: lang }, at: now,
        })
        return { id: draftId, version: (await tx.articles.get(draftId))!.version }
      })
    },

    /**
     * Makes article `articleId` a translation of `translationOf` (joins that article's group, leaving its own). Throws
     * AppError('Invalid') for the article itself, AppError('Conflict') when the group already has the article's language,
     * AppError('NotFound') for either article missing. Returns the group's versions.
     */
    async link(articleId: unknown, translationOf: unknown, actor: Actor): Promise<TranslationVersion[]> {
      const id = checkId(articleId, 'article', 'NotFound')
      const otherId = checkId(translationOf, 'translation_of', 'Invalid')
      checkNotSelf(id, otherId)
      return store.transaction(async (tx) => {
        const article = await tx.articles.get(id)
        if (!article) throw new AppError('NotFound', 'no such article')
        const other = await tx.articles.get(otherId)
        if (!other) throw new AppError('Invalid', `there is no article ${otherId} to be a translation of`, 'translation_of')
        await openFor(tx, otherId, actor)
        const group = groupOf(other)
        const oldMembers = await membersOf(tx, groupOf(article))
        const newMembers = await membersOf(tx, group)
        await checkRelinking(tx, id, actor, [...oldMembers, ...newMembers])
        if (groupOf(article) === group) return newMembers
        await checkLanguageFree(tx, group, article.language, id)
        const leftBehind = await tx.articles.leaveTranslationGroup(id)
        await tx.articles.joinTranslationGroup(id, group)
        const now = clock.now()
        await tx.audit.record({
          userId: actor.userId, action: 'article.translation-link', subjectType: 'article', subjectId: String(id),
          details: { translation_of: otherId, group, language: article.language }, at: now,
        })
        await afterRegrouping(tx, [id, ...leftBehind, ...newMembers.map((m) => m.id)], now)
        return membersOf(tx, group)
      })
    },

    /**
     * Takes article `articleId` out of its translation group; the others stay linked to each other. Throws
     * AppError('Conflict') when it has no translations.
     */
    async unlink(articleId: unknown, actor: Actor): Promise<void> {
      const id = checkId(articleId, 'article', 'NotFound')
      await store.transaction(async (tx) => {
        const article = await tx.articles.get(id)
        if (!article) throw new AppError('NotFound', 'no such article')
        const members = await membersOf(tx, groupOf(article))
        await checkRelinking(tx, id, actor, members)
        if (members.length < 2) throw new AppError('Conflict', 'this article is not linked to any translation')
        const leftBehind = await tx.articles.leaveTranslationGroup(id)
        const now = clock.now()
        await tx.audit.record({
          userId: actor.userId, action: 'article.translation-unlink', subjectType: 'article', subjectId: String(id),
          details: { group: groupOf(article), language: article.language }, at: now,
        })
        await afterRegrouping(tx, [id, ...leftBehind], now)
      })
    },

    /** Every version of an article (itself included) with its status, for `actor`, who must be allowed to open it. */
    async versions(articleId: unknown, actor: Actor): Promise<TranslationVersion[]> {
      const id = checkId(articleId, 'article', 'NotFound')
      const { article } = await openFor(store, id, actor)
      return membersOf(store, groupOf(article))
    },
  }
}

export type Translations = ReturnType<typeof createTranslations>

// The rules of translation groups, shared by creating, saving and linking articles: one article per language, never itself.

import { languageName, languagePrefix } from '../domain/language.ts'
import { AppError } from '../errors.ts'
import type { Article } from '../store/articles.ts'
import type { Repositories } from '../store/store.ts'

/** The group an article belongs to, or would name: its first article's id, or its own id when it has no translations. */
export const groupOf = (a: Pick<Article, 'id' | 'translationGroup'>): number => a.translationGroup ?? a.id

/**
 * Throws AppError('Conflict') naming `language` when another article of `group` (not `self`) is already in that language
 * (its primary subtag: `pt` and `pt-BR` are one language to readers choosing between versions).
 */
export async function checkLanguageFree(tx: Repositories, group: number, language: string, self: number | null): Promise<void> {
  const taken = (await tx.articles.translationGroup(group)).find((m) => m.id !== self && languagePrefix(m.language) === languagePrefix(language))
  if (taken) {
    throw new AppError('Conflict', `article ${taken.id} is already the ${languageName(language)} (${taken.language}) version of this article; a translation group holds one article per language`, 'language')
  }
}

/** Throws AppError('Invalid') when an article is asked to be a translation of itself. */
export function checkNotSelf(articleId: number | null, translationOf: number, field = 'translation_of'): void {
  if (articleId === translationOf) throw new AppError('Invalid', 'an article cannot be a translation of itself', field)
}

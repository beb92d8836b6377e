// The site's languages from the desk: which languages the site is published in, their names and taglines, and which
// one is the default (the first). A language that still has articles cannot be taken off the site.

import { FLUSH_ALL } from '../domain/invalidation.ts'
import { isLanguageTag, languageName, languagePrefix, PATH_LANGUAGES, sameLanguage } from '../domain/language.ts'
import { can, type Role } from '../domain/roles.ts'
import { AppError } from '../errors.ts'
import type { Repositories } from '../store/store.ts'

/** Most languages a site may have: each one is a full set of listings, feeds and sitemaps. */
export const LANGUAGES_MAX = 12

/** One row of the desk's languages form as it arrives, unchecked; a row with no tag is left out. */
export interface SiteLanguageRow {
  readonly tag: string
  readonly name: string
  readonly description: string
}

/** A checked language as the `languages` setting holds it (domain/language.ts siteLanguages reads it). */
interface StoredLanguage {
  readonly tag: string
  readonly name: string
  readonly description?: string
  readonly [more: string]: unknown
}

const invalid = (field: string, message: string) => new AppError('Invalid', message, field)

/** Checks the rows in order (the first is the default) and returns the stored entries; throws naming the first bad field. */
export function checkLanguageRows(rows: readonly SiteLanguageRow[]): { tag: string; name: string; description: string }[] {
  const given = rows.map((r, i) => ({ ...r, i })).filter((r) => r.tag.trim() !== '' || r.name.trim() !== '' || r.description.trim() !== '')
  if (given.length === 0) throw invalid('lang_tag_0', 'the site needs at least one language')
  if (given.length > LANGUAGES_MAX) throw invalid(`lang_tag_${given[LANGUAGES_MAX]!.i}`, `a site may have at most ${LANGUAGES_MAX} languages`)
  const out: { tag: string; name: string; description: string }[] = []
  for (const [n, r] of given.entries()) {
    const tag = r.tag.trim()
    const field = `lang_tag_${r.i}`
    if (!tag) throw invalid(field, `row ${r.i + 1} has a name but no language tag`)
    if (!isLanguageTag(tag)) throw invalid(field, `"${tag}" is not a language tag such as en, ru, kk-Cyrl or pt-BR`)
    // The default needs no prefix; every other language is served under /<primary subtag>, which must be a known one.
    if (n > 0 && !PATH_LANGUAGES.includes(languagePrefix(tag))) {
      throw invalid(field, `"${languagePrefix(tag)}" cannot prefix paths; the languages that can are ${PATH_LANGUAGES.join(', ')}`)
    }
    const twin = out.find((o) => sameLanguage(o.tag, tag))
    if (twin) throw invalid(field, `${tag} and ${twin.tag} would share the path /${languagePrefix(tag)}; keep one`)
    const name = r.name.trim() || languageName(tag)
    if (name.length > 60) throw invalid(`lang_name_${r.i}`, 'a language name must be at most 60 characters')
    const description = r.description.trim()
    if (description.length > 300) throw invalid(`lang_description_${r.i}`, 'a tagline must be at most 300 characters')
    out.push({ tag, name, description })
  }
  return out
}

/**
 * Saves the site's languages in the order given (the first is the default language) after checking every row and
 * that no language taken off the site still has articles (AppError('Conflict') with the count). Keeps what else the
 * stored entry of a language held; records the change in the audit log and marks every page stale.
 */
export async function saveSiteLanguages(tx: Repositories, rows: readonly SiteLanguageRow[], ctx: { readonly actor: { readonly id: number | null; readonly role: Role }; readonly now: number }): Promise<void> {
  if (!can(ctx.actor.role, 'settings.manage')) throw new AppError('Forbidden', 'only administrators change the site\'s languages')
  const languages = checkLanguageRows(rows)
  const settings = await tx.site.settings()
  const stored = (Array.isArray(settings.languages) ? settings.languages : []).filter((e): e is StoredLanguage => !!e && typeof e === 'object' && typeof e.tag === 'string')
  const before = [typeof settings.language === 'string' ? settings.language : 'en', ...stored.map((e) => e.tag)]
  for (const tag of new Set(before.map(languagePrefix))) {
    if (languages.some((l) => sameLanguage(l.tag, tag))) continue
    const count = await tx.articles.countInLanguage(tag)
    if (count > 0) {
      throw new AppError('Conflict', `${languageName(tag)} (${tag}) still has ${count} article${count === 1 ? '' : 's'}; move or delete them before taking the language off the site`)
    }
  }
  const entries = languages.map((l) => {
    const old = stored.find((e) => sameLanguage(e.tag, l.tag)) ?? {}
    const { description: _old, ...kept } = old as Record<string, unknown>
    return { ...kept, tag: l.tag, name: l.name, ...(l.description && { description: l.description }) }
  })
  await tx.site.setSetting('language', languages[0]!.tag)
  await tx.site.setSetting('languages', entries)
  await tx.audit.record({
    userId: ctx.actor.id, action: 'settings.languages', subjectType: 'settings', subjectId: null,
    details: { languages: languages.map((l) => l.tag) }, at: ctx.now,
  })
  // Every page carries the switcher, hreflang links and the language's interface text.
  await tx.invalidations.record(FLUSH_ALL)
}

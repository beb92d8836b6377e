// Languages: BCP 47 tags for articles, and the path prefix of languages other than the site's.

const BCP47 = /^[a-z]{2,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Z]{2}|\d{3}))?$/

/** Whether a string is a (simple) BCP 47 language tag such as `en`, `ru`, `kk-Cyrl` or `pt-BR`. */
export const isLanguageTag = (value: string): boolean => BCP47.test(value)

/** The primary subtag (`pt-BR` → `pt`), which is also the URL prefix of the language. */
export const languagePrefix = (tag: string): string => tag.split('-')[0] ?? tag

/** Two-letter codes that can prefix a path; none may be a section slug (DESIGN.md: reserved). */
export const PATH_LANGUAGES: readonly string[] = [
  'ar', 'az', 'be', 'bg', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'fa', 'fi', 'fr', 'he', 'hr', 'hu', 'hy', 'it',
  'ka', 'kk', 'ky', 'lt', 'lv', 'mn', 'nl', 'no', 'pl', 'pt', 'ro', 'ru', 'sk', 'sl', 'sq', 'sr', 'sv', 'tg', 'tk',
  'tr', 'uk', 'uz', 'zh',
]

const NAMES: Readonly<Record<string, string>> = {
  en: 'English', ru: 'Русский', kk: 'Қазақша', uz: 'Oʻzbekcha', ky: 'Кыргызча', ka: 'ქართული', hy: 'Հայերեն',
  az: 'Azərbaycanca', uk: 'Українська', de: 'Deutsch', fr: 'Français', tr: 'Türkçe',
}

/** The name of a language in itself, for language switchers ("ru" → "Русский"). */
export const languageName = (tag: string): string => NAMES[languagePrefix(tag)] ?? tag

/** Two tags name the same site language when their primary subtags match (`kk` and `kk-Cyrl`): paths carry only that. */
export const sameLanguage = (a: string, b: string): boolean => languagePrefix(a) === languagePrefix(b)

/** One language the site is published in. */
export interface SiteLanguage {
  /** BCP 47 tag, e.g. `en`, `ru`, `pt-BR`. */
  readonly tag: string
  /** The language's name in itself, for the switcher ("Русский"). */
  readonly name: string
  /** Path prefix: '' for the default language, `/ru` for the others (the primary subtag). */
  readonly prefix: string
  /** Section names in this language by section slug; a section without one keeps its own name. */
  readonly sectionNames: Readonly<Record<string, string>>
  /** The tagline in this language, or null to keep the site's description. */
  readonly description: string | null
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null)

/**
 * The site's languages from the `languages` setting (`[{ tag, name?, sections?, description? }]`) and the default
 * language (the `language` setting): the default comes first with no prefix, then each other language whose primary
 * subtag can prefix a path, once. Entries that are not objects, carry no valid tag or repeat a language are skipped,
 * so a hand-edited setting never takes the site down.
 */
export function siteLanguages(raw: unknown, defaultTag: string): SiteLanguage[] {
  const entries = Array.isArray(raw) ? raw.filter((e): e is Record<string, unknown> => !!e && typeof e === 'object') : []
  const entryOf = (tag: string) => entries.find((e) => typeof e.tag === 'string' && sameLanguage(e.tag, tag))
  const toLanguage = (tag: string, e: Record<string, unknown> | undefined, prefix: string): SiteLanguage => {
    const sections = e?.sections && typeof e.sections === 'object' ? e.sections as Record<string, unknown> : {}
    return {
      tag, prefix, name: str(e?.name) ?? languageName(tag), description: str(e?.description),
      sectionNames: Object.fromEntries(Object.entries(sections).filter((s): s is [string, string] => str(s[1]) !== null)),
    }
  }
  const out = [toLanguage(defaultTag, entryOf(defaultTag), '')]
  for (const e of entries) {
    const tag = e.tag
    if (typeof tag !== 'string' || !isLanguageTag(tag) || !PATH_LANGUAGES.includes(languagePrefix(tag))) continue
    if (out.some((l) => sameLanguage(l.tag, tag))) continue
    out.push(toLanguage(tag, e, `/${languagePrefix(tag)}`))
  }
  return out
}

/** `path` (a path of the default language, such as `/`, `/news` or `/tag/energy`) in a language with this prefix. */
export const localizedPath = (prefix: string, path: string): string => (prefix === '' ? path : path === '/' ? prefix : prefix + path)

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

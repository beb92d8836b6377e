// Public URLs of reader pages, and the path segments no section may take.

import { languagePrefix, PATH_LANGUAGES } from './language.ts'

/** First path segments that belong to the application, never to a section (DESIGN.md, URLs). */
export const RESERVED_SEGMENTS: readonly string[] = [
  'tag', 'author', 'archive', 'search', 'popular', 'api', 'desk', 'media', 'assets', 'healthz', 'readyz', 'metrics', 'preview', 'page', 'pages', 'newsletters',
  'feed', 'people', 'quotes', 'rss.xml', 'atom.xml', 'feed.json', 'sitemap.xml', 'sitemaps', 'news-sitemap.xml', 'robots.txt', 'favicon.ico',
  ...PATH_LANGUAGES,
]

export const isReservedSegment = (slug: string): boolean => RESERVED_SEGMENTS.includes(slug)

/** The path of an article: `/news/slug`, or `/ru/news/slug` for a language other than the site's. */
export function articlePath(a: { readonly language: string; readonly sectionSlug: string; readonly slug: string }, siteLanguage: string): string {
  const prefix = languagePrefix(a.language) === languagePrefix(siteLanguage) ? '' : `/${languagePrefix(a.language)}`
  return `${prefix}/${a.sectionSlug}/${a.slug}`
}

export const sectionPath = (slug: string): string => `/${slug}`
export const tagPath = (slug: string): string => `/tag/${slug}`
export const authorPath = (slug: string): string => `/author/${slug}`
/** A speaker's page: who they are and everything live articles quote them saying. */
export const speakerPath = (slug: string): string => `/people/${slug}`
export const quotePath = (id: number): string => `/quotes/${id}`
export const staticPagePath = (slug: string): string => `/${slug}`

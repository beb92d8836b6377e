// Sitemaps: the rows of sitemap pages, the index, and the Google News sitemap.

/** One <url> of a sitemap page. */
export interface SitemapUrl {
  readonly path: string
  /** Epoch ms, or null when unknown. */
  readonly lastmod: number | null
  /** The page in every language it exists in, itself included, and `x-default`; absent when it has one version only. */
  readonly alternates?: readonly { readonly language: string; readonly path: string }[]
}

/** One <sitemap> of the index. */
export interface SitemapRef {
  readonly path: string
  readonly lastmod: number | null
}

/** One article in the news sitemap. */
export interface NewsEntry {
  readonly path: string
  readonly title: string
  readonly language: string
  readonly publishedAt: number
}

/** The most URLs a sitemap page may hold (sitemaps.org). */
export const SITEMAP_MAX_URLS = 50_000
/** The most articles a Google News sitemap may hold, and how far back it looks. */
export const NEWS_SITEMAP_MAX = 1_000
export const NEWS_SITEMAP_WINDOW_MS = 2 * 24 * 3_600_000

export const articleSitemapPath = (n: number): string => `/sitemaps/articles-${n}.xml`
export const pagesSitemapPath = '/sitemaps/pages.xml'

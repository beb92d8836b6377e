// Sitemap XML (sitemaps.org 0.9, Google News 0.9) and robots.txt, in pieces so a page can be streamed.

import type { NewsEntry, SitemapRef, SitemapUrl } from '../domain/sitemaps.ts'
import { xmlChars } from './feeds/feed-content.ts'

const XML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

/** Text for XML element content or attributes: escaped, and without characters XML 1.0 cannot carry. */
export const escapeXml = (s: string): string => xmlChars(s).replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!)

/** W3C Datetime (a profile of ISO 8601) in UTC, to the second. */
export const w3cDate = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'
const XHTML_NS = 'http://www.w3.org/1999/xhtml'
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9'

const lastmod = (ms: number | null): string => (ms === null ? '' : `<lastmod>${w3cDate(ms)}</lastmod>`)

/** The opening of a <urlset>; write urlEntries after it and URLSET_END last. */
export const URLSET_START = `${DECLARATION}<urlset xmlns="${SITEMAP_NS}" xmlns:xhtml="${XHTML_NS}">\n`
export const URLSET_END = '</urlset>\n'

/** <url> elements for some sitemap rows. */
export const urlEntries = (siteUrl: string, urls: readonly SitemapUrl[]): string =>
  urls.map((u) => `<url><loc>${escapeXml(siteUrl + u.path)}</loc>${lastmod(u.lastmod)}${alternateLinks(siteUrl, u)}</url>\n`).join('')

/** Google's hreflang annotations of a sitemap URL: one xhtml:link per version, the URL's own included. */
const alternateLinks = (siteUrl: string, u: SitemapUrl): string =>
  (u.alternates ?? []).map((a) => `<xhtml:link rel="alternate" hreflang="${escapeXml(a.language)}" href="${escapeXml(siteUrl + a.path)}"/>`).join('')

/** A whole sitemap page of rows already in memory. */
export const urlset = (siteUrl: string, urls: readonly SitemapUrl[]): string => URLSET_START + urlEntries(siteUrl, urls) + URLSET_END

/** The sitemap index. */
export const sitemapIndex = (siteUrl: string, refs: readonly SitemapRef[]): string =>
  `${DECLARATION}<sitemapindex xmlns="${SITEMAP_NS}">\n${refs.map((r) => `<sitemap><loc>${escapeXml(siteUrl + r.path)}</loc>${lastmod(r.lastmod)}</sitemap>\n`).join('')}</sitemapindex>\n`

/** Google News wants ISO 639 codes, except Chinese, which is zh-cn or zh-tw. */
export function newsLanguage(tag: string): string {
  const [primary = tag, ...rest] = tag.toLowerCase().split('-')
  if (primary !== 'zh') return primary
  return rest.some((s) => s === 'hant' || s === 'tw' || s === 'hk' || s === 'mo') ? 'zh-tw' : 'zh-cn'
}

/** The Google News sitemap: each article's publication, language, publication date and title. */
export const newsSitemap = (siteUrl: string, publication: string, entries: readonly NewsEntry[]): string =>
  `${DECLARATION}<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">\n${entries.map((e) => `<url><loc>${escapeXml(siteUrl + e.path)}</loc><news:news>`
    + `<news:publication><news:name>${escapeXml(publication)}</news:name><news:language>${newsLanguage(e.language)}</news:language></news:publication>`
    + `<news:publication_date>${w3cDate(e.publishedAt)}</news:publication_date><news:title>${escapeXml(e.title)}</news:title></news:news></url>\n`).join('')}</urlset>\n`

/** robots.txt: the desk and the Admin API are not for crawlers; both sitemaps are named. */
export const robotsTxt = (siteUrl: string): string =>
  `User-agent: *\nDisallow: /desk\nDisallow: /api/v1/admin\n\nSitemap: ${siteUrl}/sitemap.xml\nSitemap: ${siteUrl}/news-sitemap.xml\n`

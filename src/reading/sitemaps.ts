// Sitemaps: the index, article pages streamed in keyset batches, the page of sections, tags, authors and static pages, and Google News.

import type { Clock } from '../domain/clock.ts'
import { localizedPath, sameLanguage, type SiteLanguage } from '../domain/language.ts'
import { articlePath, authorPath, sectionPath, tagPath } from '../domain/paths.ts'
import {
  articleSitemapPath, NEWS_SITEMAP_MAX, NEWS_SITEMAP_WINDOW_MS, pagesSitemapPath, SITEMAP_MAX_URLS,
  type NewsEntry, type SitemapRef, type SitemapUrl,
} from '../domain/sitemaps.ts'
import { AppError } from '../errors.ts'
import type { Store } from '../store/store.ts'
import type { SiteContextCache } from './site-settings.ts'

export interface SitemapsDeps {
  readonly store: Store
  readonly clock: Clock
  readonly site: SiteContextCache
}

export interface SitemapOptions {
  /** URLs per article page; at most SITEMAP_MAX_URLS. */
  readonly pageSize?: number
  /** Rows read from the store per query while streaming a page. */
  readonly batchSize?: number
  /** Articles in the news sitemap; at most NEWS_SITEMAP_MAX. */
  readonly newsMax?: number
}

export function createSitemaps({ store, clock, site }: SitemapsDeps, opts: SitemapOptions = {}) {
  const pageSize = Math.min(opts.pageSize ?? SITEMAP_MAX_URLS, SITEMAP_MAX_URLS)
  const batchSize = Math.max(1, opts.batchSize ?? 1_000)
  const newsMax = Math.min(opts.newsMax ?? NEWS_SITEMAP_MAX, NEWS_SITEMAP_MAX)

  /** Newest of some times, or null. */
  const newest = (times: readonly number[]): number | null => (times.length ? Math.max(...times) : null)

  /** hreflang alternates of some versions of a page: each version, then x-default (the default language's), when there are two or more. */
  const withDefault = (versions: { language: string; path: string }[], siteLanguage: string): SitemapUrl['alternates'] => {
    if (versions.length < 2) return undefined
    const fallback = versions.find((v) => sameLanguage(v.language, siteLanguage))
    return fallback ? [...versions, { language: 'x-default', path: fallback.path }] : versions
  }

  /** Batches of one article page, read by id with a keyset cursor so no more than one batch is in memory. */
  async function* articleBatches(firstId: number, siteLanguage: string): AsyncGenerator<SitemapUrl[]> {
    let from = firstId
    let left = pageSize
    while (left > 0) {
      const rows = await store.live.pathsFrom(from, Math.min(batchSize, left))
      if (rows.length === 0) return
      // Each article's translations, read for the whole batch at once.
      const members = await store.liveLanguages.versions(rows.map((r) => r.id))
      const groupOf = new Map(members.map((m) => [m.id, m.group]))
      const versionsOf = Map.groupBy(members, (m) => m.group)
      yield rows.map((r) => {
        const group = groupOf.get(r.id)
        const versions = (group === undefined ? [] : versionsOf.get(group) ?? []).map((m) => ({ language: m.language, path: articlePath(m, siteLanguage) }))
        const alternates = withDefault(versions, siteLanguage)
        return { path: articlePath(r, siteLanguage), lastmod: r.updatedAt, ...(alternates && { alternates }) }
      })
      left -= rows.length
      from = rows[rows.length - 1]!.id + 1
    }
  }

  return {
    pageSize,
    newsMax,

    /** The sitemap index: one page per `pageSize` articles, then the page of everything else. */
    async index(): Promise<SitemapRef[]> {
      const [pages, scopes, staticPages] = await Promise.all([store.live.idPages(pageSize), store.live.scopeLastmods(), store.pages.published()])
      const others = newest([...scopes.sections, ...scopes.tags, ...scopes.authors].map((s) => s.lastmod).concat(staticPages.map((p) => p.updatedAt)))
      return [...pages.map((p, i) => ({ path: articleSitemapPath(i + 1), lastmod: p.lastmod })), { path: pagesSitemapPath, lastmod: others }]
    },

    /**
     * Article page `n` (1-based) as an async stream of URL batches. Throws AppError('NotFound') before streaming when
     * there is no such page, so the caller can answer 404 before it sends anything.
     */
    async articlePage(n: number): Promise<AsyncIterable<SitemapUrl[]>> {
      const pages = n >= 1 && Number.isSafeInteger(n) ? await store.live.idPages(pageSize) : []
      const page = pages[n - 1]
      if (!page) throw new AppError('NotFound', 'no such sitemap page')
      return articleBatches(page.firstId, (await site.get()).settings.language)
    },

    /**
     * The front page, sections, and the tags, authors and static pages that have something to show: each in every site
     * language it has articles in, with the others as hreflang alternates.
     */
    async otherPages(): Promise<SitemapUrl[]> {
      const [{ sections, settings }, scopes, staticPages] = await Promise.all([site.get(), store.liveLanguages.scopeLanguages(), store.pages.published()])
      /** One URL per site language that has articles in the scope, newest time in that language as lastmod. */
      const inLanguages = (rows: readonly { language: string; lastmod: number }[], path: string): SitemapUrl[] => {
        const found = settings.languages.flatMap((l: SiteLanguage) => {
          const lastmod = newest(rows.filter((r) => sameLanguage(r.language, l.tag)).map((r) => r.lastmod))
          return lastmod === null ? [] : [{ language: l.tag, path: localizedPath(l.prefix, path), lastmod }]
        })
        const alternates = withDefault(found.map((f) => ({ language: f.language, path: f.path })), settings.language)
        return found.map((f) => ({ path: f.path, lastmod: f.lastmod, ...(alternates && { alternates }) }))
      }
      const bySlug = <T extends { slug: string }>(rows: readonly T[]) => Map.groupBy(rows, (r) => r.slug)
      const [sectionRows, tagRows, authorRows] = [bySlug(scopes.sections), bySlug(scopes.tags), bySlug(scopes.authors)]
      // The front page is listed even before anything is published, as it always answers.
      const front = inLanguages(scopes.sections, '/')
      const urls: SitemapUrl[] = [
        ...(front.some((u) => u.path === '/') ? front : [{ path: '/', lastmod: null }, ...front]),
        // Sections in menu order, leaving out those with nothing published yet (as tags and authors are).
        ...sections.flatMap((s) => inLanguages(sectionRows.get(s.slug) ?? [], sectionPath(s.slug))),
        ...[...tagRows].flatMap(([slug, rows]) => inLanguages(rows, tagPath(slug))),
        ...[...authorRows].flatMap(([slug, rows]) => inLanguages(rows, authorPath(slug))),
        // Published pages at any depth; the desk keeps their paths apart from sections'.
        ...staticPages.map((p) => ({ path: p.path, lastmod: p.updatedAt })),
      ]
      return urls.slice(0, SITEMAP_MAX_URLS)
    },

    /** Articles published in the last two days, newest first, at most `newsMax`. */
    async news(): Promise<{ publication: string; language: string; entries: NewsEntry[] }> {
      const { settings } = await site.get()
      const listing = await store.live.archive({ sectionIds: [], fromMs: clock.now() - NEWS_SITEMAP_WINDOW_MS, toMs: null, page: 1, perPage: newsMax })
      return {
        publication: settings.name,
        language: settings.language,
        entries: listing.items.map((s) => ({
          path: articlePath({ language: s.language, sectionSlug: s.section.slug, slug: s.slug }, settings.language),
          title: s.title, language: s.language, publishedAt: s.publishedAt,
        })),
      }
    },
  }
}

export type Sitemaps = ReturnType<typeof createSitemaps>

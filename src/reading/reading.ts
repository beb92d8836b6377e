// What each reader page needs, built from live copies: the read models the renderer turns into HTML.

import { isCalendarDate, startOfDay, startOfNextDay } from '../domain/calendar.ts'
import type { Clock } from '../domain/clock.ts'
import { languagePrefix, sameLanguage } from '../domain/language.ts'
import { articlePath } from '../domain/paths.ts'
import { tagNameIn } from '../domain/taxonomy.ts'
import type {
  ArchiveFilter, ArchivePage, ArticlePage, ArticleSummary, AuthorPage, FrontPage, Page, PopularPage, SectionPage, TagPage,
} from '../domain/read-models.ts'
import { ancestorPaths, type PublishedPage } from '../domain/pages.ts'
import { readingMinutes } from '../content/reading-time.ts'
import { AppError } from '../errors.ts'
import type { LiveSummary, Listing, NewestEntry } from '../store/live.ts'
import type { Store } from '../store/store.ts'
import type { SiteContextCache } from './site-settings.ts'
import type { MostRead } from '../popular/most-read.ts'
import type { InvalidationFeed } from '../store/invalidations.ts'
import { createSharedBlocks } from './shared-blocks.ts'

export const PER_PAGE = 20
const BLOCK = 5
/** The highest page number a listing serves; beyond it OFFSET scans grow and no reader goes there, so later pages are not found. */
export const MAX_PAGE = 5000

export interface ReadingDeps {
  readonly store: Store
  readonly clock: Clock
  readonly site: SiteContextCache
  readonly mostRead: MostRead
  /** What changed: the shared blocks are read again after any change. */
  readonly invalidation: Pick<InvalidationFeed, 'subscribe'>
}

export function createReading({ store, clock, site, mostRead, invalidation }: ReadingDeps) {
  async function summarize(items: readonly LiveSummary[]): Promise<ArticleSummary[]> {
    const { settings } = await site.get()
    return items.map((s) => ({
      id: s.id, path: articlePath({ language: s.language, sectionSlug: s.section.slug, slug: s.slug }, settings.language),
      title: s.title, standfirst: s.standfirst, genre: s.genre, language: s.language,
      section: { slug: s.section.slug, name: s.section.name }, authors: s.authors, publishedAt: s.publishedAt,
      updatedAt: s.updatedAt, hero: s.hero,
    }))
  }

  /** One page of a listing: a page past the end is NotFound whatever its number, and past MAX_PAGE is never read. */
  async function toPage(page: number, read: (page: number) => Promise<Listing>): Promise<Page<ArticleSummary>> {
    // Infinity is how a number of hundreds of digits arrives: a whole number too, and past the end.
    if (!(Number.isInteger(page) || page === Infinity) || page < 1) throw new AppError('Invalid', 'page must be a whole number from 1 upwards', 'page')
    if (page > MAX_PAGE) throw new AppError('NotFound', 'there is no such page')
    const listing = await read(page)
    // Page 1 of an empty listing is a real, empty page; any later empty page does not exist.
    if (page > 1 && listing.items.length === 0) throw new AppError('NotFound', 'there is no such page')
    return { items: await summarize(listing.items), page, hasNext: listing.hasNext && page < MAX_PAGE }
  }

  const shared = createSharedBlocks({ store, clock, mostRead, invalidation, summarize, siteLanguage: async () => (await site.get()).settings.language })
  const picks = (language: string, limit = BLOCK) => shared.picks(limit, languagePrefix(language))
  const popular = (window: 'day' | 'week', limit: number, language: string) => shared.popular(window, limit, languagePrefix(language))
  /** The site language a listing is read in: the default when none is named; NotFound for one the site does not publish in. */
  const languageOf = async (tag: string | undefined): Promise<string> => {
    const { settings } = await site.get()
    if (tag === undefined) return settings.language
    const found = settings.languages.find((l) => sameLanguage(l.tag, tag))
    if (!found) throw new AppError('NotFound', 'the site is not published in that language')
    return found.tag
  }

  return {
    /** The front page of a site language (the default when none is given): only articles in that language. */
    async frontPage(tag?: string): Promise<FrontPage> {
      const language = await languageOf(tag)
      const { sections, leadArticleId } = await site.get()
      const inSiteLanguage = (s: { language: string }) => sameLanguage(s.language, language)
      // A pinned lead that is no longer live, or in another language, gives way to the newest.
      const [pinned] = leadArticleId === null ? [] : (await summarize(await store.live.summariesByIds([leadArticleId]))).filter(inSiteLanguage)
      const newest = await store.live.newestBySections(sections.map((s) => s.id), BLOCK * 2, languagePrefix(language))
      // Unpinned, the lead is the newest article in the site's language: every article is in a section, so it is the
      // newest of one section's block whenever some article in the site's language is among that section's newest.
      const leadId = pinned?.id ?? [...newest.values()].flat().filter(inSiteLanguage)
        .reduce<NewestEntry | null>((a, b) => (a === null || b.publishedAt > a.publishedAt || (b.publishedAt === a.publishedAt && b.id > a.id) ? b : a), null)?.id
      const blocks = sections.map((section) => ({
        section, ids: (newest.get(section.id) ?? []).filter((e) => e.id !== leadId && inSiteLanguage(e)).slice(0, BLOCK).map((e) => e.id),
      }))
      // The summaries of what the page shows, in one read.
      const toRead = [...(pinned || leadId === undefined ? [] : [leadId]), ...blocks.flatMap((b) => b.ids)]
      const shown = new Map((await summarize(await store.live.summariesByIds(toRead))).map((s) => [s.id, s]))
      const lead = pinned ?? (leadId === undefined ? null : shown.get(leadId) ?? null)
      return {
        lead,
        picks: (await picks(language, 7)).filter((p) => p.id !== lead?.id).slice(0, 6),
        sections: blocks.map((b) => ({ section: b.section, items: b.ids.flatMap((id) => shown.get(id) ?? []) })).filter((s) => s.items.length > 0),
        popular: await popular('day', BLOCK, language),
      }
    },

    async articlePage(p: { language: string | null; section: string; slug: string }): Promise<ArticlePage> {
      const { settings } = await site.get()
      const language = p.language ?? settings.language
      if (p.language !== null && languagePrefix(p.language) === languagePrefix(settings.language)) {
        throw new AppError('NotFound', 'articles in the site language have no language prefix')
      }
      const live = await store.live.findByPath(languagePrefix(language), p.section, p.slug)
      if (!live) throw new AppError('NotFound', 'no such article')
      // Independent reads side by side: on PostgreSQL their round trips overlap.
      const [[summary], translations, stored, tagNames] = await Promise.all([
        summarize([live]),
        live.translationGroup === null ? [] : store.live.translations(live.translationGroup, live.id).then(summarize),
        store.related.list(live.id),
        store.taxonomy.tagNamesIn(live.tags.map((t) => t.id), languagePrefix(live.language)),
      ])
      // The list computed on publish (and refreshed in the background); shared tags only until it exists.
      const computed = stored.map((r) => r.relatedId)
      const relatedIds = computed.length ? computed.slice(0, BLOCK) : await store.live.sharingTags(live.id, live.tags.map((t) => t.id), BLOCK)
      // With no shared tags, the newest of its own section in its own language stand in; never the article itself.
      const related = relatedIds.length
        ? await store.live.summariesByIds(relatedIds)
        : (await store.live.bySection(live.section.id, { page: 1, perPage: BLOCK + 1, language: languagePrefix(live.language) })).items.filter((s) => s.id !== live.id).slice(0, BLOCK)
      return {
        article: {
          ...summary!, slug: live.slug, bodyHtml: live.bodyHtml, seoTitle: live.seoTitle, seoDescription: live.seoDescription,
          tags: live.tags.map((t) => ({ slug: t.slug, name: tagNameIn(t, tagNames), kind: t.kind })),
          translations: translations.map((t) => ({ language: t.language, path: t.path, title: t.title })),
          readingMinutes: readingMinutes(live.bodyHtml),
        },
        related: await summarize(related),
        picks: (await picks(live.language)).filter((a) => a.id !== live.id),
        popular: (await popular('day', BLOCK + 1, live.language)).filter((a) => a.id !== live.id).slice(0, BLOCK),
      }
    },

    /** A section's articles in a site language (the default when none is given). */
    async sectionPage(slug: string, page: number, tag?: string): Promise<SectionPage> {
      const language = languagePrefix(await languageOf(tag))
      const section = (await site.get()).sections.find((s) => s.slug === slug)
      if (!section) throw new AppError('NotFound', 'no such section')
      return { section, list: await toPage(page, (p) => store.live.bySection(section.id, { page: p, perPage: PER_PAGE, language })) }
    },

    async tagPage(slug: string, page: number, languageTag?: string): Promise<TagPage> {
      const language = languagePrefix(await languageOf(languageTag))
      // A tag no live article carries (one typed into a draft) is no page of the site.
      const tag = await store.taxonomy.publicTag({ slug })
      if (!tag) throw new AppError('NotFound', 'no such tag')
      const parent = tag.parentId === null ? null : (await store.taxonomy.publicTag({ id: tag.parentId })) ?? null
      // Named in the page's language where the tag has a name there, else by its own.
      const names = await store.taxonomy.tagNamesIn([tag.id, ...(parent ? [parent.id] : [])], language)
      return { tag: { ...tag, name: tagNameIn(tag, names) }, parent: parent && { slug: parent.slug, name: tagNameIn(parent, names) }, list: await toPage(page, (p) => store.live.byTag(tag.id, { page: p, perPage: PER_PAGE, language })) }
    },

    async authorPage(slug: string, page: number, tag?: string): Promise<AuthorPage> {
      const language = languagePrefix(await languageOf(tag))
      const author = await store.people.authorBySlug(slug)
      if (!author) throw new AppError('NotFound', 'no such author')
      const photo = author.photoMediaId === null ? null : (await store.media.get(author.photoMediaId)) ?? null
      return { author, photo, list: await toPage(page, (p) => store.live.byAuthor(author.id, { page: p, perPage: PER_PAGE, language })) }
    },

    /** The archive; unknown sections and bad dates are AppError('Invalid') naming the parameter. */
    async archivePage(filter: ArchiveFilter, tag?: string): Promise<ArchivePage> {
      const language = languagePrefix(await languageOf(tag))
      const { sections, settings } = await site.get()
      const sectionIds = filter.sections.map((slug) => {
        const s = sections.find((x) => x.slug === slug)
        if (!s) throw new AppError('Invalid', `there is no section "${slug}"`, 'section')
        return s.id
      })
      for (const [name, value] of [['from', filter.from], ['to', filter.to]] as const) {
        if (value !== null && !isCalendarDate(value)) throw new AppError('Invalid', `${name} must be a date written YYYY-MM-DD, got "${value}"`, name)
      }
      if (filter.from && filter.to && filter.from > filter.to) throw new AppError('Invalid', '`from` must not be after `to`', 'from')
      const list = await toPage(filter.page, (page) => store.live.archive({
        sectionIds, page, perPage: PER_PAGE, language,
        fromMs: filter.from ? startOfDay(filter.from, settings.timeZone) : null,
        toMs: filter.to ? startOfNextDay(filter.to, settings.timeZone) : null,
      }))
      return { filter, allSections: sections, list }
    },

    async popularPage(tag?: string): Promise<PopularPage> {
      const language = await languageOf(tag)
      return { day: await popular('day', 10, language), week: await popular('week', 10, language) }
    },

    /** The published page at `path` (`/about/team`) with its trail of published pages above; NotFound otherwise. */
    async staticPage(path: string): Promise<PublishedPage> {
      const page = await store.pages.byPath(path)
      if (!page || page.status !== 'published') throw new AppError('NotFound', 'no such page')
      return { page, breadcrumbs: await store.pages.trail(ancestorPaths(path)) }
    },

    /** Where an old path now points: a Location and status, `gone` for 410, or undefined when it is not a known old path. */
    async redirectFor(pathWithQuery: string): Promise<{ status: number; location: string | null } | undefined> {
      const r = await store.redirects.find(pathWithQuery)
      if (!r) return undefined
      if (r.status === 410) return { status: 410, location: null }
      if (r.toUrl) return { status: r.status, location: r.toUrl }
      if (r.toArticleId === null) return undefined
      const live = await store.articles.livePath(r.toArticleId)
      if (!live) {
        // An old path to an article that is no longer live is gone for readers, not a loop; one to an article that is
        // not live yet (an imported draft, a scheduled piece) is simply not there until it is published.
        const status = (await store.articles.get(r.toArticleId))?.status
        return status === 'unpublished' ? { status: 410, location: null } : undefined
      }
      return { status: r.status, location: articlePath(live, (await site.get()).settings.language) }
    },

    site: () => site.get(),
    /** Live summaries as readers see them, with their public paths; for other reader use-cases (search). */
    summarize,
  }
}

export type Reading = ReturnType<typeof createReading>

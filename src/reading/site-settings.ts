// Site settings and sections, kept in memory for a few seconds: every page needs them and they rarely change.

import { siteLanguages } from '../domain/language.ts'
import { DEFAULT_SETTINGS, type MenuItem, type SiteSettings } from '../domain/site.ts'
import type { Section } from '../domain/taxonomy.ts'
import type { Clock } from '../domain/clock.ts'
import type { Store } from '../store/store.ts'

const TTL_MS = 5_000

export interface SiteContext {
  readonly settings: SiteSettings
  readonly sections: readonly Section[]
  /** The article an editor pinned as the front page's lead, if any. */
  readonly leadArticleId: number | null
  /** Published top-level pages (About, Contact…), for the footer. */
  readonly footerPages: readonly FooterPage[]
  /** Newsletters the site's pages offer a sign-up form for. */
  readonly newsletters: readonly { readonly slug: string; readonly name: string; readonly description: string; readonly language: string }[]
}

export interface FooterPage { readonly title: string; readonly path: string; readonly language: string }

/** Footer links at most: a footer is not a site map. */
const FOOTER_PAGES = 12

const str = (v: unknown, fallback: string): string => (typeof v === 'string' ? v : fallback)

function toSettings(raw: Record<string, unknown>, timeZone: string): SiteSettings {
  const social = raw.social && typeof raw.social === 'object' ? raw.social as Record<string, unknown> : {}
  const menu = Array.isArray(raw.menu) ? raw.menu as unknown[] : []
  const language = str(raw.language, DEFAULT_SETTINGS.language)
  return {
    name: str(raw.name, DEFAULT_SETTINGS.name),
    description: str(raw.description, DEFAULT_SETTINGS.description),
    logo: typeof raw.logo === 'string' ? raw.logo : null,
    // A media path; anything else (an id, a URL elsewhere) is no icon of this site.
    favicon: typeof raw.favicon === 'string' && /^[\w./-]+$/.test(raw.favicon) && !raw.favicon.includes('..') ? raw.favicon : null,
    language,
    languages: siteLanguages(raw.languages, language),
    // The configured zone wins: it is what schedules and archive dates were computed with.
    timeZone,
    social: Object.fromEntries(Object.entries(social).filter((e): e is [string, string] => typeof e[1] === 'string')),
    menu: menu.filter((m): m is MenuItem => !!m && typeof (m as MenuItem).label === 'string' && typeof (m as MenuItem).href === 'string'),
  }
}

/** A cached view of settings and sections; `invalidate()` drops it after a write. */
export function createSiteContext(deps: { store: Pick<Store, 'site' | 'taxonomy' | 'pages' | 'newsletters'>; clock: Clock; timeZone: string }) {
  let cached: { value: SiteContext; at: number } | null = null
  let pending: Promise<SiteContext> | null = null
  return {
    async get(): Promise<SiteContext> {
      const now = deps.clock.now()
      if (cached && now - cached.at < TTL_MS) return cached.value
      pending ??= (async () => {
        try {
          const [raw, sections, pages, letters] = await Promise.all([deps.store.site.settings(), deps.store.taxonomy.sections(), deps.store.pages.published(), deps.store.newsletters.list()])
          const leadArticleId = typeof raw.lead_article_id === 'number' ? raw.lead_article_id : null
          const footerPages = pages.filter((p) => p.parentId === null).slice(0, FOOTER_PAGES).map((p) => ({ title: p.title, path: p.path, language: p.language }))
          const newsletters = letters.map((n) => ({ slug: n.slug, name: n.name, description: n.description, language: n.language }))
          const value = { settings: toSettings(raw, deps.timeZone), sections, leadArticleId, footerPages, newsletters }
          cached = { value, at: deps.clock.now() }
          return value
        } finally {
          pending = null
        }
      })()
      return pending
    },
    invalidate(): void {
      cached = null
    },
  }
}

export type SiteContextCache = ReturnType<typeof createSiteContext>

// What each reader page depends on, derived from its read model: the article ids it shows and the listings it covers.

import type { PageDependencies, Scope } from '../domain/invalidation.ts'
import type { ArchivePage, ArticlePage, ArticleSummary, AuthorPage, FrontPage, PopularPage, SectionPage, TagPage } from '../domain/read-models.ts'

/** Popular follows views and picks can expire: pages with those blocks are re-rendered after this, not on every view. */
export const VIEW_BLOCK_MAX_AGE_MS = 60_000

const ids = (...lists: (readonly ArticleSummary[])[]): number[] => [...new Set(lists.flatMap((l) => l.map((a) => a.id)))]

const deps = (articleIds: number[], scopes: Scope[], maxAgeMs: number | null = null): PageDependencies => ({ articleIds, scopes, maxAgeMs })

/** The front page: lead, picks, section blocks and Popular; any publication can change which articles it shows. */
export const frontPageDependencies = (m: FrontPage): PageDependencies => deps(
  ids(m.lead ? [m.lead] : [], m.picks, ...m.sections.map((s) => s.items), m.popular),
  ['front', 'picks', 'popular', ...m.sections.map((s): Scope => `section:${s.section.id}`)],
  VIEW_BLOCK_MAX_AGE_MS,
)

/**
 * An article page: the article, its translations, related, picks and Popular. A publication elsewhere changes it only
 * through picks (a new editor's choice), its stored related list (pins, background refreshes) or an article it shows;
 * Popular is caught by the max age.
 */
export const articlePageDependencies = (m: ArticlePage): PageDependencies => deps(
  [...new Set([m.article.id, ...ids(m.related, m.picks, m.popular)])],
  ['picks', `related:${m.article.id}`],
  VIEW_BLOCK_MAX_AGE_MS,
)

export const sectionPageDependencies = (m: SectionPage): PageDependencies => deps(ids(m.list.items), [`section:${m.section.id}`])

export const tagPageDependencies = (m: TagPage): PageDependencies => deps(ids(m.list.items), [`tag:${m.tag.id}`])

export const authorPageDependencies = (m: AuthorPage): PageDependencies => deps(ids(m.list.items), [`author:${m.author.id}`])

export const archivePageDependencies = (m: ArchivePage): PageDependencies => deps(ids(m.list.items), ['archive'])

export const popularPageDependencies = (m: PopularPage): PageDependencies => deps(ids(m.day, m.week), ['popular'], VIEW_BLOCK_MAX_AGE_MS)

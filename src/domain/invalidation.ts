// What a rendered page depends on, and what a change to the site invalidates: dependency keys as plain data.

/**
 * A listing scope a page covers. `section:`, `tag:` and `author:` carry the database id; `picks` is the editor's-choice
 * block; `pages` are static pages. Articles are not scopes: they are named by id (`Invalidation.articleIds`).
 */
export type Scope =
  | 'front' | 'archive' | 'popular' | 'search' | 'feeds' | 'sitemaps' | 'picks' | 'pages'
  | `section:${number}` | `tag:${number}` | `author:${number}`
  /** A speaker's page and feeds (/people/<slug>): what live articles quote them saying. */
  | `speaker:${number}`
  /** The stored related-articles list of one article: only that article's page shows it. */
  | `related:${number}`

/** What changed: pages showing any of these articles or covering any of these scopes are stale. `all` flushes everything. */
export type Invalidation =
  | { readonly all: false; readonly articleIds: readonly number[]; readonly scopes: readonly Scope[] }
  | { readonly all: true }

/** Everything is stale: settings or sections changed, a message was lost, or a listener reconnected. */
export const FLUSH_ALL: Invalidation = Object.freeze({ all: true })

/** What a cached page shows: the ids of every article on it, the listings it covers, and how long view-driven blocks may age. */
export interface PageDependencies {
  readonly articleIds: readonly number[]
  readonly scopes: readonly Scope[]
  /** Set when the page has blocks that move without an event (Popular follows views; picks expire): re-render after this. */
  readonly maxAgeMs: number | null
}

/** Where a live article appears in listings: read before and after a change to find every listing it left or joined. */
export interface ArticlePlacement {
  readonly sectionId: number
  readonly tagIds: readonly number[]
  readonly authorIds: readonly number[]
  /** Whether it is (or was) in the editor's choice. */
  readonly editorsChoice: boolean
  /** Its live translations (and original): their pages link to it by title. */
  readonly translationIds: readonly number[]
}

/** Listings every published article appears in, whatever its section. */
const SITE_WIDE: readonly Scope[] = ['front', 'archive', 'popular', 'search', 'feeds', 'sitemaps']

/**
 * The invalidation for publishing, updating or unpublishing an article: its own page (and pages listing it), the
 * site-wide listings, and the section, tags and authors it had before and has after (a move touches both).
 * `before` is null on a first publication, `after` null on unpublishing.
 */
export function articleChanged(articleId: number, before: ArticlePlacement | null, after: ArticlePlacement | null): Invalidation {
  const scopes = new Set<Scope>(SITE_WIDE)
  const articleIds = new Set([articleId])
  for (const p of [before, after]) {
    if (!p) continue
    for (const id of p.translationIds) articleIds.add(id)
    scopes.add(`section:${p.sectionId}`)
    for (const id of p.tagIds) scopes.add(`tag:${id}`)
    for (const id of p.authorIds) scopes.add(`author:${id}`)
    if (p.editorsChoice) scopes.add('picks')
  }
  return { all: false, articleIds: [...articleIds], scopes: [...scopes] }
}

/** Whether a string is a scope this module defines (for messages that arrive from outside the process). */
export function isScope(value: unknown): value is Scope {
  return typeof value === 'string' && (/^(front|archive|popular|search|feeds|sitemaps|picks|pages)$/.test(value) || /^(section|tag|author|related):[1-9]\d{0,15}$/.test(value))
}

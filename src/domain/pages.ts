// Static pages as records: a tree of pages at paths such as /about/team, each a draft or published, in one language.

import type { SanitizedHtml } from './sanitized-html.ts'

export const PAGE_STATUSES = ['draft', 'published'] as const
export type PageStatus = (typeof PAGE_STATUSES)[number]
export const isPageStatus = (value: string): value is PageStatus => (PAGE_STATUSES as readonly string[]).includes(value)

/** How deep pages nest: `/a/b/c/d/e` at most. Menus and breadcrumbs of newsroom sites rarely go past three. */
export const PAGE_MAX_DEPTH = 5

/** A page as the desk edits it and the reader shows it once published. */
export interface Page {
  readonly id: number
  readonly parentId: number | null
  readonly slug: string
  /** `/about/team`: the parent's path and this page's slug. */
  readonly path: string
  readonly title: string
  readonly bodyHtml: SanitizedHtml
  readonly language: string
  readonly status: PageStatus
  readonly createdAt: number
  readonly updatedAt: number
  readonly publishedAt: number | null
}

/** A page in a list or a tree (no body). */
export type PageSummary = Omit<Page, 'bodyHtml'>

/** What a page held before one of its saves. */
export interface PageRevision {
  readonly id: number
  readonly pageId: number
  readonly title: string
  readonly bodyHtml: SanitizedHtml
  readonly savedBy: number | null
  readonly savedAt: number
}

/** A link of a page's breadcrumb trail, from the top page down to its parent. */
export interface Breadcrumb {
  readonly title: string
  readonly path: string
}

/** A published page with the trail of published pages above it, as the reader renders it. */
export interface PublishedPage {
  readonly page: Page
  readonly breadcrumbs: readonly Breadcrumb[]
}

/** The path of a page with `slug` under a parent at `parentPath` (null for the top). */
export const childPath = (parentPath: string | null, slug: string): string => `${parentPath ?? ''}/${slug}`

/** How many levels down a path is: 1 for `/about`, 2 for `/about/team`. */
export const pathDepth = (path: string): number => path.split('/').length - 1

/** The paths above `path`, top first: `/a/b/c` → `/a`, `/a/b`. */
export function ancestorPaths(path: string): string[] {
  const segments = path.split('/').slice(1, -1)
  return segments.map((_, i) => `/${segments.slice(0, i + 1).join('/')}`)
}

/** Whether `path` lies below `root` (`/about/team` below `/about`, never `/aboutus`). */
export const isBelow = (path: string, root: string): boolean => path.startsWith(`${root}/`)

/** A page path as typed or linked: `/` then one to PAGE_MAX_DEPTH slugs. */
export const PAGE_PATH = /^(\/[a-z0-9]+(?:-[a-z0-9]+)*){1,5}$/

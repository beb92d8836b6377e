// The rules of the page tree inside one transaction: where a page may sit, and what a move does to the paths below it.

import { isReservedSegment } from '../domain/paths.ts'
import { childPath, isBelow, PAGE_MAX_DEPTH, pathDepth, type Page, type PageSummary } from '../domain/pages.ts'
import { AppError } from '../errors.ts'
import type { Repositories } from '../store/store.ts'

const invalid = (field: string, message: string) => new AppError('Invalid', message, field)

/** The parent page `parentId` names, or null for the top; Invalid when there is none. */
export async function parentOf(tx: Repositories, parentId: number | null): Promise<Page | null> {
  if (parentId === null) return null
  const parent = await tx.pages.byId(parentId)
  if (!parent) throw invalid('parent', 'the parent page does not exist')
  return parent
}

/**
 * Checks that a page (`selfId`, null when new) may take `path` with the pages below it at `subtreeDepth` levels more:
 * not deeper than PAGE_MAX_DEPTH, not a reserved path or a section at the top, not another page's path. Sections keep
 * their whole path family (`/news/…` is articles), so a page below a section cannot exist either: its top would be one.
 */
export async function checkPagePath(tx: Repositories, path: string, selfId: number | null, subtreeDepth = 0): Promise<void> {
  if (pathDepth(path) + subtreeDepth > PAGE_MAX_DEPTH) {
    throw invalid('parent', `pages nest at most ${PAGE_MAX_DEPTH} levels deep; ${path} would put a page deeper`)
  }
  if (pathDepth(path) === 1) {
    const slug = path.slice(1)
    if (isReservedSegment(slug)) throw invalid('slug', `"${slug}" is a reserved address of the site and cannot be a page`)
    if (await tx.taxonomy.sectionBySlug(slug)) throw invalid('slug', `${path} is the address of a section`)
  }
  const holder = await tx.pages.byPath(path)
  if (holder && holder.id !== selfId) throw invalid('slug', `${path} is the address of another page ("${holder.title}")`)
}

/** Whether the section slug `slug` would take the address of a page (sections and top-level pages share `/<slug>`). */
export async function pageHoldsSectionPath(tx: Repositories, slug: string): Promise<boolean> {
  return !!(await tx.pages.byPath(`/${slug}`))
}

/** How many levels the deepest page below `path` lies under it (0 without children). */
export const subtreeDepth = (path: string, below: readonly PageSummary[]): number =>
  Math.max(0, ...below.map((p) => pathDepth(p.path) - pathDepth(path)))

/**
 * Moves `page` (and every page below it) to `newParent`/`newSlug`: paths rewritten, and a 301 left from each old path of
 * a published page to its new one. Throws Invalid when the page would sit below itself or its new path is taken.
 * Returns the old and new path of every page that moved.
 */
export async function movePageIn(tx: Repositories, page: Page, newParent: Page | null, newSlug: string, now: number): Promise<{ from: string; to: string }[]> {
  if (newParent && (newParent.id === page.id || isBelow(newParent.path, page.path))) {
    throw invalid('parent', 'a page cannot sit below itself or one of its own pages')
  }
  const path = childPath(newParent?.path ?? null, newSlug)
  if (path === page.path) return []
  const below = await tx.pages.below(page.path)
  await checkPagePath(tx, path, page.id, subtreeDepth(page.path, below))
  const moves = [{ page: page as PageSummary, to: path }, ...below.map((p) => ({ page: p, to: path + p.path.slice(page.path.length) }))]
  for (const m of moves) {
    if (m.page.id !== page.id && (await tx.pages.byPath(m.to))) throw invalid('slug', `${m.to} is the address of another page`)
  }
  // Top first: a parent's new path is written before its children's, and no two rows ever hold one path.
  for (const m of moves) {
    await tx.pages.update(m.page.id, m.page.id === page.id ? { parentId: newParent?.id ?? null, slug: newSlug, path: m.to, updatedAt: now } : { path: m.to })
    // The new address is live now: an older redirect from it would never be reached, and would mislead the list.
    await tx.redirects.remove(m.to)
    if (m.page.status === 'published') {
      await tx.redirects.put({ fromPath: m.page.path, status: 301, toArticleId: null, toUrl: m.to, kind: 'slug', createdAt: now })
    }
  }
  return moves.map((m) => ({ from: m.page.path, to: m.to }))
}

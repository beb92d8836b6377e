// The site's main menu: an ordered list of links (a label and a path on this site or an https address), stored as the
// `menu` setting. Edited row by row from the desk and the Admin API; one transaction, audited, every page told.

import type { Clock } from '../domain/clock.ts'
import { FLUSH_ALL } from '../domain/invalidation.ts'
import { sectionPath } from '../domain/paths.ts'
import type { MenuItem } from '../domain/site.ts'
import { AppError } from '../errors.ts'
import type { SiteContextCache } from '../reading/site-settings.ts'
import type { Store } from '../store/store.ts'
import type { Actor } from './article-access.ts'
import { requirePermission } from './permission.ts'

/** Items of the main menu at most: more do not fit a masthead on a phone, let alone a desktop. */
export const MENU_MAX = 20
export const MENU_LABEL_MAX = 60
export const MENU_HREF_MAX = 300

/** One row as a form or a JSON body sends it: a label and either a typed path/address or a picked page or section path. */
export interface MenuRowInput {
  readonly label?: unknown
  readonly href?: unknown
  /** The path of a page or section chosen from the list; wins over `href`, and lends its title when the label is empty. */
  readonly pick?: unknown
}

/** Something the menu may link to by picking it. */
export interface MenuChoice {
  readonly kind: 'page' | 'section'
  readonly label: string
  readonly path: string
}

const invalid = (field: string, message: string) => new AppError('Invalid', message, field)
const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '')

/** A menu target: a path of this site (`/about/team`, `/tag/energy?x=1`) or an https address. Throws Invalid naming `field`. */
export function menuHref(value: string, field: string): string {
  if (value.length > MENU_HREF_MAX) throw invalid(field, `the address must be at most ${MENU_HREF_MAX} characters`)
  if (value.startsWith('/')) {
    // `//host` and `/\host` are other sites to a browser; whitespace and control characters are never in a path.
    if (value.startsWith('//') || /[\s\\]/.test(value) || [...value].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127)) throw invalid(field, `"${value}" is not a path on this site`)
    return value
  }
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw invalid(field, `"${value}" must be a path on this site (starting with /) or an https:// address`)
  }
  if (url.protocol !== 'https:' || !url.hostname) throw invalid(field, `"${value}" must be a path on this site (starting with /) or an https:// address`)
  return url.href
}

/**
 * Checks rows in order: blank rows are dropped; every other row needs a label (or a picked page or section that lends
 * its title) and a target. Throws Invalid naming the first bad row's field (`label_3`, `href_3`, `pick_3`; 1-based).
 */
export function checkMenu(rows: readonly MenuRowInput[], choices: readonly MenuChoice[]): MenuItem[] {
  const items: MenuItem[] = []
  for (const [i, row] of rows.entries()) {
    const n = i + 1
    const [label, href, pick] = [text(row.label), text(row.href), text(row.pick)]
    if (!label && !href && !pick) continue
    const chosen = pick ? choices.find((c) => c.path === pick) : undefined
    if (pick && !chosen) throw invalid(`pick_${n}`, `menu row ${n}: there is no page or section at ${pick}`)
    const name = label || chosen?.label || ''
    if (!name) throw invalid(`label_${n}`, `menu row ${n} needs a label`)
    if (name.length > MENU_LABEL_MAX) throw invalid(`label_${n}`, `menu row ${n}: the label must be at most ${MENU_LABEL_MAX} characters`)
    if (!chosen && !href) throw invalid(`href_${n}`, `menu row ${n} needs an address or a page or section to link to`)
    items.push({ label: name, href: chosen ? chosen.path : menuHref(href, `href_${n}`) })
  }
  if (items.length > MENU_MAX) throw invalid('menu', `the menu may have at most ${MENU_MAX} items`)
  return items
}

export interface MenuDeskDeps {
  readonly store: Store
  readonly clock: Clock
  readonly site: SiteContextCache
}

/** The menu use-case: what the menu holds, what it may link to, and saving it (editors and admins). */
export function createMenuDesk({ store, clock, site }: MenuDeskDeps) {
  const authorize = (actor: Actor): void => requirePermission(actor, 'menu.manage')
  /** Published pages and every section, for picking. */
  async function choices(): Promise<MenuChoice[]> {
    const [pages, sections] = await Promise.all([store.pages.published(), store.taxonomy.sections()])
    return [
      ...sections.map((s): MenuChoice => ({ kind: 'section', label: s.name, path: sectionPath(s.slug) })),
      ...pages.map((p): MenuChoice => ({ kind: 'page', label: p.title, path: p.path })),
    ]
  }

  return {
    /** The menu as stored (empty: the reader shows the sections). */
    async items(actor: Actor): Promise<readonly MenuItem[]> {
      authorize(actor)
      return (await site.get()).settings.menu
    },

    async choices(actor: Actor): Promise<MenuChoice[]> {
      authorize(actor)
      return choices()
    },

    /** Replaces the menu with `rows` (checked first; nothing changes when one is bad). Returns what was stored. */
    async save(actor: Actor, rows: readonly MenuRowInput[]): Promise<MenuItem[]> {
      authorize(actor)
      if (!Array.isArray(rows)) throw invalid('menu', 'the menu is a list of items')
      if (rows.length > MENU_MAX * 2) throw invalid('menu', `the menu may have at most ${MENU_MAX} items`)
      const items = checkMenu(rows, await choices())
      await store.transaction(async (tx) => {
        const now = clock.now()
        await tx.site.setSetting('menu', items)
        await tx.audit.record({ userId: actor.userId, action: 'menu.update', subjectType: 'settings', subjectId: 'menu', details: { items: items.length }, at: now })
        // The masthead is on every page.
        await tx.invalidations.record(FLUSH_ALL)
      })
      site.invalidate()
      return items
    },
  }
}

export type MenuDesk = ReturnType<typeof createMenuDesk>

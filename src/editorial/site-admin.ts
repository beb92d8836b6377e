// Changing the site's settings from the desk (languages: site-languages.ts): name, description, social accounts, logo, menu and static pages.

import { sanitizeBody } from '../content/sanitize.ts'
import { FLUSH_ALL } from '../domain/invalidation.ts'
import type { MenuItem, SiteSettingsForm } from '../domain/site.ts'
import { AppError } from '../errors.ts'
import type { Repositories } from '../store/store.ts'

/** Networks the site's footer links to, in the order shown. */
export const SOCIAL_NETWORKS = ['x', 'facebook', 'instagram', 'linkedin', 'youtube', 'telegram', 'mastodon', 'bluesky'] as const
/** The static pages the desk edits (each at `/<slug>`). */
export const EDITABLE_PAGES = [{ slug: 'about', title: 'About' }, { slug: 'contact', title: 'Contact' }, { slug: 'privacy', title: 'Privacy' }] as const
export const MENU_MAX = 12
/** Characters of a static page's HTML; the desk's form bodies stop at 64 KiB for all three pages together. */
export const PAGE_MAX = 20_000


const invalid = (field: string, message: string) => new AppError('Invalid', message, field)

function textOf(value: string, field: string, label: string, max: number, required: boolean): string {
  const t = value.trim()
  if (required && !t) throw invalid(field, `${label} is required`)
  if (t.length > max) throw invalid(field, `${label} must be at most ${max} characters`)
  return t
}

function webUrl(value: string, field: string, label: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw invalid(field, `${label} must be a full address starting with https://`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalid(field, `${label} must start with https://`)
  return url.href
}

/** "Label | /path" lines → menu items; a path on this site or an http(s) address. */
export function parseMenu(text: string): MenuItem[] {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)
  if (lines.length > MENU_MAX) throw invalid('menu', `the menu may have at most ${MENU_MAX} items`)
  return lines.map((line, i) => {
    const bar = line.lastIndexOf('|')
    const label = bar === -1 ? '' : line.slice(0, bar).trim()
    const href = bar === -1 ? '' : line.slice(bar + 1).trim()
    if (!label || !href) throw invalid('menu', `menu line ${i + 1} must be "Label | /path"`)
    if (label.length > 60) throw invalid('menu', `menu line ${i + 1}: the label must be at most 60 characters`)
    if (href.startsWith('/')) {
      if (href.startsWith('//') || /[\s\\]/.test(href) || href.length > 300) throw invalid('menu', `menu line ${i + 1}: "${href}" is not a path on this site`)
      return { label, href }
    }
    return { label, href: webUrl(href, 'menu', `menu line ${i + 1}`) }
  })
}

/**
 * Checks every field, then writes them all and records that every page is stale (the masthead, menu and footer are on
 * all of them). Throws AppError('Invalid') naming the first bad field, having written nothing.
 */
export async function saveSiteSettings(tx: Repositories, input: SiteSettingsForm, ctx: { readonly actorId: number; readonly now: number }): Promise<void> {
  const { now } = ctx
  const name = textOf(input.name, 'name', 'the site name', 120, true)
  const description = textOf(input.description, 'description', 'the description', 300, false)
  const social: Record<string, string> = {}
  for (const network of SOCIAL_NETWORKS) {
    const v = (input.social[network] ?? '').trim()
    if (v) social[network] = webUrl(v, `social_${network}`, `the ${network} address`)
  }
  let logo: string | null = null
  if (input.logo === 'current') {
    const stored = (await tx.site.settings()).logo
    logo = typeof stored === 'string' ? stored : null
  } else if (input.logo.trim()) {
    const id = Number(input.logo)
    const media = Number.isSafeInteger(id) && id > 0 ? await tx.media.get(id) : undefined
    if (!media) throw invalid('logo', 'the logo must be an image of the media library')
    logo = media.path
  }
  const menu = parseMenu(input.menu)
  const pages = EDITABLE_PAGES.map(({ slug, title: label }) => {
    const p = input.pages[slug] ?? { title: '', body: '' }
    const title = textOf(p.title, `page_${slug}_title`, `the title of ${label}`, 200, false)
    if (p.body.length > PAGE_MAX) throw invalid(`page_${slug}_body`, `the text of ${label} must be at most ${PAGE_MAX} characters`)
    const body = sanitizeBody(p.body, `page_${slug}_body`)
    if (body && !title) throw invalid(`page_${slug}_title`, `the ${label} page needs a title`)
    return { slug, title, body }
  })

  await tx.site.setSetting('name', name)
  await tx.site.setSetting('description', description)
  await tx.site.setSetting('social', social)
  await tx.site.setSetting('logo', logo)
  await tx.site.setSetting('menu', menu)
  for (const p of pages) {
    // A page with neither title nor text is taken off the site.
    if (!p.title && !p.body) await tx.site.deletePage(p.slug)
    else await tx.site.savePage({ slug: p.slug, title: p.title, bodyHtml: p.body, updatedAt: now })
  }
  await tx.audit.record({ userId: ctx.actorId, action: 'settings.update', subjectType: 'settings', subjectId: null, details: {}, at: now })
  await tx.invalidations.record(FLUSH_ALL)
}

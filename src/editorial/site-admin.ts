// Changing the site's settings from the desk: name, description, social accounts and logo; the site's languages
// (site-languages.ts), the menu (menu.ts) and static pages (pages.ts) have their own use-cases.

import { FLUSH_ALL } from '../domain/invalidation.ts'
import type { SiteSettingsForm } from '../domain/site.ts'
import { AppError } from '../errors.ts'
import type { Repositories, Store } from '../store/store.ts'
import type { Clock } from '../domain/clock.ts'
import type { SiteContextCache } from '../reading/site-settings.ts'
import type { Actor } from './article-access.ts'
import { requirePermission } from './permission.ts'
import { rotatePreviewSecret } from './preview.ts'
import { saveSiteLanguages, type SiteLanguageRow } from './site-languages.ts'

/** Networks the site's footer links to, in the order shown. */
export const SOCIAL_NETWORKS = ['x', 'facebook', 'instagram', 'linkedin', 'youtube', 'telegram', 'mastodon', 'bluesky'] as const
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

/**
 * Checks every field, then writes them all and records that every page is stale (the masthead, menu and footer are on
 * all of them). Throws AppError('Invalid') naming the first bad field, having written nothing.
 */
export async function saveSiteSettings(tx: Repositories, input: SiteSettingsForm, ctx: { readonly actor: Actor; readonly now: number }): Promise<void> {
  requirePermission(ctx.actor, 'settings.manage')
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

  await tx.site.setSetting('name', name)
  await tx.site.setSetting('description', description)
  await tx.site.setSetting('social', social)
  await tx.site.setSetting('logo', logo)
  await tx.audit.record({ userId: ctx.actor.userId, action: 'settings.update', subjectType: 'settings', subjectId: null, details: {}, at: now })
  await tx.invalidations.record(FLUSH_ALL)
}

/** The settings page's use-cases, for whoever may change the site settings (admins). */
export function createSiteAdmin({ store, clock, site }: { readonly store: Store; readonly clock: Clock; readonly site: SiteContextCache }) {
  return {
    /** The settings form as the stored settings fill it. */
    async form(actor: Actor): Promise<SiteSettingsForm> {
      requirePermission(actor, 'settings.manage')
      const { settings } = await site.get()
      return {
        name: settings.name, description: settings.description, social: settings.social,
        logo: settings.logo ? 'current' : '',
      }
    },

    /** A new secret for preview links, after which every link made so far stops working (preview.ts rotatePreviewSecret). */
    async rotatePreviewSecret(actor: Actor): Promise<void> {
      requirePermission(actor, 'settings.manage')
      await store.transaction((tx) => rotatePreviewSecret(tx, actor.userId, clock.now()))
    },

    /** Saves the site's languages (site-languages.ts saveSiteLanguages), then drops this instance's settings cache. */
    async saveLanguages(actor: Actor, rows: readonly SiteLanguageRow[]): Promise<void> {
      requirePermission(actor, 'settings.manage')
      await store.transaction((tx) => saveSiteLanguages(tx, rows, { actor: { id: actor.userId, role: actor.role }, now: clock.now() }))
      site.invalidate()
    },

    /** Saves the whole form (saveSiteSettings), then drops this instance's settings cache; other instances follow the invalidation. */
    async save(actor: Actor, input: SiteSettingsForm): Promise<void> {
      await store.transaction((tx) => saveSiteSettings(tx, input, { actor, now: clock.now() }))
      site.invalidate()
    },
  }
}

export type SiteAdmin = ReturnType<typeof createSiteAdmin>

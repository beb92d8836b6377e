// Changing the site's settings from the desk: name, description, language, social accounts and logo. The menu and
// static pages have their own use-cases (menu.ts, pages.ts).

import { FLUSH_ALL } from '../domain/invalidation.ts'
import { isLanguageTag } from '../domain/language.ts'
import type { SiteSettingsForm } from '../domain/site.ts'
import { AppError } from '../errors.ts'
import type { Repositories } from '../store/store.ts'

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
export async function saveSiteSettings(tx: Repositories, input: SiteSettingsForm, ctx: { readonly actorId: number; readonly now: number }): Promise<void> {
  const { now } = ctx
  const name = textOf(input.name, 'name', 'the site name', 120, true)
  const description = textOf(input.description, 'description', 'the description', 300, false)
  const language = input.language.trim()
  if (!isLanguageTag(language)) throw invalid('language', 'the language must be a language tag such as en, ru or pt-BR')
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
  await tx.site.setSetting('language', language)
  await tx.site.setSetting('social', social)
  await tx.site.setSetting('logo', logo)
  await tx.audit.record({ userId: ctx.actorId, action: 'settings.update', subjectType: 'settings', subjectId: null, details: {}, at: now })
  await tx.invalidations.record(FLUSH_ALL)
}

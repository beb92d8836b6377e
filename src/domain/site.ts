// Site settings; static pages are in pages.ts.

import { siteLanguages, type SiteLanguage } from './language.ts'

export interface MenuItem {
  readonly label: string
  readonly href: string
}

/**
 * The desk's settings form as it arrives, unchecked, and as it is shown again.
 * editorial/site-admin.ts checks and saves it; render/desk/settings-page.ts draws it.
 */
export interface SiteSettingsForm {
  readonly name: string
  readonly description: string
  readonly social: Readonly<Record<string, string>>
  /** A media id, '' for a text masthead, or 'current' to keep the logo as it is. */
  readonly logo: string
}

export interface SiteSettings {
  readonly name: string
  readonly description: string
  /** Media path of the logo, or null for a text masthead. */
  readonly logo: string | null
  /** Media path of the site icon, or null for the icon drawn from the site's name. */
  readonly favicon: string | null
  /** The default language: the first of `languages`. */
  readonly language: string
  /** Every language the site is published in, the default first (domain/language.ts, siteLanguages). */
  readonly languages: readonly SiteLanguage[]
  readonly timeZone: string
  /** Network name → profile URL ("x" → "https://x.com/…"). */
  readonly social: Readonly<Record<string, string>>
  readonly menu: readonly MenuItem[]
}

export const DEFAULT_SETTINGS: SiteSettings = {
  name: 'Broadsheet',
  description: 'News, analysis and commentary',
  logo: null,
  favicon: null,
  language: 'en',
  languages: siteLanguages([], 'en'),
  timeZone: 'UTC',
  social: {},
  menu: [],
}

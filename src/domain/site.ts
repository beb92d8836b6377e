// Site settings and static pages.

import type { SanitizedHtml } from './sanitized-html.ts'

export interface MenuItem {
  readonly label: string
  readonly href: string
}

export interface SiteSettings {
  readonly name: string
  readonly description: string
  /** Media path of the logo, or null for a text masthead. */
  readonly logo: string | null
  readonly language: string
  readonly timeZone: string
  /** Network name → profile URL ("x" → "https://x.com/…"). */
  readonly social: Readonly<Record<string, string>>
  readonly menu: readonly MenuItem[]
}

export interface StaticPage {
  readonly id: number
  readonly slug: string
  readonly title: string
  readonly bodyHtml: SanitizedHtml
  readonly updatedAt: number
}

export const DEFAULT_SETTINGS: SiteSettings = {
  name: 'Broadsheet',
  description: 'News, analysis and commentary',
  logo: null,
  language: 'en',
  timeZone: 'UTC',
  social: {},
  menu: [],
}

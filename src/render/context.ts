// What every page template needs besides its own read model.

import type { SiteSettings } from '../domain/site.ts'
import type { Section } from '../domain/taxonomy.ts'

export interface RenderContext {
  readonly settings: SiteSettings
  readonly sections: readonly Section[]
  /** Canonical base URL without a trailing slash. */
  readonly siteUrl: string
  /** URLs of fingerprinted static assets. */
  readonly assets: { readonly css: string; readonly printCss: string; readonly beacon: string }
  /** The current year, for the footer; passed in so templates stay pure. */
  readonly year: number
}

export const absoluteUrl = (ctx: RenderContext, path: string): string => ctx.siteUrl + path

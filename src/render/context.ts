// What every page template needs besides its own read model.

import { localizedPath, type SiteLanguage } from '../domain/language.ts'
import type { SiteSettings } from '../domain/site.ts'
import type { Section } from '../domain/taxonomy.ts'
import type { Catalogue } from '../i18n/catalogue.ts'

export interface RenderContext {
  readonly settings: SiteSettings
  readonly sections: readonly Section[]
  /** Published top-level pages for the footer (title, path, language); none when absent. */
  readonly footerPages?: readonly { readonly title: string; readonly path: string; readonly language: string }[]
  /** Newsletters readers may sign up for (slug, name, description, language); none when absent. */
  readonly newsletters?: readonly { readonly slug: string; readonly name: string; readonly description: string; readonly language: string }[]
  /** The site language the page is in: its interface text, its paths' prefix. */
  readonly language: SiteLanguage
  /** The interface text of that language. */
  readonly t: Catalogue
  /** Canonical base URL without a trailing slash. */
  readonly siteUrl: string
  /** URLs of fingerprinted static assets. */
  readonly assets: { readonly css: string; readonly printCss: string; readonly beacon: string; readonly suggest?: string }
  /** The current year, for the footer; passed in so templates stay pure. */
  readonly year: number
}

export const absoluteUrl = (ctx: RenderContext, path: string): string => ctx.siteUrl + path

/** A path of the default language (`/`, `/news`, `/tag/energy`) as it is in the page's language (`/ru`, `/ru/news`). */
export const localPath = (ctx: RenderContext, path: string): string => localizedPath(ctx.language.prefix, path)

/** A section's name in the page's language. */
export const sectionName = (ctx: RenderContext, section: { readonly slug: string; readonly name: string }): string =>
  ctx.language.sectionNames[section.slug] ?? section.name

/** The site's tagline in the page's language. */
export const siteDescription = (ctx: RenderContext): string => ctx.language.description ?? ctx.settings.description

// What every page template needs besides its own read model.

import { localizedPath, type SiteLanguage } from '../domain/language.ts'
import { absoluteMediaUrl, publicBodyMedia, publicMediaUrl } from '../domain/media.ts'
import type { SanitizedHtml } from '../domain/sanitized-html.ts'
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
  /** MEDIA_PUBLIC_URL (no trailing slash) when media are served from a public bucket or CDN; absent or null: /media/. */
  readonly mediaBase?: string | null
}

/** An absolute URL of a site path; a `/media/` path goes to the public media base when there is one. */
export const absoluteUrl = (ctx: RenderContext, path: string): string => absoluteMediaUrl(path, ctx.siteUrl, ctx.mediaBase)

/** A media URL (`/media/<key>`) as pages link it: at the public media base when there is one, else as it is. */
export const mediaSrc = (ctx: RenderContext, url: string): string => publicMediaUrl(url, ctx.mediaBase)

/** A stored body (article, page) as readers get it: its `/media/` links at the public media base when there is one. */
export const readerBody = (ctx: RenderContext, body: SanitizedHtml): SanitizedHtml => publicBodyMedia(body, ctx.mediaBase)

/** A path of the default language (`/`, `/news`, `/tag/energy`) as it is in the page's language (`/ru`, `/ru/news`). */
export const localPath = (ctx: RenderContext, path: string): string => localizedPath(ctx.language.prefix, path)

/** A section's name in the page's language. */
export const sectionName = (ctx: RenderContext, section: { readonly slug: string; readonly name: string }): string =>
  ctx.language.sectionNames[section.slug] ?? section.name

/** The site's tagline in the page's language. */
export const siteDescription = (ctx: RenderContext): string => ctx.language.description ?? ctx.settings.description

// The publisher logo when the site has none uploaded: an SVG wordmark of the site's name, under a fingerprinted URL.

import { absoluteUrl, type RenderContext } from './context.ts'
import { escapeHtml } from './html.ts'
import { SHARE_IMAGE } from '../domain/media.ts'

/** Google's box for publisher logos: at most 600 × 60 pixels. */
const MAX_WIDTH = 600
const HEIGHT = 60
const FONT_SIZE = 36
/** A rough advance width of a serif capital-and-lowercase mix at FONT_SIZE, to size the box to the name. */
const ADVANCE = 21

/** The wordmark: the name in a serif face, fitted into at most 600 × 60. */
export function publisherLogoSvg(name: string): { svg: string; width: number; height: number } {
  const text = escapeHtml(name.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')) // eslint-disable-line no-control-regex
  const natural = Math.ceil([...name].length * ADVANCE) + 24
  const width = Math.max(HEIGHT, Math.min(MAX_WIDTH, natural))
  // A name longer than the box is squeezed to fit rather than cut.
  const fit = natural > MAX_WIDTH ? ` textLength="${MAX_WIDTH - 24}" lengthAdjust="spacingAndGlyphs"` : ''
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${HEIGHT}" viewBox="0 0 ${width} ${HEIGHT}" role="img" aria-label="${text}">`
    + `<rect width="100%" height="100%" fill="#ffffff"/>`
    + `<text x="12" y="42" font-family="Georgia, 'Times New Roman', serif" font-size="${FONT_SIZE}" font-weight="700" fill="#111111"${fit}>${text}</text></svg>`
  return { svg, width, height: HEIGHT }
}

/** FNV-1a (32 bit) as 8 hex digits: a pure content fingerprint (render/ may not use node:crypto). */
function fingerprint(s: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h.toString(16).padStart(8, '0')
}

/** The URL path of the wordmark of `name`; it changes whenever the drawing does. */
export const publisherLogoPath = (name: string): string => `/assets/publisher-logo.${fingerprint(publisherLogoSvg(name).svg)}.svg`

/** The schema.org ImageObject of the publisher's logo: the uploaded logo, else the wordmark. */
export function publisherLogo(ctx: RenderContext): { '@type': 'ImageObject'; url: string; width?: number; height?: number } {
  if (ctx.settings.logo) return { '@type': 'ImageObject', url: absoluteUrl(ctx, `/media/${ctx.settings.logo}`) }
  const { width, height } = publisherLogoSvg(ctx.settings.name)
  return { '@type': 'ImageObject', url: absoluteUrl(ctx, publisherLogoPath(ctx.settings.name)), width, height }
}

/** The site icon when none is uploaded: the wordmark's first letter, in its face, on a square. */
export function siteIconSvg(name: string): string {
  const letter = escapeHtml([...name.trim()][0]?.toUpperCase() ?? 'B')
  return `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">`
    + `<rect width="64" height="64" rx="10" fill="#111111"/>`
    + `<text x="32" y="46" text-anchor="middle" font-family="Georgia, 'Times New Roman', serif" font-size="44" font-weight="700" fill="#ffffff">${letter}</text></svg>`
}

/** The URL path of the generated icon of `name`; it changes whenever the drawing does. */
export const siteIconPath = (name: string): string => `/assets/site-icon.${fingerprint(siteIconSvg(name))}.svg`

/** Where the site's icon is: the uploaded one (settings `favicon`, a media path), else the generated one. */
export const siteIconUrl = (settings: { readonly name: string; readonly favicon: string | null }): string =>
  settings.favicon ? `/media/${settings.favicon}` : siteIconPath(settings.name)

/**
 * The share card of a page without a hero image (og:image): the wordmark's name, large, on a 1200×630 white card with
 * a rule, drawn as SVG here and made a JPEG by media/share-image.ts (social networks refuse SVG).
 */
export function siteCardSvg(name: string): string {
  const { width, height } = SHARE_IMAGE
  const text = escapeHtml(name.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')) // eslint-disable-line no-control-regex
  // A bold serif takes up to about 0.72 em a character (DejaVu Serif, where Georgia is missing): a long name gets a
  // smaller size rather than running off the card (librsvg ignores textLength).
  const size = Math.max(32, Math.min(96, Math.floor((width - 160) / (Math.max(1, [...name].length) * 0.72))))
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`
    + `<rect width="${width}" height="${height}" fill="#ffffff"/><rect x="80" y="${height / 2 + 60}" width="${width - 160}" height="6" fill="#111111"/>`
    + `<text x="80" y="${height / 2 + 20}" font-family="Georgia, 'DejaVu Serif', 'Times New Roman', serif" font-size="${size}" font-weight="700" fill="#111111">${text}</text></svg>`
}

/** The URL path of the share card of `name`; it changes whenever the drawing does. */
export const siteCardPath = (name: string): string => `/share/site.${fingerprint(siteCardSvg(name))}.jpg`

// A Ghost post's body: its HTML (or Mobiledoc rendered), Ghost's cards as the editor's markup, links onto our addresses.

import { embedMarkup } from '../embed-markup.ts'
import type { GhostPost } from './ghost-export.ts'
import { renderMobiledoc } from './mobiledoc.ts'

/** Where Ghost 4 and later write the site's own address in stored content. */
export const GHOST_URL = '__GHOST_URL__'

/** Why a post without `html` cannot be read, when only Lexical (Ghost 5+) is there. */
export const NEEDS_HTML = 'needs html: the post has only Lexical content, and Ghost\'s Lexical renderer needs a browser DOM (jsdom; 107 packages, 67 MB), '
  + 'so it is not bundled; export again from a Ghost that writes html, or paste the text on the desk'

export type GhostBody =
  | { readonly ok: true; readonly html: string; readonly from: 'html' | 'mobiledoc' | 'empty'; readonly unknownCards: readonly string[] }
  | { readonly ok: false; readonly reason: string }

/** Ghost's image and embed cards as the editor's figures and players; other kg- classes go to the sanitizer, which reports them. */
function editorMarkup(html: string): string {
  return html
    // srcset and sizes name Ghost's resized copies (content/images/size/w600/…), which this site does not have.
    .replace(/<img\b[^>]*>/gi, (img) => img.replace(/\s(?:srcset|sizes)\s*=\s*(?:"[^"]*"|'[^']*')/gi, ''))
    .replace(/<figure\b[^>]*\bkg-(?:image|gallery)-card\b[^>]*>/g, '<figure class="image">')
    .replace(/<figure\b[^>]*\bkg-embed-card\b[^>]*>\s*<iframe\b[^>]*\bsrc="([^"]+)"[^>]*>\s*<\/iframe>([\s\S]*?)<\/figure>/g,
      (whole, src: string) => embedMarkup(src.startsWith('//') ? `https:${src}` : src) ?? whole)
}

/** The body of `post`: its `html`, else its Mobiledoc rendered; a Lexical-only post is refused (see NEEDS_HTML). */
export function ghostBody(post: GhostPost): GhostBody {
  if (post.html !== null) return { ok: true, html: editorMarkup(post.html), from: 'html', unknownCards: [] }
  if (post.mobiledoc !== null) {
    const notes = { unknownCards: [] as string[] }
    try {
      return { ok: true, html: renderMobiledoc(post.mobiledoc, notes), from: 'mobiledoc', unknownCards: notes.unknownCards }
    } catch (err) {
      return { ok: false, reason: `the mobiledoc could not be read: ${(err as Error).message}` }
    }
  }
  if (post.lexical !== null) return { ok: false, reason: NEEDS_HTML }
  return { ok: true, html: '', from: 'empty', unknownCards: [] }
}

/** The path (with query and fragment) of an address on the old site, or null when it points elsewhere. */
export function ghostPath(url: string, siteUrl: string | null): string | null {
  if (url.startsWith(GHOST_URL)) return url.slice(GHOST_URL.length) || '/'
  if (url.startsWith('/') && !url.startsWith('//')) return url
  if (!siteUrl) return null
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return null
  }
  const site = new URL(siteUrl)
  const host = (h: string) => h.replace(/^www\./, '').toLowerCase()
  return /^https?:$/.test(u.protocol) && host(u.hostname) === host(site.hostname) ? `${u.pathname}${u.search}${u.hash}` : null
}

/**
 * Rewrites every `href` and `src` that points at the old site: `resolve` gives the new address of a path (null: leave
 * it), images under /content/ keep the old site's address (absolute when it is known) for the media import.
 */
export function rewriteLinks(html: string, siteUrl: string | null, resolve: (path: string) => string | null): string {
  return html.replace(/\b(href|src)=(["'])(.*?)\2/g, (whole, attr: string, quote: string, value: string) => {
    const path = ghostPath(value.replace(/&amp;/g, '&'), siteUrl)
    if (path === null) return whole
    const target = path.startsWith('/content/') ? `${siteUrl ?? ''}${path}` : resolve(path) ?? (value.startsWith(GHOST_URL) ? path : null)
    return target === null ? whole : `${attr}=${quote}${target.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}${quote}`
  })
}

/** A feature image's address as the report and the media import want it: absolute when the site is known. */
export const imageAddress = (url: string, siteUrl: string | null): string => {
  const path = ghostPath(url, siteUrl)
  return path !== null && path.startsWith('/content/') ? `${siteUrl ?? ''}${path}` : url
}

// The one sanitizer: every path that stores an article body or page passes through this allowlist.

import sanitizeHtml from 'sanitize-html'
import type { SanitizedHtml } from '../domain/sanitized-html.ts'

/** Hosts whose players may be embedded in an iframe; anything else is dropped. */
const EMBED_HOSTS = ['www.youtube-nocookie.com', 'www.youtube.com', 'player.vimeo.com', 'framatube.org', 'peertube.tv']

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'h2', 'h3', 'h4', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'a', 'br', 'hr', 'ul', 'ol', 'li',
    'blockquote', 'cite', 'q', 'figure', 'figcaption', 'img', 'small', 'code', 'pre', 'abbr',
    'table', 'thead', 'tbody', 'tr', 'th', 'td', 'caption', 'iframe', 'aside',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'hreflang'],
    img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading', 'data-media-id'],
    iframe: ['src', 'title', 'width', 'height', 'allowfullscreen', 'loading'],
    blockquote: ['class', 'cite'],
    figure: ['class'],
    aside: ['class'],
    abbr: ['title'],
    th: ['scope', 'colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
    ol: ['start'],
  },
  allowedClasses: {
    blockquote: ['pull-quote'],
    figure: ['embed', 'embed-video', 'image', 'wide'],
    aside: ['embed-card'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  allowedIframeHostnames: EMBED_HOSTS,
  allowIframeRelativeUrls: false,
  // Relative image URLs point at our own /media; an absolute one must be https.
  exclusiveFilter: (frame) => frame.tag === 'iframe' && !String(frame.attribs.src ?? '').startsWith('https://'),
  transformTags: {
    // External links never get the opener; rel is ours to set, not the author's.
    a: (tagName, attribs) => {
      const href = attribs.href ?? ''
      const external = /^https?:\/\//i.test(href)
      const out: Record<string, string> = { ...attribs }
      if (external) out.rel = 'noopener noreferrer'
      else delete out.rel
      return { tagName, attribs: out }
    },
    iframe: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: 'lazy' } }),
    b: 'strong',
    i: 'em',
  },
  nonTextTags: ['style', 'script', 'textarea', 'option', 'noscript', 'template'],
}

/** Cleans untrusted HTML down to the article allowlist; the only producer of SanitizedHtml. */
export function sanitizeBody(dirty: string): SanitizedHtml {
  return sanitizeHtml(dirty, OPTIONS).trim() as SanitizedHtml
}

/**
 * Marks HTML read back from the store as sanitized: every write path stored it through sanitizeBody,
 * so this is a re-assertion of that invariant, not a bypass. Only store/ calls it.
 */
export const storedSanitizedHtml = (html: string): SanitizedHtml => html as SanitizedHtml

// What all three feed formats share: absolute URLs inside article bodies, and text that XML 1.0 can carry.

import type { FeedItem } from '../../domain/feeds.ts'
import { mediaUrl } from '../../domain/media.ts'
import { authorPath, tagPath } from '../../domain/paths.ts'
import { absoluteUrl, readerBody, type RenderContext } from '../context.ts'

// Characters XML 1.0 forbids (C0 controls other than tab, LF, CR; U+FFFE, U+FFFF; unpaired surrogates).
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g // eslint-disable-line no-control-regex

/** `text` without the characters XML 1.0 cannot carry, so no title or body can make a feed ill-formed. */
export const xmlChars = (text: string): string => text.replace(NOT_XML, '')

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i
const TAG = /<[a-zA-Z][^>]*>/g
const URL_ATTR = /(\s)(href|src|srcset)="([^"]*)"/g

/** A URL from a body attribute, made absolute against the article's URL; values with a scheme are kept. */
function resolve(value: string, base: string): string {
  const v = value.trim()
  if (v === '' || HAS_SCHEME.test(v)) return value
  try {
    return new URL(v, base).href
  } catch {
    return value
  }
}

/**
 * Sanitized body HTML with every relative `href`, `src` and `srcset` URL made absolute, since a feed reader shows
 * the body away from the site. Only attributes inside tags are touched; text that looks like an attribute is not.
 */
export function absoluteBody<T extends string>(body: T, articleUrl: string): T {
  return body.replace(TAG, (tag) => tag.replace(URL_ATTR, (_m, space: string, name: string, value: string) => {
    const out = name === 'srcset'
      ? value.split(/,\s+/).map((candidate) => {
        const [url = '', ...descriptor] = candidate.trim().split(/\s+/)
        return [resolve(url, articleUrl), ...descriptor].join(' ')
      }).join(', ')
      : resolve(value, articleUrl)
    return `${space}${name}="${out}"`
  })) as T
}

/** The absolute URLs of an item: its page, hero image, bylines and tags. */
export function itemUrls(ctx: RenderContext, item: FeedItem) {
  return {
    url: absoluteUrl(ctx, item.path),
    image: item.hero ? absoluteUrl(ctx, mediaUrl(item.hero)) : null,
    authors: item.authors.map((a) => ({ name: xmlChars(a.name), url: absoluteUrl(ctx, authorPath(a.slug)) })),
    tags: item.tags.map((t) => ({ slug: t.slug, name: xmlChars(t.name), url: absoluteUrl(ctx, tagPath(t.slug)) })),
  }
}

/**
 * The full content of an item for a feed: the body with absolute URLs (media ones at the public media base when there
 * is one), and no characters XML cannot carry.
 */
export const itemContent = (ctx: RenderContext, item: FeedItem): string =>
  xmlChars(absoluteBody(readerBody(ctx, item.bodyHtml), absoluteUrl(ctx, item.path)))

// Media records: an uploaded file and what readers are told about it.

export interface Media {
  readonly id: number
  /** Path below the media root, served at `/media/<path>`. */
  readonly path: string
  readonly mime: string
  readonly width: number
  readonly height: number
  readonly bytes: number
  readonly alt: string
  readonly caption: string
  readonly credit: string
  /** Focal point as fractions of width and height (0..1), for crops. */
  readonly focalX: number
  readonly focalY: number
  readonly createdAt: number
  /** The desk account that uploaded it; null for the system (imports, the demo seed), older images and deleted accounts. */
  readonly uploadedBy: number | null
  /** Responsive sizes made by the variants job, narrowest first; empty until it has run. */
  readonly variants: readonly MediaVariant[]
}

/** One responsive size of an image. */
export interface MediaVariant {
  readonly width: number
  readonly height: number
  readonly format: 'webp' | 'jpeg' | 'png' | 'gif'
  /** `/media/<path>`. */
  readonly url: string
  readonly bytes: number
}

/** The longest alt text, caption and credit of an image, in the library and as an article's own for its hero. */
export const MEDIA_TEXT_LIMITS = { alt: 1000, caption: 2000, credit: 300 } as const

/** The size of a share image (og:image): what Facebook, LinkedIn and X's large cards show, about 1.91:1. */
export const SHARE_IMAGE = { width: 1200, height: 630 } as const

/** `/share/<id>.jpg`: the share image of image `id` (media/share-image.ts), a raster whatever the original is. */
export const shareImageUrl = (m: Pick<Media, 'id'>): string => `/share/${m.id}.jpg`

/** `/media/<path>`: where the site itself serves an image; what bodies, variants and the library keep (portable). */
export const mediaUrl = (m: Pick<Media, 'path'>): string => `/media/${m.path}`

/**
 * The one place a media URL the site emits is decided: with a public base (MEDIA_PUBLIC_URL, a bucket or a CDN, no
 * trailing slash) `/media/<key>` becomes `<base>/<key>`, so readers fetch it there rather than through /media/'s 301;
 * without one, or for any other URL (`/share/…`, `/assets/…`), `url` is returned as it is.
 */
export const publicMediaUrl = (url: string, base: string | null | undefined): string =>
  base && url.startsWith('/media/') ? `${base}/${url.slice('/media/'.length)}` : url

/** An absolute media URL for JSON, feeds and mail: the public base when set, else `siteBase` (no trailing slash) + the path. */
export const absoluteMediaUrl = (url: string, siteBase: string, base: string | null | undefined): string => {
  const out = publicMediaUrl(url, base)
  return out === url ? siteBase + url : out
}

// A start tag of sanitized HTML: text content never holds a raw `<` (the sanitizer writes `&lt;`), so this matches
// tags only; and an attribute value never holds a raw `"` or `>`.
const TAG = /<[a-zA-Z][^>]*>/g
const URL_ATTR = /(\s(?:href|src|srcset|poster)=")([^"]*)"/g
// A srcset candidate's URL that is a media URL: at the start of the value, or after the comma between candidates.
const SRCSET_MEDIA = /(^|,\s*)(\/media\/[^\s,]*)/g

/**
 * Sanitized body HTML (articles, pages, a newsletter's introduction) as readers get it: with a public base, every
 * `href`, `src`, `srcset` and `poster` value that is a `/media/<key>` URL points at `<base>/<key>` (publicMediaUrl), so
 * browsers do not take the 301 from /media/ for each image. Text, other attributes and other URLs are untouched;
 * without a base the body is returned as it is. What is stored keeps `/media/` paths, so it stays portable. The result
 * is still sanitized HTML (the same markup, an allowed http(s) URL in place of a path), hence the type it keeps.
 */
export function publicBodyMedia<T extends string>(body: T, base: string | null | undefined): T {
  // Most bodies have no media URL: one scan, nothing allocated.
  if (!base || !body.includes('/media/')) return body
  // The base is an http(s) URL (config.ts), percent-encoded but for `&`, which an attribute value writes as `&amp;`.
  const inAttribute = base.replaceAll('&', '&amp;')
  return body.replace(TAG, (tag) => tag.includes('/media/')
    ? tag.replace(URL_ATTR, (_m, start: string, value: string) => start.endsWith('srcset="')
      ? `${start}${value.replace(SRCSET_MEDIA, (_c, between: string, url: string) => between + publicMediaUrl(url, inAttribute))}"`
      : `${start}${publicMediaUrl(value, inAttribute)}"`)
    : tag) as T
}

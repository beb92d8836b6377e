// Feeds: what a feed of a scope (the site, a section, a tag, an author, a speaker's quotes) holds, and the URLs of its three formats.

import type { ArticleSummary } from './read-models.ts'
import type { SanitizedHtml } from './sanitized-html.ts'
import type { Tag } from './taxonomy.ts'

/** Whose articles a feed lists. */
export type FeedScope =
  | { readonly kind: 'site' }
  | { readonly kind: 'section' | 'tag' | 'author' | 'speaker'; readonly slug: string }

/** An article in a feed: the summary plus its full (sanitized) body. */
export interface FeedItem extends ArticleSummary {
  readonly bodyHtml: SanitizedHtml
  /** Plain-text summary: the SEO description, else the standfirst. */
  readonly summary: string
  readonly tags: readonly Pick<Tag, 'slug' | 'name' | 'kind'>[]
}

export interface FeedModel {
  readonly title: string
  readonly description: string
  /** Path of the HTML page the feed mirrors (`/`, `/news`, `/tag/energy`). */
  readonly pagePath: string
  /** BCP 47 tag of the site. */
  readonly language: string
  /** Newest update among the items (epoch ms), or the time of the request when there are none. */
  readonly updatedAt: number
  readonly items: readonly FeedItem[]
}

export type FeedFormat = 'rss' | 'atom' | 'json'

/** File name and media type of each format. */
export const FEED_FORMATS: Readonly<Record<FeedFormat, { readonly file: string; readonly type: string; readonly label: string }>> = {
  rss: { file: 'rss.xml', type: 'application/rss+xml', label: 'RSS' },
  atom: { file: 'atom.xml', type: 'application/atom+xml', label: 'Atom' },
  json: { file: 'feed.json', type: 'application/feed+json', label: 'JSON Feed' },
}

/** The feed of the page at `pagePath` in a format: `/` → `/rss.xml`, `/news` → `/news/rss.xml`. */
export const feedPath = (pagePath: string, format: FeedFormat): string =>
  `${pagePath === '/' ? '' : pagePath}/${FEED_FORMATS[format].file}`

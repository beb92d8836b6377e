// What a WordPress export (WXR 1.1/1.2) holds, as plain records: the channel, its authors and terms, and its items.

/** The site the export came from (`<channel>`). */
export interface WxrChannel {
  readonly title: string
  /** `<channel><link>`: the site's address, which names the source site of every origin record. */
  readonly link: string
  readonly language: string
  readonly wxrVersion: string
  readonly baseSiteUrl: string
}

/** A `<wp:author>`: someone who wrote posts; items name them by login in `<dc:creator>`. */
export interface WxrAuthor {
  readonly login: string
  readonly email: string
  readonly displayName: string
  readonly firstName: string
  readonly lastName: string
}

/** A `<wp:category>`: `parent` is the parent's nicename, empty at the top. */
export interface WxrCategory {
  readonly termId: string
  readonly nicename: string
  readonly parent: string
  readonly name: string
}

/** A `<wp:tag>`. */
export interface WxrTag {
  readonly termId: string
  readonly slug: string
  readonly name: string
}

/** A term as an item names it: `<category domain="category|post_tag|…" nicename="…">Name</category>`. */
export interface WxrItemTerm {
  readonly domain: string
  readonly nicename: string
  readonly name: string
}

/** An `<item>`: a post, page, attachment, menu item or custom post type, with its meta and a count of its comments. */
export interface WxrItem {
  readonly title: string
  readonly link: string
  readonly creator: string
  readonly guid: string
  readonly content: string
  readonly excerpt: string
  readonly postId: string
  readonly postDate: string
  readonly postDateGmt: string
  readonly postModified: string
  readonly postModifiedGmt: string
  readonly postName: string
  readonly status: string
  readonly postType: string
  readonly postPassword: string
  readonly isSticky: boolean
  readonly attachmentUrl: string
  /** `wp:post_parent`: the page above a page, the post an attachment was uploaded to; "0" or empty at the top. */
  readonly postParent: string
  /** `wp:menu_order`: a page's place among its siblings (0 when unset). */
  readonly menuOrder: number
  readonly terms: readonly WxrItemTerm[]
  readonly meta: ReadonlyMap<string, string>
  readonly comments: number
  /** The line of the file where the item starts, for messages. */
  readonly line: number
}

/** One record of the stream, in file order: the channel comes before the first author, term or item. */
export type WxrRecord =
  | { readonly kind: 'channel'; readonly channel: WxrChannel }
  | { readonly kind: 'author'; readonly author: WxrAuthor }
  | { readonly kind: 'category'; readonly category: WxrCategory }
  | { readonly kind: 'tag'; readonly tag: WxrTag }
  | { readonly kind: 'item'; readonly item: WxrItem }

/** A file that is not well-formed XML, or not a WordPress export at all; `line` and `column` are 1-based when known. */
export class WxrError extends Error {
  readonly line: number | null
  readonly column: number | null
  constructor(message: string, line: number | null = null, column: number | null = null) {
    super(message)
    this.line = line
    this.column = column
  }
}

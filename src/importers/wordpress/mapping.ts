// A WordPress post onto our article model: section and tags from categories, bylines, status and original times, old paths.

import { isGenre } from '../../domain/article.ts'
import { instantOfLocal } from '../../domain/calendar.ts'
import { isReservedSegment } from '../../domain/paths.ts'
import { slugify } from '../../domain/slug.ts'
import { excerpt, plainText } from '../../content/excerpt.ts'
import type { ImportArticle, ImportImage, ImportPage, ImportStatus, ImportTerm } from '../../editorial/import-input.ts'
import { convertContent, type ContentNotes } from './content.ts'
import type { WxrAuthor, WxrCategory, WxrChannel, WxrItem } from './wxr-records.ts'

/** What the channel said before the items, plus the attachments seen so far (for galleries). */
export interface WxrContext {
  readonly channel: WxrChannel
  readonly authors: Map<string, WxrAuthor>
  readonly categories: Map<string, WxrCategory>
  readonly categoryByTermId: Map<string, string>
  readonly attachments: Map<string, string>
  /** Alt text and caption of the attachments seen so far that have either: a featured image (`_thumbnail_id`) takes them. */
  readonly attachmentText: Map<string, Omit<ImportImage, 'url'>>
  /**
   * Featured images named before their attachment was read (WordPress exports by id, and an image is uploaded after its
   * post is created): attachment id → the posts that wait for it. import.ts gives them their hero once it is read.
   */
  readonly pendingHeroes: Map<string, string[]>
  /** The site's time zone: local WordPress dates without a GMT twin are read in it. */
  readonly timeZone: string
}

export const newContext = (channel: WxrChannel, timeZone: string): WxrContext => ({
  channel, authors: new Map(), categories: new Map(), categoryByTermId: new Map(), attachments: new Map(),
  attachmentText: new Map(), pendingHeroes: new Map(), timeZone,
})

export type MappedItem =
  | { readonly kind: 'article'; readonly article: ImportArticle; readonly content: ContentNotes; readonly drafted: string | null; readonly notes: readonly string[] }
  | { readonly kind: 'page'; readonly page: ImportPage; readonly menuOrder: number; readonly drafted: string | null; readonly notes: readonly string[] }
  | { readonly kind: 'other'; readonly what: string }
  | { readonly kind: 'refused'; readonly item: string; readonly oldUrl: string; readonly reason: string }

const STATUS: Readonly<Record<string, ImportStatus>> = { publish: 'published', future: 'scheduled', draft: 'draft', pending: 'in_review', private: 'draft' }

/** Percent-encoded WordPress slugs (`%ce%b5…`) decoded, then transliterated into our slug alphabet. */
export function slugOf(raw: string, fallback: string): string {
  let text = raw
  try {
    text = decodeURIComponent(raw)
  } catch {
    // A stray % is kept as written; slugify drops it.
  }
  return text.trim() ? slugify(text) : slugify(fallback)
}

/** A WordPress "YYYY-MM-DD HH:MM:SS": the GMT twin when it is set, else the local time in the site's zone. */
export function wpTime(gmt: string, local: string, timeZone: string): number | null {
  const parse = (s: string) => /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(s.trim())
  const g = parse(gmt)
  if (g && g[1] !== '0000') return Date.UTC(+g[1]!, +g[2]! - 1, +g[3]!, +g[4]!, +g[5]!, +g[6]!)
  const l = parse(local)
  if (!l || l[1] === '0000') return null
  const at = instantOfLocal(`${l[1]}-${l[2]}-${l[3]}T${l[4]}:${l[5]}`, timeZone)
  return at === null ? null : at + Number(l[6]) * 1000
}

/** The path (with query) of an address on the source site, without a trailing slash; null for other hosts. */
export function sitePath(url: string, site: string): string | null {
  let u: URL, s: URL
  try {
    u = new URL(url.trim())
    s = new URL(site)
  } catch {
    return null
  }
  const host = (h: string) => h.replace(/^www\./, '').toLowerCase()
  if (host(u.hostname) !== host(s.hostname) || !/^https?:$/.test(u.protocol)) return null
  const path = u.pathname.replace(/\/+$/, '') || '/'
  return path + u.search
}

/** The byline of a login: the author's display name, else their full name, else the login itself. */
function byline(login: string, ctx: WxrContext): ImportTerm {
  const a = ctx.authors.get(login)
  const name = (a?.displayName || [a?.firstName, a?.lastName].filter(Boolean).join(' ') || login).trim() || 'Unknown'
  return { sourceId: login || name, slug: slugify(name), name }
}

function sectionSlug(nicename: string, name: string): string {
  const slug = slugOf(nicename, name)
  // A category named like one of the site's own paths (tag, feed, page…) cannot be a section under that name.
  return isReservedSegment(slug) ? `${slug}-section` : slug
}

function categoryTag(nicename: string, name: string, ctx: WxrContext, depth = 0): ImportTerm {
  const cat = ctx.categories.get(nicename)
  const parent = cat?.parent && depth < 20 && ctx.categories.has(cat.parent)
    ? categoryTag(cat.parent, ctx.categories.get(cat.parent)!.name, ctx, depth + 1) : null
  return { sourceId: `category:${nicename}`, slug: slugOf(nicename, name), name: plainText(cat?.name || name) || nicename, parent }
}

/** SEO titles written as templates (`%%title%% %%sep%%`, Rank Math's `%title%`) are not text to copy. */
const seoText = (value: string | undefined): string => !value || /%%?\w+%%?/.test(value) ? '' : plainText(value)

/** The first words of a body, for a post without a title. */
const titleFromBody = (html: string): string => excerpt(plainText(html), 80).replace(/…$/, '').trim()

/**
 * Maps one item. Posts become articles; pages, attachments, menu items and other post types are only counted (an
 * attachment's address is remembered for galleries); trashed and auto-draft posts are counted as such.
 */
export function mapItem(item: WxrItem, ctx: WxrContext): MappedItem {
  const type = item.postType || 'post'
  if (type === 'attachment') {
    if (item.attachmentUrl) {
      ctx.attachments.set(item.postId, item.attachmentUrl)
      const alt = plainText(item.meta.get('_wp_attachment_image_alt') ?? ''), caption = item.excerpt.trim()
      if (alt || caption) ctx.attachmentText.set(item.postId, { alt, caption })
    }
    return { kind: 'other', what: 'attachments (left remote)' }
  }
  if (type === 'nav_menu_item') return { kind: 'other', what: 'menu items' }
  if (type !== 'post' && type !== 'page') return { kind: 'other', what: `${type} (custom post type)` }
  const label = plainText(item.title) || `${type} ${item.postId}`
  const oldUrl = item.link.trim()
  if (!/^\d+$/.test(item.postId)) return { kind: 'refused', item: label, oldUrl, reason: `the ${type} has no wp:post_id` }
  if (item.status === 'trash' || item.status === 'auto-draft' || item.status === 'inherit') return { kind: 'other', what: `${item.status} ${type}s` }
  const mapped = STATUS[item.status]
  if (!mapped) return { kind: 'refused', item: label, oldUrl, reason: `unknown status "${item.status}"` }

  const notes: string[] = []
  const { html, notes: content } = convertContent(item.content, ctx.attachments)
  let title = plainText(item.title)
  if (!title) {
    title = titleFromBody(html) || `Untitled ${type} ${item.postId}`
    notes.push(`the title was empty; taken from the body as "${title}"`)
  }
  title = title.slice(0, 300)
  const protectedPost = item.postPassword.trim() !== ''
  const drafted = item.status === 'private' ? 'private in WordPress' : protectedPost && mapped !== 'draft' ? 'password-protected in WordPress' : null
  if (type === 'page') return mapPage(item, ctx, { title, html, drafted, notes, published: mapped === 'published' && !drafted })
  const status: ImportStatus = drafted ? 'draft' : mapped

  const categories = item.terms.filter((t) => t.domain === 'category' && t.nicename)
  const primaryId = item.meta.get('_yoast_wpseo_primary_category')?.trim() || item.meta.get('rank_math_primary_category')?.trim()
  const primaryName = primaryId ? ctx.categoryByTermId.get(primaryId) : undefined
  const primary = categories.find((c) => c.nicename === primaryName) ?? categories[0]
  const section: ImportTerm = primary
    ? { sourceId: primary.nicename, slug: sectionSlug(primary.nicename, primary.name), name: plainText(primary.name) || primary.nicename }
    : { sourceId: 'uncategorized', slug: 'uncategorized', name: 'Uncategorized' }
  const tags: ImportTerm[] = [
    ...categories.filter((c) => c !== primary).map((c) => categoryTag(c.nicename, c.name, ctx)),
    ...item.terms.filter((t) => t.domain === 'post_tag' && (t.nicename || t.name))
      .map((t) => ({ sourceId: `post_tag:${t.nicename || t.name}`, slug: slugOf(t.nicename, t.name), name: plainText(t.name) || t.nicename })),
  ]

  const publishedAt = wpTime(item.postDateGmt, item.postDate, ctx.timeZone)
  const modified = wpTime(item.postModifiedGmt, item.postModified, ctx.timeZone)
  if ((status === 'published' || status === 'scheduled') && publishedAt === null) {
    return { kind: 'refused', item: label, oldUrl, reason: `a ${item.status} post needs a date; wp:post_date is "${item.postDate}"` }
  }
  const oldPaths = oldPathsOf(item, ctx, 'p')
  const section0 = section.slug
  const article: ImportArticle = {
    sourceId: item.postId, oldUrl, title,
    slug: slugOf(item.postName, title),
    standfirst: excerpt(plainText(item.excerpt), 1000),
    bodyHtml: html,
    genre: isGenre(section0) ? section0 : 'news',
    language: null,
    section, tags, authors: item.creator.trim() ? [byline(item.creator.trim(), ctx)] : [],
    seoTitle: seoText(item.meta.get('_yoast_wpseo_title') ?? item.meta.get('rank_math_title')).slice(0, 300),
    seoDescription: seoText(item.meta.get('_yoast_wpseo_metadesc') ?? item.meta.get('rank_math_description')).slice(0, 500),
    editorsChoice: item.isSticky && status === 'published',
    status,
    publishedAt: status === 'published' || status === 'scheduled' ? publishedAt : null,
    updatedAt: status === 'published' ? Math.max(modified ?? publishedAt!, publishedAt!) : null,
    oldPaths,
    ...heroOf(item, ctx),
  }
  return { kind: 'article', article, content, drafted, notes }
}

/** The permalink, `?p=ID` (posts) or `?page_id=ID` (pages) and the guid, as paths on the old site, each once. */
function oldPathsOf(item: WxrItem, ctx: WxrContext, idParameter: 'p' | 'page_id'): string[] {
  const site = ctx.channel.link
  return [...new Set([item.link, `${site.replace(/\/+$/, '')}/?${idParameter}=${item.postId}`, item.guid]
    .map((u) => sitePath(u, site)).filter((p): p is string => p !== null && p !== '/'))]
}

/**
 * The featured image (`_thumbnail_id`) as the article's hero, with the attachment's alt text and caption. An
 * attachment not read yet (it usually follows its post) is remembered in `pendingHeroes`, and the hero set later.
 */
function heroOf(item: WxrItem, ctx: WxrContext): { hero?: ImportImage } {
  const id = item.meta.get('_thumbnail_id')?.trim()
  if (!id || !/^\d+$/.test(id) || id === '0') return {}
  const url = ctx.attachments.get(id)
  if (url) return { hero: { url, alt: '', caption: '', ...ctx.attachmentText.get(id) } }
  const waiting = ctx.pendingHeroes.get(id)
  if (waiting) waiting.push(item.postId)
  else ctx.pendingHeroes.set(id, [item.postId])
  return {}
}

/** The page's language: Polylang's `language` term when it has one, else the export's `<language>` (en-US → en-US). */
function languageOf(item: WxrItem, ctx: WxrContext): string | null {
  const term = item.terms.find((t) => t.domain === 'language' && t.nicename)?.nicename ?? ctx.channel.language
  return term.trim() || null
}

/**
 * A WordPress page onto a static page: its parent (`wp:post_parent`, written before it), its place among its siblings
 * (`wp:menu_order`), published or draft, its language and old paths (permalink, `?page_id=`, guid).
 */
function mapPage(item: WxrItem, ctx: WxrContext, m: { title: string; html: string; drafted: string | null; notes: string[]; published: boolean }): MappedItem {
  const updatedAt = wpTime(item.postModifiedGmt, item.postModified, ctx.timeZone) ?? wpTime(item.postDateGmt, item.postDate, ctx.timeZone)
  if (updatedAt === null) return { kind: 'refused', item: m.title, oldUrl: item.link.trim(), reason: `a page needs a date; wp:post_date is "${item.postDate}"` }
  const parent = /^\d+$/.test(item.postParent) && item.postParent !== '0' ? item.postParent : null
  const page: ImportPage = {
    sourceId: item.postId, oldUrl: item.link.trim(), slug: slugOf(item.postName, m.title), title: m.title, bodyHtml: m.html,
    updatedAt, oldPaths: oldPathsOf(item, ctx, 'page_id'), parentSourceId: parent, published: m.published, language: languageOf(item, ctx),
  }
  return { kind: 'page', page, menuOrder: item.menuOrder, drafted: m.drafted, notes: m.notes }
}

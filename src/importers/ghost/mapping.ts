// A Ghost post onto our article model (or a page onto a static page): section from the primary tag, bylines, status, times.

import { isGenre } from '../../domain/article.ts'
import { isReservedSegment } from '../../domain/paths.ts'
import { slugify } from '../../domain/slug.ts'
import { excerpt, plainText } from '../../content/excerpt.ts'
import type { ImportArticle, ImportPage, ImportStatus, ImportTerm } from '../../editorial/import-input.ts'
import { ghostBody, imageAddress, rewriteLinks } from './content.ts'
import type { GhostExport, GhostPost, GhostTag } from './ghost-export.ts'
import { permalinkOf, type GhostCollection } from '../../domain/ghost-permalinks.ts'

/** What the mapping needs besides the post: the whole export, the old site's address, and this site's sections. */
export interface GhostContext {
  readonly data: GhostExport
  /** The old site's address (`--site-url`), for absolute links and images; null when not given. */
  readonly siteUrl: string | null
  /** This site's sections: a primary tag with one's slug or name becomes the section. */
  readonly sections: readonly { readonly slug: string; readonly name: string }[]
  /** Where posts whose primary tag names no section go. */
  readonly defaultSection: ImportTerm
  /** The old site's collections (routes.yaml, or the permalinks setting); empty for Ghost's default `/{slug}/`. */
  readonly collections?: readonly GhostCollection[]
}

export type MappedPost =
  | { readonly kind: 'article'; readonly article: ImportArticle; readonly drafted: string | null; readonly notes: readonly string[]; readonly unknownCards: readonly string[] }
  | { readonly kind: 'page'; readonly page: ImportPage; readonly unknownCards: readonly string[] }
  | { readonly kind: 'other'; readonly what: string }
  | { readonly kind: 'refused'; readonly item: string; readonly oldUrl: string; readonly reason: string }

const STATUS: Readonly<Record<string, ImportStatus>> = { published: 'published', scheduled: 'scheduled', draft: 'draft', sent: 'draft' }

const norm = (s: string) => s.trim().toLowerCase()

/** The section a tag names on this site (by slug, else by name), if any. */
function sectionOf(tag: GhostTag, ctx: GhostContext): string | null {
  const slug = slugify(tag.slug || tag.name)
  return (ctx.sections.find((s) => s.slug === slug) ?? ctx.sections.find((s) => norm(s.name) === norm(tag.name)))?.slug ?? null
}

/** The public tags of a post in Ghost's order; the first is the primary tag. */
export const publicTags = (post: GhostPost, ctx: GhostContext): GhostTag[] =>
  (ctx.data.postTags.get(post.id) ?? []).map((id) => ctx.data.tags.get(id)).filter((t): t is GhostTag => t !== undefined && !t.internal)

/** The post's address under the old site's custom permalinks (domain/ghost-permalinks.ts), or null under Ghost's default. */
export function customPermalink(post: GhostPost, ctx: GhostContext): string | null {
  if (!ctx.collections?.length || post.type === 'page') return null
  const authors = (ctx.data.postAuthors.get(post.id) ?? (post.authorId ? [post.authorId] : [])).map((id) => ctx.data.users.get(id)?.slug ?? '').filter(Boolean)
  const path = permalinkOf(ctx.collections, { id: post.id, slug: post.slug, publishedAt: post.publishedAt, tags: publicTags(post, ctx).map((t) => t.slug), authors }, ctx.data.timeZone)
  return path === `/${post.slug}` ? null : path
}

/** The new address of every post, page, tag and author of the export, for rewriting internal links. */
export function newAddresses(ctx: GhostContext): Map<string, string> {
  const out = new Map<string, string>()
  const tagPath = (t: GhostTag) => sectionOf(t, ctx) ?? `tag/${slugify(t.slug || t.name)}`
  for (const t of ctx.data.tags.values()) if (!t.internal) out.set(`/tag/${t.slug}`, `/${tagPath(t)}`)
  for (const u of ctx.data.users.values()) out.set(`/author/${u.slug}`, `/author/${slugify(u.slug || u.name)}`)
  for (const p of ctx.data.posts) {
    if (!p.slug) continue
    const slug = slugify(p.slug || p.title)
    if (p.type === 'page') out.set(`/${p.slug}`, `/${slug}`)
    else {
      const primary = publicTags(p, ctx)[0]
      const to = `/${(primary && sectionOf(primary, ctx)) ?? ctx.defaultSection.slug}/${slug}`
      out.set(`/${p.slug}`, to)
      const custom = customPermalink(p, ctx)
      if (custom) out.set(custom, to)
    }
  }
  return out
}

/** `/slug/`, `/tag/x/?page=2#top` → the new address, keeping the query and fragment; null for paths not in the export. */
export function resolver(addresses: ReadonlyMap<string, string>): (path: string) => string | null {
  return (path) => {
    const m = /^([^?#]*?)\/*([?#].*)?$/.exec(path)
    const target = addresses.get(m?.[1] || '/')
    return target === undefined ? null : `${target}${m?.[2] ?? ''}`
  }
}

const titleFromBody = (html: string): string => excerpt(plainText(html), 80).replace(/…$/, '').trim()

/**
 * Maps one post or page. `links` rewrites the body's links to this site. Posts become articles; published pages
 * become static pages (pages have no drafts here, so draft and scheduled pages are counted, not imported).
 */
export function mapPost(post: GhostPost, ctx: GhostContext, links: (path: string) => string | null): MappedPost {
  const label = plainText(post.title) || `${post.type} ${post.id}`
  const custom = customPermalink(post, ctx)
  const oldUrl = `${ctx.siteUrl ?? ''}${custom ?? `/${post.slug}`}/`
  if (!post.id) return { kind: 'refused', item: label, oldUrl, reason: `the ${post.type} has no id` }
  const body = ghostBody(post)
  if (!body.ok) return { kind: 'refused', item: label, oldUrl, reason: body.reason }
  const html = rewriteLinks(body.html, ctx.siteUrl, links)
  const notes: string[] = []
  let title = plainText(post.title)
  if (!title) {
    title = titleFromBody(html) || `Untitled ${post.type} ${post.id}`
    notes.push(`the title was empty; taken from the body as "${title}"`)
  }
  title = title.slice(0, 300)
  const slug = slugify(post.slug || title)
  const meta = ctx.data.meta.get(post.id)
  const oldPaths = [`/${post.slug}`, ...(custom ? [custom] : []), ...(post.uuid ? [`/p/${post.uuid}`] : [])].filter((p) => p !== '/')

  if (post.type === 'page') {
    if (post.status !== 'published') return { kind: 'other', what: `${post.status || 'unpublished'} pages (static pages have no drafts)` }
    if (isReservedSegment(slug)) return { kind: 'refused', item: label, oldUrl, reason: `/${slug} is one of this site's own paths` }
    const updatedAt = Math.max(post.updatedAt ?? 0, post.publishedAt ?? 0) || null
    if (updatedAt === null) return { kind: 'refused', item: label, oldUrl, reason: 'a published page needs a date' }
    return { kind: 'page', page: { sourceId: post.id, oldUrl, slug, title, bodyHtml: html, updatedAt, oldPaths: oldPaths.filter((p) => p !== `/${slug}`) }, unknownCards: body.unknownCards }
  }

  const mapped = STATUS[post.status]
  if (!mapped) return { kind: 'refused', item: label, oldUrl, reason: `unknown status "${post.status}"` }
  const drafted = post.status === 'sent' ? 'sent only as an email newsletter in Ghost'
    : post.visibility !== 'public' && mapped !== 'draft' ? `for ${post.visibility} only in Ghost` : null
  const status: ImportStatus = drafted ? 'draft' : mapped
  if ((status === 'published' || status === 'scheduled') && post.publishedAt === null) {
    return { kind: 'refused', item: label, oldUrl, reason: `a ${post.status} post needs published_at` }
  }

  const tags = publicTags(post, ctx)
  const primary = tags[0]
  const sectionSlug = primary ? sectionOf(primary, ctx) : null
  const section: ImportTerm = primary && sectionSlug ? { sourceId: `tag:${primary.id}`, slug: sectionSlug, name: primary.name } : ctx.defaultSection
  const tagTerms: ImportTerm[] = tags.filter((t) => !(t === primary && sectionSlug))
    .map((t) => ({ sourceId: `tag:${t.id}`, slug: slugify(t.slug || t.name), name: plainText(t.name) || t.slug }))
  const authorIds = ctx.data.postAuthors.get(post.id) ?? (post.authorId ? [post.authorId] : [])
  const authors: ImportTerm[] = authorIds.map((id) => ctx.data.users.get(id)).filter((u) => u !== undefined)
    .map((u) => ({ sourceId: `user:${u.id}`, slug: slugify(u.slug || u.name), name: plainText(u.name) || u.slug }))

  const article: ImportArticle = {
    sourceId: post.id, oldUrl, title, slug,
    standfirst: excerpt(plainText(post.customExcerpt), 1000),
    bodyHtml: html,
    genre: isGenre(section.slug) ? section.slug : 'news',
    language: null,
    section, tags: tagTerms, authors,
    seoTitle: plainText(meta?.metaTitle || post.metaTitle).slice(0, 300),
    seoDescription: plainText(meta?.metaDescription || post.metaDescription).slice(0, 500),
    editorsChoice: post.featured && status === 'published',
    status,
    publishedAt: status === 'published' || status === 'scheduled' ? post.publishedAt : null,
    updatedAt: status === 'published' ? Math.max(post.updatedAt ?? post.publishedAt!, post.publishedAt!) : null,
    oldPaths,
    hero: post.featureImage
      ? { url: imageAddress(post.featureImage, ctx.siteUrl), alt: plainText(meta?.featureImageAlt ?? ''), caption: meta?.featureImageCaption ?? '' }
      : null,
  }
  return { kind: 'article', article, drafted, notes, unknownCards: body.unknownCards }
}

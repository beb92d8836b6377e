// Ghost's custom permalinks: the collections of its routes.yaml (`permalink: /{year}/{month}/{slug}/`, with a filter
// such as `primary_tag:news`), or the `permalinks` setting of older exports (`/:year/:month/:day/:slug/`). Each post's
// old address is worked out from them so that it redirects, and internal links to it are rewritten.

import { calendarDate } from '../../domain/calendar.ts'

/** Which posts a collection holds: all of them, or those with a tag / primary tag / author / primary author. */
export type CollectionFilter = { readonly field: 'tag' | 'primary_tag' | 'author' | 'primary_author'; readonly slug: string } | null

/** One collection of routes.yaml: its permalink template (with `{…}` placeholders) and its filter. */
export interface GhostCollection {
  readonly permalink: string
  readonly filter: CollectionFilter
}

/** What a permalink is made of for one post. */
export interface PermalinkPost {
  readonly id: string
  readonly slug: string
  readonly publishedAt: number | null
  /** Public tag slugs in Ghost's order: the first is the primary tag. */
  readonly tags: readonly string[]
  /** Author slugs in Ghost's order: the first is the primary author. */
  readonly authors: readonly string[]
}

/** A routes.yaml this reader does not understand, with its line. */
export class RoutesError extends Error {}

const PLACEHOLDERS = /\{(year|month|day|slug|id|primary_tag|primary_author)\}/g
const FILTER = /^(tag|tags|primary_tag|author|authors|primary_author):['"]?([a-z0-9-]+)['"]?$/

const unquote = (v: string): string => v.trim().replace(/^(['"])(.*)\1$/, '$2').trim()

/** A template as Ghost writes it, `{…}` placeholders or the older `:year` ones; throws RoutesError for anything else. */
export function permalinkTemplate(raw: string): string {
  const t = unquote(raw).replace(/:(year|month|day|slug|id|primary_tag|primary_author)\b/g, '{$1}')
  if (!t.startsWith('/') || !t.includes('{slug}') && !t.includes('{id}')) {
    throw new RoutesError(`the permalink "${raw.slice(0, 200)}" must start with / and hold {slug} or {id}, such as /{year}/{month}/{slug}/`)
  }
  const unknown = t.replace(PLACEHOLDERS, '').match(/\{[^}]*\}/)
  if (unknown) throw new RoutesError(`the permalink "${raw.slice(0, 200)}" holds ${unknown[0]}, which is not one of {year} {month} {day} {slug} {id} {primary_tag} {primary_author}`)
  return t
}

/**
 * The collections of a routes.yaml, in file order (Ghost puts a post in the first whose filter it matches). Only the
 * `collections:` block is read: `routes:` and `taxonomies:` name listing pages, not posts. Throws RoutesError.
 */
export function readRoutesYaml(text: string): GhostCollection[] {
  const out: GhostCollection[] = []
  let inCollections = false
  let current: { permalink: string | null; filter: CollectionFilter; line: number; indent: number } | null = null
  const close = () => {
    if (!current) return
    if (current.permalink === null) throw new RoutesError(`routes.yaml line ${current.line}: the collection has no permalink`)
    out.push({ permalink: current.permalink, filter: current.filter })
    current = null
  }
  const lines = text.split(/\r?\n/)
  lines.forEach((raw, i) => {
    const line = raw.replace(/\s+#.*$/, '').replace(/^#.*$/, '')
    if (!line.trim()) return
    const indent = line.length - line.trimStart().length
    const m = /^\s*([^:]+?|'[^']*'|"[^"]*"):(?:\s+(.*))?$/.exec(line)
    if (!m) throw new RoutesError(`routes.yaml line ${i + 1} is not "key: value"`)
    const key = unquote(m[1]!), value = m[2] ?? ''
    if (indent === 0) {
      close()
      inCollections = key === 'collections'
      return
    }
    if (!inCollections) return
    if (!current || indent <= current.indent) {
      close()
      current = { permalink: null, filter: null, line: i + 1, indent }
      return
    }
    if (key === 'permalink') {
      try {
        current.permalink = permalinkTemplate(value)
      } catch (err) {
        throw new RoutesError(`routes.yaml line ${i + 1}: ${(err as Error).message}`)
      }
    } else if (key === 'filter') {
      const f = FILTER.exec(unquote(value))
      if (!f) throw new RoutesError(`routes.yaml line ${i + 1}: the filter "${unquote(value).slice(0, 200)}" is not understood; tag:, primary_tag:, author: and primary_author: with one slug are`)
      const field = f[1] === 'tags' ? 'tag' : f[1] === 'authors' ? 'author' : f[1] as 'tag' | 'primary_tag' | 'author' | 'primary_author'
      current.filter = { field, slug: f[2]! }
    }
  })
  close()
  return out
}

const matches = (f: CollectionFilter, p: PermalinkPost): boolean => {
  if (!f) return true
  if (f.field === 'tag') return p.tags.includes(f.slug)
  if (f.field === 'primary_tag') return p.tags[0] === f.slug
  if (f.field === 'author') return p.authors.includes(f.slug)
  return p.authors[0] === f.slug
}

/**
 * The old path of `post` under `collections` (the first that holds it), without its trailing slash; null when none
 * holds it or it has no publication date for a template that needs one. Dates are read in Ghost's time zone.
 */
export function permalinkOf(collections: readonly GhostCollection[], post: PermalinkPost, timeZone: string): string | null {
  const c = collections.find((x) => matches(x.filter, post))
  if (!c) return null
  const needsDate = /\{(year|month|day)\}/.test(c.permalink)
  if (needsDate && post.publishedAt === null) return null
  // YYYY-MM-DD, zero-padded as Ghost writes months and days.
  const [year, month, day] = post.publishedAt === null ? [] : calendarDate(post.publishedAt, timeZone).split('-')
  const path = c.permalink.replace(PLACEHOLDERS, (_whole, name: string) => {
    switch (name) {
      case 'year': return year!
      case 'month': return month!
      case 'day': return day!
      case 'slug': return post.slug
      case 'id': return post.id
      // Ghost writes "all" where a post has no tag or author to name.
      case 'primary_tag': return post.tags[0] ?? 'all'
      default: return post.authors[0] ?? 'all'
    }
  })
  return path.replace(/\/+$/, '') || '/'
}

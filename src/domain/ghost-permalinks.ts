// Ghost's custom permalinks: the collections of its routes.yaml (`permalink: /{year}/{month}/{slug}/`, with a filter
// such as `primary_tag:news`), or the `permalinks` setting of older exports (`/:year/:month/:day/:slug/`). Each post's
// old address is worked out from them so that it redirects, and internal links to it are rewritten. The command line
// and the desk check an import's options here, so both accept and refuse the same values.

import { calendarDate } from './calendar.ts'

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

// A Ghost site that came from WordPress often kept its addresses; its owner may know them by WordPress's structure
// tags. %post_id% is not among them: it is WordPress's number, which a Ghost export does not keep.
const WORDPRESS_TAGS: Readonly<Record<string, string>> = {
  year: '{year}', monthnum: '{month}', day: '{day}', postname: '{slug}', category: '{primary_tag}', author: '{primary_author}',
}

/**
 * A template as Ghost writes it, `{…}` placeholders or the older `:year` ones, or as WordPress writes its permalink
 * structure (`/%year%/%monthnum%/%postname%/`), in Ghost's form; throws RoutesError for anything else.
 */
export function permalinkTemplate(raw: string): string {
  const t = unquote(raw).replace(/:(year|month|day|slug|id|primary_tag|primary_author)\b/g, '{$1}')
    .replace(/%([a-z_]+)%/g, (whole, name: string) => WORDPRESS_TAGS[name] ?? whole)
  const wordpress = /%[a-z_]+%/.exec(t)
  if (wordpress) throw new RoutesError(`the permalink "${raw.slice(0, 200)}" holds ${wordpress[0]}; of WordPress's structure tags %year% %monthnum% %day% %postname% %category% %author% are understood`)
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

/** A routes.yaml is a few lines; this leaves room for hundreds of collections and refuses a wrong file early. */
export const ROUTES_YAML_MAX_BYTES = 64 * 1024
/** A permalink template is one short path. */
export const PERMALINK_MAX_LENGTH = 300

/** The old site's custom permalinks as an import is given them: routes.yaml's text, or one template, or neither. */
export interface OldPermalinks {
  readonly routesYaml: string | null
  readonly permalink: string | null
}

/** A bad custom-permalink option of an import, with the option it came from. */
export class PermalinkOptionError extends RoutesError {
  readonly option: 'routes' | 'permalink'
  constructor(option: 'routes' | 'permalink', message: string) {
    super(message)
    this.option = option
  }
}

/**
 * An import's custom-permalink options checked, empty ones as null, the template in Ghost's form: at most one of the
 * two, a routes.yaml of text with at least one collection, each permalink one Ghost writes. Throws PermalinkOptionError.
 */
export function checkOldPermalinks(o: { readonly routesYaml?: string | null; readonly permalink?: string | null }): OldPermalinks {
  const routes = o.routesYaml?.replace(/^\uFEFF/, '') || null
  const permalink = o.permalink?.trim() || null
  if (routes !== null && permalink !== null) throw new PermalinkOptionError('permalink', 'give routes.yaml or a permalink structure, not both')
  if (permalink !== null) {
    if (permalink.length > PERMALINK_MAX_LENGTH) throw new PermalinkOptionError('permalink', `the permalink structure is longer than ${PERMALINK_MAX_LENGTH} characters`)
    try {
      return { routesYaml: null, permalink: permalinkTemplate(permalink) }
    } catch (err) {
      throw new PermalinkOptionError('permalink', (err as Error).message)
    }
  }
  if (routes === null) return { routesYaml: null, permalink: null }
  if (Buffer.byteLength(routes) > ROUTES_YAML_MAX_BYTES) throw new PermalinkOptionError('routes', `routes.yaml is larger than ${ROUTES_YAML_MAX_BYTES / 1024} KiB: is it the right file?`)
  if (routes.includes('\u0000') || routes.includes('\uFFFD')) throw new PermalinkOptionError('routes', 'routes.yaml is not a UTF-8 text file')
  let collections: GhostCollection[]
  try {
    collections = readRoutesYaml(routes)
  } catch (err) {
    throw new PermalinkOptionError('routes', (err as Error).message)
  }
  if (!collections.length) throw new PermalinkOptionError('routes', 'routes.yaml has no collection with a permalink (its collections: block is where Ghost keeps them)')
  return { routesYaml: routes, permalink: null }
}

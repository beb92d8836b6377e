// What a Ghost export (JSON, Ghost 3 to 6) holds, read and checked into plain records: posts, tags, users and the joins.

/** A file that is not a Ghost export, or one whose tables are not of the shape Ghost writes. */
export class GhostExportError extends Error {}

export interface GhostPost {
  readonly id: string
  readonly uuid: string
  readonly title: string
  readonly slug: string
  readonly html: string | null
  readonly mobiledoc: string | null
  readonly lexical: string | null
  /** 'post' or 'page' (Ghost 2 wrote `page: true` instead). */
  readonly type: 'post' | 'page'
  readonly status: string
  readonly visibility: string
  readonly featured: boolean
  readonly featureImage: string | null
  readonly customExcerpt: string
  readonly publishedAt: number | null
  readonly updatedAt: number | null
  /** On the post in Ghost 3; Ghost 4 and later keep these in posts_meta (read there first). */
  readonly metaTitle: string
  readonly metaDescription: string
  /** Ghost 3's single author column, used when posts_authors names nobody. */
  readonly authorId: string
}

export interface GhostPostMeta {
  readonly metaTitle: string
  readonly metaDescription: string
  readonly featureImageAlt: string
  readonly featureImageCaption: string
}

export interface GhostTag {
  readonly id: string
  readonly name: string
  readonly slug: string
  /** Ghost's internal tags (`#name`, visibility 'internal') only steer themes: not topics. */
  readonly internal: boolean
}

export interface GhostUser {
  readonly id: string
  readonly name: string
  readonly slug: string
}

/** A post's tags or authors in Ghost's order (sort_order): the first tag is the primary one. */
export type Joins = ReadonlyMap<string, readonly string[]>

export interface GhostExport {
  readonly version: string
  /** The site's title from the settings table, when the export has one. */
  readonly title: string
  /** The `permalinks` setting of Ghost 0.x/1.x exports (`/:year/:month/:day/:slug/`); empty when absent (routes.yaml since). */
  readonly permalinks: string
  /** The site's time zone (`timezone` setting), in which permalink dates are written; UTC when absent. */
  readonly timeZone: string
  readonly posts: readonly GhostPost[]
  readonly meta: ReadonlyMap<string, GhostPostMeta>
  readonly tags: ReadonlyMap<string, GhostTag>
  readonly users: ReadonlyMap<string, GhostUser>
  readonly postTags: Joins
  readonly postAuthors: Joins
  /** Tables the importer does not bring over, with their row counts (members, newsletters, snippets…). */
  readonly otherTables: Readonly<Record<string, number>>
}

type Row = Record<string, unknown>

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '')
const nullableStr = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)

/** Ghost writes ISO strings since 1.0; older exports and some tools write epoch milliseconds. */
export function ghostTime(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v
  if (typeof v !== 'string' || !v.trim()) return null
  const t = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v.replace(' ', 'T')}Z`)
  return Number.isNaN(t) ? null : t
}

function rows(data: Row, table: string): Row[] {
  const value = data[table]
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) throw new GhostExportError(`the export's "${table}" is not a list`)
  return value.filter((r): r is Row => typeof r === 'object' && r !== null && !Array.isArray(r))
}

function joins(list: Row[], key: string): Map<string, string[]> {
  const sorted = list.map((r, i) => ({ post: str(r.post_id), other: str(r[key]), order: typeof r.sort_order === 'number' ? r.sort_order : 0, i }))
    .filter((r) => r.post && r.other)
    .sort((a, b) => a.order - b.order || a.i - b.i)
  const out = new Map<string, string[]>()
  for (const r of sorted) {
    const l = out.get(r.post) ?? []
    if (!l.includes(r.other)) l.push(r.other)
    out.set(r.post, l)
  }
  return out
}

function toPost(r: Row): GhostPost {
  return {
    id: str(r.id), uuid: str(r.uuid), title: str(r.title), slug: str(r.slug),
    html: nullableStr(r.html), mobiledoc: nullableStr(r.mobiledoc), lexical: nullableStr(r.lexical),
    type: r.type === 'page' || r.page === true || r.page === 1 ? 'page' : 'post',
    status: str(r.status), visibility: str(r.visibility) || 'public',
    featured: r.featured === true || r.featured === 1,
    featureImage: nullableStr(r.feature_image), customExcerpt: str(r.custom_excerpt),
    publishedAt: ghostTime(r.published_at), updatedAt: ghostTime(r.updated_at),
    metaTitle: str(r.meta_title), metaDescription: str(r.meta_description), authorId: str(r.author_id),
  }
}

/** The `db[0]` of Ghost's export, or the bare `{ meta, data }` some versions and tools write. */
function exportBody(json: unknown): { meta: Row; data: Row } {
  const root = (typeof json === 'object' && json !== null && !Array.isArray(json) ? json : {}) as Row
  const db = Array.isArray(root.db) ? root.db[0] : root
  const body = (typeof db === 'object' && db !== null ? db : {}) as Row
  const data = body.data
  if (typeof data !== 'object' || data === null || Array.isArray(data) || !Array.isArray((data as Row).posts)) {
    throw new GhostExportError('this JSON file is not a Ghost export: it has no db[0].data.posts (export it in Ghost with Settings → Labs → Export)')
  }
  return { meta: (typeof body.meta === 'object' && body.meta !== null ? body.meta : {}) as Row, data: data as Row }
}

const validZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

const KNOWN_TABLES = new Set(['posts', 'posts_meta', 'tags', 'users', 'posts_tags', 'posts_authors', 'settings', 'roles', 'roles_users', 'permissions', 'permissions_roles', 'permissions_users', 'migrations', 'migrations_lock', 'brute', 'sessions', 'api_keys', 'integrations', 'webhooks', 'invites', 'mobiledoc_revisions', 'post_revisions', 'custom_theme_settings', 'actions', 'tokens', 'clients', 'client_trusted_domains', 'accesstokens', 'refreshtokens', 'app_fields', 'app_settings', 'apps'])

/**
 * Reads the text of a Ghost export. Throws GhostExportError naming what is wrong: a WordPress file (XML), text that is
 * not JSON, or JSON without Ghost's tables.
 */
export function readGhostExport(text: string): GhostExport {
  const start = text.trimStart()
  if (start.startsWith('<')) {
    throw new GhostExportError(/<rss\b|wordpress\.org\/export/.test(start.slice(0, 4000))
      ? 'this is a WordPress export (WXR), not a Ghost export (JSON): use `broadsheet import wordpress FILE.xml`'
      : 'this is an XML file, not a Ghost export (JSON)')
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (err) {
    throw new GhostExportError(`the file is not valid JSON: ${(err as Error).message}`)
  }
  const { meta, data } = exportBody(json)
  const settings = rows(data, 'settings')
  const title = str(settings.find((s) => s.key === 'title')?.value)
  const permalinks = str(settings.find((s) => s.key === 'permalinks')?.value)
  const zone = str(settings.find((s) => s.key === 'timezone' || s.key === 'active_timezone')?.value)
  const timeZone = zone && validZone(zone) ? zone : 'UTC'
  const postMeta = new Map<string, GhostPostMeta>()
  for (const r of rows(data, 'posts_meta')) {
    postMeta.set(str(r.post_id), {
      metaTitle: str(r.meta_title), metaDescription: str(r.meta_description),
      featureImageAlt: str(r.feature_image_alt), featureImageCaption: str(r.feature_image_caption),
    })
  }
  const tags = new Map<string, GhostTag>()
  for (const r of rows(data, 'tags')) {
    const name = str(r.name)
    tags.set(str(r.id), { id: str(r.id), name, slug: str(r.slug), internal: r.visibility === 'internal' || name.startsWith('#') })
  }
  const users = new Map<string, GhostUser>()
  for (const r of rows(data, 'users')) users.set(str(r.id), { id: str(r.id), name: str(r.name), slug: str(r.slug) })
  const otherTables: Record<string, number> = {}
  for (const [table, value] of Object.entries(data)) {
    if (!KNOWN_TABLES.has(table) && Array.isArray(value) && value.length) otherTables[table] = value.length
  }
  return {
    version: str(meta.version), title, permalinks, timeZone, posts: rows(data, 'posts').map(toPost), meta: postMeta, tags, users,
    postTags: joins(rows(data, 'posts_tags'), 'tag_id'), postAuthors: joins(rows(data, 'posts_authors'), 'author_id'), otherTables,
  }
}

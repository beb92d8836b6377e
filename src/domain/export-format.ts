// The Broadsheet export format, version 4: its kinds, the file of each, and the fields of a line, as data that the
// exporter, the validator and the importer all read (docs/EXPORT-FORMAT.md describes the same table for people).

/** The manifest's `format`: a reader refuses a folder that does not say it. */
export const FORMAT_NAME = 'broadsheet-export'
/**
 * The format version this code writes and reads. It goes up whenever a field is added, removed or changes meaning:
 * a reader refuses versions it does not know rather than guess.
 */
export const FORMAT_VERSION = 4
/**
 * Versions this code still reads. Version 1 had flat static pages (id, slug, title, body_html, updated_at), read as
 * version 2's published top-level pages, and sections without `allow_unsigned`, read as allowing unsigned pieces
 * (upgradeLine). Versions 1 and 2 had no article's own hero caption and credit, read as null (the library's).
 * Versions 1 to 3 had no speakers and quotes: their folders lack those files, read as holding none (KINDS' `since`).
 */
export const READABLE_VERSIONS: readonly number[] = [1, 2, 3, 4]

/**
 * A field's type. `id`: the line's own id (a positive whole number, unique in its file). `ref:<kind>`: the id of a
 * line of that kind. `time`: an ISO 8601 UTC time with milliseconds. `json`: any JSON value. A trailing `?` allows
 * null; a trailing `[]` makes a list of that type. A nested record (or a list of them) is an object of fields.
 */
export type FieldType = string | { readonly nullable: boolean; readonly list: boolean; readonly fields: Fields }
export type Fields = Readonly<Record<string, FieldType>>

/** The fields of an article's working and live copy that the two share. */
const COPY: Fields = {
  language: 'string', section_id: 'ref:sections', slug: 'string', genre: 'string', title: 'string', standfirst: 'string',
  body_html: 'string', hero_media_id: 'ref:media?', hero_caption: 'string?', hero_credit: 'string?', seo_title: 'string',
  seo_description: 'string',
}

/** The fields of a quote that its working and live copy share. */
const QUOTE: Fields = {
  position: 'int', speaker_id: 'ref:speakers', text: 'string', role: 'string', organisation: 'string', place_tag_id: 'ref:tags?',
  event: 'string', source_url: 'string', language: 'string',
}

/**
 * Every kind, in the order the importer writes them (a kind refers only to kinds before it, or to itself). `since`:
 * the first format version with the kind's file; a folder of an older version has none, read as no lines.
 */
export const KINDS = {
  settings: { file: 'settings.jsonl', fields: { key: 'string', value: 'json' } },
  users: { file: 'users.jsonl', fields: { id: 'id', email: 'string', name: 'string', role: 'string', created_at: 'time', disabled: 'bool' } },
  media: {
    file: 'media.jsonl',
    fields: {
      id: 'id', path: 'string', mime: 'string', width: 'int', height: 'int', bytes: 'int', alt: 'string', caption: 'string',
      credit: 'string', focal_x: 'number', focal_y: 'number', created_at: 'time', sha256: 'string?',
      variants: { nullable: false, list: true, fields: { width: 'int', height: 'int', format: 'string', path: 'string', bytes: 'int' } },
    },
  },
  pages: {
    file: 'pages.jsonl',
    // `language` is empty for pages of a version-1 export: the importer gives them the site's default language.
    fields: {
      id: 'id', parent_id: 'ref:pages?', slug: 'string', path: 'string', title: 'string', body_html: 'string', language: 'string',
      status: 'string', created_at: 'time', updated_at: 'time', published_at: 'time?',
    },
  },
  sections: { file: 'sections.jsonl', fields: { id: 'id', slug: 'string', name: 'string', description: 'string', position: 'int', allow_unsigned: 'bool' } },
  tags: {
    file: 'tags.jsonl',
    // `names` (the tag's names in other languages) came after version 3 without a new version: absent, it is empty.
    fields: {
      id: 'id', slug: 'string', name: 'string', kind: 'string', parent_id: 'ref:tags?', iso_code: 'string?', description: 'string',
      names: { nullable: false, list: true, fields: { language: 'string', name: 'string' } },
    },
  },
  authors: { file: 'authors.jsonl', fields: { id: 'id', slug: 'string', name: 'string', bio: 'string', kind: 'string', photo_media_id: 'ref:media?' } },
  speakers: {
    file: 'speakers.jsonl',
    since: 4,
    fields: {
      id: 'id', slug: 'string', name: 'string', kind: 'string', description: 'string', country_tag_id: 'ref:tags?', photo_media_id: 'ref:media?',
      links: 'string[]', created_at: 'time',
    },
  },
  articles: {
    file: 'articles.jsonl',
    fields: {
      id: 'id', translation_group: 'ref:articles?', ...COPY, status: 'string', editors_choice: 'bool', scheduled_at: 'time?',
      published_at: 'time?', updated_at: 'time?', created_at: 'time', modified_at: 'time', version: 'int',
      origin_system: 'string?', origin_id: 'string?', created_by: 'ref:users?', tags: 'ref:tags[]', authors: 'ref:authors[]',
      live: { nullable: true, list: false, fields: { ...COPY, published_at: 'time', updated_at: 'time', tags: 'ref:tags[]', authors: 'ref:authors[]' } },
    },
  },
  // Quotes marked in working copies; `said_at` null means the article's own date.
  quotes: {
    file: 'quotes.jsonl',
    since: 4,
    fields: { id: 'id', article_id: 'ref:articles', anchor: 'string', ...QUOTE, said_at: 'time?' },
  },
  // The quotes readers see, copied from the working quotes at publication: `quote_id` is the working quote's id, or
  // an id the export does not hold when the quote left the working copy after its last publication.
  live_quotes: {
    file: 'live-quotes.jsonl',
    since: 4,
    fields: { quote_id: 'int', article_id: 'ref:articles', ...QUOTE, said_at: 'time', published_at: 'time' },
  },
  revisions: {
    file: 'revisions.jsonl',
    fields: { id: 'id', article_id: 'ref:articles', version: 'int', kind: 'string', saved_by: 'ref:users?', saved_at: 'time', title: 'string', snapshot: 'json' },
  },
  editors_choice: { file: 'editors-choice.jsonl', fields: { article_id: 'ref:articles', rank: 'int?', until: 'time?', lead: 'bool' } },
  related_overrides: {
    file: 'related-overrides.jsonl',
    fields: { article_id: 'ref:articles', other_id: 'ref:articles', kind: 'string', position: 'int', created_at: 'time' },
  },
  redirects: {
    file: 'redirects.jsonl',
    fields: { id: 'id', from_path: 'string', to_article_id: 'ref:articles?', to_url: 'string?', status: 'int', kind: 'string', created_at: 'time' },
  },
  webhooks: { file: 'webhooks.jsonl', fields: { id: 'id', url: 'string', active: 'bool', created_at: 'time', deactivated_at: 'time?' } },
  import_origins: {
    file: 'import-origins.jsonl',
    // `target_id` is a ref to the kind that `kind` names (section, tag, author or article): checked by the reader.
    fields: { system: 'string', site: 'string', kind: 'string', source_id: 'string', target_id: 'int', content_hash: 'string', imported_at: 'time' },
  },
} as const satisfies Record<string, { readonly file: string; readonly since?: number; readonly fields: Fields }>

export type Kind = keyof typeof KINDS

/** Whether an export of `version` has the file of `kind`. */
export const hasKind = (version: number, kind: Kind): boolean => version >= ((KINDS[kind] as { readonly since?: number }).since ?? 1)

const NO_OWN_HERO_TEXT = { hero_caption: null, hero_credit: null } as const

/** A line of an export of `version` as this version's fields have it. */
export function upgradeLine(version: number, kind: Kind, line: Readonly<Record<string, unknown>>): Record<string, unknown> {
  // Before bylines belonged to accounts every section published unsigned pieces.
  if (version === 1 && kind === 'sections') return { ...line, allow_unsigned: true }
  if (version === 1 && kind === 'pages') {
    return { ...line, parent_id: null, path: `/${String(line.slug)}`, language: '', status: 'published', created_at: line.updated_at, published_at: line.updated_at }
  }
  // Before version 3 every hero showed the media library's caption and credit.
  if (version < 3 && kind === 'articles') {
    const live = line.live as Record<string, unknown> | null | undefined
    return { ...line, ...NO_OWN_HERO_TEXT, ...(live && { live: { ...live, ...NO_OWN_HERO_TEXT } }) }
  }
  // Tag names per language were added without a version bump: a line without them has none.
  if (kind === 'tags' && !('names' in line)) return { ...line, names: [] }
  return { ...line }
}
export const KIND_ORDER = Object.keys(KINDS) as Kind[]

/** The import-origin kinds and the export kind their `target_id` points at. */
export const ORIGIN_TARGETS: Readonly<Record<string, Kind>> = { section: 'sections', tag: 'tags', author: 'authors', article: 'articles' }

/**
 * Settings that stay behind: secrets (desk CSRF, preview links), one-off markers of this database, and the lead
 * article, which editors-choice.jsonl carries as an article reference.
 */
export const SETTINGS_LEFT_OUT: ReadonlySet<string> = new Set([
  'desk_secret', 'preview_secret', 'desk_setup_claimed', 'desk_admin_guard', 'lead_article_id',
])
export const LEAD_SETTING = 'lead_article_id'

/** The manifest: what the folder holds, and the checksum of every file. */
export interface Manifest {
  readonly format: typeof FORMAT_NAME
  readonly version: number
  readonly created_at: string
  readonly source: { readonly engine: string; readonly schema: string; readonly site_url: string | null }
  readonly counts: Readonly<Record<Kind, number>> & { readonly media_files: number }
  /** File name (relative, `/`-separated) → its sha256 (hex) and size; the media files are listed in media.jsonl instead. */
  readonly files: Readonly<Record<string, { readonly sha256: string; readonly bytes: number }>>
}

/** Epoch milliseconds as the format writes times. */
export const isoTime = (ms: number): string => new Date(ms).toISOString()

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

/** Epoch milliseconds of a time the format wrote; NaN when `s` is not one. */
export const parseTime = (s: string): number => (ISO.test(s) ? Date.parse(s) : Number.NaN)

// The OpenAPI 3.1 document of the public API, and the parameter schemas its routes validate with, so the two cannot drift.

import { GENRES } from '../../domain/article.ts'
import { AUTHOR_KINDS } from '../../domain/people.ts'
import { TAG_KINDS } from '../../domain/taxonomy.ts'
import { API_DEFAULT_LIMIT, API_MAX_LIMIT } from '../../reading/content-api.ts'
import { searchQuerySchema } from '../site/search.ts'
import { apiSearchQuerySchema, suggestQuerySchema } from './search.ts'
import { ADMIN_HEADERS, ADMIN_PATHS, ADMIN_RESPONSES, ADMIN_SCHEMAS, ADMIN_SECURITY_SCHEMES } from './admin-openapi.ts'
import { QUOTE_PATHS, QUOTE_SCHEMAS } from './quotes-openapi.ts'

/** A JSON Schema (2020-12, the dialect of OpenAPI 3.1). */
export type JsonSchema = Readonly<Record<string, unknown>>

export interface Parameter {
  readonly name: string
  readonly in: 'query' | 'path'
  readonly required?: boolean
  readonly description: string
  readonly schema: JsonSchema
  readonly style?: 'form'
  readonly explode?: boolean
}

export interface Response {
  readonly description: string
  readonly headers?: Readonly<Record<string, { readonly $ref: string }>>
  readonly content?: Readonly<Record<string, { readonly schema: JsonSchema }>>
}

export interface Operation {
  readonly operationId: string
  readonly summary: string
  readonly description?: string
  readonly tags: readonly string[]
  readonly parameters?: readonly Parameter[]
  readonly requestBody?: { readonly required: boolean; readonly content: Readonly<Record<string, { readonly schema: JsonSchema }>> }
  readonly responses: Readonly<Record<string, Response | { readonly $ref: string }>>
  /** The Admin API's operations need a bearer token. */
  readonly security?: readonly Readonly<Record<string, readonly string[]>>[]
}

export interface OpenApiDocument {
  readonly openapi: '3.1.0'
  readonly info: { readonly title: string; readonly version: string; readonly description: string }
  readonly servers?: readonly { readonly url: string }[]
  readonly tags: readonly { readonly name: string; readonly description: string }[]
  readonly paths: Readonly<Record<string, Readonly<Partial<Record<'get' | 'post' | 'patch' | 'delete', Operation>>>>>
  readonly components: {
    readonly schemas: Readonly<Record<string, JsonSchema>>
    readonly responses: Readonly<Record<string, Response>>
    readonly headers: Readonly<Record<string, { readonly description: string; readonly schema: JsonSchema }>>
    readonly securitySchemes?: Readonly<Record<string, JsonSchema>>
  }
}

// Parameter schemas: the document shows them, and routes validate with them (see querystring schemas below).
export const slugSchema = { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 120 } as const
export const limitSchema = { type: 'integer', minimum: 1, maximum: API_MAX_LIMIT, default: API_DEFAULT_LIMIT } as const
export const sinceSchema = { type: 'string', format: 'date-time', maxLength: 40 } as const
export const cursorSchema = { type: 'string', pattern: '^[A-Za-z0-9_-]+$', maxLength: 100 } as const
export const languageSchema = { type: 'string', pattern: '^[a-z]{2,3}(?:-[A-Za-z0-9]{2,4})*$', maxLength: 20 } as const

/**
 * Query parameters arrive as text: the digits are checked on the string first, because Ajv's coercion turns
 * "Infinity" or "1e400" into a number that skips minimum and maximum, and "0x10" into 16.
 */
const wholeNumber = (schema: typeof limitSchema) => ({ allOf: [{ type: 'string', pattern: '^[0-9]{1,6}$' }, schema], default: schema.default }) as const

/** Fastify's querystring schema of GET /api/v1/articles. */
export const articleListQuerystring = {
  type: 'object',
  properties: { section: slugSchema, tag: slugSchema, author: slugSchema, since: sinceSchema, limit: wholeNumber(limitSchema), cursor: cursorSchema },
} as const

export const articleParams = {
  type: 'object', required: ['section', 'slug'], properties: { section: slugSchema, slug: { type: 'string', minLength: 1, maxLength: 200 } },
} as const

export const articleQuerystring = { type: 'object', properties: { language: languageSchema } } as const

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const str = (description: string, extra: JsonSchema = {}): JsonSchema => ({ type: 'string', description, ...extra })
const obj = (properties: Readonly<Record<string, JsonSchema>>, description?: string): JsonSchema => ({
  type: 'object', additionalProperties: false, required: Object.keys(properties), properties, ...(description && { description }),
})
const list = (item: string, description: string): JsonSchema => obj({ items: { type: 'array', items: ref(item) } }, description)
const json = (schema: JsonSchema) => ({ 'application/json': { schema } })
const cached = (description: string, schema: JsonSchema): Response => ({
  description, content: json(schema),
  headers: { ETag: { $ref: '#/components/headers/ETag' }, 'Cache-Control': { $ref: '#/components/headers/CacheControl' } },
})
const READ_RESPONSES = { 304: { $ref: '#/components/responses/NotModified' }, 400: { $ref: '#/components/responses/BadRequest' } } as const
const query = (name: string, description: string, schema: JsonSchema): Parameter => ({ name, in: 'query', description, schema })
const path = (name: string, description: string, schema: JsonSchema): Parameter => ({ name, in: 'path', required: true, description, schema })
const time = (description: string) => str(description, { format: 'date-time' })
const publicPath = str('Path on the site, starting with /', { pattern: '^/' })
const publicUrl = str('Absolute URL on the site', { format: 'uri' })

const taxonomyList = (operationId: string, summary: string, item: string): Operation => ({
  operationId, summary, tags: ['content'], responses: { 200: cached(`Every ${item.toLowerCase()}`, ref(`${item}List`)), 304: READ_RESPONSES[304] },
})

/** The document as served, apart from `servers` (added from SITE_URL). */
export const OPENAPI: OpenApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Broadsheet public API',
    version: '1.0.0',
    description: 'Read-only access to published articles, sections, tags and authors, plus search and the view beacon. '
      + 'Every GET answers with an ETag (send If-None-Match to get 304) and may be read cross-origin (CORS, any origin). '
      + 'Errors are JSON: {"error": {"code", "message", "field"}}, where field names the bad parameter. '
      + 'The Admin API (/api/v1/admin/…) writes articles and media with an API token sent as Authorization: Bearer; its answers are never cached.',
  },
  tags: [
    { name: 'content', description: 'Published articles and the taxonomy' },
    { name: 'search', description: 'Full-text search' },
    { name: 'views', description: 'The view beacon behind Popular' },
    { name: 'admin', description: 'The Admin API: working copies and media, with an API token (Authorization: Bearer)' },
  ],
  paths: {
    '/api/v1/articles': {
      get: {
        operationId: 'listArticles', summary: 'Published articles, a page at a time', tags: ['content'],
        description: 'Without `since`: newest published first. With `since`: every article updated at or after it, in order '
          + 'of (updated_at, id) ascending, so a partner can sync by passing the time of its last sync. Pages are keyset '
          + 'pages: pass `next_cursor` back as `cursor` with the same filters until it is null.',
        parameters: [
          query('section', 'Only articles of this section (slug); an unknown slug is a 400', slugSchema),
          query('tag', 'Only articles with this tag (slug); an unknown slug is a 400', slugSchema),
          query('author', 'Only articles by this author (slug); an unknown slug is a 400', slugSchema),
          query('since', 'ISO 8601 date-time with a zone (encode + as %2B): articles updated at or after it', sinceSchema),
          query('limit', `Items per page, 1 to ${API_MAX_LIMIT}`, limitSchema),
          query('cursor', 'The next_cursor of the previous page, unchanged', cursorSchema),
        ],
        responses: { 200: cached('A page of articles', ref('ArticleList')), ...READ_RESPONSES },
      },
    },
    '/api/v1/articles/{section}/{slug}': {
      get: {
        operationId: 'getArticle', summary: 'One published article by its section and slug', tags: ['content'],
        description: 'Articles in a language other than the site\'s are addressed with `?language=`, e.g. '
          + '/api/v1/articles/opinion/some-slug?language=ru for the page at /ru/opinion/some-slug.',
        parameters: [
          path('section', 'Section slug', slugSchema),
          path('slug', 'Article slug', articleParams.properties.slug),
          query('language', 'Language tag of the article; the site\'s language when absent', languageSchema),
        ],
        responses: { 200: cached('The article', ref('Article')), ...READ_RESPONSES, 404: { $ref: '#/components/responses/NotFound' } },
      },
    },
    '/api/v1/sections': { get: taxonomyList('listSections', 'Every section, in menu order', 'Section') },
    '/api/v1/tags': { get: taxonomyList('listTags', 'Every tag (topics and places), by slug', 'Tag') },
    '/api/v1/authors': { get: taxonomyList('listAuthors', 'Every author, by slug', 'Author') },
    '/api/v1/search': {
      get: {
        operationId: 'search', summary: 'Full-text search over published articles', tags: ['search'],
        parameters: [
          query('q', 'What to look for; phrases in quotes, -word to exclude', searchQuerySchema.properties.q),
          query('page', 'Page number, 20 results a page', searchQuerySchema.properties.page),
          { ...query('section', 'Only these sections (repeat the parameter)', searchQuerySchema.properties.section), style: 'form', explode: true },
          query('tag', 'Only articles with this tag (slug)', searchQuerySchema.properties.tag),
          query('author', 'Only articles with this author in the byline (slug)', searchQuerySchema.properties.author),
          query('from', 'First day, YYYY-MM-DD in the site\'s time zone', searchQuerySchema.properties.from),
          query('to', 'Last day (inclusive), YYYY-MM-DD', searchQuerySchema.properties.to),
          query('language', 'Only articles in this language (BCP 47, e.g. ru); every language when absent', apiSearchQuerySchema.properties.language),
        ],
        responses: { 200: cached('A page of results', ref('SearchResults')), ...READ_RESPONSES },
      },
    },
    '/api/v1/search/suggest': {
      get: {
        operationId: 'searchSuggest', summary: 'Titles, tags and authors with a word starting with what was typed', tags: ['search'],
        parameters: [
          { ...query('q', 'What was typed so far; fewer than two letters suggest nothing', suggestQuerySchema.properties.q), required: true },
          query('language', 'Only titles in this language; every language when absent', suggestQuerySchema.properties.language),
        ],
        responses: { 200: cached('Up to five of each, newest titles first', ref('SearchSuggestions')), ...READ_RESPONSES },
      },
    },
    '/api/v1/views': {
      post: {
        operationId: 'recordView', summary: 'Counts a view of an article (the page beacon)', tags: ['views'],
        description: 'Answers 204 whether the view was counted, repeated or a crawler\'s. text/plain is accepted for navigator.sendBeacon.',
        requestBody: { required: true, content: { ...json(ref('ViewBeacon')), 'text/plain': { schema: ref('ViewBeacon') } } },
        responses: {
          204: { description: 'Accepted' },
          400: { $ref: '#/components/responses/BadRequest' },
          413: { description: 'The body is larger than 2 KiB', content: json(ref('Error')) },
          415: { description: 'The body is neither JSON nor text', content: json(ref('Error')) },
        },
      },
    },
    '/api/v1/openapi.json': {
      get: {
        operationId: 'openapi', summary: 'This document', tags: ['content'],
        responses: { 200: cached('The OpenAPI 3.1 document', { type: 'object', required: ['openapi', 'info', 'paths'] }), 304: READ_RESPONSES[304] },
      },
    },
    ...QUOTE_PATHS,
    ...ADMIN_PATHS,
  },
  components: {
    schemas: {
      Article: obj({
        id: { type: 'integer', minimum: 1 },
        url: publicUrl,
        path: publicPath,
        title: { type: 'string' },
        standfirst: { type: 'string' },
        body_html: str('The body as sanitized HTML (one fixed allowlist of elements and attributes); with MEDIA_PUBLIC_URL set, its /media/ links point there'),
        section: obj({ slug: slugSchema, name: { type: 'string' } }),
        genre: { enum: GENRES },
        language: str('BCP 47 language tag'),
        tags: { type: 'array', items: obj({ slug: slugSchema, name: { type: 'string' }, kind: { enum: TAG_KINDS } }) },
        authors: { type: 'array', items: obj({ slug: slugSchema, name: { type: 'string' } }) },
        hero: { anyOf: [ref('Image'), { type: 'null' }] },
        published_at: time('First publication'),
        updated_at: time('Last published change; what `since` filters on'),
        translations: { type: 'array', items: obj({ language: { type: 'string' }, path: publicPath }), description: 'Published translations' },
      }, 'A published article'),
      Image: obj({
        url: publicUrl, alt: { type: 'string' }, caption: { type: 'string' }, credit: { type: 'string' },
        width: { type: 'integer', minimum: 0 }, height: { type: 'integer', minimum: 0 },
      }),
      ArticleList: obj({
        items: { type: 'array', items: ref('Article') },
        next_cursor: { type: ['string', 'null'], description: 'Pass as `cursor` for the next page; null on the last page' },
      }),
      Section: obj({ slug: slugSchema, name: { type: 'string' }, description: { type: 'string' }, path: publicPath, url: publicUrl }),
      Tag: obj({
        slug: slugSchema, name: { type: 'string' }, kind: { enum: TAG_KINDS },
        parent_slug: { anyOf: [slugSchema, { type: 'null' }], description: 'The broader tag (a region for a country)' },
        iso_code: { type: ['string', 'null'], description: 'ISO 3166 code of a place' },
        description: { type: 'string' }, path: publicPath, url: publicUrl,
        names: { type: 'object', additionalProperties: { type: 'string' }, description: 'Its names in the site\'s other languages, by primary language subtag (its page in that language shows them)' },
      }),
      Author: obj({ slug: slugSchema, name: { type: 'string' }, bio: { type: 'string' }, kind: { enum: AUTHOR_KINDS }, path: publicPath, url: publicUrl }),
      SectionList: list('Section', 'Every section'),
      TagList: list('Tag', 'Every tag'),
      AuthorList: list('Author', 'Every author'),
      SearchResults: obj({
        items: {
          type: 'array',
          items: obj({
            title: { type: 'string' }, path: publicPath, section: slugSchema, published_at: time('First publication'),
            snippet: str('HTML: escaped text with the searched words in <mark>'),
          }),
        },
        page: { type: 'integer', minimum: 1 },
        has_next: { type: 'boolean' },
        trimmed: { type: 'boolean', description: 'The query was longer than 200 characters and only its start was searched' },
        did_you_mean: { type: ['string', 'null'], description: 'A corrected query that finds more, when this one finds nothing or little' },
      }),
      SearchSuggestions: obj({
        titles: { type: 'array', items: obj({ title: { type: 'string' }, path: publicPath }) },
        tags: { type: 'array', items: obj({ name: { type: 'string' }, path: publicPath }) },
        authors: { type: 'array', items: obj({ name: { type: 'string' }, path: publicPath }) },
      }),
      ViewBeacon: obj({ path: str('Path of the article read', { maxLength: 1000 }) }),
      Error: obj({
        error: obj({
          code: { type: 'integer', description: 'The HTTP status' },
          message: { type: 'string' },
          field: { type: ['string', 'null'], description: 'The parameter at fault, when there is one' },
        }),
      }),
      ...QUOTE_SCHEMAS,
      ...ADMIN_SCHEMAS,
    },
    responses: {
      BadRequest: { description: 'A parameter is not valid; `field` names it', content: json(ref('Error')) },
      NotFound: { description: 'There is no such resource', content: json(ref('Error')) },
      NotModified: { description: 'The ETag in If-None-Match is current', headers: { ETag: { $ref: '#/components/headers/ETag' } } },
      ...ADMIN_RESPONSES,
    },
    headers: {
      ETag: { description: 'A hash of the body; send it back in If-None-Match', schema: { type: 'string' } },
      CacheControl: { description: 'public, max-age=60, s-maxage=300, stale-while-revalidate=600', schema: { type: 'string' } },
      ...ADMIN_HEADERS,
    },
    securitySchemes: ADMIN_SECURITY_SCHEMES,
  },
}

/** The document with the site as its server. */
export const openApiDocument = (siteUrl: URL): OpenApiDocument =>
  ({ ...OPENAPI, servers: [{ url: `${siteUrl.origin}${siteUrl.pathname}`.replace(/\/+$/, '') }] })

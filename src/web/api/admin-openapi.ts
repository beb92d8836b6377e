// The Admin API's part of the OpenAPI document: paths, schemas and responses that openapi.ts merges into the one it serves.

import { OLD_URLS_MAX } from '../../editorial/article-migration.ts'
import { ARTICLE_STATUSES, GENRES } from '../../domain/article.ts'
import { ARTICLE_LIMITS } from '../../editorial/article-input.ts'

type Schema = Readonly<Record<string, unknown>>

// Local twins of openapi.ts's helpers: that file imports this one, so importing back would meet them uninitialised.
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const json = (schema: Schema) => ({ 'application/json': { schema } })
const exact = (properties: Readonly<Record<string, Schema>>, required: readonly string[] = Object.keys(properties), description?: string): Schema => ({
  type: 'object', additionalProperties: false, required, properties, ...(description && { description }),
})
const nullable = (schema: Schema): Schema => ({ anyOf: [schema, { type: 'null' }] })
const time = (description: string): Schema => nullable({ type: 'string', format: 'date-time', description })
const slug = { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 200 } as const
const id = { type: 'integer', minimum: 1 } as const
const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, { $ref: `#/components/responses/${ADMIN_ERRORS[s]}` }]))
const ADMIN_ERRORS: Readonly<Record<number, string>> = { 400: 'BadRequest', 401: 'Unauthorized', 403: 'Forbidden', 404: 'NotFound', 409: 'Conflict', 413: 'TooLarge', 415: 'UnsupportedType' }
const SECURITY = [{ bearerToken: [] }] as const
const idPath = { name: 'id', in: 'path', required: true, description: 'Article id', schema: id } as const
const pageId = { ...idPath, description: 'Page id' } as const
const query = (name: string, description: string, schema: Schema) => ({ name, in: 'query', description, schema }) as const
const pageParams = [
  query('page', 'Page number', { type: 'integer', minimum: 1, maximum: 100_000 }),
  query('per_page', 'Items a page, 1 to 100 (30 by default)', { type: 'integer', minimum: 1, maximum: 100 }),
]
const article = (description: string, extra: Schema = {}) => ({ description, content: json(ref('AdminArticle')), ...extra })

const fields: Readonly<Record<string, Schema>> = {
  title: { type: 'string', maxLength: ARTICLE_LIMITS.title },
  slug: { ...slug, description: 'Made from the title when absent' },
  standfirst: { type: 'string', maxLength: ARTICLE_LIMITS.standfirst },
  body_html: { type: 'string', maxLength: ARTICLE_LIMITS.body_html, description: 'HTML; sanitized to the one allowlist on the way in' },
  section: { ...slug, description: 'Section slug' },
  genre: { enum: GENRES },
  tags: { type: 'array', items: slug, maxItems: 100, description: 'Tag slugs, in order' },
  authors: { type: 'array', items: slug, maxItems: 100, description: 'Author slugs, in byline order' },
  language: { type: 'string', description: 'BCP 47 language tag; the site\'s when absent' },
  editors_choice: { ...nullable({ type: 'integer', minimum: 1, maximum: 1000 }), description: 'Rank among Editor\'s choice, or null' },
  hero_media: { ...nullable(id), description: 'Id of an image with alt text, or null (an article with an origin may use one without: the answer notes it)' },
  hero_caption: { ...nullable({ type: 'string', maxLength: ARTICLE_LIMITS.hero_caption }), description: 'This article\'s caption for its hero; null or empty shows the media library\'s. A new hero_media without it goes back to the library\'s' },
  hero_credit: { ...nullable({ type: 'string', maxLength: ARTICLE_LIMITS.hero_credit }), description: 'This article\'s credit for its hero; null or empty shows the media library\'s' },
  seo_title: { type: 'string', maxLength: ARTICLE_LIMITS.seo_title },
  seo_description: { type: 'string', maxLength: ARTICLE_LIMITS.seo_description },
  translation_of: { ...nullable(id), description: 'Id of the article this one translates: it joins that article\'s translation group (one article per language; never itself)' },
  quotes: { type: 'array', maxItems: 200, items: ref('AdminQuote'), description: 'Who said what: each quote is marked in body_html as <q data-quote="anchor">; replaces the stored ones when sent' },
}

const idOrNull = nullable(id)
/** The one description of an article's origin, for create and change alike. */
const ORIGIN: Schema = {
  type: 'string', minLength: 5, maxLength: 1000,
  description: 'Its id in the system it comes from, as system:site:id (wordpress:https://old.example.org:42); lookup?origin= finds it, and its hero may lack alt text. '
    + 'One article per origin: one another article has already answers 409 naming that article',
}

const sectionFields = {
  name: { type: 'string', maxLength: 100 }, slug: { ...slug, description: 'The section\'s path; a reserved word is refused. A new one leaves 301s' },
  description: { type: 'string', maxLength: 1000 },
  allow_unsigned: { type: 'boolean', description: 'Whether articles without a byline may be published in it (statements from the newsroom); false when absent on create' },
} as const
const pageFields = {
  title: { type: 'string', minLength: 1, maxLength: 200 }, slug: { ...slug, description: 'Made from the title when absent' },
  parent: { ...idOrNull, description: 'Id of the parent page; null for the top level. A new parent or slug moves the page and the pages below it, leaving 301s' },
  body_html: { type: 'string', maxLength: ARTICLE_LIMITS.body_html, description: 'HTML; sanitized to the one allowlist on the way in' },
  language: { type: 'string', maxLength: 35, description: 'BCP 47 language tag; the site\'s when absent' },
  status: { enum: ['draft', 'published'], description: 'draft when absent on create; publishing needs a published parent' },
} as const

/** Request bodies of the migration helpers; the routes (admin-housekeeping.ts) validate with these very objects. */
export const HOUSEKEEPING_INPUTS = {
  AdminSectionInput: exact({ ...sectionFields }, ['name', 'slug']),
  AdminSectionPatch: exact({ ...sectionFields }, []),
  AdminPageInput: exact({ ...pageFields }, ['title']),
  AdminPagePatch: exact({ ...pageFields }, []),
  AdminTagInput: exact({
    name: { type: 'string', maxLength: 100 }, slug, kind: { enum: ['topic', 'place'], description: 'topic when absent' },
    parent: { ...slug, description: 'Slug of the parent tag' }, iso_code: { type: 'string', maxLength: 10, description: 'ISO 3166 code, places only' },
    description: { type: 'string', maxLength: 1000 },
    names: {
      type: 'object', maxProperties: 20, additionalProperties: { type: 'string', maxLength: 100 },
      description: 'Names in the site\'s other languages by language tag ({"ru": "Энергетика"}); a language without one shows name',
    },
  }, ['name', 'slug']),
  AdminBylineInput: exact({
    name: { type: 'string', maxLength: 200 }, slug, kind: { enum: ['staff', 'guest', 'agency'], description: 'staff when absent' },
    bio: { type: 'string', maxLength: 2000 }, photo_media: { ...idOrNull, description: 'Id of an image in the media library' },
  }, ['name', 'slug']),
  AdminRedirectInput: exact({
    from: { type: 'string', maxLength: 1000, description: 'The old path, starting with "/" (a query string is allowed)' },
    to: { type: 'string', maxLength: 2000, description: 'An article id, a path or an http(s) URL; not for 410' },
    status: { enum: [301, 410], description: '301 when absent' },
  }, ['from']),
} as const

const created = (name: string, description: string) =>
  ({ 201: { description, content: json(ref(name)), headers: { Location: { $ref: '#/components/headers/Location' } } }, ...errors(400, 401, 403) })
const listOf = (name: string, description: string) => ({ 200: { description, content: json(exact({ items: { type: 'array', items: ref(name) } })) }, ...errors(401) })
const housekeeping = (path: string, name: string, what: string, whatMany: string, who: string) => ({
  [`/api/v1/admin/${path}`]: {
    get: { operationId: `adminList${name}s`, summary: `Every ${what}`, tags: ['admin'], security: SECURITY, responses: listOf(`Admin${name}`, `The ${whatMany}`) },
    post: {
      operationId: `adminCreate${name}`, summary: `Creates a ${what} (${who})`, tags: ['admin'], security: SECURITY,
      requestBody: { required: true, content: json(ref(`Admin${name}Input`)) }, responses: created(`Admin${name}`, `The new ${what}`),
    },
  },
})

/** Paths of the Admin API, every one behind a bearer token. */
export const ADMIN_PATHS = {
  '/api/v1/admin/articles': {
    get: {
      operationId: 'adminListArticles', summary: 'Working copies of every status, newest change first', tags: ['admin'], security: SECURITY,
      description: 'Contributors and authors see only the articles they created.',
      parameters: [
        query('status', 'Only articles in this status', { enum: ARTICLE_STATUSES }), query('section', 'Section slug', slug),
        query('author', 'Author slug', slug), query('q', 'Words in the title', { type: 'string', maxLength: 200 }), ...pageParams,
      ],
      responses: { 200: { description: 'A page of articles', content: json(ref('AdminArticleList')) }, ...errors(400, 401) },
    },
    post: {
      operationId: 'adminCreateArticle', summary: 'Creates a draft', tags: ['admin'], security: SECURITY,
      requestBody: { required: true, content: json(ref('AdminArticleInput')) },
      responses: {
        201: article('The new draft', { headers: { Location: { $ref: '#/components/headers/Location' } } }), ...errors(400, 401, 403, 409),
      },
    },
  },
  '/api/v1/admin/articles/{id}': {
    get: {
      operationId: 'adminGetArticle', summary: 'One working copy', tags: ['admin'], security: SECURITY, parameters: [idPath],
      responses: { 200: article('The article'), ...errors(401, 403, 404) },
    },
    patch: {
      operationId: 'adminUpdateArticle', summary: 'Changes the fields sent; the others keep their values', tags: ['admin'], security: SECURITY,
      description: 'Send the `version` the changes were made to. When someone saved in between, the answer is 409 and the text sent is kept as a conflict revision. '
        + 'A migration script may send `origin` to attach or correct the id the article had in the old system (409 when another article has it; recorded in the audit log).',
      parameters: [idPath], requestBody: { required: true, content: json(ref('AdminArticlePatch')) },
      responses: { 200: article('The article as saved'), ...errors(400, 401, 403, 404, 409) },
    },
    delete: {
      operationId: 'adminDeleteArticle', summary: 'Moves an article to the trash; a published one is unpublished first and its URL answers 410', tags: ['admin'],
      security: SECURITY, parameters: [idPath], responses: { 204: { description: 'In the trash' }, ...errors(401, 403, 404) },
    },
  },
  '/api/v1/admin/articles/{id}/restore': {
    post: {
      operationId: 'adminRestoreArticle', summary: 'Takes an article out of the trash as a draft', tags: ['admin'], security: SECURITY, parameters: [idPath],
      responses: { 200: article('The article, a draft again'), ...errors(401, 403, 404) },
    },
  },
  '/api/v1/admin/articles/{id}/forever': {
    delete: {
      operationId: 'adminDeleteArticleForever', summary: 'Deletes an article in the trash for good (editors and admins)', tags: ['admin'],
      security: SECURITY, parameters: [idPath], responses: { 204: { description: 'Deleted' }, ...errors(401, 403, 404) },
    },
  },
  '/api/v1/admin/articles/{id}/publish': {
    post: {
      operationId: 'adminPublishArticle', summary: 'Publishes now, schedules with `at`, or publishes for the first time with its original `published_at`', tags: ['admin'], security: SECURITY, parameters: [idPath],
      requestBody: { required: false, content: json(ref('AdminPublish')) },
      responses: { 200: article('The article, published or scheduled'), ...errors(400, 401, 403, 404, 409) },
    },
  },
  '/api/v1/admin/articles/{id}/unpublish': {
    post: {
      operationId: 'adminUnpublishArticle', summary: 'Takes a published article off the site', tags: ['admin'], security: SECURITY, parameters: [idPath],
      responses: { 200: article('The article, unpublished'), ...errors(401, 403, 404, 409) },
    },
  },
  '/api/v1/admin/articles/{id}/translations': {
    post: {
      operationId: 'adminAddTranslation', summary: 'Creates a draft translation in another language, prefilled from this article', tags: ['admin'],
      security: SECURITY, parameters: [idPath],
      description: 'The draft carries the article\'s text, section, genre, tags, authors, hero image and SEO fields, linked into its translation group.',
      requestBody: { required: true, content: json(ref('AdminTranslationInput')) },
      responses: {
        201: article('The new draft translation', { headers: { Location: { $ref: '#/components/headers/Location' } } }),
        ...errors(400, 401, 403, 404, 409),
      },
    },
  },
  '/api/v1/admin/articles/{id}/translation-group': {
    post: {
      operationId: 'adminLinkTranslation', summary: 'Links this article as a translation of another (joins its group)', tags: ['admin'],
      security: SECURITY, parameters: [idPath],
      description: '400 for the article itself, 409 when the group already has an article in this one\'s language.',
      requestBody: { required: true, content: json(ref('AdminTranslationLink')) },
      responses: { 200: article('The article with its translations'), ...errors(400, 401, 403, 404, 409) },
    },
    delete: {
      operationId: 'adminUnlinkTranslation', summary: 'Takes this article out of its translation group', tags: ['admin'],
      security: SECURITY, parameters: [idPath],
      responses: { 200: article('The article, now without translations'), ...errors(401, 403, 404, 409) },
    },
  },
  '/api/v1/admin/media': {
    get: {
      operationId: 'adminListMedia', summary: 'The media library, newest first', tags: ['admin'], security: SECURITY,
      parameters: [query('q', 'Text in alt, caption, credit or file name', { type: 'string', maxLength: 200 }), ...pageParams],
      responses: { 200: { description: 'A page of images', content: json(ref('AdminMediaList')) }, ...errors(400, 401) },
    },
    post: {
      operationId: 'adminUploadMedia', summary: 'Uploads an image (JPEG, PNG, WebP, GIF or AVIF; 20 MiB, 50 megapixels at most)', tags: ['admin'],
      security: SECURITY,
      requestBody: {
        required: true,
        content: {
          'multipart/form-data': {
            schema: exact({
              file: { type: 'string', contentMediaType: 'application/octet-stream', description: 'The image; its type is read from the bytes' },
              alt: { type: 'string', maxLength: 1000 }, caption: { type: 'string', maxLength: 2000 }, credit: { type: 'string', maxLength: 300 },
            }, ['file']),
          },
        },
      },
      responses: {
        201: { description: 'The image', content: json(ref('AdminMedia')), headers: { Location: { $ref: '#/components/headers/Location' } } },
        ...errors(400, 401, 413, 415),
      },
    },
  },
  '/api/v1/admin/articles/lookup': {
    get: {
      operationId: 'adminLookUpArticles', summary: 'Finds articles by slug, or by the id they had in another system', tags: ['admin'], security: SECURITY,
      description: 'Give exactly one of slug and origin. Only articles the token\'s user may open are listed.',
      parameters: [
        query('slug', 'The slug, in any section or language', slug),
        query('origin', 'system:site:id as recorded by an import, e.g. wordpress:https://old.example.org:42', { type: 'string', minLength: 5, maxLength: 1000 }),
      ],
      responses: { 200: { description: 'The articles found (none, one, or one per section and language for a slug)', content: json(exact({ items: { type: 'array', items: ref('AdminArticle') } })) }, ...errors(400, 401) },
    },
  },
  ...housekeeping('sections', 'Section', 'section', 'sections in menu order', 'editors and admins'),
  ...housekeeping('tags', 'Tag', 'tag', 'tags, topics and places', 'editors and admins'),
  ...housekeeping('bylines', 'Byline', 'byline', 'bylines (authors, guests, agencies)', 'editors and admins'),
  '/api/v1/admin/sections/{id}': {
    patch: {
      operationId: 'adminUpdateSection', summary: 'Changes the fields sent, allow_unsigned among them (editors and admins)', tags: ['admin'], security: SECURITY,
      parameters: [{ ...idPath, description: 'Section id' }], requestBody: { required: true, content: json(ref('AdminSectionPatch')) },
      responses: { 200: { description: 'The section', content: json(ref('AdminSection')) }, ...errors(400, 401, 403, 404) },
    },
  },
  '/api/v1/admin/pages': {
    get: { operationId: 'adminListPages', summary: 'Every static page, parents before their children (editors and admins)', tags: ['admin'], security: SECURITY, responses: listOf('AdminPageSummary', 'The page tree in path order') },
    post: {
      operationId: 'adminCreatePage', summary: 'Creates a static page, a draft unless status says published (editors and admins)', tags: ['admin'], security: SECURITY,
      requestBody: { required: true, content: json(ref('AdminPageInput')) }, responses: { ...created('AdminPage', 'The new page'), ...errors(400, 401, 403, 409) },
    },
  },
  '/api/v1/admin/pages/{id}': {
    get: { operationId: 'adminGetPage', summary: 'One static page with its body', tags: ['admin'], security: SECURITY, parameters: [pageId], responses: { 200: { description: 'The page', content: json(ref('AdminPage')) }, ...errors(401, 403, 404) } },
    patch: {
      operationId: 'adminUpdatePage', summary: 'Changes the fields sent; the others keep their values', tags: ['admin'], security: SECURITY, parameters: [pageId],
      requestBody: { required: true, content: json(ref('AdminPagePatch')) }, responses: { 200: { description: 'The page', content: json(ref('AdminPage')) }, ...errors(400, 401, 403, 404, 409) },
    },
    delete: {
      operationId: 'adminDeletePage', summary: 'Deletes a page with no pages below it; its address then answers 410 Gone', tags: ['admin'], security: SECURITY, parameters: [pageId],
      responses: { 204: { description: 'Deleted' }, ...errors(401, 403, 404, 409) },
    },
  },
  '/api/v1/admin/redirects': {
    post: {
      operationId: 'adminCreateRedirect', summary: 'Adds a redirect from an old path (editors and admins)', tags: ['admin'], security: SECURITY,
      requestBody: { required: true, content: json(ref('AdminRedirectInput')) },
      responses: { 201: { description: 'The redirect', content: json(ref('AdminRedirect')) }, ...errors(400, 401, 403) },
    },
  },
} as const

const pageSummary = {
  id, parent: idOrNull, slug, path: { type: 'string', description: 'Its address, e.g. /about/team' }, title: { type: 'string' }, language: { type: 'string' },
  status: { enum: ['draft', 'published'] }, created_at: { type: 'string', format: 'date-time' }, updated_at: { type: 'string', format: 'date-time' },
  published_at: time('First published'),
} as const

export const ADMIN_SCHEMAS: Readonly<Record<string, Schema>> = {
  ...HOUSEKEEPING_INPUTS,
  AdminSection: exact({ id, slug, name: { type: 'string' }, description: { type: 'string' }, position: { type: 'integer', minimum: 0 }, allow_unsigned: { type: 'boolean' } }),
  AdminPageSummary: exact(pageSummary),
  AdminPage: exact({ ...pageSummary, body_html: { type: 'string' } }),
  AdminTag: exact({ id, slug, name: { type: 'string' }, kind: { enum: ['topic', 'place'] }, parent: nullable(slug), iso_code: nullable({ type: 'string' }), description: { type: 'string' },
    names: { type: 'object', additionalProperties: { type: 'string' }, description: 'Names in the site\'s other languages, by primary language subtag' } }),
  AdminByline: exact({ id, slug, name: { type: 'string' }, kind: { enum: ['staff', 'guest', 'agency'] }, bio: { type: 'string' }, photo_media: idOrNull }),
  AdminRedirect: exact({ from: { type: 'string' }, status: { enum: [301, 410] }, to_article: idOrNull, to_url: nullable({ type: 'string' }) }),
  AdminArticle: exact({
    id, version: { type: 'integer', minimum: 1, description: 'Send it back with PATCH' }, status: { enum: ARTICLE_STATUSES },
    ...fields, slug, section: slug, language: { type: 'string' }, body_html: { type: 'string' },
    scheduled_at: time('When it is scheduled to be published'), published_at: time('First publication'),
    updated_at: time('Last published change'), url: nullable({ type: 'string', format: 'uri', description: 'The public URL while it is published' }),
    translation_group: { ...nullable(id), description: 'Its translation group (the id of the group\'s first article), or null without translations' },
    notes: { type: 'array', items: { type: 'string' }, description: 'On creation only: what an editor should still fix, such as a hero image without alt text' },
    translations: {
      type: 'array', description: 'The other articles of its translation group, in any status',
      items: exact({ id, language: { type: 'string' }, title: { type: 'string' }, status: { enum: ARTICLE_STATUSES } }),
    },
  }, ['id', 'version', 'status', 'title', 'slug', 'standfirst', 'body_html', 'section', 'genre', 'tags', 'authors', 'language', 'editors_choice',
    'hero_media', 'hero_caption', 'hero_credit', 'seo_title', 'seo_description', 'scheduled_at', 'published_at', 'updated_at', 'url', 'translation_group', 'translations', 'quotes'], 'An article\'s working copy'),
  AdminQuote: exact({
    anchor: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,39}$', description: 'The data-quote of its mark in body_html; "statement" names the issuer of a statement article' },
    speaker: { ...id, description: 'Id of the speaker' }, speaker_name: { type: 'string', description: 'Shown, never read' },
    text: { type: 'string', maxLength: 4000 }, role: { type: 'string', description: 'The speaker\'s role at the time' }, organisation: { type: 'string' },
    said: { type: 'string', description: 'YYYY-MM-DD, or empty for the article\'s date' }, place: { type: 'string', description: 'A place tag\'s slug, or empty' },
    event: { type: 'string' }, source: { type: 'string', description: 'http(s) link to the original, or empty' }, language: { type: 'string', description: 'BCP 47 tag of the original, or empty' },
  }, ['anchor', 'speaker', 'text']),
  AdminTranslationInput: exact({ language: { type: 'string', description: 'The new version\'s language, a site language such as ru' } }),
  AdminTranslationLink: exact({ translation_of: { ...id, description: 'Id of an article of the group to join' } }),
  AdminArticleInput: exact({
    ...fields,
    origin: ORIGIN,
    old_urls: { type: 'array', maxItems: OLD_URLS_MAX, items: { type: 'string', maxLength: 2000 }, description: 'Old URLs or paths that answer 301 to it once it is live (404 before); needs the right to manage redirects' },
    status: { enum: ['draft', 'published', 'scheduled'], description: 'draft when absent; published or scheduled publish it in the same request' },
    published_at: { type: 'string', format: 'date-time', description: 'With status published: its original publication time, in the past (archives keep their dates); with scheduled: when to publish' },
    updated_at: { type: 'string', format: 'date-time', description: 'With status published and published_at: its last change, between then and now' },
  }, ['title', 'section']),
  AdminArticlePatch: exact({
    version: { type: 'integer', minimum: 1, description: 'The version these changes were made to' }, ...fields,
    origin: { ...ORIGIN, description: `${ORIGIN.description as string}. Sent, it attaches an origin or replaces the one the article has: lookup?origin= then finds it by the new one only` },
  }, ['version']),
  AdminArticleList: exact({ items: { type: 'array', items: ref('AdminArticle') }, page: { type: 'integer', minimum: 1 }, has_next: { type: 'boolean' } }),
  AdminPublish: exact({
    at: { type: 'string', format: 'date-time', description: 'Schedule for this time (with a zone) instead of publishing now' },
    published_at: { type: 'string', format: 'date-time', description: 'A first publication with its original time, in the past (not with at)' },
    updated_at: { type: 'string', format: 'date-time', description: 'With published_at: the last change, between then and now' },
  }, []),
  AdminMedia: exact({
    id, url: { type: 'string', format: 'uri' }, mime: { type: 'string' }, width: { type: 'integer' }, height: { type: 'integer' },
    bytes: { type: 'integer' }, alt: { type: 'string' }, caption: { type: 'string' }, credit: { type: 'string' },
    focal_x: { type: 'number', minimum: 0, maximum: 1 }, focal_y: { type: 'number', minimum: 0, maximum: 1 },
    created_at: { type: 'string', format: 'date-time' },
    variants: {
      type: 'array', description: 'Responsive sizes, made in the background shortly after the upload',
      items: exact({ width: { type: 'integer' }, height: { type: 'integer' }, format: { type: 'string' }, url: { type: 'string', format: 'uri' }, bytes: { type: 'integer' } }),
    },
  }),
  AdminMediaList: exact({ items: { type: 'array', items: ref('AdminMedia') }, page: { type: 'integer', minimum: 1 }, has_next: { type: 'boolean' } }),
}

const error = (description: string, headers?: Readonly<Record<string, { readonly $ref: string }>>) =>
  ({ description, content: json(ref('Error')), ...(headers && { headers }) })

export const ADMIN_RESPONSES = {
  Unauthorized: error('No API token, or one that is unknown or revoked', { 'WWW-Authenticate': { $ref: '#/components/headers/WWWAuthenticate' } }),
  Forbidden: error('The token\'s user may not do this (the role matrix)'),
  Conflict: error('The article changed in between, the move is not in the workflow, or its translation group already has that language'),
  TooLarge: error('The file is over 20 MiB or 50 megapixels'),
  UnsupportedType: error('The file is not an image type the library takes'),
} as const

export const ADMIN_HEADERS = {
  WWWAuthenticate: { description: 'Bearer realm="broadsheet"', schema: { type: 'string' } },
  Location: { description: 'Where the new resource is', schema: { type: 'string' } },
} as const

export const ADMIN_SECURITY_SCHEMES = {
  bearerToken: { type: 'http', scheme: 'bearer', description: 'An API token from `broadsheet token create --user <email>`' },
} as const

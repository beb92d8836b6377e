// The Content API's quotes and speakers in the OpenAPI document (web/api/openapi.ts spreads these in), and the
// querystring schemas the routes validate with: one schema for both.

type JsonSchema = Readonly<Record<string, unknown>>

const slug = { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 120 } as const
const day = { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', maxLength: 10 } as const
const cursor = { type: 'string', pattern: '^[A-Za-z0-9_-]+$', maxLength: 400 } as const
const limit = { type: 'integer', minimum: 1, maximum: 100, default: 20 } as const
// Digits checked on the string first, as for the articles' limit (openapi.ts wholeNumber).
const limitParam = { allOf: [{ type: 'string', pattern: '^[0-9]{1,6}$' }, limit], default: limit.default } as const

/** Fastify's querystring schema of GET /api/v1/quotes. */
export const quoteListQuerystring = {
  type: 'object', additionalProperties: false,
  properties: { speaker: slug, from: day, to: day, q: { type: 'string', maxLength: 200 }, limit: limitParam, cursor },
} as const

/** Fastify's querystring schema of GET /api/v1/speakers. */
export const speakerListQuerystring = { type: 'object', additionalProperties: false, properties: { limit: limitParam, cursor } } as const

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const query = (name: string, description: string, schema: JsonSchema) => ({ name, in: 'query' as const, description, schema })
const obj = (properties: Readonly<Record<string, JsonSchema>>, description?: string): JsonSchema => ({
  type: 'object', additionalProperties: false, required: Object.keys(properties), properties, ...(description && { description }),
})
const text = { type: 'string' } as const
const url = { type: 'string', format: 'uri' } as const
const sitePath = { type: 'string', pattern: '^/' } as const
const cached = (description: string, schema: JsonSchema) => ({
  description, content: { 'application/json': { schema } },
  headers: { ETag: { $ref: '#/components/headers/ETag' }, 'Cache-Control': { $ref: '#/components/headers/CacheControl' } },
})
const ERRORS = { 304: { $ref: '#/components/responses/NotModified' }, 400: { $ref: '#/components/responses/BadRequest' } } as const
const nextCursor = { type: ['string', 'null'], description: 'Pass as `cursor` for the next page; null on the last page' } as const

export const QUOTE_PATHS = {
  '/api/v1/quotes': {
    get: {
      operationId: 'listQuotes', summary: 'Quotes of published articles, newest said first', tags: ['content'],
      description: 'Who said what, as the newsroom marked it in its articles. Keyset pages: pass `next_cursor` back as `cursor` with the same filters until it is null.',
      parameters: [
        query('speaker', 'Only this speaker\'s quotes (slug); an unknown slug is a 400', slug),
        query('from', 'Said on or after this day, YYYY-MM-DD', day),
        query('to', 'Said on or before this day (inclusive), YYYY-MM-DD', day),
        query('q', 'Words the quote or its speaker\'s name contains', quoteListQuerystring.properties.q),
        query('limit', 'Items per page, 1 to 100', limit),
        query('cursor', 'The next_cursor of the previous page, unchanged', cursor),
      ],
      responses: { 200: cached('A page of quotes', ref('QuoteList')), ...ERRORS },
    },
  },
  '/api/v1/speakers': {
    get: {
      operationId: 'listSpeakers', summary: 'People and organisations quoted in published articles, by name', tags: ['content'],
      parameters: [query('limit', 'Items per page, 1 to 100', limit), query('cursor', 'The next_cursor of the previous page, unchanged', cursor)],
      responses: { 200: cached('A page of speakers', ref('SpeakerList')), ...ERRORS },
    },
  },
} as const

const speakerRef = obj({ slug, name: text, kind: { enum: ['person', 'organisation'] }, url })

export const QUOTE_SCHEMAS: Readonly<Record<string, JsonSchema>> = {
  Quote: obj({
    id: { type: 'integer', minimum: 1 }, url, text, speaker: speakerRef,
    role: { type: 'string', description: 'The speaker\'s role at the time' }, organisation: { type: 'string', description: 'Whom they spoke for' },
    said_on: { type: 'string', format: 'date', description: 'The day said (when the newsroom gave none, the day of the article\'s publication in the site\'s time zone)' },
    place: { anyOf: [obj({ slug, name: text }), { type: 'null' }] }, event: text,
    source_url: { type: ['string', 'null'], description: 'The original statement or document' },
    language: { type: ['string', 'null'], description: 'BCP 47 tag of the original, when not the article\'s' },
    article: obj({ title: text, path: sitePath, url }),
  }, 'A quote of a published article'),
  QuoteList: obj({ items: { type: 'array', items: ref('Quote') }, next_cursor: nextCursor }),
  Speaker: obj({
    slug, name: text, kind: { enum: ['person', 'organisation'] }, description: text, links: { type: 'array', items: url }, path: sitePath, url,
  }, 'A person or organisation quoted in published articles'),
  SpeakerList: obj({ items: { type: 'array', items: ref('Speaker') }, next_cursor: nextCursor }),
}

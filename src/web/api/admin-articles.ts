// Admin API articles: list, create, read, change, publish or schedule, unpublish, trash, restore and delete for good, with the desk's role rules.

import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { ARTICLE_STATUSES, type ArticleStatus } from '../../domain/article.ts'
import { AppError } from '../../errors.ts'
import { actorOf } from '../viewer.ts'
import type { AdminServices } from './admin.ts'
import { articleFields, articleJson, ARTICLE_FIELDS, bodyObject, migrationFields, MIGRATION_FIELDS, newArticleInput, patchedInput } from './admin-article-json.ts'
import { originInput } from '../../editorial/article-migration.ts'

const PER_PAGE_DEFAULT = 30
/** A body may be 2 million characters of HTML (editorial/article-input.ts): room for it in UTF-8 and JSON escapes. */
const ARTICLE_BODY_LIMIT = 16 * 1024 * 1024
/** ISO 8601 date-time with a zone: `2026-12-01T09:00:00Z` or `…+05:00`. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/

interface ListQuery { status?: ArticleStatus; section?: string; author?: string; q?: string; page?: number; per_page?: number }
interface IdParams { id: number }
interface LookupQuery { slug?: string; origin?: string }

const lookupQuerySchema = {
  type: 'object',
  properties: { slug: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[a-z0-9-]+$' }, origin: { type: 'string', minLength: 5, maxLength: 1000 } },
  additionalProperties: false,
} as const

const SLUG = { type: 'string', minLength: 1, maxLength: 200, pattern: '^[a-z0-9-]+$' } as const
const listQuerySchema = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ARTICLE_STATUSES },
    section: SLUG,
    author: SLUG,
    q: { type: 'string', maxLength: 200 },
    page: { type: 'integer', minimum: 1, maximum: 100_000 },
    per_page: { type: 'integer', minimum: 1, maximum: 100 },
  },
  additionalProperties: false,
} as const
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER } } } as const

/** A date-time field (`at`, `published_at`, `updated_at`) in epoch ms; the use-case checks it against now. */
export function dateTime(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null) return undefined
  const ms = typeof value === 'string' && DATE_TIME.test(value) ? Date.parse(value) : NaN
  if (!Number.isFinite(ms)) throw new AppError('Invalid', `${field} must be an ISO 8601 date-time with a time zone, such as 2026-12-01T09:00:00Z`, field)
  return ms
}

export const adminArticleRoutes = (s: AdminServices): FastifyPluginAsync => async (app) => {
  const siteLanguage = async () => (await s.site.get()).settings.language

  /** The article as the token's user may see it (desk-reads.ts decides), in the API's JSON. */
  const show = async (req: FastifyRequest, id: number) => ({
    ...articleJson(await s.deskReads.view(actorOf(req), id), { siteUrl: s.config.siteUrl, siteLanguage: await siteLanguage() }),
    quotes: (await s.quoteDesk.articleQuotes(actorOf(req), id)).map(({ speakerName, ...q }) => ({ ...q, speaker_name: speakerName })),
  })

  app.get<{ Querystring: ListQuery }>('/', { schema: { querystring: listQuerySchema } }, async (req) => {
    const { status, section, author } = req.query
    const text = req.query.q?.trim() ?? ''
    const page = req.query.page ?? 1, perPage = req.query.per_page ?? PER_PAGE_DEFAULT
    // Whoever may not edit everyone's articles lists only their own, as on the desk (desk-reads.ts).
    const list = await s.deskReads.articles(actorOf(req), { status, section, author, text, page, perPage })
    const items = []
    for (const item of list.items) items.push(await show(req, item.id))
    return { items, page, has_next: list.hasNext }
  })

  // A migration script finds what an earlier run created: by the slug it gave, or by its own id (system:site:id), the
  // origin the importers record too. Only articles the token's user may open are answered.
  app.get<{ Querystring: LookupQuery }>('/lookup', { schema: { querystring: lookupQuerySchema } }, async (req) => {
    const { slug, origin } = req.query
    if ((slug === undefined) === (origin === undefined)) throw new AppError('Invalid', 'give either slug or origin (system:site:id)', slug === undefined ? 'slug' : 'origin')
    const by: Parameters<typeof s.deskReads.lookup>[1] = origin !== undefined ? { origin: originInput(origin) } : { slug: slug! }
    const items = []
    for (const id of await s.deskReads.lookup(actorOf(req), by)) items.push(await show(req, id))
    return { items }
  })

  // A migration script may also send the article's origin, old URLs, and status published with its original times.
  app.post('/', { bodyLimit: ARTICLE_BODY_LIMIT }, async (req, reply) => {
    const body = bodyObject(req.body, [...ARTICLE_FIELDS, ...MIGRATION_FIELDS])
    const input = newArticleInput(articleFields(body))
    const { id } = await s.editing.create(input, actorOf(req), migrationFields(body, dateTime))
    const json = await show(req, id)
    const notes = await heroNotes(json.hero_media)
    return reply.code(201).header('location', `/api/v1/admin/articles/${id}`).send(notes.length ? { ...json, notes } : json)
  })

  /** An imported article's hero may lack alt text: the answer says so, as the importers' reports do. */
  const heroNotes = async (mediaId: number | null): Promise<string[]> => {
    if (mediaId === null) return []
    const media = await s.media.get(mediaId)
    return media && !media.alt.trim() ? [`the hero image (media ${mediaId}) has no alt text; add it (PATCH /api/v1/admin/media/${mediaId})`] : []
  }

  app.get<{ Params: IdParams }>('/:id', { schema: { params: idParams } }, async (req) => {
    await s.editing.open(req.params.id, actorOf(req))
    return show(req, req.params.id)
  })

  app.patch<{ Params: IdParams }>('/:id', { schema: { params: idParams }, bodyLimit: ARTICLE_BODY_LIMIT }, async (req) => {
    const id = req.params.id
    const body = bodyObject(req.body, [...ARTICLE_FIELDS, 'version', 'origin'])
    const version = body.version
    if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
      throw new AppError('Invalid', 'version is required: the version of the article these changes were made to', 'version')
    }
    const fields = articleFields(body)
    // A migration script attaches or corrects the id the article had in the old system (editing.ts save).
    const origin = body.origin === undefined ? undefined : originInput(body.origin)
    const current = (await s.deskReads.view(actorOf(req), id)).working
    await s.editing.save({ articleId: id, version, input: patchedInput(current.snapshot, fields), actor: actorOf(req), kind: 'save', ...(origin && { origin }) })
    return show(req, id)
  })

  /**
   * Publishes now, or schedules when the body carries `at`. `published_at` (and `updated_at`), in the past, publish an
   * article for the first time with its original times: an archive moved in keeps its dates.
   */
  app.post<{ Params: IdParams }>('/:id/publish', { schema: { params: idParams } }, async (req) => {
    const id = req.params.id
    const body = bodyObject(req.body, ['at', 'published_at', 'updated_at'])
    const at = dateTime(body.at, 'at'), publishedAt = dateTime(body.published_at, 'published_at'), updatedAt = dateTime(body.updated_at, 'updated_at')
    if (at !== undefined && publishedAt !== undefined) throw new AppError('Invalid', 'give at (to schedule) or published_at (an original time), not both', 'published_at')
    if (updatedAt !== undefined && publishedAt === undefined) throw new AppError('Invalid', 'updated_at goes with published_at', 'updated_at')
    const to = at === undefined ? 'published' : 'scheduled'
    await s.editing.transition(id, to, actorOf(req), at, publishedAt === undefined ? undefined : { publishedAt, ...(updatedAt !== undefined && { updatedAt }) })
    return show(req, id)
  })

  app.post<{ Params: IdParams }>('/:id/unpublish', { schema: { params: idParams } }, async (req) => {
    const id = req.params.id
    bodyObject(req.body, [])
    await s.editing.transition(id, 'unpublished', actorOf(req))
    return show(req, id)
  })

  /** A linked draft in another language, prefilled from this article (editorial/translations.ts audits it). */
  app.post<{ Params: IdParams }>('/:id/translations', { schema: { params: idParams } }, async (req, reply) => {
    const { language } = bodyObject(req.body, ['language'])
    if (language === undefined) throw new AppError('Invalid', 'language is required', 'language')
    const { id } = await s.translations.add(req.params.id, language, actorOf(req))
    return reply.code(201).header('location', `/api/v1/admin/articles/${id}`).send(await show(req, id))
  })

  /** Makes this article a translation of `translation_of` (joins its group). */
  app.post<{ Params: IdParams }>('/:id/translation-group', { schema: { params: idParams } }, async (req) => {
    const { translation_of: translationOf } = bodyObject(req.body, ['translation_of'])
    if (translationOf === undefined) throw new AppError('Invalid', 'translation_of is required', 'translation_of')
    await s.translations.link(req.params.id, translationOf, actorOf(req))
    return show(req, req.params.id)
  })

  /** Takes this article out of its translation group. */
  app.delete<{ Params: IdParams }>('/:id/translation-group', { schema: { params: idParams } }, async (req) => {
    await s.translations.unlink(req.params.id, actorOf(req))
    return show(req, req.params.id)
  })

  app.delete<{ Params: IdParams }>('/:id', { schema: { params: idParams } }, async (req, reply: FastifyReply) => {
    const id = req.params.id
    await s.editing.remove(id, actorOf(req))
    return reply.code(204).send()
  })

  app.post<{ Params: IdParams }>('/:id/restore', { schema: { params: idParams } }, async (req) => {
    bodyObject(req.body, [])
    await s.editing.restoreFromTrash(req.params.id, actorOf(req))
    return show(req, req.params.id)
  })

  app.delete<{ Params: IdParams }>('/:id/forever', { schema: { params: idParams } }, async (req, reply: FastifyReply) => {
    await s.editing.deleteForever(req.params.id, actorOf(req))
    return reply.code(204).send()
  })
}

// The Admin API's article JSON both ways: request bodies checked field by field into article input, articles out as snake_case JSON.

import { articlePath } from '../../domain/paths.ts'
import type { RevisionSnapshot } from '../../domain/revision.ts'
import type { ArticleInput } from '../../editorial/article-input.ts'
import { AppError } from '../../errors.ts'
import type { ArticleView } from '../../editorial/desk-reads.ts'

/** The article fields a client may send, as they are named in JSON. */
export const ARTICLE_FIELDS = [
  'title', 'slug', 'standfirst', 'body_html', 'section', 'genre', 'tags', 'authors', 'language', 'editors_choice', 'hero_media',
  'hero_caption', 'hero_credit', 'seo_title', 'seo_description', 'translation_of',
] as const
type Field = (typeof ARTICLE_FIELDS)[number]

/** Parsed fields; absent ones were not sent. */
export type ArticleFields = { -readonly [K in keyof ArticleInput]?: ArticleInput[K] }

const STRING_MAX = 2_500_000
const LIST_MAX = 100

const invalid = (field: string, message: string): never => { throw new AppError('Invalid', `${field} ${message}`, field) }

function text(body: Record<string, unknown>, field: Field): string | undefined {
  const v = body[field]
  if (v === undefined) return undefined
  if (typeof v !== 'string') return invalid(field, 'must be a string')
  if (v.length > STRING_MAX) return invalid(field, `is too long: at most ${STRING_MAX} characters`)
  return v
}

/** A text field that may be null (hero_caption, hero_credit: null shows the media library's). */
function textOrNull(body: Record<string, unknown>, field: 'hero_caption' | 'hero_credit'): string | null | undefined {
  return body[field] === null ? null : text(body, field)
}

function slugs(body: Record<string, unknown>, field: 'tags' | 'authors'): string[] | undefined {
  const v = body[field]
  if (v === undefined) return undefined
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string' || s.length > 200)) return invalid(field, 'must be a list of slugs')
  if (v.length > LIST_MAX) return invalid(field, `may hold at most ${LIST_MAX} slugs`)
  return v as string[]
}

function idOrNull(body: Record<string, unknown>, field: 'editors_choice' | 'hero_media' | 'translation_of', what: string): number | null | undefined {
  const v = body[field]
  if (v === undefined || v === null) return v
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1) return invalid(field, `must be ${what} or null`)
  return v
}

/** The body as an object whose keys are all `allowed`; AppError('Invalid') naming the first unknown one otherwise. */
export function bodyObject(body: unknown, allowed: readonly string[]): Record<string, unknown> {
  if (body === undefined || body === null) return {}
  if (typeof body !== 'object' || Array.isArray(body)) throw new AppError('Invalid', 'the body must be a JSON object')
  const unknown = Object.keys(body).find((k) => !allowed.includes(k))
  if (unknown !== undefined) throw new AppError('Invalid', `unknown field "${unknown.slice(0, 100)}"`, unknown.slice(0, 100))
  return body as Record<string, unknown>
}

/** Checks the types of the article fields sent; the values themselves are checked by the editorial validation. */
export function articleFields(body: Record<string, unknown>): ArticleFields {
  const out: ArticleFields = {}
  const title = text(body, 'title'), slug = text(body, 'slug'), standfirst = text(body, 'standfirst'), bodyHtml = text(body, 'body_html')
  const section = text(body, 'section'), genre = text(body, 'genre'), language = text(body, 'language')
  const seoTitle = text(body, 'seo_title'), seoDescription = text(body, 'seo_description')
  const tags = slugs(body, 'tags'), authors = slugs(body, 'authors')
  const rank = idOrNull(body, 'editors_choice', 'a rank from 1 to 1000'), hero = idOrNull(body, 'hero_media', 'an image id')
  const translationOf = idOrNull(body, 'translation_of', 'an article id')
  const heroCaption = textOrNull(body, 'hero_caption'), heroCredit = textOrNull(body, 'hero_credit')
  if (title !== undefined) out.title = title
  if (slug !== undefined) out.slug = slug
  if (standfirst !== undefined) out.standfirst = standfirst
  if (bodyHtml !== undefined) out.bodyHtml = bodyHtml
  if (section !== undefined) out.section = section
  if (genre !== undefined) out.genre = genre
  if (language !== undefined) out.language = language
  if (seoTitle !== undefined) out.seoTitle = seoTitle
  if (seoDescription !== undefined) out.seoDescription = seoDescription
  if (tags !== undefined) out.tags = tags
  if (authors !== undefined) out.authors = authors
  if (rank !== undefined) out.editorsChoiceRank = rank
  if (hero !== undefined) out.heroMediaId = hero
  if (heroCaption !== undefined) out.heroCaption = heroCaption
  if (heroCredit !== undefined) out.heroCredit = heroCredit
  if (translationOf !== undefined) out.translationOf = translationOf
  return out
}

/** The input of a new article: title and section are required. */
export function newArticleInput(fields: ArticleFields): ArticleInput {
  if (fields.title === undefined) return invalid('title', 'is required')
  if (fields.section === undefined) return invalid('section', 'is required')
  return { ...fields, title: fields.title, section: fields.section }
}

/**
 * The working copy as input with the sent fields changed: fields not sent keep their current values, except the hero's
 * own caption and credit, which belong to the image they were written for and go back to the library's with a new hero.
 */
export function patchedInput(current: RevisionSnapshot, fields: ArticleFields): ArticleInput {
  const newHero = fields.heroMediaId !== undefined && fields.heroMediaId !== current.heroMediaId
  return {
    title: current.title, slug: current.slug, standfirst: current.standfirst, bodyHtml: current.bodyHtml, section: current.section,
    genre: current.genre, language: current.language, tags: current.tags, authors: current.authors, heroMediaId: current.heroMediaId,
    heroCaption: newHero ? null : current.heroCaption, heroCredit: newHero ? null : current.heroCredit,
    seoTitle: current.seoTitle, seoDescription: current.seoDescription, editorsChoiceRank: current.editorsChoiceRank, ...fields,
  }
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString())

/** An article as the Admin API shows it; `url` is its public URL while it is live. */
export function articleJson({ article, working, live, versions }: ArticleView, ctx: { readonly siteUrl: URL; readonly siteLanguage: string }) {
  const id = article.id
  const s = working.snapshot
  const base = `${ctx.siteUrl.origin}${ctx.siteUrl.pathname}`.replace(/\/+$/, '')
  return {
    id: article.id, version: article.version, status: article.status, title: s.title, slug: s.slug, standfirst: s.standfirst,
    body_html: s.bodyHtml as string, section: s.section, genre: s.genre, tags: s.tags, authors: s.authors, language: s.language,
    editors_choice: s.editorsChoiceRank, hero_media: s.heroMediaId,
    hero_caption: s.heroCaption, hero_credit: s.heroCredit, seo_title: s.seoTitle, seo_description: s.seoDescription,
    scheduled_at: iso(article.scheduledAt), published_at: iso(article.publishedAt), updated_at: iso(article.updatedAt),
    url: live ? base + articlePath(live, ctx.siteLanguage) : null,
    translation_group: versions.length > 1 ? (article.translationGroup ?? article.id) : null,
    translations: versions.filter((v) => v.id !== id).map((v) => ({ id: v.id, language: v.language, title: v.title, status: v.status })),
  }
}

export type AdminArticleJson = ReturnType<typeof articleJson>

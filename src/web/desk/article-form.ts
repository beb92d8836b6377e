// The article form of the desk (and the same fields as JSON for autosave): read into ArticleInput, tags as typed and chosen.

import { slugify } from '../../domain/slug.ts'
import { AppError } from '../../errors.ts'
import { ARTICLE_LIMITS } from '../../editorial/article-input.ts'

/** The form's fields as they arrive: strings only (the schemas below refuse anything else). */
export type ArticleFields = Readonly<Record<string, string>>

/** Each author is a checkbox named `author:<slug>`, because the desk's form parser keeps one value per name. */
export const AUTHOR_FIELD = 'author:'
/** A "Create tag 'X'" checkbox is named `new_tag:<slug of X>`; the picker script lists its choices in `new_tags` instead. */
export const NEW_TAG_FIELD = 'new_tag:'
const MAX_TAGS = 30

const text = (max: number) => ({ type: 'string', maxLength: max }) as const

/** JSON-schema properties of the article form; shared by the form posts and the autosave body. */
export const articleFieldProperties = {
  title: text(ARTICLE_LIMITS.title), standfirst: text(ARTICLE_LIMITS.standfirst), body: text(ARTICLE_LIMITS.body_html), section: text(200), genre: text(40), tags: text(3000),
  new_tags: text(3000), hero: text(20), hero_caption: text(ARTICLE_LIMITS.hero_caption), hero_credit: text(ARTICLE_LIMITS.hero_credit), seo_title: text(ARTICLE_LIMITS.seo_title), seo_description: text(ARTICLE_LIMITS.seo_description), slug: text(200), editors_choice_rank: text(10), editors_choice_rank_was: text(10), language: text(35),
} as const

export const articleFieldsSchema = {
  type: 'object',
  properties: articleFieldProperties,
  patternProperties: { '^author:[a-z0-9-]{1,120}$': text(10), '^new_tag:[a-z0-9-]{1,120}$': text(10) },
  additionalProperties: false,
} as const

const optionalInt = (value: string | undefined, field: string, message: string): number | null => {
  const v = (value ?? '').trim()
  if (!v) return null
  if (!/^\d{1,9}$/.test(v)) throw new AppError('Invalid', message, field)
  return Number(v)
}

/** Tag names from the comma-separated field, trimmed, without repeats (by slug). */
export function tagNames(value: string | undefined): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const raw of (value ?? '').split(',')) {
    const name = raw.trim().replace(/\s+/g, ' ')
    if (!name) continue
    if (name.length > 100) throw new AppError('Invalid', `the tag "${name.slice(0, 40)}…" is longer than 100 characters`, 'tags')
    const slug = slugify(name)
    // slugify falls back to "untitled" when nothing is left of a name: such a name is no tag.
    if (slug === 'untitled' && !/untitled/i.test(name)) throw new AppError('Invalid', `the tag "${name}" needs letters or digits`, 'tags')
    if (seen.has(slug)) continue
    seen.add(slug)
    out.push(name)
  }
  if (out.length > MAX_TAGS) throw new AppError('Invalid', `an article may have at most ${MAX_TAGS} tags`, 'tags')
  return out
}

/** The tags the writer chose to create: names from the picker's `new_tags` list and slugs of ticked "Create tag" boxes. */
const newTagNames = (fields: ArticleFields): string[] => [
  ...(fields.new_tags ?? '').split(',').map((n) => n.trim()).filter((n) => n !== ''),
  ...Object.entries(fields).filter(([k, v]) => k.startsWith(NEW_TAG_FIELD) && v).map(([k]) => k.slice(NEW_TAG_FIELD.length)),
]

/** Author slugs of the ticked checkboxes, in the order the form lists them (the byline order). */
export const authorSlugs = (fields: ArticleFields): string[] =>
  Object.entries(fields).filter(([k, v]) => k.startsWith(AUTHOR_FIELD) && v).map(([k]) => k.slice(AUTHOR_FIELD.length))

const RANK_MESSAGE = "the editor's choice rank must be a whole number from 1 to 1000"

/**
 * The rank the form asks for, or undefined for "leave it": the field is absent (the form shows it disabled to whoever
 * may not curate) or unchanged since the page loaded (`editors_choice_rank_was`), so a form opened before the picks
 * were reordered on /desk/front does not put the old rank back.
 */
function sentRank(fields: ArticleFields): number | null | undefined {
  if (fields.editors_choice_rank === undefined) return undefined
  const rank = optionalInt(fields.editors_choice_rank, 'editors_choice', RANK_MESSAGE)
  const was = fields.editors_choice_rank_was
  if (was !== undefined && optionalInt(was, 'editors_choice', RANK_MESSAGE) === rank) return undefined
  return rank
}

/**
 * The article input of the form, its tags as the names typed (the editing service resolves them, creating new topics
 * on an explicit save only). Throws AppError('Invalid') naming a bad field.
 */
export function readArticleForm(fields: ArticleFields): {
  title: string; slug?: string; standfirst: string; bodyHtml: string; section: string; genre: string; language?: string
  tagNames: readonly string[]; newTagNames: readonly string[]; authors: string[]; heroMediaId: number | null; heroCaption: string; heroCredit: string; seoTitle: string; seoDescription: string; editorsChoiceRank?: number | null
} {
  const slug = (fields.slug ?? '').trim()
  const language = (fields.language ?? '').trim()
  const rank = sentRank(fields)
  return {
    title: fields.title ?? '', standfirst: fields.standfirst ?? '', bodyHtml: fields.body ?? '', section: fields.section ?? '',
    genre: fields.genre || 'news', ...(slug && { slug }), ...(language && { language }), tagNames: tagNames(fields.tags), newTagNames: newTagNames(fields), authors: authorSlugs(fields),
    heroMediaId: optionalInt(fields.hero, 'hero_media', 'choose the hero image from the list'),
    heroCaption: fields.hero_caption ?? '', heroCredit: fields.hero_credit ?? '',
    seoTitle: fields.seo_title ?? '', seoDescription: fields.seo_description ?? '', ...(rank !== undefined && { editorsChoiceRank: rank }),
  }
}

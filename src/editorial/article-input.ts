// Validation of article input from any source (desk, API, importers) into a sanitized draft: the body first, outside transactions.

import { isGenre, type Genre } from '../domain/article.ts'
import { isLanguageTag } from '../domain/language.ts'
import { MEDIA_TEXT_LIMITS } from '../domain/media.ts'
import { isSlug, slugify } from '../domain/slug.ts'
import { sanitizeBody, sanitizeBodyAsync } from '../content/sanitize.ts'
import type { SanitizedHtml } from '../domain/sanitized-html.ts'
import { AppError } from '../errors.ts'
import type { ArticleDraft } from '../store/articles.ts'
import type { Repositories } from '../store/store.ts'
import { checkLanguageFree, checkNotSelf, groupOf } from './translation-rules.ts'

/** Article fields as they arrive: references by slug, body as untrusted HTML. */
export interface ArticleInput {
  readonly title: string
  readonly slug?: string
  readonly standfirst?: string
  readonly bodyHtml?: string
  readonly section: string
  readonly genre?: string
  readonly language?: string
  readonly tags?: readonly string[]
  /**
   * Tags as a writer typed them (the desk's form): each an existing tag's slug or name, or a new topic. Replaces
   * `tags` when given; see resolveTagNames for when new topics are made.
   */
  readonly tagNames?: readonly string[]
  /**
   * Of `tagNames`, those the writer explicitly chose to create ("Create tag 'X'"), by name or slug. A typed name that
   * is no tag and is not listed here is refused on an explicit save: a typo must not become a topic.
   */
  readonly newTagNames?: readonly string[]
  readonly authors?: readonly string[]
  readonly heroMediaId?: number | null
  /** This article's caption and credit for its hero; empty or absent shows the media library's. */
  readonly heroCaption?: string | null
  readonly heroCredit?: string | null
  readonly seoTitle?: string
  readonly seoDescription?: string
  readonly editorsChoiceRank?: number | null
  readonly translationOf?: number | null
  readonly origin?: { readonly system: string; readonly id: string }
}

/** Article input whose body has been through the sanitizer (cleanInput): what the use-cases inside a transaction take. */
export type CleanArticleInput = Omit<ArticleInput, 'bodyHtml'> & { readonly bodyHtml?: SanitizedHtml }

/** The longest body accepted, in characters of HTML. */
export const BODY_MAX_CHARS = 2_000_000

/**
 * The longest value of each text field of an article, by the field's name in forms and JSON: the one table the
 * validation below, the desk's form schema and the Admin API's OpenAPI document all read.
 */
export const ARTICLE_LIMITS = {
  title: 300, standfirst: 1000, seo_title: 300, seo_description: 500, body_html: BODY_MAX_CHARS,
  hero_caption: MEDIA_TEXT_LIMITS.caption, hero_credit: MEDIA_TEXT_LIMITS.credit,
} as const

const EMPTY_BODY = sanitizeBody('')

/** A save named tags that do not exist and were not marked new: the desk offers "Create tag 'X'" for each. */
export class UnknownTagsError extends AppError {
  readonly names: readonly string[]
  constructor(names: readonly string[]) {
    const list = names.map((n) => `"${n}"`).join(', ')
    super('Invalid', `${names.length === 1 ? 'there is no tag' : 'there are no tags'} ${list}: choose an existing tag, or choose "Create tag" to make ${names.length === 1 ? 'it' : 'them'}`, 'tags')
    this.names = names
  }
}

/**
 * Tag slugs for the names a writer typed: an existing tag by slug or by the slug of the name. A name that is no tag
 * becomes a new topic only on an explicit save (`create`) and only when it is among `marked` (the names the writer
 * chose to create); unmarked, the save is refused with UnknownTagsError, naming every such name. An autosave
 * (`create` false) skips unknown names: it would otherwise make a tag of every prefix typed (`zqel`, `zqelec`…).
 */
export async function resolveTagNames(tx: Repositories, names: readonly string[], create: boolean, marked: readonly string[] = []): Promise<string[]> {
  const markedSlugs = new Set(marked.map((m) => slugify(m)))
  const slugs: string[] = []
  const unknown: { name: string; slug: string }[] = []
  for (const name of names) {
    const existing = (isSlug(name) && await tx.taxonomy.tagBySlug(name)) || await tx.taxonomy.tagBySlug(slugify(name))
    const slug = existing ? existing.slug : slugify(name)
    if (!existing) {
      if (!create) continue
      if (!markedSlugs.has(slug)) {
        unknown.push({ name, slug })
        continue
      }
    }
    if (!slugs.includes(slug)) slugs.push(slug)
  }
  if (unknown.length) throw new UnknownTagsError(unknown.map((u) => u.name))
  // Created only once every name is known to be fine, so a refused save leaves no tag behind.
  for (const name of names) {
    const slug = slugify(name)
    if (markedSlugs.has(slug) && slugs.includes(slug) && !(await tx.taxonomy.tagBySlug(slug))) {
      await tx.taxonomy.insertTag({ slug, name, kind: 'topic', parentId: null, isoCode: null, description: '' })
    }
  }
  return slugs
}

/** `input` with its typed tag names (if any) resolved into `tags`. */
export async function withResolvedTags<T extends Pick<ArticleInput, 'tagNames' | 'tags' | 'newTagNames'>>(tx: Repositories, input: T, create: boolean): Promise<Omit<T, 'tagNames' | 'newTagNames'>> {
  const { tagNames, newTagNames, ...rest } = input
  if (tagNames === undefined) return rest
  return { ...rest, tags: await resolveTagNames(tx, tagNames, create, newTagNames ?? []) }
}

/** An article's own text for its hero, trimmed; null (the library's) when empty or absent. */
const ownText = (value: string | null | undefined, max: number, field: string): string | null =>
  limit((value ?? '').trim(), max, field) || null

const limit = (value: string, max: number, field: string): string => {
  if (value.length > max) throw new AppError('Invalid', `${field} is longer than ${max} characters`, field)
  return value
}

/**
 * Sanitizes the body of `input`, checking its length first. Call it before opening the transaction: a long body is
 * cleaned in a worker thread, and SQLite's one connection must not wait for it. Throws AppError('Invalid') naming
 * body_html when the body is too long or nests too deeply, AppError('TooMany') when the sanitizer is saturated.
 */
export async function cleanInput(input: ArticleInput): Promise<CleanArticleInput> {
  return { ...input, bodyHtml: await sanitizeBodyAsync(limit(input.bodyHtml ?? '', BODY_MAX_CHARS, 'body_html'), 'body_html') }
}

/**
 * Checks every field and resolves references; throws AppError('Invalid') naming the first bad field, or
 * AppError('Conflict') when `translationOf`'s group already has an article in this language. `self` is the article
 * being saved (null for a new one).
 */
export async function toDraft(tx: Repositories, input: CleanArticleInput, siteLanguage: string, self: number | null = null): Promise<ArticleDraft> {
  const title = limit(input.title.trim(), ARTICLE_LIMITS.title, 'title')
  if (!title) throw new AppError('Invalid', 'a title is required', 'title')
  const slug = input.slug?.trim() || slugify(title)
  if (!isSlug(slug)) throw new AppError('Invalid', 'the slug may hold only a–z, 0–9 and single hyphens', 'slug')
  const genre: Genre = (input.genre ?? 'news') as Genre
  if (!isGenre(genre)) throw new AppError('Invalid', `unknown genre "${input.genre}"`, 'genre')
  const language = input.language ?? siteLanguage
  if (!isLanguageTag(language)) throw new AppError('Invalid', `"${language}" is not a language tag such as en or ru`, 'language')
  const section = await tx.taxonomy.sectionBySlug(input.section)
  if (!section) throw new AppError('Invalid', `unknown section "${input.section}"`, 'section')
  const tagIds: number[] = []
  for (const t of input.tags ?? []) {
    const tag = await tx.taxonomy.tagBySlug(t)
    if (!tag) throw new AppError('Invalid', `unknown tag "${t}"`, 'tags')
    if (!tagIds.includes(tag.id)) tagIds.push(tag.id)
  }
  const authorIds: number[] = []
  for (const a of input.authors ?? []) {
    const author = await tx.people.authorBySlug(a)
    if (!author) throw new AppError('Invalid', `unknown author "${a}"`, 'authors')
    if (!authorIds.includes(author.id)) authorIds.push(author.id)
  }
  if (input.heroMediaId != null) {
    const media = await tx.media.get(input.heroMediaId)
    if (!media) throw new AppError('Invalid', 'the hero image does not exist', 'hero_media')
    // Imported heroes may lack alt text (Ghost 3 had none): the import report lists them for editors, whose next
    // save of the article then asks for it like any other.
    if (!media.alt.trim() && !input.origin) throw new AppError('Invalid', 'the hero image needs alt text before it can be used', 'hero_media')
  }
  let translationGroup: number | null = null
  if (input.translationOf != null) {
    const original = await tx.articles.get(input.translationOf)
    if (!original) throw new AppError('Invalid', 'the article this translates does not exist', 'translation_of')
    checkNotSelf(self, original.id)
    translationGroup = groupOf(original)
    await checkLanguageFree(tx, translationGroup, language, self)
  }
  const rank = input.editorsChoiceRank ?? null
  if (rank !== null && (!Number.isInteger(rank) || rank < 1 || rank > 1000)) {
    throw new AppError('Invalid', "the editor's choice rank must be a whole number from 1 to 1000", 'editors_choice')
  }
  return {
    translationGroup, language, sectionId: section.id, slug, genre, title,
    standfirst: limit((input.standfirst ?? '').trim(), ARTICLE_LIMITS.standfirst, 'standfirst'),
    bodyHtml: input.bodyHtml ?? EMPTY_BODY,
    heroMediaId: input.heroMediaId ?? null,
    // Without a hero there is nothing to caption: the article's own text would only resurface with the next image.
    heroCaption: input.heroMediaId == null ? null : ownText(input.heroCaption, ARTICLE_LIMITS.hero_caption, 'hero_caption'),
    heroCredit: input.heroMediaId == null ? null : ownText(input.heroCredit, ARTICLE_LIMITS.hero_credit, 'hero_credit'),
    seoTitle: limit((input.seoTitle ?? '').trim(), ARTICLE_LIMITS.seo_title, 'seo_title'),
    seoDescription: limit((input.seoDescription ?? '').trim(), ARTICLE_LIMITS.seo_description, 'seo_description'),
    editorsChoice: rank !== null, editorsChoiceRank: rank, editorsChoiceUntil: null,
    originSystem: input.origin?.system ?? null, originId: input.origin?.id ?? null,
    tagIds, authorIds,
  }
}

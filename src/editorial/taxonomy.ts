// Housekeeping of sections and tags: create, edit, reorder, merge, delete. One transaction each, audited, caches told.

import type { Clock } from '../domain/clock.ts'
import { FLUSH_ALL, type Scope } from '../domain/invalidation.ts'
import { articlePath, sectionPath, tagPath } from '../domain/paths.ts'
import { isIsoCode, isTagKind, type Section, type Tag, type TagNames } from '../domain/taxonomy.ts'
import { languagePrefix } from '../domain/language.ts'
import { AppError } from '../errors.ts'
import type { SiteContextCache } from '../reading/site-settings.ts'
import type { Repositories, Store } from '../store/store.ts'
import type { NewTag } from '../store/taxonomy.ts'
import { direction, optionalText, requiredId, requiredText, slugInput } from './desk-input.ts'
import { isUniqueViolation } from '../store/unique-violation.ts'
import type { Actor } from './article-access.ts'
import { requirePermission } from './permission.ts'
import { slugify } from '../domain/slug.ts'

/** Tags the article form's picker offers for what was typed, and whether one of them is exactly that name. */
export interface TagSuggestions {
  readonly tags: readonly Pick<Tag, 'slug' | 'name' | 'kind'>[]
  /** Whether a tag of that name (by slug) exists: otherwise the picker offers "Create tag". */
  readonly exact: boolean
}

/** Suggestions shown at most; more are read so that names starting with the text can come first. */
const SUGGESTIONS = 10
import { pageHoldsSectionPath } from './page-tree.ts'

export interface TaxonomyDeskDeps {
  readonly store: Store
  readonly clock: Clock
  /** Sections are cached with the settings: every section change drops that cache. */
  readonly site: SiteContextCache
}

export interface SectionInput {
  readonly name?: unknown; readonly slug?: unknown; readonly description?: unknown
  /** Whether articles without a byline may be published in it: true or false (the desk's checkbox sends '1' or ''); absent keeps it. */
  readonly allowUnsigned?: unknown
}

/** The unsigned-pieces flag as given, or undefined when absent. */
function unsignedFlag(value: unknown): boolean | undefined {
  if (value === undefined) return undefined
  if (value === true || value === '1') return true
  if (value === false || value === '' || value === '0') return false
  throw new AppError('Invalid', 'allow_unsigned is true or false', 'allow_unsigned')
}
export interface TagInput {
  readonly name?: unknown; readonly slug?: unknown; readonly kind?: unknown; /** The parent's slug. */ readonly parent?: unknown; readonly isoCode?: unknown; readonly description?: unknown
  /**
   * Names in the site's other languages, by language tag or primary subtag (`{ ru: "Энергетика" }`); an empty name
   * removes that language's. Absent keeps the names the tag has.
   */
  readonly names?: unknown
}

function sectionFields(input: SectionInput): { name: string; slug: string; description: string; allowUnsigned?: boolean } {
  const allowUnsigned = unsignedFlag(input.allowUnsigned)
  return {
    name: requiredText(input.name, 'name', 'The name', 100),
    slug: slugInput(input.slug, { firstSegment: true }),
    description: optionalText(input.description, 'description', 'The description', 1000),
    ...(allowUnsigned !== undefined && { allowUnsigned }),
  }
}

const slugTaken = (what: string, slug: string) => (err: unknown): never => {
  throw isUniqueViolation(err) ? new AppError('Invalid', `another ${what} already has the slug "${slug}"`, 'slug') : err
}

export function createTaxonomyDesk({ store, clock, site }: TaxonomyDeskDeps) {
  const audit = (tx: Repositories, userId: number | null, action: string, type: string, id: number, details: Record<string, unknown>) =>
    tx.audit.record({ userId, action, subjectType: type, subjectId: String(id), details, at: clock.now() })

  /** Validates tag input; the parent must exist, not be the tag itself or below it. */
  async function tagFields(tx: Repositories, input: TagInput, selfId: number | null): Promise<NewTag> {
    const name = requiredText(input.name, 'name', 'The name', 100)
    const slug = slugInput(input.slug)
    const kind = typeof input.kind === 'string' ? input.kind : ''
    if (!isTagKind(kind)) throw new AppError('Invalid', 'the kind is topic or place', 'kind')
    const iso = optionalText(input.isoCode, 'isoCode', 'The ISO code', 10).toUpperCase()
    if (iso && kind !== 'place') throw new AppError('Invalid', 'only places have an ISO code', 'isoCode')
    if (iso && !isIsoCode(iso)) throw new AppError('Invalid', 'the ISO code is ISO 3166 ("KZ", "GE-AB")', 'isoCode')
    const parentSlug = optionalText(input.parent, 'parent', 'The parent', 120)
    let parentId: number | null = null
    if (parentSlug) {
      const parent = await tx.taxonomy.tagBySlug(parentSlug)
      if (!parent) throw new AppError('Invalid', `there is no tag "${parentSlug}"`, 'parent')
      parentId = parent.id
    }
    // Walk up from the parent: reaching this tag would make a cycle.
    for (let id = parentId, hops = 0; id !== null; hops++) {
      if (id === selfId || hops > 50) throw new AppError('Invalid', 'a tag cannot sit below itself', 'parent')
      id = (await tx.taxonomy.tag(id))?.parentId ?? null
    }
    return { name, slug, kind, parentId, isoCode: iso || null, description: optionalText(input.description, 'description', 'The description', 1000) }
  }

  /** Checked names in other languages: only site languages other than the default, each at most 100 characters. */
  async function tagNames(input: TagInput): Promise<TagNames | undefined> {
    if (input.names === undefined) return undefined
    if (!input.names || typeof input.names !== 'object' || Array.isArray(input.names)) throw new AppError('Invalid', 'names is an object of language → name', 'names')
    const { languages } = (await site.get()).settings
    const others = languages.slice(1).map((l) => languagePrefix(l.tag))
    const out: Record<string, string> = {}
    for (const [key, value] of Object.entries(input.names as Record<string, unknown>)) {
      const language = languagePrefix(key)
      if (!others.includes(language)) {
        throw new AppError('Invalid', others.length ? `names are given for ${others.join(', ')}, not "${key}"` : 'the site has no other language to name tags in', 'names')
      }
      const name = optionalText(value, `name_${language}`, 'The name', 100)
      if (name) out[language] = name
    }
    return out
  }

  async function needTag(tx: Repositories, id: number): Promise<Tag> {
    const tag = await tx.taxonomy.tag(id)
    if (!tag) throw new AppError('NotFound', 'no such tag')
    return tag
  }

  async function needSection(tx: Repositories, id: number): Promise<Section> {
    const section = await tx.taxonomy.section(id)
    if (!section) throw new AppError('NotFound', 'no such section')
    return section
  }

  /** Pages that show a tag: the tag's own listing and the live articles carrying it. */
  async function tagPages(tx: Repositories, ids: readonly number[]) {
    const articleIds = new Set<number>()
    for (const id of ids) for (const a of (await tx.taxonomy.tagArticles(id)).live) articleIds.add(a)
    return { all: false as const, articleIds: [...articleIds], scopes: [...ids.map((id): Scope => `tag:${id}`), 'feeds' as const] }
  }

  /** Leaves a permanent redirect from an old listing path, and frees the new one. */
  async function moved(tx: Repositories, from: string, to: string): Promise<void> {
    await tx.redirects.put({ fromPath: from, status: 301, toArticleId: null, toUrl: to, kind: 'slug', createdAt: clock.now() })
    await tx.redirects.remove(to)
  }

  return {
    /** Every section in menu order with how many articles it holds, for the desk's list (taxonomy managers only). */
    async sectionList(actor: Actor): Promise<(Section & { articles: number })[]> {
      requirePermission(actor, 'taxonomy.manage')
      const sections = await store.taxonomy.sections()
      return Promise.all(sections.map(async (s) => ({ ...s, articles: await store.taxonomy.sectionUsage(s.id) })))
    },

    /** Section `id` to edit; NotFound when there is none. */
    async sectionToEdit(actor: Actor, id: number): Promise<Section> {
      requirePermission(actor, 'taxonomy.manage')
      return needSection(store, id)
    },

    /** One page of tags (filtered by kind and text), each with its parent's slug. */
    async tagPage(actor: Actor, q: { kind?: 'topic' | 'place'; text?: string; page: number; perPage: number }): Promise<{ items: (Tag & { parentSlug: string | null })[]; hasNext: boolean }> {
      requirePermission(actor, 'taxonomy.manage')
      const list = await store.taxonomy.tagList({ ...(q.kind && { kind: q.kind }), ...(q.text && { text: q.text }), limit: q.perPage, offset: (q.page - 1) * q.perPage })
      const parents = new Map<number, Tag | undefined>()
      for (const t of list.items) if (t.parentId !== null && !parents.has(t.parentId)) parents.set(t.parentId, await store.taxonomy.tag(t.parentId))
      const names = await store.taxonomy.tagNamesOf(list.items.map((t) => t.id))
      return { items: list.items.map((t) => ({ ...t, names: names.get(t.id) ?? {}, parentSlug: t.parentId === null ? null : parents.get(t.parentId)?.slug ?? null })), hasNext: list.hasNext }
    },

    /** The site's languages other than the default, in which tags may have names of their own. */
    async tagLanguages(actor: Actor): Promise<{ code: string; name: string }[]> {
      requirePermission(actor, 'taxonomy.manage')
      return (await site.get()).settings.languages.slice(1).map((l) => ({ code: languagePrefix(l.tag), name: l.name }))
    },

    /** Tag `id` to edit, its parent and how many working copies carry it; NotFound when there is none. */
    async tagToEdit(actor: Actor, id: number): Promise<{ tag: Tag; parent: Tag | undefined; articles: number }> {
      requirePermission(actor, 'taxonomy.manage')
      const tag = { ...(await needTag(store, id)), names: await store.taxonomy.tagNames(id) }
      const parent = tag.parentId === null ? undefined : await store.taxonomy.tag(tag.parentId)
      return { tag, parent, articles: (await store.taxonomy.tagArticles(id)).working.length }
    },

    /**
     * Tags whose name or slug contains `text` (names starting with it first, then by name), for whoever may write
     * articles (Forbidden otherwise). Throws AppError('Invalid') naming `q` when the text is longer than 100 characters.
     */
    async suggestTags(actor: Actor, text: unknown): Promise<TagSuggestions> {
      requirePermission(actor, 'article.create')
      const q = optionalText(text, 'q', 'The text', 100).replace(/\s+/g, ' ')
      if (!q) return { tags: [], exact: false }
      const { items } = await store.taxonomy.tagList({ text: q.toLowerCase(), limit: 50, offset: 0 })
      const lower = q.toLowerCase()
      const starts = (t: Tag) => (t.name.toLowerCase().startsWith(lower) ? 0 : 1)
      const sorted = [...items].sort((x, y) => starts(x) - starts(y) || x.name.localeCompare(y.name))
      const slug = slugify(q)
      const exact = items.some((t) => t.slug === slug) || (await store.taxonomy.tagBySlug(slug)) !== undefined
      return { tags: sorted.slice(0, SUGGESTIONS).map((t) => ({ slug: t.slug, name: t.name, kind: t.kind })), exact }
    },

    async createSection(actor: Actor, input: SectionInput): Promise<number> {
      requirePermission(actor, 'taxonomy.manage')
      const fields = sectionFields(input)
      const id = await store.transaction(async (tx) => {
        if (await pageHoldsSectionPath(tx, fields.slug)) throw new AppError('Invalid', `/${fields.slug} is the address of a static page`, 'slug')
        const position = Math.max(0, ...(await tx.taxonomy.sections()).map((s) => s.position + 1))
        const id = await tx.taxonomy.insertSection({ ...fields, position }).catch(slugTaken('section', fields.slug))
        await tx.invalidations.record(FLUSH_ALL)
        await audit(tx, actor.userId, 'section.create', 'section', id, { slug: fields.slug, allowUnsigned: fields.allowUnsigned ?? false })
        return id
      })
      site.invalidate()
      return id
    },

    /** Renames a section; a new slug leaves 301s from the old section path and from its live articles' old paths. */
    async updateSection(actor: Actor, sectionId: unknown, input: SectionInput): Promise<void> {
      requirePermission(actor, 'taxonomy.manage')
      const id = requiredId(sectionId, 'id', 'The section')
      const fields = sectionFields(input)
      const { language } = (await site.get()).settings
      await store.transaction(async (tx) => {
        const before = await needSection(tx, id)
        if (before.slug !== fields.slug && (await pageHoldsSectionPath(tx, fields.slug))) throw new AppError('Invalid', `/${fields.slug} is the address of a static page`, 'slug')
        await tx.taxonomy.updateSection(id, fields).catch(slugTaken('section', fields.slug))
        if (before.slug !== fields.slug) {
          await moved(tx, sectionPath(before.slug), sectionPath(fields.slug))
          for (const a of await tx.taxonomy.liveInSection(id)) {
            await tx.redirects.put({
              fromPath: articlePath({ language: a.language, sectionSlug: before.slug, slug: a.slug }, language), status: 301,
              toArticleId: a.articleId, toUrl: null, kind: 'slug', createdAt: clock.now(),
            })
            // A redirect left by an earlier rename must not outlive the article's return to that path.
            await tx.redirects.remove(articlePath({ language: a.language, sectionSlug: fields.slug, slug: a.slug }, language))
          }
        }
        await tx.invalidations.record(FLUSH_ALL)
        await audit(tx, actor.userId, 'section.update', 'section', id, { from: { slug: before.slug, name: before.name }, to: { slug: fields.slug, name: fields.name },
          ...(fields.allowUnsigned !== undefined && fields.allowUnsigned !== (before.allowUnsigned ?? false) && { allowUnsigned: fields.allowUnsigned }) })
      })
      site.invalidate()
    },

    /** Moves a section one place up or down in the menu. */
    async moveSection(actor: Actor, sectionId: unknown, dir: unknown): Promise<void> {
      requirePermission(actor, 'taxonomy.manage')
      const id = requiredId(sectionId, 'id', 'The section')
      const d = direction(dir)
      await store.transaction(async (tx) => {
        const list = await tx.taxonomy.sections()
        const index = list.findIndex((s) => s.id === id)
        if (index < 0) throw new AppError('NotFound', 'no such section')
        const other = d === 'up' ? index - 1 : index + 1
        if (other < 0 || other >= list.length) return
        const order = [...list]
        ;[order[index], order[other]] = [order[other]!, order[index]!]
        for (const [position, s] of order.entries()) if (s.position !== position) await tx.taxonomy.updateSection(s.id, { position })
        await tx.invalidations.record(FLUSH_ALL)
        await audit(tx, actor.userId, 'section.move', 'section', id, { direction: d, position: other })
      })
      site.invalidate()
    },

    /** Deletes a section no article is filed in; otherwise AppError('Conflict'). */
    async deleteSection(actor: Actor, sectionId: unknown): Promise<void> {
      requirePermission(actor, 'taxonomy.manage')
      const id = requiredId(sectionId, 'id', 'The section')
      await store.transaction(async (tx) => {
        const section = await needSection(tx, id)
        const used = await tx.taxonomy.sectionUsage(id)
        if (used > 0) throw new AppError('Conflict', `"${section.name}" still holds ${used} article${used === 1 ? '' : 's'}: move or delete them first`)
        await tx.taxonomy.deleteSection(id)
        await tx.invalidations.record(FLUSH_ALL)
        await audit(tx, actor.userId, 'section.delete', 'section', id, { slug: section.slug })
      })
      site.invalidate()
    },

    async createTag(actor: Actor, input: TagInput): Promise<number> {
      requirePermission(actor, 'taxonomy.manage')
      const names = await tagNames(input)
      return store.transaction(async (tx) => {
        const fields = await tagFields(tx, input, null)
        const id = await tx.taxonomy.insertTag(fields).catch(slugTaken('tag', fields.slug))
        if (names) await tx.taxonomy.setTagNames(id, names)
        await tx.redirects.remove(tagPath(fields.slug))
        await audit(tx, actor.userId, 'tag.create', 'tag', id, { slug: fields.slug, kind: fields.kind })
        return id
      })
    },

    /** Edits a tag; a new slug leaves a 301 from the old tag path. */
    async updateTag(actor: Actor, tagId: unknown, input: TagInput): Promise<void> {
      requirePermission(actor, 'taxonomy.manage')
      const id = requiredId(tagId, 'id', 'The tag')
      const names = await tagNames(input)
      await store.transaction(async (tx) => {
        const before = await needTag(tx, id)
        const fields = await tagFields(tx, input, id)
        await tx.taxonomy.updateTag(id, fields).catch(slugTaken('tag', fields.slug))
        if (names) await tx.taxonomy.setTagNames(id, names)
        if (before.slug !== fields.slug) await moved(tx, tagPath(before.slug), tagPath(fields.slug))
        await tx.invalidations.record(await tagPages(tx, [id]))
        await audit(tx, actor.userId, 'tag.update', 'tag', id, { from: { slug: before.slug, name: before.name }, to: { slug: fields.slug, name: fields.name }, ...(names && { names }) })
      })
    },

    /**
     * Merges tag `tagId` into the tag with slug `intoSlug`: its articles (working and live copies) move over, it is
     * deleted, and its path answers 301 to the other tag's.
     */
    async mergeTag(actor: Actor, tagId: unknown, intoSlug: unknown): Promise<void> {
      requirePermission(actor, 'taxonomy.manage')
      const id = requiredId(tagId, 'id', 'The tag')
      const slug = slugInput(intoSlug)
      await store.transaction(async (tx) => {
        const from = await needTag(tx, id)
        const into = await tx.taxonomy.tagBySlug(slug)
        if (!into) throw new AppError('Invalid', `there is no tag "${slug}"`, 'into')
        if (into.id === from.id) throw new AppError('Invalid', 'a tag cannot be merged into itself', 'into')
        // Read who carried the old tag before the links move.
        const stale = await tagPages(tx, [from.id, into.id])
        await tx.taxonomy.moveTagLinks(from.id, into.id)
        await tx.taxonomy.deleteTag(from.id)
        await moved(tx, tagPath(from.slug), tagPath(into.slug))
        await tx.invalidations.record(stale)
        await audit(tx, actor.userId, 'tag.merge', 'tag', from.id, { from: from.slug, into: into.slug, articles: stale.articleIds.length })
      })
    },

    /** Deletes a tag; articles simply lose it. */
    async deleteTag(actor: Actor, tagId: unknown): Promise<void> {
      requirePermission(actor, 'taxonomy.manage')
      const id = requiredId(tagId, 'id', 'The tag')
      await store.transaction(async (tx) => {
        const tag = await needTag(tx, id)
        const stale = await tagPages(tx, [id])
        await tx.taxonomy.deleteTag(id)
        await tx.invalidations.record(stale)
        await audit(tx, actor.userId, 'tag.delete', 'tag', id, { slug: tag.slug })
      })
    },
  }
}

export type TaxonomyDesk = ReturnType<typeof createTaxonomyDesk>

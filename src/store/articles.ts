// Articles: the working copy every status has, and the live copy that publishing writes.

import { sql, type Insertable, type Kysely } from 'kysely'
import type { ArticleStatus, Genre } from '../domain/article.ts'
import { languagePrefix } from '../domain/language.ts'
import type { SanitizedHtml } from '../domain/sanitized-html.ts'
import { storedSanitizedHtml } from '../content/sanitize.ts'
import type { ArticleLiveTable, ArticleRow, ArticlesTable, Database } from './schema.ts'
import { prepared, preparedByShape, preparedRows } from './prepared.ts'

/** What a write of the working copy sets; the sanitized body is the only HTML it accepts. */
export interface ArticleDraft {
  readonly translationGroup: number | null
  readonly language: string
  readonly sectionId: number
  readonly slug: string
  readonly genre: Genre
  readonly title: string
  readonly standfirst: string
  readonly bodyHtml: SanitizedHtml
  readonly heroMediaId: number | null
  /** The article's own caption and credit for its hero; null shows the media library's. */
  readonly heroCaption: string | null
  readonly heroCredit: string | null
  readonly seoTitle: string
  readonly seoDescription: string
  readonly editorsChoice: boolean
  readonly editorsChoiceRank: number | null
  readonly editorsChoiceUntil: number | null
  readonly originSystem: string | null
  readonly originId: string | null
  readonly tagIds: readonly number[]
  readonly authorIds: readonly number[]
}

/** The working copy of an article, as the desk edits it: the draft fields plus workflow state. */
export interface Article extends ArticleDraft {
  readonly id: number
  readonly status: ArticleStatus
  readonly scheduledAt: number | null
  readonly publishedAt: number | null
  readonly updatedAt: number | null
  readonly createdAt: number
  readonly modifiedAt: number
  readonly version: number
  /** When it was moved to the trash; null while it is not there. */
  readonly deletedAt: number | null
}

const toArticle = (r: ArticleRow, tagIds: number[], authorIds: number[]): Article => ({
  id: r.id, translationGroup: r.translation_group, language: r.language, sectionId: r.section_id, slug: r.slug,
  status: r.status as ArticleStatus, genre: r.genre as Genre, title: r.title, standfirst: r.standfirst,
  bodyHtml: storedSanitizedHtml(r.body_html), heroMediaId: r.hero_media_id, heroCaption: r.hero_caption ?? null, heroCredit: r.hero_credit ?? null, seoTitle: r.seo_title,
  seoDescription: r.seo_description, editorsChoice: r.editors_choice === 1, editorsChoiceRank: r.editors_choice_rank,
  editorsChoiceUntil: r.editors_choice_until, scheduledAt: r.scheduled_at, publishedAt: r.published_at,
  updatedAt: r.updated_at, createdAt: r.created_at, modifiedAt: r.modified_at, version: r.version,
  originSystem: r.origin_system, originId: r.origin_id, tagIds, authorIds, deletedAt: r.deleted_at ?? null,
})

/** The working copy's columns a save writes. */
const DRAFT = ['translation_group', 'language', 'section_id', 'slug', 'genre', 'title', 'standfirst', 'body_html', 'hero_media_id',
  'hero_caption', 'hero_credit', 'seo_title', 'seo_description', 'editors_choice', 'editors_choice_rank', 'editors_choice_until',
  'origin_system', 'origin_id'] as const

/**
 * Exactly the columns `names` lists, each required: a row of this type that gains a column its list lacks does not
 * compile, so a prepared statement built from the list (which writes only what it names) never drops one.
 */
type Columns<T, K extends keyof T> = Required<Pick<T, K>>

const draftColumns = (d: ArticleDraft): Columns<Insertable<ArticlesTable>, (typeof DRAFT)[number]> => ({
  translation_group: d.translationGroup, language: d.language, section_id: d.sectionId, slug: d.slug, genre: d.genre,
  title: d.title, standfirst: d.standfirst, body_html: d.bodyHtml, hero_media_id: d.heroMediaId, hero_caption: d.heroCaption, hero_credit: d.heroCredit, seo_title: d.seoTitle,
  seo_description: d.seoDescription, editors_choice: d.editorsChoice ? 1 : 0, editors_choice_rank: d.editorsChoiceRank,
  editors_choice_until: d.editorsChoiceUntil, origin_system: d.originSystem, origin_id: d.originId,
})

/** The columns a new working copy is inserted with: draftColumns, and its status and times. */
const INSERTED = [...DRAFT, 'status', 'created_at', 'modified_at', 'version'] as const

/** The live copy's columns besides its article id. */
const LIVE = ['language', 'section_id', 'slug', 'genre', 'title', 'standfirst', 'body_html', 'hero_media_id', 'hero_caption',
  'hero_credit', 'seo_title', 'seo_description', 'published_at', 'updated_at', 'primary_subtag'] as const

/** `names` read off a prepared query's slots (a Proxy has no keys to spread), or off a call's values. */
const pick = <K extends string>(names: readonly K[], from: Record<string, unknown>): Record<K, unknown> =>
  Object.fromEntries(names.map((name) => [name, from[name]])) as Record<K, unknown>

export function createArticles(db: Kysely<Database>) {
  // What every publication and every imported article runs, compiled once for this repository (the pool, or one
  // transaction: a batch of an import) instead of once a call: building and compiling these cost as much as running them.
  const insertArticle = prepared(db, (v: Record<string, unknown>) =>
    db.insertInto('articles').values(pick(INSERTED, v) as Insertable<ArticlesTable>).returningAll())
  type Link = { article_id: number; tag_id: number; position: number }
  const insertTags = preparedRows(db, ['article_id', 'tag_id', 'position'], (rows: Link[]) => db.insertInto('article_tags').values(rows))
  type Byline = { article_id: number; author_id: number; position: number }
  const insertAuthors = preparedRows(db, ['article_id', 'author_id', 'position'], (rows: Byline[]) => db.insertInto('article_authors').values(rows))
  const upsertLive = prepared(db, (v: Record<string, unknown>) => db.insertInto('article_live')
    .values({ article_id: v.article_id, ...pick(LIVE, v) } as Insertable<ArticleLiveTable>)
    .onConflict((oc) => oc.column('article_id').doUpdateSet(pick(LIVE, v) as Insertable<ArticleLiveTable>)))
  type LiveLink = Link & { published_at: number; primary_subtag: string }
  const insertLiveTags = preparedRows(db, ['article_id', 'tag_id', 'position', 'published_at', 'primary_subtag'], (rows: LiveLink[]) => db.insertInto('live_tags').values(rows))
  type LiveByline = Byline & { published_at: number; primary_subtag: string }
  const insertLiveAuthors = preparedRows(db, ['article_id', 'author_id', 'position', 'published_at', 'primary_subtag'], (rows: LiveByline[]) => db.insertInto('live_authors').values(rows))
  type StatusShape = { readonly scheduled: boolean; readonly published: boolean; readonly updated: boolean }
  type StatusValues = { id: number; status: ArticleStatus; scheduledAt: number | null; publishedAt: number | null; updatedAt: number | null }
  const statusUpdate = preparedByShape(db, (k: StatusShape) => `${+k.scheduled}${+k.published}${+k.updated}`, (k, v: StatusValues) => db.updateTable('articles').set({
    status: v.status,
    ...(k.scheduled && { scheduled_at: v.scheduledAt }),
    ...(k.published && { published_at: v.publishedAt }),
    ...(k.updated && { updated_at: v.updatedAt }),
  }).where('id', '=', v.id))
  type SlugAt = { language: string; sectionId: number; slug: string; exceptId: number }
  const slugHeldBy = preparedByShape(db, (except: boolean) => String(except), (except, v: SlugAt) => db.selectFrom('articles').select(['id', 'title', 'deleted_at'])
    .where('language', '=', v.language).where('section_id', '=', v.sectionId).where('slug', '=', v.slug)
    .$if(except, (q) => q.where('id', '!=', v.exceptId)))
  const livePathOf = prepared(db, (v: { id: number }) => db.selectFrom('article_live as l').innerJoin('sections as s', 's.id', 'l.section_id')
    .select(['l.language', 's.slug as sectionSlug', 'l.slug']).where('l.article_id', '=', v.id))

  /** Writes the article's tags and bylines in order; `fresh` when it is new and has none to remove. */
  async function replaceLinks(id: number, d: Pick<ArticleDraft, 'tagIds' | 'authorIds'>, fresh = false): Promise<void> {
    if (!fresh) {
      await db.deleteFrom('article_tags').where('article_id', '=', id).execute()
      await db.deleteFrom('article_authors').where('article_id', '=', id).execute()
    }
    if (d.tagIds.length) await insertTags(d.tagIds.map((tag_id, position) => ({ article_id: id, tag_id, position })))
    if (d.authorIds.length) await insertAuthors(d.authorIds.map((author_id, position) => ({ article_id: id, author_id, position })))
  }

  /** Inserts a working copy and returns it as get() would read it, without reading it back. */
  async function create(d: ArticleDraft, status: ArticleStatus, now: number): Promise<Article> {
    const values: Columns<Insertable<ArticlesTable>, (typeof INSERTED)[number]> = { ...draftColumns(d), status, created_at: now, modified_at: now, version: 1 }
    const [row] = await insertArticle(values)
    if (!row) throw new Error('the insert of an article returned no row')
    await replaceLinks(row.id, d, true)
    return toArticle(row, [...d.tagIds], [...d.authorIds])
  }

  /**
   * Takes article `id` out of its translation group; returns the other members, whose group may have changed with it.
   * A group is named after its first article (whose own translation_group may still be null before a translation of it
   * is published): when that one leaves, the oldest remaining one names it; a group left with one article is no group.
   */
  async function leaveGroup(id: number): Promise<number[]> {
    const row = await db.selectFrom('articles').select('translation_group').where('id', '=', id).executeTakeFirst()
    if (!row) return []
    const group = row.translation_group ?? id
    const others = (await db.selectFrom('articles').select('id').where('translation_group', '=', group).where('id', '!=', id).orderBy('id').execute()).map((r) => r.id)
    const next = others.length > 1 ? (group === id ? others[0]! : group) : null
    if (others.length > 0 && next !== group) await db.updateTable('articles').set({ translation_group: next }).where('translation_group', '=', group).where('id', '!=', id).execute()
    await db.updateTable('articles').set({ translation_group: null }).where('id', '=', id).execute()
    return others
  }

  return {
    /** Ids of the working copies (not in the trash) with `slug`, in any section or language: at most `limit`, oldest first. */
    async idsBySlug(slug: string, limit: number): Promise<number[]> {
      const rows = await db.selectFrom('articles').select('id').where('slug', '=', slug).where('deleted_at', 'is', null).orderBy('id').limit(limit).execute()
      return rows.map((r) => r.id)
    },
    /** See leaveGroup: out of its translation group; returns the other members. */
    leaveTranslationGroup: leaveGroup,

    /** Puts article `id` into the group named `group` (the id of its first article), naming the group on that article too. */
    async joinTranslationGroup(id: number, group: number): Promise<void> {
      await db.updateTable('articles').set({ translation_group: group }).where('id', '=', id).execute()
      await db.updateTable('articles').set({ translation_group: group }).where('id', '=', group).where('translation_group', 'is', null).execute()
    },

    /** Every article of a translation group, drafts included, by id: what the desk lists as an article's versions. */
    async translationGroup(group: number): Promise<{ id: number; language: string; title: string; status: ArticleStatus }[]> {
      const rows = await db.selectFrom('articles').select(['id', 'language', 'title', 'status'])
        .where((eb) => eb.or([eb('translation_group', '=', group), eb('id', '=', group)])).orderBy('id').execute()
      return rows.map((r) => ({ id: r.id, language: r.language, title: r.title, status: r.status as ArticleStatus }))
    },

    /** Creates the working copy of a new article in `status` (normally draft); returns its id. */
    async insert(d: ArticleDraft, status: ArticleStatus, now: number): Promise<number> {
      return (await create(d, status, now)).id
    },

    create,

    /** Replaces the working copy if it is still at `version`; returns false when someone saved in between. */
    async update(id: number, version: number, d: ArticleDraft, now: number): Promise<boolean> {
      const res = await db.updateTable('articles').set({ ...draftColumns(d), modified_at: now, version: version + 1 })
        .where('id', '=', id).where('version', '=', version).executeTakeFirst()
      if (Number(res.numUpdatedRows) !== 1) return false
      await replaceLinks(id, d)
      return true
    },

    /**
     * The article whose working copy holds `slug` in `sectionId` and `language`, trashed or not (the unique constraint
     * covers both), other than `exceptId`; undefined when the slug is free.
     */
    async slugHolder(language: string, sectionId: number, slug: string, exceptId?: number): Promise<{ id: number; title: string; deletedAt: number | null } | undefined> {
      const [row] = await slugHeldBy(exceptId !== undefined, { language, sectionId, slug, exceptId: exceptId ?? 0 })
      return row && { id: row.id, title: row.title, deletedAt: row.deleted_at ?? null }
    },

    async get(id: number): Promise<Article | undefined> {
      const row = await db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst()
      if (!row) return undefined
      const tags = await db.selectFrom('article_tags').select('tag_id').where('article_id', '=', id).orderBy('position').execute()
      const authors = await db.selectFrom('article_authors').select('author_id').where('article_id', '=', id).orderBy('position').execute()
      return toArticle(row, tags.map((t) => t.tag_id), authors.map((a) => a.author_id))
    },

    /** The article imported from `system` with id `originId`, if any. */
    async findByOrigin(system: string, originId: string): Promise<number | undefined> {
      const row = await db.selectFrom('articles').select('id').where('origin_system', '=', system)
        .where('origin_id', '=', originId).executeTakeFirst()
      return row?.id
    },

    /** Sets the workflow status and the times that go with it. */
    async setStatus(id: number, status: ArticleStatus, times: { scheduledAt?: number | null; publishedAt?: number | null; updatedAt?: number | null }): Promise<void> {
      const shape = { scheduled: times.scheduledAt !== undefined, published: times.publishedAt !== undefined, updated: times.updatedAt !== undefined }
      await statusUpdate(shape, { id, status, scheduledAt: times.scheduledAt ?? null, publishedAt: times.publishedAt ?? null, updatedAt: times.updatedAt ?? null })
    },

    /**
     * Copies the working copy to the live copy, with its tags and bylines. `first` when it has never been live, so
     * there are no live tags or bylines to remove (two statements fewer a publication).
     */
    async writeLive(a: Article, publishedAt: number, updatedAt: number, first = false): Promise<void> {
      const live: Columns<Insertable<ArticleLiveTable>, (typeof LIVE)[number]> = {
        language: a.language, section_id: a.sectionId, slug: a.slug, genre: a.genre, title: a.title, standfirst: a.standfirst,
        body_html: a.bodyHtml, hero_media_id: a.heroMediaId, hero_caption: a.heroCaption, hero_credit: a.heroCredit, seo_title: a.seoTitle, seo_description: a.seoDescription,
        published_at: publishedAt, updated_at: updatedAt, primary_subtag: languagePrefix(a.language),
      }
      await upsertLive({ article_id: a.id, ...live })
      if (!first) {
        await db.deleteFrom('live_tags').where('article_id', '=', a.id).execute()
        await db.deleteFrom('live_authors').where('article_id', '=', a.id).execute()
      }
      const placed = { article_id: a.id, published_at: publishedAt, primary_subtag: live.primary_subtag }
      if (a.tagIds.length) await insertLiveTags(a.tagIds.map((tag_id, position) => ({ ...placed, tag_id, position })))
      if (a.authorIds.length) await insertLiveAuthors(a.authorIds.map((author_id, position) => ({ ...placed, author_id, position })))
    },

    /** Removes the live copy: the article disappears from the site. */
    async removeLive(id: number): Promise<void> {
      await db.deleteFrom('article_live').where('article_id', '=', id).execute()
    },

    /**
     * Deletes the working copy; links, revisions, views and related rows go with it (foreign keys cascade). Its
     * translations stay linked without it (a group left with one article is no group), and old paths that redirected
     * to it answer 410 like its own. Returns false when there was no such article.
     */
    async delete(id: number): Promise<boolean> {
      const row = await db.selectFrom('articles').select('translation_group').where('id', '=', id).executeTakeFirst()
      if (!row) return false
      await leaveGroup(id)
      await db.updateTable('redirects').set({ status: 410, to_article_id: null }).where('to_article_id', '=', id).execute()
      await db.deleteFrom('articles').where('id', '=', id).execute()
      return true
    },

    /**
     * How many articles (any status, the trash included) are written in a site language, by its primary subtag: `ru`
     * counts `ru` and `ru-…`. A language that still has articles cannot be taken off the site.
     */
    async countInLanguage(primarySubtag: string): Promise<number> {
      const row = await db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n'))
        .where((eb) => eb.or([eb('language', '=', primarySubtag), eb('language', 'like', `${primarySubtag}-%`)])).executeTakeFirstOrThrow()
      return Number(row.n)
    },

    /** The public location of a live article, for redirects that point to it. */
    async livePath(id: number): Promise<{ language: string; sectionSlug: string; slug: string } | undefined> {
      return (await livePathOf({ id }))[0]
    },

    /** The editor's choice as the desk orders it: every pick by rank (unranked last), with whether it is live. */
    async editorsChoice(): Promise<{ id: number; title: string; rank: number | null; until: number | null; live: boolean; publishedAt: number | null }[]> {
      const rows = await db.selectFrom('articles as a').leftJoin('article_live as l', 'l.article_id', 'a.id')
        .select(['a.id', 'a.title', 'a.editors_choice_rank', 'a.editors_choice_until', 'l.article_id as live_id', 'a.published_at'])
        .where('a.editors_choice', '=', 1).where('a.deleted_at', 'is', null)
        .orderBy(sql`coalesce(a.editors_choice_rank, 1000000000)`).orderBy('a.published_at', 'desc').orderBy('a.id', 'desc').execute()
      return rows.map((r) => ({ id: r.id, title: r.title, rank: r.editors_choice_rank, until: r.editors_choice_until, live: r.live_id !== null, publishedAt: r.published_at }))
    },

    /** Sets an article's editor's-choice state; the working copy's version stays, as curation is not an edit of the text. */
    async setEditorsChoice(id: number, pick: { readonly rank: number; readonly until: number | null } | null): Promise<void> {
      await db.updateTable('articles').set(pick
        ? { editors_choice: 1, editors_choice_rank: pick.rank, editors_choice_until: pick.until }
        : { editors_choice: 0, editors_choice_rank: null, editors_choice_until: null }).where('id', '=', id).execute()
    },
  }
}

export type Articles = ReturnType<typeof createArticles>

// Revisions of working copies: keep one, list them newest first, read one, snapshot the current working copy.

import type { Kysely, Selectable } from 'kysely'
import type { Genre } from '../domain/article.ts'
import type { Revision, RevisionKind, RevisionSnapshot, RevisionSummary } from '../domain/revision.ts'
import { storedSanitizedHtml } from '../content/sanitize.ts'
import type { Database, RevisionsTable } from './schema.ts'

/** A revision to keep; `savedBy` is a user id or null for the system. */
export interface NewRevision {
  readonly articleId: number
  readonly version: number
  readonly kind: RevisionKind
  readonly savedBy: number | null
  readonly savedAt: number
  readonly snapshot: RevisionSnapshot
}

// Stored JSON uses snake_case names, like the columns it stands beside.
interface StoredSnapshot {
  title: string
  slug: string
  standfirst: string
  body_html: string
  section: string
  genre: string
  language: string
  tags: string[]
  authors: string[]
  hero_media_id: number | null
  /** Absent in revisions saved before migration 0034. */
  hero_caption?: string | null
  hero_credit?: string | null
  seo_title: string
  seo_description: string
  editors_choice_rank: number | null
}

const toStored = (s: RevisionSnapshot): StoredSnapshot => ({
  title: s.title, slug: s.slug, standfirst: s.standfirst, body_html: s.bodyHtml, section: s.section, genre: s.genre,
  language: s.language, tags: [...s.tags], authors: [...s.authors], hero_media_id: s.heroMediaId, hero_caption: s.heroCaption,
  hero_credit: s.heroCredit, seo_title: s.seoTitle, seo_description: s.seoDescription, editors_choice_rank: s.editorsChoiceRank,
})

const toSnapshot = (json: string): RevisionSnapshot => {
  const s = JSON.parse(json) as StoredSnapshot
  return {
    title: s.title, slug: s.slug, standfirst: s.standfirst, bodyHtml: storedSanitizedHtml(s.body_html), section: s.section,
    genre: s.genre as Genre, language: s.language, tags: s.tags, authors: s.authors, heroMediaId: s.hero_media_id,
    heroCaption: s.hero_caption ?? null, heroCredit: s.hero_credit ?? null, seoTitle: s.seo_title, seoDescription: s.seo_description, editorsChoiceRank: s.editors_choice_rank,
  }
}

type SummaryRow = Omit<Selectable<RevisionsTable>, 'snapshot'> & { user_name: string | null }

const toSummary = (r: SummaryRow): RevisionSummary => ({
  id: r.id, articleId: r.article_id, version: r.version, kind: r.kind as RevisionKind,
  savedBy: r.saved_by === null ? null : { id: r.saved_by, name: r.user_name ?? `user ${r.saved_by}` },
  savedAt: r.saved_at, title: r.title,
})

const SUMMARY = ['r.id', 'r.article_id', 'r.version', 'r.kind', 'r.saved_by', 'r.saved_at', 'r.title', 'u.name as user_name'] as const

export function createRevisions(db: Kysely<Database>) {
  const summaries = () => db.selectFrom('revisions as r').leftJoin('users as u', 'u.id', 'r.saved_by')

  return {
    /** Keeps a revision; returns its id. */
    async insert(r: NewRevision): Promise<number> {
      const row = await db.insertInto('revisions').values({
        article_id: r.articleId, version: r.version, kind: r.kind, saved_by: r.savedBy, saved_at: r.savedAt,
        title: r.snapshot.title, snapshot: JSON.stringify(toStored(r.snapshot)),
      }).returning('id').executeTakeFirstOrThrow()
      return row.id
    },

    /** Replaces the snapshot, version and time of revision `id` (an autosave folded into the one before it). */
    async overwrite(id: number, r: Pick<NewRevision, 'version' | 'savedAt' | 'snapshot'>): Promise<void> {
      await db.updateTable('revisions').set({
        version: r.version, saved_at: r.savedAt, title: r.snapshot.title, snapshot: JSON.stringify(toStored(r.snapshot)),
      }).where('id', '=', id).execute()
    },

    /** The newest revision of an article, without its snapshot. */
    async latest(articleId: number): Promise<RevisionSummary | undefined> {
      const row = await summaries().select(SUMMARY).where('r.article_id', '=', articleId)
        .orderBy('r.id', 'desc').limit(1).executeTakeFirst()
      return row && toSummary(row)
    },

    /** The newest revision that produced working-copy `version` (not a conflict, which produces nothing). */
    async producing(articleId: number, version: number): Promise<RevisionSummary | undefined> {
      const row = await summaries().select(SUMMARY).where('r.article_id', '=', articleId).where('r.version', '=', version)
        .where('r.kind', '!=', 'conflict').orderBy('r.id', 'desc').limit(1).executeTakeFirst()
      return row && toSummary(row)
    },

    /** One page of an article's revisions, newest first; `hasNext` from reading one row more. */
    async list(articleId: number, w: { readonly page: number; readonly perPage: number }): Promise<{ items: RevisionSummary[]; hasNext: boolean }> {
      const rows = await summaries().select(SUMMARY).where('r.article_id', '=', articleId)
        .orderBy('r.id', 'desc').limit(w.perPage + 1).offset((w.page - 1) * w.perPage).execute()
      return { items: rows.slice(0, w.perPage).map(toSummary), hasNext: rows.length > w.perPage }
    },

    /** Revision `id` of article `articleId`, with its snapshot. */
    async get(articleId: number, id: number): Promise<Revision | undefined> {
      const row = await summaries().select([...SUMMARY, 'r.snapshot']).where('r.article_id', '=', articleId)
        .where('r.id', '=', id).executeTakeFirst()
      return row && { ...toSummary(row), snapshot: toSnapshot(row.snapshot) }
    },

    /** The working copy of an article as a snapshot, references resolved to slugs; undefined when there is no such article. */
    async snapshotOf(articleId: number): Promise<{ version: number; snapshot: RevisionSnapshot } | undefined> {
      const a = await db.selectFrom('articles as a').innerJoin('sections as s', 's.id', 'a.section_id')
        .select(['a.version', 'a.title', 'a.slug', 'a.standfirst', 'a.body_html', 's.slug as section', 'a.genre', 'a.language',
          'a.hero_media_id', 'a.hero_caption', 'a.hero_credit', 'a.seo_title', 'a.seo_description', 'a.editors_choice_rank'])
        .where('a.id', '=', articleId).executeTakeFirst()
      if (!a) return undefined
      const tags = await db.selectFrom('article_tags as at').innerJoin('tags as t', 't.id', 'at.tag_id').select('t.slug')
        .where('at.article_id', '=', articleId).orderBy('at.position').execute()
      const authors = await db.selectFrom('article_authors as aa').innerJoin('authors as p', 'p.id', 'aa.author_id').select('p.slug')
        .where('aa.article_id', '=', articleId).orderBy('aa.position').execute()
      return {
        version: a.version,
        snapshot: {
          title: a.title, slug: a.slug, standfirst: a.standfirst, bodyHtml: storedSanitizedHtml(a.body_html), section: a.section,
          genre: a.genre as Genre, language: a.language, tags: tags.map((t) => t.slug), authors: authors.map((p) => p.slug),
          heroMediaId: a.hero_media_id, heroCaption: a.hero_caption, heroCredit: a.hero_credit, seoTitle: a.seo_title, seoDescription: a.seo_description, editorsChoiceRank: a.editors_choice_rank,
        },
      }
    },
  }
}

export type Revisions = ReturnType<typeof createRevisions>

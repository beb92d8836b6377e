// Related articles: kept terms (the inverted index), document frequencies, stored lists and editor overrides.

import type { Kysely } from 'kysely'
import type { Database } from './schema.ts'
import type { StoreDialect } from './dialect.ts'
import { lockKeys } from './key-locks.ts'
import { statementChunks } from './statement-chunks.ts'
import { prepared, preparedRows } from './prepared.ts'
import { createRelatedFrequencies } from './related-frequencies.ts'
import { createRelatedTermIndex } from './related-term-index.ts'
import { createPostingReader } from './related-postings.ts'

/** A term of an article's vector. */
export interface TermWeight {
  readonly term: string
  readonly weight: number
}

/** What the engine reads of a live article. */
export interface RelatedSource {
  readonly id: number
  readonly title: string
  readonly standfirst: string
  readonly bodyHtml: string
  readonly tags: readonly string[]
  readonly publishedAt: number
  readonly language: string
}

/** A live article as candidate ranking sees it. */
export interface RelatedCandidate {
  readonly publishedAt: number
  readonly language: string
  /** Its translation group, or its own id when it has no translations: equal groups mean translations of each other. */
  readonly group: number
}

export interface RelatedEntry {
  readonly relatedId: number
  readonly score: number
  readonly pinned: boolean
}

export type OverrideKind = 'pin' | 'exclude'

export interface RelatedOverride {
  readonly otherId: number
  readonly kind: OverrideKind
  readonly position: number
}

const chunks = statementChunks

/** Whether two term vectors hold the same terms with the same weights as `real` stores them, in any order. */
function sameTerms(stored: readonly TermWeight[], computed: readonly TermWeight[], real: (x: number) => number): boolean {
  if (stored.length !== computed.length) return false
  const weights = new Map(stored.map((t) => [t.term, real(t.weight)]))
  return computed.every((t) => weights.get(t.term) === real(t.weight))
}

export function createRelated(db: Kysely<Database>, dialect: Pick<StoreDialect, 'name' | 'storedReal' | 'lockKeys'>) {
  // Every article page reads its list: compiled once (prepared.ts).
  const storedList = prepared(db, (p: { articleId: number }) => db.selectFrom('related_lists').select(['related_id', 'score', 'pinned'])
    .where('article_id', '=', p.articleId).orderBy('rank'))
  // The weigh stage writes some sixty rows an article, in statements of a few fixed sizes: compiled once a size.
  type TermRow = { article_id: number; term: string; weight: number }
  const insertTerms = preparedRows(db, ['article_id', 'term', 'weight'], (rows: TermRow[]) => db.insertInto('related_terms').values(rows))
  async function state(key: string): Promise<number | undefined> {
    const row = await db.selectFrom('related_state').select('value').where('key', '=', key).executeTakeFirst()
    return row ? Number(row.value) : undefined
  }

  async function setState(key: string, value: number): Promise<void> {
    await db.insertInto('related_state').values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute()
  }

  /** Replaces the kept terms of each given article. */
  async function replaceTerms(entries: readonly { readonly articleId: number; readonly terms: readonly TermWeight[] }[]): Promise<void> {
    await lockKeys(db, dialect, 'relatedTerms', entries.map((e) => e.articleId))
    await writeTerms(entries)
  }

  /** replaceTerms once the articles' keys are held. */
  async function writeTerms(entries: readonly { readonly articleId: number; readonly terms: readonly TermWeight[] }[]): Promise<void> {
    for (const part of chunks(entries.map((e) => e.articleId))) await db.deleteFrom('related_terms').where('article_id', 'in', part).execute()
    // In term order: the (term, weight) index then takes each statement's rows in a few neighbouring pages rather than
    // all over a tree of millions of rows (a bulk pass writes thousands at once).
    const rows = entries.flatMap((e) => e.terms.map((t) => ({ article_id: e.articleId, term: t.term, weight: t.weight })))
      .sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : a.weight - b.weight))
    for (const part of chunks(rows)) await insertTerms(part)
  }

  /** The kept terms of each article, strongest first. */
  async function termsOf(ids: readonly number[]): Promise<Map<number, TermWeight[]>> {
    const map = new Map<number, TermWeight[]>()
    for (const part of chunks(ids)) {
      const rows = await db.selectFrom('related_terms').select(['article_id', 'term', 'weight']).where('article_id', 'in', part)
        .orderBy('article_id').orderBy('weight', 'desc').orderBy('term').execute()
      for (const r of rows) {
        const list = map.get(r.article_id) ?? []
        list.push({ term: r.term, weight: r.weight })
        map.set(r.article_id, list)
      }
    }
    return map
  }

  return {
    state,
    setState,
    ...createRelatedFrequencies(db),
    ...createRelatedTermIndex(db, dialect),
    ...createPostingReader(db, dialect),

    /** The live copies of the given articles with their tag names; ids that are not live are left out. */
    async sources(ids: readonly number[]): Promise<RelatedSource[]> {
      const out: RelatedSource[] = []
      for (const part of chunks([...new Set(ids)])) {
        const rows = await db.selectFrom('article_live').select(['article_id', 'title', 'standfirst', 'body_html', 'published_at', 'language'])
          .where('article_id', 'in', part).orderBy('article_id').execute()
        const tags = await db.selectFrom('live_tags as lt').innerJoin('tags as t', 't.id', 'lt.tag_id')
          .select(['lt.article_id', 't.name']).where('lt.article_id', 'in', part).orderBy('lt.article_id').orderBy('lt.position').execute()
        const byArticle = new Map<number, string[]>()
        for (const t of tags) byArticle.set(t.article_id, [...(byArticle.get(t.article_id) ?? []), t.name])
        for (const r of rows) {
          out.push({ id: r.article_id, title: r.title, standfirst: r.standfirst, bodyHtml: r.body_html, tags: byArticle.get(r.article_id) ?? [], publishedAt: r.published_at, language: r.language })
        }
      }
      return out
    },

    replaceTerms,

    /**
     * replaceTerms for those of the given articles whose kept terms differ from the stored ones; returns how many it
     * wrote. A rebuild weighs every article again, and most weights come out as they were: deleting and inserting
     * sixty rows of two indexes per article was most of its time.
     */
    async replaceChangedTerms(entries: readonly { readonly articleId: number; readonly terms: readonly TermWeight[] }[]): Promise<number> {
      // Locked before reading: what is compared with is then what is replaced.
      await lockKeys(db, dialect, 'relatedTerms', entries.map((e) => e.articleId))
      const stored = await termsOf(entries.map((e) => e.articleId))
      const changed = entries.filter((e) => !sameTerms(stored.get(e.articleId) ?? [], e.terms, dialect.storedReal))
      await writeTerms(changed)
      return changed.length
    },

    /** Whether any article has kept terms. */
    async anyTerms(): Promise<boolean> {
      return (await db.selectFrom('related_terms').select('article_id').limit(1).executeTakeFirst()) !== undefined
    },

    /** Whether the article has kept terms, i.e. whether the document frequencies count it. */
    async hasTerms(articleId: number): Promise<boolean> {
      return (await db.selectFrom('related_terms').select('article_id').where('article_id', '=', articleId).limit(1).executeTakeFirst()) !== undefined
    },

    async removeTerms(articleId: number): Promise<void> {
      await db.deleteFrom('related_terms').where('article_id', '=', articleId).execute()
    },

    termsOf,

    /** How many tags each candidate shares with an article; candidates sharing none are absent. */
    async sharedTags(articleId: number, candidateIds: readonly number[]): Promise<Map<number, number>> {
      const map = new Map<number, number>()
      for (const part of chunks(candidateIds)) {
        const rows = await db.selectFrom('live_tags as a').innerJoin('live_tags as b', 'b.tag_id', 'a.tag_id')
          .select(['b.article_id', (eb) => eb.fn.countAll().as('n')])
          .where('a.article_id', '=', articleId).where('b.article_id', 'in', part).groupBy('b.article_id').execute()
        for (const r of rows) map.set(r.article_id, Number(r.n))
      }
      return map
    },

    /** Published times of the given articles that are live; the others are absent. */
    async publishedTimes(ids: readonly number[]): Promise<Map<number, number>> {
      const map = new Map<number, number>()
      for (const part of chunks(ids)) {
        const rows = await db.selectFrom('article_live').select(['article_id', 'published_at']).where('article_id', 'in', part).execute()
        for (const r of rows) map.set(r.article_id, r.published_at)
      }
      return map
    },

    /**
     * What ranking needs to know of the given live articles besides their terms: publication time, language and
     * translation group (the group's first article's id, or the article's own id when it is in no group).
     */
    async candidates(ids: readonly number[]): Promise<Map<number, RelatedCandidate>> {
      const map = new Map<number, RelatedCandidate>()
      for (const part of chunks(ids)) {
        const rows = await db.selectFrom('article_live as l').innerJoin('articles as a', 'a.id', 'l.article_id')
          .select(['l.article_id', 'l.published_at', 'l.language', 'a.translation_group']).where('l.article_id', 'in', part).execute()
        for (const r of rows) map.set(r.article_id, { publishedAt: r.published_at, language: r.language, group: r.translation_group ?? r.article_id })
      }
      return map
    },

    /** The site's default language as the settings hold it; undefined when none was saved. */
    async siteLanguage(): Promise<string | undefined> {
      const row = await db.selectFrom('settings').select('value').where('key', '=', 'language').executeTakeFirst()
      if (!row) return undefined
      try {
        const value: unknown = JSON.parse(row.value)
        return typeof value === 'string' ? value : undefined
      } catch {
        return undefined
      }
    },

    /** Replaces the stored list of an article, in the order given. */
    async writeList(articleId: number, entries: readonly RelatedEntry[], now: number): Promise<void> {
      await lockKeys(db, dialect, 'relatedLists', [articleId])
      await db.deleteFrom('related_lists').where('article_id', '=', articleId).execute()
      if (entries.length === 0) return
      await db.insertInto('related_lists').values(entries.map((e, i) => ({
        article_id: articleId, rank: i + 1, related_id: e.relatedId, score: e.score, pinned: e.pinned ? 1 : 0, computed_at: now,
      }))).execute()
    },

    /** The stored list of an article, rank 1 first; empty when none was computed. */
    async list(articleId: number): Promise<RelatedEntry[]> {
      const rows = await storedList({ articleId })
      return rows.map((r) => ({ relatedId: r.related_id, score: r.score, pinned: r.pinned === 1 }))
    },

    /** Ids of the articles whose stored lists show `relatedId`. */
    async listsShowing(relatedId: number): Promise<number[]> {
      const rows = await db.selectFrom('related_lists').select('article_id').where('related_id', '=', relatedId).execute()
      return rows.map((r) => r.article_id)
    },

    /** Takes an article out of its own list and out of every other list (ranks of the others keep their order). */
    async dropArticle(articleId: number): Promise<void> {
      await db.deleteFrom('related_lists').where('article_id', '=', articleId).execute()
      await db.deleteFrom('related_lists').where('related_id', '=', articleId).execute()
    },

    /** Editor overrides of an article; pins by position. */
    async overrides(articleId: number): Promise<RelatedOverride[]> {
      const rows = await db.selectFrom('related_overrides').select(['other_id', 'kind', 'position'])
        .where('article_id', '=', articleId).orderBy('kind').orderBy('position').orderBy('created_at').execute()
      return rows.map((r) => ({ otherId: r.other_id, kind: r.kind === 'pin' ? 'pin' : 'exclude', position: r.position }))
    },

    /** Sets the override of a pair, replacing any earlier one. */
    async putOverride(articleId: number, otherId: number, kind: OverrideKind, position: number, now: number): Promise<void> {
      await db.insertInto('related_overrides').values({ article_id: articleId, other_id: otherId, kind, position, created_at: now })
        .onConflict((oc) => oc.columns(['article_id', 'other_id']).doUpdateSet({ kind, position, created_at: now })).execute()
    },

    /** Removes the override of a pair when it is of `kind`; returns whether one was removed. */
    async removeOverride(articleId: number, otherId: number, kind: OverrideKind): Promise<boolean> {
      const res = await db.deleteFrom('related_overrides').where('article_id', '=', articleId).where('other_id', '=', otherId)
        .where('kind', '=', kind).executeTakeFirst()
      return Number(res.numDeletedRows) > 0
    },

    /** Live articles published after the cursor (published time, then id), oldest first. */
    async publishedAfter(cursor: { readonly publishedAt: number; readonly id: number }, limit: number): Promise<{ id: number; publishedAt: number }[]> {
      const rows = await db.selectFrom('article_live').select(['article_id', 'published_at'])
        .where((eb) => eb.or([eb('published_at', '>', cursor.publishedAt),
          eb.and([eb('published_at', '=', cursor.publishedAt), eb('article_id', '>', cursor.id)])]))
        .orderBy('published_at').orderBy('article_id').limit(limit).execute()
      return rows.map((r) => ({ id: r.article_id, publishedAt: r.published_at }))
    },

    /** Ids of live articles after `afterId`, in id order. */
    async liveIdsAfter(afterId: number, limit: number): Promise<number[]> {
      const rows = await db.selectFrom('article_live').select('article_id').where('article_id', '>', afterId)
        .orderBy('article_id').limit(limit).execute()
      return rows.map((r) => r.article_id)
    },
  }
}

export type Related = ReturnType<typeof createRelated>

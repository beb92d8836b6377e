// Related-articles work left for later by bulk writes (related_pending), and the bulk reads and writes that finish it.

import { sql, type Kysely } from 'kysely'
import type { Database } from './schema.ts'
import { statementChunks } from './statement-chunks.ts'
import type { RelatedEntry, RelatedOverride } from './related.ts'
import type { Invalidations } from './invalidations.ts'
import type { StoreDialect } from './dialect.ts'
import { lockKeys } from './key-locks.ts'

const chunks = statementChunks

export function createRelatedPending(db: Kysely<Database>, dialect: Pick<StoreDialect, 'storedReal' | 'lockKeys'>, invalidations: Invalidations) {
  /** The stored lists of the given articles (those with none are absent), rank 1 first. */
  async function storedLists(ids: readonly number[]): Promise<Map<number, RelatedEntry[]>> {
    const out = new Map<number, RelatedEntry[]>()
    for (const part of chunks(ids)) {
      const rows = await db.selectFrom('related_lists').select(['article_id', 'related_id', 'score', 'pinned']).where('article_id', 'in', part)
        .orderBy('article_id').orderBy('rank').execute()
      for (const r of rows) {
        const list = out.get(Number(r.article_id)) ?? []
        list.push({ relatedId: Number(r.related_id), score: Number(r.score), pinned: r.pinned === 1 })
        out.set(Number(r.article_id), list)
      }
    }
    return out
  }
  const sameList = (a: readonly RelatedEntry[], b: readonly RelatedEntry[]) => a.length === b.length && a.every((e, i) =>
    e.relatedId === b[i]!.relatedId && e.pinned === b[i]!.pinned && dialect.storedReal(e.score) === dialect.storedReal(b[i]!.score))

  return {
    /**
     * Leaves related work for `ids` at `stage`. An article already waiting keeps the lower stage, the one with more
     * left to do: an article whose terms are not counted yet must not be weighed as if they were.
     */
    async mark(ids: readonly number[], stage: number, now: number): Promise<void> {
      for (const part of chunks([...new Set(ids)].sort((a, b) => a - b))) {
        await db.insertInto('related_pending').values(part.map((id) => ({ article_id: id, stage, queued_at: now })))
          .onConflict((oc) => oc.column('article_id').doUpdateSet({
            stage: sql`case when related_pending.stage < excluded.stage then related_pending.stage else excluded.stage end`,
          })).execute()
      }
    },

    /** Forgets the work left for `ids` (it was done another way, or they left the site). */
    async clear(ids: readonly number[]): Promise<void> {
      for (const part of chunks(ids)) await db.deleteFrom('related_pending').where('article_id', 'in', part).execute()
    },

    /** The stage an article waits at, or undefined when nothing is left for it. */
    async stageOf(id: number): Promise<number | undefined> {
      return (await db.selectFrom('related_pending').select('stage').where('article_id', '=', id).executeTakeFirst())?.stage
    },

    /** Up to `limit` ids waiting at `stage` after `afterId`, in id order. */
    async waiting(stage: number, afterId: number, limit: number): Promise<number[]> {
      const rows = await db.selectFrom('related_pending').select('article_id').where('stage', '=', stage)
        .where('article_id', '>', afterId).orderBy('article_id').limit(limit).execute()
      return rows.map((r) => Number(r.article_id))
    },

    /**
     * Whether a settle pass is under way: some article has been counted and waits to be weighed or listed. Marks at
     * the first stage alone are a bulk write's, whose pass has not begun.
     */
    async settling(): Promise<boolean> {
      return (await db.selectFrom('related_pending').select('article_id').where('stage', '>', 0).limit(1).executeTakeFirst()) !== undefined
    },

    /** How many articles wait at each stage below `below`. */
    async count(below = 4): Promise<number> {
      const row = await db.selectFrom('related_pending').select((eb) => eb.fn.countAll<number | string>().as('n')).where('stage', '<', below).executeTakeFirst()
      return Number(row?.n ?? 0)
    },

    /**
     * Moves those of `ids` still waiting at `from` to `to` (or removes them when `to` is null) and returns them: only
     * those are the caller's to do, so two passes running at once never count an article twice.
     */
    async advance(ids: readonly number[], from: number, to: number | null): Promise<number[]> {
      const out: number[] = []
      for (const part of chunks(ids)) {
        const rows = to === null
          ? await db.deleteFrom('related_pending').where('article_id', 'in', part).where('stage', '=', from).returning('article_id').execute()
          : await db.updateTable('related_pending').set({ stage: to }).where('article_id', 'in', part).where('stage', '=', from).returning('article_id').execute()
        for (const r of rows) out.push(Number(r.article_id))
      }
      return out.sort((a, b) => a - b)
    },

    /**
     * A page of the live articles after `after`, in id order, with what a list pass needs of each: its published time,
     * language and translation group (its own id when it has none).
     */
    async liveFactsPage(after: number, limit: number): Promise<{ id: number; publishedAt: number; language: string; group: number }[]> {
      const rows = await db.selectFrom('article_live as l').innerJoin('articles as a', 'a.id', 'l.article_id')
        .select(['l.article_id', 'l.published_at', 'l.language', 'a.translation_group']).where('l.article_id', '>', after)
        .orderBy('l.article_id').limit(limit).execute()
      return rows.map((r) => ({ id: Number(r.article_id), publishedAt: Number(r.published_at), language: r.language, group: Number(r.translation_group ?? r.article_id) }))
    },

    /**
     * A page of the tag ids of live articles after `after`, in article order: whole articles only (a page never ends
     * inside one's tags), empty after the last.
     */
    async liveTagPage(after: number, limit: number): Promise<{ articleId: number; tagId: number }[]> {
      const rows = await db.selectFrom('live_tags').select(['article_id', 'tag_id']).where('article_id', '>', after)
        .orderBy('article_id').limit(limit).execute()
      const page = rows.map((r) => ({ articleId: Number(r.article_id), tagId: Number(r.tag_id) }))
      if (page.length < limit) return page
      // The page may end inside the last article's tags: it is left for the next page, which reads it whole.
      const last = page.at(-1)!.articleId
      const complete = page.filter((r) => r.articleId !== last)
      if (complete.length === 0) throw new Error(`an article has more than ${limit} tags`)
      return complete
    },

    /** Editor overrides of the given articles (those with none are absent), pins by position. */
    async overridesOf(ids: readonly number[]): Promise<Map<number, RelatedOverride[]>> {
      const out = new Map<number, RelatedOverride[]>()
      for (const part of chunks(ids)) {
        const rows = await db.selectFrom('related_overrides').select(['article_id', 'other_id', 'kind', 'position'])
          .where('article_id', 'in', part).orderBy('article_id').orderBy('kind').orderBy('position').orderBy('created_at').execute()
        for (const r of rows) {
          const list = out.get(Number(r.article_id)) ?? []
          list.push({ otherId: Number(r.other_id), kind: r.kind === 'pin' ? 'pin' : 'exclude', position: r.position })
          out.set(Number(r.article_id), list)
        }
      }
      return out
    },

    /**
     * Replaces the stored lists of several articles and records their pages as stale in one invalidation (a list is
     * shown only on its own article's page). A list that comes out as stored is left as it is, computed time included,
     * and its page stays cached: a rebuild of a settled site rewrites and invalidates nothing. Returns how many it wrote.
     */
    async writeLists(all: readonly { readonly articleId: number; readonly entries: readonly RelatedEntry[] }[], now: number): Promise<number> {
      if (all.length === 0) return 0
      // Another transaction replacing one of these lists at once is waited for (dialect.ts lockKeys), before reading.
      await lockKeys(db, dialect, 'relatedLists', all.map((l) => l.articleId))
      const stored = await storedLists(all.map((l) => l.articleId))
      const lists = all.filter((l) => !sameList(stored.get(l.articleId) ?? [], l.entries))
      if (lists.length === 0) return 0
      for (const part of chunks(lists.filter((l) => stored.has(l.articleId)).map((l) => l.articleId))) {
        await db.deleteFrom('related_lists').where('article_id', 'in', part).execute()
      }
      const rows = lists.flatMap((l) => l.entries.map((e, i) => ({
        article_id: l.articleId, rank: i + 1, related_id: e.relatedId, score: e.score, pinned: e.pinned ? 1 : 0, computed_at: now,
      })))
      for (const part of chunks(rows)) await db.insertInto('related_lists').values(part).execute()
      await invalidations.record({ all: false, articleIds: [], scopes: lists.map((l) => `related:${l.articleId}` as const) })
      return lists.length
    },
  }
}

export type RelatedPending = ReturnType<typeof createRelatedPending>

// Who has an article open in the editor: one row per article and user, moved forward by every heartbeat or autosave.
// Shared through the database so every instance shows the same people; a row not seen for a while counts for nothing.

import type { Kysely } from 'kysely'
import type { Database } from './schema.ts'

/** Someone with the article open, since when (ms). */
export interface PresentUser {
  readonly userId: number
  readonly name: string
  readonly since: number
}

export function createPresence(db: Kysely<Database>) {
  return {
    /**
     * Marks `userId` present on `articleId` at `now`. The article's rows gone stale (seen before `staleBefore`: closed
     * tabs) go first, so "since" is when this visit began, not the first visit ever. Then one upsert, the same on both engines.
     */
    async touch(articleId: number, userId: number, now: number, staleBefore: number): Promise<void> {
      await db.deleteFrom('article_presence').where('article_id', '=', articleId).where('seen_at', '<', staleBefore).execute()
      await db.insertInto('article_presence').values({ article_id: articleId, user_id: userId, since: now, seen_at: now })
        .onConflict((oc) => oc.columns(['article_id', 'user_id']).doUpdateSet({ seen_at: now }))
        .execute()
    },

    /** The others seen on `articleId` since `staleBefore`, earliest first (enabled accounts only). */
    async others(articleId: number, userId: number, staleBefore: number): Promise<PresentUser[]> {
      const rows = await db.selectFrom('article_presence as p').innerJoin('users as u', 'u.id', 'p.user_id')
        .select(['p.user_id', 'u.name', 'p.since'])
        .where('p.article_id', '=', articleId).where('p.user_id', '!=', userId).where('p.seen_at', '>=', staleBefore).where('u.disabled', '=', 0)
        .orderBy('p.since').orderBy('p.user_id').execute()
      return rows.map((r) => ({ userId: Number(r.user_id), name: r.name, since: Number(r.since) }))
    },

    /** `userId` closed the editor of `articleId`. */
    async leave(articleId: number, userId: number): Promise<void> {
      await db.deleteFrom('article_presence').where('article_id', '=', articleId).where('user_id', '=', userId).execute()
    },

    /** Removes every row seen before `staleBefore` (closed tabs); returns how many. */
    async prune(staleBefore: number): Promise<number> {
      const result = await db.deleteFrom('article_presence').where('seen_at', '<', staleBefore).executeTakeFirst()
      return Number(result.numDeletedRows)
    },
  }
}

export type Presence = ReturnType<typeof createPresence>

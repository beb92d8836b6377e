// Article views in hourly buckets, and most-read rankings over them.

import type { Kysely } from 'kysely'
import type { Database } from './schema.ts'

export const HOUR_MS = 3_600_000

export function createViews(db: Kysely<Database>) {
  return {
    /** Adds counts to hourly buckets; `counts` maps article id to views in `hour`. */
    async add(hour: number, counts: ReadonlyMap<number, number>): Promise<void> {
      for (const [articleId, n] of counts) {
        await db.insertInto('article_views').values({ article_id: articleId, hour, views: n })
          .onConflict((oc) => oc.columns(['article_id', 'hour']).doUpdateSet((eb) => ({ views: eb('article_views.views', '+', n) })))
          .execute()
      }
    },
    /** Ids of the most-read live articles since `sinceMs`, most views first. */
    async mostRead(sinceMs: number, limit: number): Promise<number[]> {
      const rows = await db.selectFrom('article_views as v').innerJoin('article_live as l', 'l.article_id', 'v.article_id')
        .select(['v.article_id', (eb) => eb.fn.sum<number>('v.views').as('total')])
        .where('v.hour', '>=', sinceMs - (sinceMs % HOUR_MS))
        .groupBy('v.article_id').orderBy('total', 'desc').orderBy('v.article_id', 'desc').limit(limit).execute()
      return rows.map((r) => r.article_id)
    },
  }
}

export type Views = ReturnType<typeof createViews>

// Article views in hourly buckets, and most-read rankings over them.

import type { Kysely } from 'kysely'
import type { Database } from './schema.ts'

export const HOUR_MS = 3_600_000

/** Rows per INSERT: 3 parameters each stays far below SQLite's 32,766 and PostgreSQL's 65,535 bind parameters. */
const CHUNK = 1_000

export function createViews(db: Kysely<Database>) {
  return {
    /**
     * Adds counts to hourly buckets; `counts` maps article id to views in `hour`. One multi-row upsert per 1,000 articles
     * (see README.md); ids of articles deleted meanwhile are skipped, so a stale id never fails the whole batch.
     */
    async add(hour: number, counts: ReadonlyMap<number, number>): Promise<void> {
      const all = [...counts].filter(([, n]) => n > 0)
      for (let i = 0; i < all.length; i += CHUNK) {
        const chunk = all.slice(i, i + CHUNK)
        const existing = new Set((await db.selectFrom('articles').select('id').where('id', 'in', chunk.map(([id]) => id)).execute()).map((r) => r.id))
        const rows = chunk.filter(([id]) => existing.has(id)).map(([id, n]) => ({ article_id: id, hour, views: n }))
        if (rows.length === 0) continue
        await db.insertInto('article_views').values(rows)
          .onConflict((oc) => oc.columns(['article_id', 'hour']).doUpdateSet((eb) => ({ views: eb('article_views.views', '+', eb.ref('excluded.views')) })))
          .execute()
      }
    },
    /** The id of the live article at a path (language, section slug, slug), or undefined: what a view beacon counts for. */
    async liveArticleId(language: string, sectionSlug: string, slug: string): Promise<number | undefined> {
      const row = await db.selectFrom('article_live as l').innerJoin('sections as s', 's.id', 'l.section_id').select('l.article_id')
        // The same rule as article pages: a path names the primary subtag, `kk` serves `kk-Cyrl` too.
        .where('l.primary_subtag', '=', language)
        .where('s.slug', '=', sectionSlug).where('l.slug', '=', slug).orderBy('l.language').limit(1).executeTakeFirst()
      return row?.article_id
    },
    /** Total views since `sinceMs` (its hour included); benchmarks and tests check counts with it. */
    async total(sinceMs = 0): Promise<number> {
      const row = await db.selectFrom('article_views').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('views'), eb.lit(0)).as('n'))
        .where('hour', '>=', sinceMs - (sinceMs % HOUR_MS)).executeTakeFirstOrThrow()
      return Number(row.n)
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

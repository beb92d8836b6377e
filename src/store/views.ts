// Article views in hourly buckets, and most-read rankings over them.

import { randomBytes } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import type { Database } from './schema.ts'

export const HOUR_MS = 3_600_000

/** Rows per INSERT: 3 parameters each stays far below SQLite's 32,766 and PostgreSQL's 65,535 bind parameters. */
const CHUNK = 1_000

/** A view waiting to be written, with the keys that say whether another instance (or this one) counted it already. */
export interface VisitorClaim {
  readonly visitor: string
  readonly address: string
}

/** A claim as the flush checks it: the keys and when the view was recorded (its windows start then). */
export interface TimedClaim extends VisitorClaim {
  readonly at: number
}

export interface ClaimRules {
  /** How long a counted visitor+article key stays counted. */
  readonly windowMs: number
  /** Views counted from one address+article key per `addressWindowMs`. */
  readonly addressCap: number
  readonly addressWindowMs: number
}

export function createViews(db: Kysely<Database>) {
  return {
    /**
     * The hashing secret of UTC day `day`, shared by every instance: the first to ask inserts a random one, and a race
     * between two first askers keeps whichever row landed first.
     */
    async dailySecret(day: number): Promise<string> {
      await db.insertInto('view_secrets').values({ day, secret: randomBytes(32).toString('base64url') })
        .onConflict((oc) => oc.column('day').doNothing()).execute()
      const row = await db.selectFrom('view_secrets').select('secret').where('day', '=', day).executeTakeFirstOrThrow()
      return row.secret
    },
    /**
     * Which of `claims` count, across every instance: a visitor key not counted within its window, from an address with
     * fewer than `addressCap` counted views this hour. Two upserts per 1,000 claims, in the caller's transaction; the
     * result is parallel to `claims`. A visitor refused by its address's cap stays recorded, so it is not retried
     * until its window ends (the address cap stops the same machine anyway).
     */
    async claimVisitors(claims: readonly TimedClaim[], rules: ClaimRules): Promise<boolean[]> {
      const allowed = claims.map(() => false)
      // The first claim of a key in this batch is the one that may count; one row per key in each upsert (PostgreSQL
      // refuses to update the same row twice in one statement).
      const firstOf = new Map<string, number>()
      claims.forEach((c, i) => { if (!firstOf.has(c.visitor)) firstOf.set(c.visitor, i) })
      const keys = [...firstOf.keys()]
      const fresh = new Set<string>()
      for (let i = 0; i < keys.length; i += CHUNK) {
        const rows = await db.insertInto('view_visitors')
          .values(keys.slice(i, i + CHUNK).map((k) => ({ visitor_key: k, expires_at: claims[firstOf.get(k)!]!.at + rules.windowMs })))
          // Counted again only when the stored window ended by the time of this view.
          .onConflict((oc) => oc.column('visitor_key').doUpdateSet({ expires_at: (eb) => eb.ref('excluded.expires_at') })
            .where(sql<boolean>`${sql.ref('view_visitors.expires_at')} <= excluded.expires_at - ${rules.windowMs}`))
          .returning('visitor_key').execute()
        for (const r of rows) fresh.add(r.visitor_key)
      }
      // New visitors grouped by address, in arrival order.
      const byAddress = new Map<string, number[]>()
      for (const [key, i] of firstOf) {
        if (!fresh.has(key)) continue
        const address = claims[i]!.address
        const list = byAddress.get(address) ?? byAddress.set(address, []).get(address)!
        list.push(i)
      }
      const addresses = [...byAddress]
      for (let i = 0; i < addresses.length; i += CHUNK) {
        const chunk = addresses.slice(i, i + CHUNK)
        // The stored hour ended by the time of this batch's first view from the address.
        const expired = sql<boolean>`${sql.ref('view_addresses.expires_at')} <= excluded.expires_at - ${rules.addressWindowMs}`
        const rows = await db.insertInto('view_addresses')
          .values(chunk.map(([address, list]) => ({ address_key: address, expires_at: claims[list[0]!]!.at + rules.addressWindowMs, views: list.length })))
          .onConflict((oc) => oc.column('address_key').doUpdateSet({
            // An hour that has ended starts again with this batch's views.
            views: sql<number>`case when ${expired} then excluded.views else ${sql.ref('view_addresses.views')} + excluded.views end`,
            expires_at: sql<number>`case when ${expired} then excluded.expires_at else ${sql.ref('view_addresses.expires_at')} end`,
          }))
          .returning(['address_key', 'views']).execute()
        const total = new Map(rows.map((r) => [r.address_key, Number(r.views)]))
        for (const [address, list] of chunk) {
          const before = (total.get(address) ?? list.length) - list.length
          const room = Math.max(0, Math.min(list.length, rules.addressCap - before))
          for (const index of list.slice(0, room)) allowed[index] = true
        }
      }
      return allowed
    },
    /** Visitor keys remembered now, by every instance (tests, and a look at how much the table holds). */
    async rememberedVisitors(): Promise<number> {
      const row = await db.selectFrom('view_visitors').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
      return Number(row.n)
    },
    /** Drops visitor and address keys whose window has ended, and secrets older than yesterday. */
    async forgetVisitors(now: number): Promise<void> {
      await db.deleteFrom('view_visitors').where('expires_at', '<=', now).execute()
      await db.deleteFrom('view_addresses').where('expires_at', '<=', now).execute()
      await db.deleteFrom('view_secrets').where('day', '<', Math.floor(now / 86_400_000) - 1).execute()
    },
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

// The invalidation outbox: use-cases record what they changed inside their transaction; caches hear it after commit.

import { randomBytes } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import { FLUSH_ALL, isScope, type ArticlePlacement, type Invalidation } from '../domain/invalidation.ts'
import { encodePurgeKeys, purgeKeys } from '../domain/cdn-keys.ts'
import { createCdnPurges } from './cdn-purges.ts'
import type { StoreDialect } from './dialect.ts'
import type { Database } from './schema.ts'

/** The PostgreSQL NOTIFY channel every instance listens on (postgres-listener.ts). */
export const INVALIDATION_CHANNEL = 'broadsheet_invalidate'
/** PostgreSQL refuses NOTIFY payloads of 8,000 bytes or more; a bigger change is sent as "flush everything". */
export const MAX_PAYLOAD_BYTES = 7_999

export type InvalidationListener = (event: Invalidation) => void

/** Invalidations this process learns of, after commit: its own writes, and (on PostgreSQL) other instances' via LISTEN. */
export interface InvalidationFeed {
  /** Names this process in NOTIFY payloads, so its listener can skip what it already delivered itself. */
  readonly origin: string
  /** Calls `listener` for every invalidation; returns the unsubscribe function. */
  subscribe(listener: InvalidationListener): () => void
  emit(event: Invalidation): void
}

/** A feed with no subscribers yet. A listener that throws does not stop the others. */
export function createInvalidationFeed(): InvalidationFeed {
  const listeners = new Set<InvalidationListener>()
  return {
    origin: randomBytes(6).toString('base64url'),
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    emit(event) {
      for (const l of listeners) {
        try {
          l(event)
        } catch {
          // A cache that cannot take an event must not undo the commit that caused it; the next event or TTL repairs it.
        }
      }
    },
  }
}

/** Where recorded events go: straight to the feed outside a transaction, or held until the transaction commits. */
export interface Outbox {
  readonly origin: string
  put(event: Invalidation): void
  /** Whether each event is also queued as a CDN purge (cdn_purges), in the same transaction; set when CDN_PURGE is. */
  readonly queuePurges?: boolean
}

/** An outbox for one transaction: `commit()` hands what was recorded to the feed; a rollback simply never calls it. */
export function transactionOutbox(feed: InvalidationFeed, queuePurges = false): Outbox & { commit(): void } {
  const held: Invalidation[] = []
  return { origin: feed.origin, queuePurges, put: (e) => void held.push(e), commit: () => held.splice(0).forEach((e) => feed.emit(e)) }
}

/** Compact JSON for NOTIFY: `{"o":origin,"a":[ids],"s":[scopes]}` or `{"o":origin,"all":1}` when it would not fit. */
export function encodeInvalidation(event: Invalidation, origin: string): string {
  if (!event.all) {
    const payload = JSON.stringify({ o: origin, a: event.articleIds, s: event.scopes })
    if (Buffer.byteLength(payload) <= MAX_PAYLOAD_BYTES) return payload
  }
  return JSON.stringify({ o: origin, all: 1 })
}

/** Reads a NOTIFY payload; anything malformed is treated as "flush everything", never ignored. */
export function decodeInvalidation(payload: string | undefined): { origin: string | null; event: Invalidation } {
  let raw: unknown
  try {
    raw = JSON.parse(payload ?? '')
  } catch {
    return { origin: null, event: FLUSH_ALL }
  }
  if (!raw || typeof raw !== 'object') return { origin: null, event: FLUSH_ALL }
  const r = raw as { o?: unknown; a?: unknown; s?: unknown; all?: unknown }
  const origin = typeof r.o === 'string' ? r.o : null
  const ids = Array.isArray(r.a) && r.a.every((x) => Number.isSafeInteger(x) && (x as number) > 0) ? r.a as number[] : null
  const scopes = Array.isArray(r.s) && r.s.every(isScope) ? r.s : null
  if (r.all !== undefined || !ids || !scopes) return { origin, event: FLUSH_ALL }
  return { origin, event: { all: false, articleIds: ids, scopes } }
}

/** The outbox repository, bound to the pool or to one transaction. */
export function createInvalidations(db: Kysely<Database>, dialect: StoreDialect, outbox: Outbox) {
  const purges = outbox.queuePurges ? createCdnPurges(db, dialect) : null
  return {
    /**
     * Records what a use-case changed. On PostgreSQL this is `select pg_notify(…)` on the caller's connection, so inside
     * a transaction it is delivered to every instance on commit and never on rollback; this process hears it after commit.
     * With a CDN configured, the same keys are queued for purging in the same transaction (jobs/cdn-purge.ts sends them).
     */
    async record(event: Invalidation): Promise<void> {
      if (dialect.notify) await sql`select pg_notify(${INVALIDATION_CHANNEL}, ${encodeInvalidation(event, outbox.origin)})`.execute(db)
      if (purges) await purges.enqueue(encodePurgeKeys(purgeKeys(event)), Date.now())
      outbox.put(event)
    },

    /**
     * placement() of an article whose live copy was just written from `a` (publishing): the same answer from what the
     * caller holds, reading only its live translations, and those only when it has a translation group.
     */
    async placementOf(a: { readonly id: number; readonly sectionId: number; readonly tagIds: readonly number[]; readonly authorIds: readonly number[]; readonly editorsChoice: boolean; readonly translationGroup: number | null }): Promise<ArticlePlacement> {
      const translations = a.translationGroup === null ? [] : await db.selectFrom('article_live as l')
        .innerJoin('articles as x', 'x.id', 'l.article_id').select('l.article_id')
        .where('x.translation_group', '=', a.translationGroup).where('l.article_id', '!=', a.id).execute()
      return {
        translationIds: translations.map((t) => t.article_id), sectionId: a.sectionId, tagIds: [...a.tagIds], authorIds: [...a.authorIds],
        editorsChoice: a.editorsChoice,
      }
    },

    /** The listings a live article appears in (section, tags, authors, picks), or null when it is not live. */
    async placement(articleId: number): Promise<ArticlePlacement | null> {
      const live = await db.selectFrom('article_live as l').innerJoin('articles as a', 'a.id', 'l.article_id')
        .select(['l.section_id', 'a.editors_choice', 'a.translation_group']).where('l.article_id', '=', articleId).executeTakeFirst()
      if (!live) return null
      // One after the other: inside a transaction both go to the same connection anyway.
      const tags = await db.selectFrom('live_tags').select('tag_id').where('article_id', '=', articleId).execute()
      const authors = await db.selectFrom('live_authors').select('author_id').where('article_id', '=', articleId).execute()
      const translations = live.translation_group === null ? [] : await db.selectFrom('article_live as l')
        .innerJoin('articles as a', 'a.id', 'l.article_id').select('l.article_id')
        .where('a.translation_group', '=', live.translation_group).where('l.article_id', '!=', articleId).execute()
      return {
        translationIds: translations.map((t) => t.article_id),
        sectionId: live.section_id, tagIds: tags.map((t) => t.tag_id), authorIds: authors.map((a) => a.author_id),
        editorsChoice: live.editors_choice === 1,
      }
    },
  }
}

export type Invalidations = ReturnType<typeof createInvalidations>

/**
 * Like a trigger: a stored related-articles list is shown on its article's page, so every write of one (on publish,
 * an editor's pin, the background refresh) records that page as stale, whichever use-case made it.
 */
export function invalidatingListWrites<R extends { writeList(articleId: number, ...rest: any[]): Promise<void> }>(related: R, invalidations: Invalidations): R {
  return {
    ...related,
    async writeList(articleId: number, ...rest: any[]): Promise<void> {
      await related.writeList(articleId, ...rest)
      await invalidations.record({ all: false, articleIds: [], scopes: [`related:${articleId}`] })
    },
  }
}

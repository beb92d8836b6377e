// The import use-case: who may import, and writing a batch of mapped articles in one transaction, or not at all.

import type { Clock } from '../domain/clock.ts'
import { FLUSH_ALL } from '../domain/invalidation.ts'
import { can, type Action, type Role } from '../domain/roles.ts'
import { AppError, isAppError, isUnavailable } from '../errors.ts'
import type { Store } from '../store/store.ts'
import { isUniqueViolation } from '../store/unique-violation.ts'
import type { ImportArticle, ImportSource } from './import-input.ts'
import { withBatchLookups } from './batch-lookups.ts'
import { writeImportItem, type BatchContext, type ImportItemResult } from './import-writes.ts'
import { finishBulk, newBulkPublish } from './publishing.ts'
import { BODY_MAX_CHARS } from './article-input.ts'
import { sanitizeBodyAsync } from '../content/sanitize.ts'
import type { SanitizedHtml } from '../domain/sanitized-html.ts'
import { settlePending, type SettleOptions, type SettleReport } from '../related/settle.ts'

/** Who runs an import: a desk user (their role decides), or the command line, which has the database anyway. */
export type ImportActor =
  | { readonly kind: 'user'; readonly userId: number; readonly role: Role }
  | { readonly kind: 'system'; readonly name: string }

/** An import publishes, adds sections, tags and bylines, and writes redirects: it needs every one of those rights. */
const NEEDED: readonly Action[] = ['article.publish', 'taxonomy.manage', 'authors.manage', 'redirects.manage']

/** An item whose body has been through the sanitizer, before any transaction (a long one in the worker thread). */
interface CleanItem extends ImportBatchItem {
  readonly body: SanitizedHtml
}

/** A hero found after its article was written (a WordPress featured image that follows its post): article source id → media. */
export interface LateHero {
  readonly sourceId: string
  readonly mediaId: number
}

/** One mapped article and the fingerprint of what it would write. */
export interface ImportBatchItem {
  readonly article: ImportArticle
  readonly hash: string
}

export interface ImportingDeps {
  readonly store: Store
  readonly clock: Clock
  readonly siteLanguage: () => Promise<string>
}

/** Thrown inside a dry run's transaction so that it rolls back, carrying what would have been written. */
class DryRun extends Error {
  readonly results: ImportItemResult[]
  constructor(results: ImportItemResult[]) {
    super('dry run')
    this.results = results
  }
}

/**
 * Pauses before a batch is tried again after the database was busy or unreachable: on SQLite a writer of the server
 * (a job, a beacon flush) may hold the lock past the busy timeout on a loaded machine, which is no item's fault.
 */
const OUTAGE_RETRY_MS = [500, 2_000, 5_000]

/** Times a transaction that lost a key or a lock to a batch written beside it is run again before it counts as failed. */
const CONFLICT_RETRIES = 3

/**
 * Runs a write; again after a pause while the database is unavailable (OUTAGE_RETRY_MS), and again at once when it
 * lost to a batch written beside it (`conflicted`): a new tag or slug that batch took first, or a deadlock broken by
 * aborting this one. That batch has ended by then, so the write sees what it committed.
 */
async function retrying<T>(write: () => Promise<T>, conflicted: (err: unknown) => boolean): Promise<T> {
  let outages = 0, conflicts = 0
  for (;;) {
    try {
      return await write()
    } catch (err) {
      if (conflicted(err) && conflicts < CONFLICT_RETRIES) conflicts++
      else if (isUnavailable(err) && outages < OUTAGE_RETRY_MS.length) await new Promise((resolve) => setTimeout(resolve, OUTAGE_RETRY_MS[outages++]))
      else throw err
    }
  }
}

const refusal = (item: ImportBatchItem, err: unknown): ImportItemResult => ({
  sourceId: item.article.sourceId, outcome: 'refused', articleId: null, sanitizedBody: null, notes: [],
  reason: err instanceof Error ? err.message : String(err),
})

export function createImporting({ store, clock, siteLanguage }: ImportingDeps) {
  /** Throws AppError('Forbidden') unless `actor` may import. */
  function authorize(actor: ImportActor): void {
    if (actor.kind === 'system') return
    const missing = NEEDED.find((action) => !can(actor.role, action))
    if (missing) throw new AppError('Forbidden', `the ${actor.role} role may not import: it lacks ${missing}`)
  }

  /** Writes `items` in one transaction with one audit record and one invalidation; a dry run rolls it all back. */
  async function oneTransaction(actor: ImportActor, source: ImportSource, items: readonly CleanItem[], dryRun: boolean): Promise<ImportItemResult[]> {
    const language = await siteLanguage()
    try {
      return await store.transaction(async (tx) => {
        const b: BatchContext = {
          tx: withBatchLookups(tx), source, now: clock.now(), siteLanguage: language, userId: actor.kind === 'user' ? actor.userId : null,
          actor: actor.kind === 'user' ? { userId: actor.userId, role: actor.role } : { userId: null, role: 'admin' },
          bulk: newBulkPublish(), sectionsAdded: false, resolved: new Map(), sectionIds: new Map(),
        }
        const results: ImportItemResult[] = []
        for (const item of items) {
          const r = await writeImportItem(b, item.article, item.hash, item.body)
          // A refusal that wrote nothing keeps the batch; the item is reported.
          results.push(r)
        }
        await finishBulk(tx, b.bulk, { now: b.now, flushAll: b.sectionsAdded })
        const count = (o: ImportItemResult['outcome']) => results.filter((r) => r.outcome === o).length
        await tx.audit.record({
          userId: b.userId, action: 'import.batch', subjectType: 'import', subjectId: `${source.system} ${source.site}`.slice(0, 200),
          details: { by: actor.kind === 'system' ? actor.name : 'desk', imported: count('imported'), updated: count('updated'), skipped: count('skipped'), refused: count('refused'), first: items[0]?.article.sourceId ?? null, last: items.at(-1)?.article.sourceId ?? null },
          at: b.now,
        })
        if (dryRun) throw new DryRun(results)
        return results
      })
    } catch (err) {
      if (err instanceof DryRun) return err.results
      throw err
    }
  }

  // Only where batches are written side by side can one lose a key or a lock to another: a unique violation (raw, or
  // behind the Conflict a use-case made of it, such as a slug another batch took after this one checked it) or a
  // deadlock. On SQLite a unique violation is the item's own doing, and the batch goes one item per transaction at once.
  const lostRace = (err: unknown): boolean => isUniqueViolation(err) || store.dialect.isLockConflict(err)
  const conflicted = (err: unknown): boolean =>
    store.dialect.concurrentWriters && (lostRace(err) || (isAppError(err) && lostRace(err.cause)))

  return {
    authorize,

    /** Batches a bulk import keeps in flight: two where the engine writes transactions side by side, else one. */
    parallelBatches: store.dialect.concurrentWriters ? 2 : 1,

    /**
     * Whether the database works in this process (SQLite), so that another core is free to read the file beside the
     * writes; a database server (PostgreSQL) works on that core already.
     */
    databaseInProcess: store.dialect.inProcess,

    /**
     * Finishes the related articles that imports left marked (related/settle.ts): counts and weighs their terms, computes
     * their lists and those of the articles already on the site they belong beside. Call it after the last batch of a
     * run; it also finishes what an interrupted earlier run left, so running an import again always ends complete.
     */
    async settleRelated(actor: ImportActor, opts: Pick<SettleOptions, 'onProgress'> = {}): Promise<SettleReport> {
      authorize(actor)
      return settlePending(store, clock.now(), undefined, { ...opts, clock })
    },

    /**
     * Gives imported articles the heroes that were read after them, 500 a transaction, with one invalidation each. An
     * article that has a hero already (an editor chose one, or an earlier run set it) keeps it; a live article's live
     * copy gets the hero too when it showed the working copy. Returns how many articles changed.
     */
    async attachHeroes(actor: ImportActor, source: ImportSource, heroes: readonly LateHero[], opts: { readonly dryRun: boolean }): Promise<number> {
      authorize(actor)
      if (opts.dryRun) return 0
      let changed = 0
      for (let i = 0; i < heroes.length; i += 500) {
        changed += await store.transaction(async (tx) => {
          const now = clock.now()
          let n = 0
          for (const h of heroes.slice(i, i + 500)) {
            const origin = await tx.origins.find({ ...source, kind: 'article', sourceId: h.sourceId })
            const a = origin && await tx.articles.get(origin.targetId)
            if (!a || a.heroMediaId !== null || !(await tx.media.get(h.mediaId))) continue
            const liveWasCurrent = a.status === 'published' && (await tx.liveChanges.pending([a.id])).size === 0
            if (!(await tx.articles.update(a.id, a.version, { ...a, heroMediaId: h.mediaId }, now))) continue
            if (liveWasCurrent) await tx.articles.writeLive({ ...a, heroMediaId: h.mediaId }, a.publishedAt!, a.updatedAt ?? a.publishedAt!)
            n++
          }
          if (n) await tx.invalidations.record(FLUSH_ALL)
          return n
        })
      }
      return changed
    },

    /**
     * Writes a batch of mapped articles as `actor` in one transaction (sanitizer, live copies, redirects, origins),
     * indexing search and related articles for the whole batch at its end (publishing.ts finishBulk). When an item
     * fails, the batch is written again one item per transaction, so only that item is refused and the others land.
     * With `dryRun` every transaction is rolled back: the results say what would have happened.
     */
    async writeBatch(actor: ImportActor, source: ImportSource, items: readonly ImportBatchItem[], opts: { readonly dryRun: boolean }): Promise<ImportItemResult[]> {
      authorize(actor)
      // Bodies are cleaned before any transaction opens; one the sanitizer refuses (too deep, too long) is that item's refusal.
      const slots: (ImportItemResult | CleanItem)[] = []
      for (const item of items) {
        try {
          if (item.article.bodyHtml.length > BODY_MAX_CHARS) throw new AppError('Invalid', `body_html is longer than ${BODY_MAX_CHARS} characters`, 'body_html')
          slots.push({ ...item, body: await sanitizeBodyAsync(item.article.bodyHtml, 'body_html') })
        } catch (err) {
          if (!isAppError(err)) throw err
          slots.push(refusal(item, err))
        }
      }
      const clean = slots.filter((s): s is CleanItem => 'body' in s)
      const written = await writeClean(actor, source, clean, opts.dryRun)
      // A site an import grows from nothing is planned by statistics from when it was empty (planner-statistics.ts).
      if (!opts.dryRun) await store.statistics.refreshStale()
      // Results in the order of `items`: the report pairs them by position.
      return slots.map((s) => ('body' in s ? written.shift()! : s))
    },
  }

  /**
   * Writes cleaned items in one transaction; when one fails, again one per transaction, so only that one is refused.
   * A database still unavailable after the pauses is no item's fault: it stops the import, which a new run finishes.
   */
  async function writeClean(actor: ImportActor, source: ImportSource, items: readonly CleanItem[], dryRun: boolean): Promise<ImportItemResult[]> {
    if (items.length === 0) return []
    try {
      return await retrying(() => oneTransaction(actor, source, items, dryRun), conflicted)
    } catch (err) {
      if (isUnavailable(err)) throw err
      if (items.length === 1) {
        if (isAppError(err)) return [refusal(items[0]!, err)]
        throw err
      }
    }
    const results: ImportItemResult[] = []
    for (const item of items) {
      try {
        results.push(...await retrying(() => oneTransaction(actor, source, [item], dryRun), conflicted))
      } catch (err) {
        // Only what the model refuses is the item's fault; a database that fails is everyone's, and stops the import.
        if (!isAppError(err) || isUnavailable(err)) throw err
        results.push(refusal(item, err))
      }
    }
    return results
  }
}

export type Importing = ReturnType<typeof createImporting>

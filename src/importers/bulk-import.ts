// The bulk write path every importer shares: mapped articles in batches through the import use-case, into the report.

import type { ImportActor, ImportBatchItem, Importing } from '../editorial/importing.ts'
import type { ImportSource } from '../editorial/import-input.ts'
import type { ImportItemResult } from '../editorial/import-writes.ts'
import type { ImportArticle } from '../editorial/import-input.ts'
import { plainText } from '../content/excerpt.ts'
import { contentHash } from './import-item.ts'
import { countIn, listIn, removedMarkup, type ImportReport, type Outcomes } from './import-report.ts'

/** A mapped article with what the report needs to name it. */
export interface PreparedItem extends ImportBatchItem {
  /** The item as the report names it: its title, or its source id. */
  readonly label: string
}

export interface BulkImportOptions {
  readonly actor: ImportActor
  readonly source: ImportSource
  readonly dryRun: boolean
  /** Articles per transaction (default 100). */
  readonly batchSize?: number
  readonly report: ImportReport
  /** Called after each batch with the number of articles handled so far. */
  readonly onProgress?: (done: number) => void
  /** Called while related articles are finished after the last batch: the stage, and articles done in it so far. */
  readonly onSettleProgress?: (stage: string, done: number) => void
  /**
   * Asked after each batch: true ends the run there (the desk's Stop button), with `report.stopped` set. The related
   * lists of what was written are left marked; the next run of the file finishes them, as after a kill.
   */
  readonly stopRequested?: () => boolean
}

/** Lists what the mapping said of an article (why it came in as a draft, its notes) and makes it a batch item. */
export function prepare(report: ImportReport, a: ImportArticle, mappingVersion: string, said: { readonly drafted: string | null; readonly notes: readonly string[] }): PreparedItem {
  const named = (reason: string) => ({ item: a.title, oldUrl: a.oldUrl, reason })
  if (said.drafted) listIn(report, report.drafted, named(said.drafted))
  for (const note of said.notes) listIn(report, report.notes, named(note))
  return { article: a, hash: contentHash(a, mappingVersion), label: plainText(a.title) || `post ${a.sourceId}` }
}

/** Counts an item the mapping refused, with its reason. */
export function refuse(report: ImportReport, r: { readonly item: string; readonly oldUrl: string; readonly reason: string }): void {
  report.articles.refused++
  listIn(report, report.refusals, { item: r.item, oldUrl: r.oldUrl, reason: r.reason })
}

/**
 * Lets pending I/O run between batches: with better-sqlite3 every await resolves as a microtask, so without this an
 * import inside the server process would hold up page requests until it ended.
 */
const yieldToRequests = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/** What a write came to, as every importer's use-case answers: an outcome, a reason, notes, and the body stored. */
type WriteResult = Pick<ImportItemResult, 'outcome' | 'reason' | 'notes' | 'sanitizedBody'>

/** Counts a written item in `counts` (articles or pages) and lists its refusal, notes and the markup the sanitizer removed. */
export function recordOutcome(report: ImportReport, counts: Outcomes, item: { readonly label: string; readonly oldUrl: string; readonly bodyHtml: string }, r: WriteResult): void {
  counts[r.outcome]++
  const named = (reason: string) => ({ item: item.label, oldUrl: item.oldUrl, reason })
  if (r.outcome === 'refused') listIn(report, report.refusals, named(r.reason ?? 'refused'))
  else if (r.reason) listIn(report, report.notes, named(r.reason))
  for (const note of r.notes) listIn(report, report.notes, named(note))
  if (r.sanitizedBody !== null) {
    for (const [markup, n] of removedMarkup(item.bodyHtml, r.sanitizedBody)) countIn(report.altered.removedMarkup, markup, n)
  }
}

/** A batch sent to the database and not yet counted: its items, and what writing them came to (never rejects). */
interface InFlight {
  readonly items: readonly PreparedItem[]
  readonly written: Promise<{ readonly results: ImportItemResult[] } | { readonly error: unknown }>
}

/**
 * Writes `items` in batches (one transaction each), yielding to other work between batches, and records every
 * outcome in `report`, in the order of the file. Where the engine writes transactions side by side
 * (`importing.parallelBatches`), the next batch is read, mapped and sent while the one before is still being written.
 * When `items` throws (a malformed file), the articles read before the fault are written first, then the error is
 * rethrown: a later run of the same file picks up from there.
 */
export async function importInBatches(importing: Importing, items: AsyncIterable<PreparedItem>, o: BulkImportOptions): Promise<number> {
  importing.authorize(o.actor)
  const size = o.batchSize ?? 100
  let batch: PreparedItem[] = []
  let done = 0
  const inFlight: InFlight[] = []
  // The oldest batch in flight, counted once written. When its write failed, the others are waited for before the
  // error goes on, so that no transaction is left running behind it.
  const countOldest = async () => {
    const head = inFlight[0]!
    const written = await head.written
    if ('error' in written) {
      await Promise.all(inFlight.map((f) => f.written))
      inFlight.length = 0
      throw written.error
    }
    inFlight.shift()
    written.results.forEach((r, i) => {
      const item = head.items[i]!
      recordOutcome(o.report, o.report.articles, { label: item.label, oldUrl: item.article.oldUrl, bodyHtml: item.article.bodyHtml }, r)
    })
    done += head.items.length
    o.onProgress?.(done)
  }
  // Sections of batches already sent. A batch that may add a section is written alone, after the batches before it
  // and before those after it: a new section takes the next place in the site's navigation, which must follow the
  // file, and two batches adding sections at once would both take the same place.
  const sections = new Set<string>()
  const send = async () => {
    let alone = false
    if (batch.length > 0) {
      alone = batch.some((item) => !sections.has(item.article.section.slug))
      if (alone) while (inFlight.length > 0) await countOldest()
      for (const item of batch) sections.add(item.article.section.slug)
      const results = importing.writeBatch(o.actor, o.source, batch, { dryRun: o.dryRun })
      inFlight.push({ items: batch, written: results.then((r) => ({ results: r }), (error: unknown) => ({ error })) })
      batch = []
    }
    while (inFlight.length >= (alone ? 1 : importing.parallelBatches)) await countOldest()
    await yieldToRequests()
  }
  const flush = async () => {
    await send()
    while (inFlight.length > 0) await countOldest()
  }
  // Related lists are computed once for the whole run, after its last batch (and after a fault, for what was written);
  // a run that is killed leaves them marked, and the next run, even one that writes nothing, finishes them.
  const settle = async () => {
    if (!o.dryRun) await importing.settleRelated(o.actor, { ...(o.onSettleProgress && { onProgress: o.onSettleProgress }) })
  }
  const iterator = items[Symbol.asyncIterator]()
  try {
    for (;;) {
      let next: IteratorResult<PreparedItem>
      try {
        next = await iterator.next()
      } catch (err) {
        await flush()
        await settle()
        throw err
      }
      if (next.done) break
      batch.push(next.value)
      if (batch.length >= size) {
        await send()
        if (o.stopRequested?.()) {
          await flush()
          o.report.stopped = true
          return done
        }
      }
    }
  } finally {
    // Stopped, or a write failed: closes the file the items are read from (and the thread reading it).
    await iterator.return?.()
  }
  await flush()
  await settle()
  return done
}

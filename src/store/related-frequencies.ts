// Document frequencies of related-article terms: the folded counts (related_df) plus the deltas publishing appends (0027).

import { sql, type Kysely } from 'kysely'
import type { Database } from './schema.ts'
import { statementChunks as chunks } from './statement-chunks.ts'

/** The related_state key of the folded document count. */
const DOCUMENTS = 'documents'

/**
 * The delta row that moves the document count rather than a term's frequency: analysis never yields an empty term
 * (src/text/analyze.ts drops them), so the empty string cannot collide with one.
 */
const DOCUMENTS_TERM = ''

/** Delta rows folded per statement by foldFrequencies: each fold transaction stays short. */
const FOLD_ROWS = 5000

const byTerm = (a: readonly [string, number], b: readonly [string, number]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)

/**
 * The frequency half of the related store. Single publications append to related_df_deltas, which no two
 * transactions ever contend for (on PostgreSQL parallel publishes queued on the upsert into related_df, each holding
 * its row locks until commit); reads add the deltas not folded yet, so every read is exact; the related-refresh job
 * folds them into related_df in short transactions of their own. Bulk passes write related_df directly.
 */
export function createRelatedFrequencies(db: Kysely<Database>) {
  /** Moves folded frequencies by `deltas` and the folded document count by `documentsDelta`, terms in sorted order. */
  async function applyToFolded(deltas: ReadonlyMap<string, number>, documentsDelta: number): Promise<void> {
    // Sorted, so two writers lock related_df rows in the same order on PostgreSQL and never deadlock.
    const sorted = [...deltas].filter(([, n]) => n !== 0).sort(byTerm)
    for (const part of chunks(sorted.filter(([, n]) => n > 0))) {
      await db.insertInto('related_df').values(part.map(([term, df]) => ({ term, df })))
        .onConflict((oc) => oc.column('term').doUpdateSet({ df: sql`related_df.df + excluded.df` })).execute()
    }
    const falling = new Map<number, string[]>()
    for (const [term, n] of sorted) if (n < 0) falling.set(-n, [...(falling.get(-n) ?? []), term])
    for (const [by, terms] of falling) {
      for (const part of chunks(terms)) {
        // A delta may fall before the rise it answers is folded (both wait in the log): insert, then move.
        await db.insertInto('related_df').values(part.map((term) => ({ term, df: 0 }))).onConflict((oc) => oc.column('term').doNothing()).execute()
        await db.updateTable('related_df').set({ df: sql`df - ${by}` }).where('term', 'in', part).execute()
      }
    }
    if (documentsDelta !== 0) {
      await db.insertInto('related_state').values({ key: DOCUMENTS, value: documentsDelta })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: sql`related_state.value + ${documentsDelta}` })).execute()
    }
  }

  /**
   * Removes folded rows that count no article any more. Only zero: a row below zero (a fall folded before its rise,
   * which id order should rule out) keeps its count, so the rise still cancels it.
   */
  async function dropEmpty(terms: readonly string[]): Promise<void> {
    for (const part of chunks([...terms].sort())) await db.deleteFrom('related_df').where('term', 'in', part).where('df', '=', 0).execute()
  }

  /** Appends term deltas (and a document count delta) to the log that foldFrequencies folds; zero deltas are left out. */
  async function appendFrequencies(deltas: ReadonlyMap<string, number>, documentsDelta: number): Promise<void> {
    const rows = [...deltas].filter(([, n]) => n !== 0).map(([term, delta]) => ({ term, delta }))
    if (documentsDelta !== 0) rows.push({ term: DOCUMENTS_TERM, delta: documentsDelta })
    for (const part of chunks(rows)) await db.insertInto('related_df_deltas').values(part).execute()
  }

  /**
   * Moves each term's folded frequency by its delta and the document count by `documentsDelta` at once (the settle
   * pass, summed over a batch of hundreds of articles: appending would log every term of every batch).
   */
  async function addFrequencies(deltas: ReadonlyMap<string, number>, documentsDelta: number): Promise<void> {
    await applyToFolded(deltas, documentsDelta)
    await dropEmpty([...deltas].filter(([, n]) => n < 0).map(([t]) => t))
  }

  /** The unfolded deltas of the given terms, summed; terms with none are absent. */
  async function pendingDeltas(terms: readonly string[]): Promise<Map<string, number>> {
    const map = new Map<string, number>()
    for (const part of chunks(terms)) {
      const rows = await db.selectFrom('related_df_deltas').select(['term', sql<number | string>`sum(delta)`.as('delta')])
        .where('term', 'in', part).groupBy('term').execute()
      for (const r of rows) map.set(r.term, Number(r.delta))
    }
    return map
  }

  return {
    /** Document frequencies of the given terms, deltas not folded yet included; terms counting no article are absent. */
    async frequencies(terms: readonly string[]): Promise<Map<string, number>> {
      const map = new Map<string, number>()
      for (const part of chunks(terms)) {
        const rows = await db.selectFrom('related_df').select(['term', 'df']).where('term', 'in', part).execute()
        for (const r of rows) map.set(r.term, Number(r.df))
      }
      for (const [term, d] of await pendingDeltas(terms)) {
        const n = (map.get(term) ?? 0) + d
        if (n > 0) map.set(term, n)
        else map.delete(term)
      }
      for (const [term, n] of map) if (n <= 0) map.delete(term)
      return map
    },

    /** How many articles the frequencies count, deltas not folded yet included. */
    async documentCount(): Promise<number> {
      const row = await db.selectFrom('related_state').select('value').where('key', '=', DOCUMENTS).executeTakeFirst()
      return Number(row?.value ?? 0) + ((await pendingDeltas([DOCUMENTS_TERM])).get(DOCUMENTS_TERM) ?? 0)
    },

    /**
     * Counts one more article for each of `added`, one fewer for each of `removed`, and moves the document count: one
     * append to related_df_deltas, which takes no lock another publication waits for.
     */
    async adjustFrequencies(added: readonly string[], removed: readonly string[], documentsDelta: number): Promise<void> {
      const deltas = new Map<string, number>()
      for (const t of added) deltas.set(t, (deltas.get(t) ?? 0) + 1)
      for (const t of removed) deltas.set(t, (deltas.get(t) ?? 0) - 1)
      await appendFrequencies(deltas, documentsDelta)
    },

    appendFrequencies,
    addFrequencies,

    /**
     * Folds up to `limit` of the oldest logged deltas into related_df and returns how many it folded; run it in a
     * transaction of its own. The rows are taken by deleting them, so two folds at once never fold a row twice (on
     * PostgreSQL the second waits for the first's rows and finds them gone), and a delta still uncommitted is not
     * visible yet and waits for the next fold.
     */
    async foldFrequencies(limit = FOLD_ROWS): Promise<number> {
      const ids = db.selectFrom('related_df_deltas').select('id').orderBy('id').limit(limit)
      const rows = await db.deleteFrom('related_df_deltas').where('id', 'in', ids).returning(['term', 'delta']).execute()
      const sums = new Map<string, number>()
      let documents = 0
      for (const r of rows) {
        if (r.term === DOCUMENTS_TERM) documents += Number(r.delta)
        else sums.set(r.term, (sums.get(r.term) ?? 0) + Number(r.delta))
      }
      await addFrequencies(sums, documents)
      return rows.length
    },

    /** How many delta rows wait to be folded. */
    async loggedFrequencies(): Promise<number> {
      const row = await db.selectFrom('related_df_deltas').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst()
      return Number(row?.n ?? 0)
    },

    /** Replaces every frequency and the document count at once (a rebuild counted them from scratch); the log goes too. */
    async replaceFrequencies(df: ReadonlyMap<string, number>, documents: number): Promise<void> {
      await db.deleteFrom('related_df_deltas').execute()
      await db.deleteFrom('related_df').execute()
      for (const part of chunks([...df])) await db.insertInto('related_df').values(part.map(([term, n]) => ({ term, df: n }))).execute()
      await db.insertInto('related_state').values({ key: DOCUMENTS, value: documents })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: documents })).execute()
    },
  }
}

export type RelatedFrequencies = ReturnType<typeof createRelatedFrequencies>

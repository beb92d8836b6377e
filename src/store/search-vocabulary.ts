// The index's own vocabulary: every word with the number of live documents holding it, for "Did you mean …?".

import { sql, type Kysely } from 'kysely'
import { statementChunks } from './statement-chunks.ts'

/** The end of a prefix range: every string starting with `prefix` sorts below this, byte-wise on both engines. */
export const prefixEnd = (prefix: string): string => `${prefix}\u{10FFFF}`

export interface VocabularyTerm { readonly term: string; readonly docs: number }

export function createSearchVocabulary(db: Kysely<any>) {
  /**
   * Adds each word's delta to its document count and deletes words left at zero or below, in term order as count() does.
   * A batch of publications sums its deltas first: one upsert of its distinct words instead of one per document.
   */
  async function add(deltas: ReadonlyMap<string, number>): Promise<void> {
    const rows = [...deltas].filter(([, d]) => d !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    for (const chunk of statementChunks(rows)) {
      await db.insertInto('search_terms').values(chunk.map(([term, docs]) => ({ term, docs })))
        .onConflict((oc) => oc.column('term').doUpdateSet({ docs: sql`search_terms.docs + excluded.docs` })).execute()
    }
    for (const chunk of statementChunks(rows.filter(([, d]) => d < 0).map(([term]) => term))) {
      await db.deleteFrom('search_terms').where('term', 'in', chunk).where('docs', '<=', 0).execute()
    }
  }

  return {
    /**
     * Counts a document's words in (`added`) and out (`removed`) in one upsert of +1/-1 deltas, then deletes words no
     * document holds. Rows go in term order, so two publications on PostgreSQL lock shared words in the same order and
     * wait for each other instead of deadlocking.
     */
    async count(added: ReadonlySet<string>, removed: ReadonlySet<string>): Promise<void> {
      const deltas = new Map<string, number>()
      for (const w of added) deltas.set(w, 1)
      for (const w of removed) deltas.set(w, (deltas.get(w) ?? 0) - 1)
      await add(deltas)
    },

    add,

    /** How many documents hold each of `words` (absent words are left out). */
    async frequencies(words: readonly string[]): Promise<Map<string, number>> {
      const map = new Map<string, number>()
      if (words.length === 0) return map
      const rows = await db.selectFrom('search_terms').select(['term', 'docs']).where('term', 'in', [...new Set(words)]).execute()
      for (const r of rows) map.set(r.term, Number(r.docs))
      return map
    },

    /**
     * Words that could be what a reader meant by `word`: the same first two letters (typos are rarest there), a length
     * within `slack` of it, held by at least `minDocs` documents; the most frequent `limit` of them. One range scan of
     * the primary key.
     */
    async candidates(word: string, slack: number, minDocs = 2, limit = 2000): Promise<VocabularyTerm[]> {
      const prefix = [...word].slice(0, 2).join('')
      if (prefix.length === 0) return []
      const length = [...word].length
      const rows = await db.selectFrom('search_terms').select(['term', 'docs'])
        .where('term', '>=', prefix).where('term', '<', prefixEnd(prefix))
        .where(sql`length(term)`, '>=', length - slack).where(sql`length(term)`, '<=', length + slack)
        .where('docs', '>=', minDocs)
        .orderBy('docs', 'desc').limit(limit).execute()
      return rows.map((r) => ({ term: r.term, docs: Number(r.docs) }))
    },
  }
}

export type SearchVocabulary = ReturnType<typeof createSearchVocabulary>

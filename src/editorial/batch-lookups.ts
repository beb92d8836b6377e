// The repositories of an import batch's transaction, with the lookups its items repeat remembered for the transaction.

import type { Repositories } from '../store/store.ts'

/** `find`, with what it found kept: a key not found is asked again, since a later item may create it. */
function remembered<V>(find: (key: string) => Promise<V | undefined>): (key: string) => Promise<V | undefined> {
  const found = new Map<string, V>()
  return async (key) => {
    const known = found.get(key)
    if (known !== undefined) return known
    const value = await find(key)
    if (value !== undefined) found.set(key, value)
    return value
  }
}

/**
 * `tx` with sections, tags and bylines found by slug remembered until the transaction ends. An import's items name the
 * same few again and again, and the article use-cases look each up by slug to check it (three tags, a section and a
 * byline an article: on PostgreSQL each a round trip). Nothing an import's transaction does renames or deletes one of
 * them, so a row found stays as found.
 */
export function withBatchLookups(tx: Repositories): Repositories {
  return {
    ...tx,
    taxonomy: { ...tx.taxonomy, sectionBySlug: remembered(tx.taxonomy.sectionBySlug), tagBySlug: remembered(tx.taxonomy.tagBySlug) },
    people: { ...tx.people, authorBySlug: remembered(tx.people.authorBySlug) },
  }
}

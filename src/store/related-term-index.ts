// The (term, weight, article_id) index of related_terms, taken down while a bulk pass weighs many articles at once.

import { sql, type Kysely } from 'kysely'
import type { Database } from './schema.ts'
import type { StoreDialect } from './dialect.ts'

/** The related_state key that says the index is down, with when the pass that took it down last said it was alive. */
const INDEX_DOWN = 'terms_index_down'

/**
 * An import's weigh stage inserts some sixty kept terms an article, in article order. The term index takes each row
 * at a random place in a tree of millions; once the tree outgrows the page cache nearly every row writes a page of its
 * own: at 100,000 articles SQLite spent two thirds of the stage there. Built again afterwards from the rows, in one
 * sort, the same index costs a few seconds. Dropping it and saying so are one transaction, and so are building it and
 * saying so, so a reader of the flag (related/engine.ts computeList) never finds the index other than the flag says.
 */
export function createRelatedTermIndex(db: Kysely<Database>, dialect: Pick<StoreDialect, 'name'>) {
  /** When the pass that took the term index down last said it was alive, or undefined while the index is up. */
  async function termIndexDown(): Promise<number | undefined> {
    const row = await db.selectFrom('related_state').select('value').where('key', '=', INDEX_DOWN).executeTakeFirst()
    return row ? Number(row.value) : undefined
  }

  return {
    termIndexDown,

    /** Drops the term index (if it is there) and records that it is down; call outside any transaction. */
    async takeTermIndexDown(now: number): Promise<void> {
      await db.transaction().execute(async (tx) => {
        await tx.schema.dropIndex('related_terms_term').ifExists().execute()
        await tx.insertInto('related_state').values({ key: INDEX_DOWN, value: now })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value: now })).execute()
      })
    },

    /** Says the pass that took the index down is still at work (a pass that died is noticed by its silence). */
    async termIndexStillDown(now: number): Promise<void> {
      await db.updateTable('related_state').set({ value: now }).where('key', '=', INDEX_DOWN).execute()
    },

    /**
     * Builds the term index again, as migration 0003 made it, when the record says it is down (a pass's own, or one left
     * by a pass that died); call outside any transaction.
     */
    async bringTermIndexUp(): Promise<void> {
      if (await termIndexDown() === undefined) return
      // SQLite sorts the rows for the index in temporary storage, which the store keeps in memory (temp_store): at
      // 100,000 articles that sort alone took 370 MB more. In files it took 80 MB, and less time.
      const onSqlite = dialect.name === 'sqlite'
      if (onSqlite) await sql`pragma temp_store = file`.execute(db)
      try {
        await db.transaction().execute(async (tx) => {
          await tx.schema.createIndex('related_terms_term').ifNotExists().on('related_terms').columns(['term', 'weight', 'article_id']).execute()
          await tx.deleteFrom('related_state').where('key', '=', INDEX_DOWN).execute()
        })
      } finally {
        if (onSqlite) await sql`pragma temp_store = memory`.execute(db)
      }
    },
  }
}

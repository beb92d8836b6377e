// The desk's trash: a deleted article keeps its working copy and revisions, marked with when it was deleted and by
// whom, until an editor restores it (as a draft) or deletes it for good.

import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import type { StoreDialect } from '../dialect.ts'

/** Adds articles.deleted_at and articles.deleted_by. */
export const articleTrash = (d: StoreDialect): Migration => ({
  async up(db: Kysely<any>) {
    await db.schema.alterTable('articles').addColumn('deleted_at', d.bigintType).execute()
    // No foreign key: a user is deactivated, never deleted, and the audit log holds the same fact.
    await db.schema.alterTable('articles').addColumn('deleted_by', d.bigintType).execute()
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('articles').dropColumn('deleted_by').execute()
    await db.schema.alterTable('articles').dropColumn('deleted_at').execute()
  },
})

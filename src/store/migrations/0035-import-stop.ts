// A running import can be asked to stop: the desk's Stop button sets stop_requested_at, and the runner ends the run at
// its next batch boundary, with a report that says so.

import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import type { StoreDialect } from '../dialect.ts'

/** Adds import_jobs.stop_requested_at. */
export const importStop = (d: StoreDialect): Migration => ({
  async up(db: Kysely<any>) {
    await db.schema.alterTable('import_jobs').addColumn('stop_requested_at', d.bigintType).execute()
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('import_jobs').dropColumn('stop_requested_at').execute()
  },
})

// Imports started from the desk run as jobs: one row per run, claimed under a lease so a dead instance's import is
// picked up again, and at most one active per site.

import { sql, type Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import type { StoreDialect } from '../dialect.ts'

/** Creates import_jobs. */
export const importJobs = (d: StoreDialect): Migration => ({
  async up(db: Kysely<any>) {
    const big = d.bigintType
    await db.schema.createTable('import_jobs')
      .addColumn('id', d.idType, d.primaryKey)
      .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('wordpress', 'ghost')`))
      // The uploaded file under DATA_DIR/imports, kept from the dry run until the import that follows it ends.
      .addColumn('file_path', 'text', (c) => c.notNull())
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('file_bytes', big, (c) => c.notNull())
      // JSON: { section, siteUrl, media }, the options of the command line.
      .addColumn('options', 'text', (c) => c.notNull())
      .addColumn('dry_run', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('queued', 'running', 'done', 'failed', 'discarded')`))
      // 1 while queued or running, null after: the unique index lets one import at a time be active on the site
      // (nulls never collide, on either engine), across instances, without a lock held for the run.
      .addColumn('active', 'integer', (c) => c.check(sql`active = 1`))
      .addColumn('created_by', big, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', big, (c) => c.notNull())
      .addColumn('updated_at', big, (c) => c.notNull())
      .addColumn('started_at', big)
      .addColumn('finished_at', big)
      // The claimer holds the job until lease_until and renews it while it runs; attempts counts claims and fences a
      // runner whose lease another instance has taken over (its writes name the attempt they belong to).
      .addColumn('lease_until', big)
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('done_items', 'integer', (c) => c.notNull().defaultTo(0))
      // Thousandths of the file read so far.
      .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('report', 'text')
      .addColumn('error', 'text')
      .execute()
    await db.schema.createIndex('import_jobs_active').on('import_jobs').column('active').unique().execute()
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('import_jobs').execute()
  },
})

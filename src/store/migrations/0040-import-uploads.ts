// The desk's import uploads move from DATA_DIR/imports (one instance's disk) to the media store, where the instance that
// claims the job can read them: file_path then holds the store key, and file_secret the key that decrypts the object.

import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

/** Adds import_jobs.file_secret. */
export const importUploads = (): Migration => ({
  async up(db: Kysely<any>) {
    await db.schema.alterTable('import_jobs').addColumn('file_secret', 'text').execute()
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('import_jobs').dropColumn('file_secret').execute()
  },
})

// Who uploaded each image: the uploader may change its alt text, caption and credit while no published page shows it.

import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import type { StoreDialect } from '../dialect.ts'

/** Adds media.uploaded_by: null for images from before it, from importers and the demo seed (the system). */
export const mediaUploader = (d: StoreDialect): Migration => ({
  async up(db: Kysely<any>) {
    // A deleted account leaves its images without an uploader: editors still change them, nobody else.
    await db.schema.alterTable('media')
      .addColumn('uploaded_by', d.bigintType, (c) => c.references('users.id').onDelete('set null'))
      .execute()
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('media').dropColumn('uploaded_by').execute()
  },
})

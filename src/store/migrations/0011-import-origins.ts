// Where imported things came from: source system, site and id → our section, tag, byline or article, with the hash
// of what was imported, so that running an import again updates what changed and skips the rest.

import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import type { StoreDialect } from '../dialect.ts'

/** Adds import_origins. */
export const importOrigins = (d: StoreDialect): Migration => ({
  async up(db: Kysely<any>) {
    const big = d.bigintType
    // No foreign key: `target_id` names a row of the table `kind` says. A target deleted on this site is noticed by
    // the importer (and left deleted), not cascaded away.
    await db.schema.createTable('import_origins')
      .addColumn('system', 'text', (c) => c.notNull())
      .addColumn('site', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('source_id', 'text', (c) => c.notNull())
      .addColumn('target_id', big, (c) => c.notNull())
      .addColumn('content_hash', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('imported_at', big, (c) => c.notNull())
      .addPrimaryKeyConstraint('import_origins_pk', ['system', 'site', 'kind', 'source_id'])
      .execute()
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('import_origins').execute()
  },
})

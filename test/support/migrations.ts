// A migrated scratch database and a migrator over the project's migrations: for tests that take one migration down
// and up again on both engines.

import type { TestContext } from 'node:test'
import type { Kysely } from 'kysely'
import { Migrator } from 'kysely/migration'
import { postgresDialect, sqliteDialect } from '../../src/store/dialect.ts'
import { migrations } from '../../src/store/migrate.ts'
import { openPostgres } from '../../src/store/postgres.ts'
import { openSqlite } from '../../src/store/sqlite.ts'
import { scratchDatabase } from './databases.ts'

export interface ScratchMigrator {
  readonly db: Kysely<any>
  readonly migrator: Migrator
  /** The name of the migration just before `name`, whatever others are added around it. */
  before(name: string): string
}

/** A database migrated to the latest version, with its connection and a migrator; both go when the test ends. */
export async function scratchMigrator(t: TestContext, engine: 'sqlite' | 'postgres'): Promise<ScratchMigrator> {
  const scratch = await scratchDatabase(engine, { migrated: true })
  t.after(() => scratch.drop())
  const db = scratch.config.engine === 'sqlite' ? openSqlite(scratch.config.file) : openPostgres(scratch.config.url, 2)
  t.after(() => db.destroy())
  const all = migrations(engine === 'sqlite' ? sqliteDialect : postgresDialect)
  const names = Object.keys(all)
  return {
    db, migrator: new Migrator({ db, provider: { getMigrations: async () => all } }),
    before: (name) => names[names.indexOf(name) - 1]!,
  }
}

// Opens the database for the configured engine, migrates it, and hands out repositories.

import type { Kysely } from 'kysely'
import type { DatabaseConfig } from '../config.ts'
import { postgresDialect, sqliteDialect, type StoreDialect } from './dialect.ts'
import { runMigrations } from './migrate.ts'
import type { Database } from './schema.ts'
import { openSqlite } from './sqlite.ts'
import { openPostgres } from './postgres.ts'
import { createArticles } from './articles.ts'
import { createLive } from './live.ts'
import { createTaxonomy } from './taxonomy.ts'
import { createPeople } from './people.ts'
import { createMediaRepository } from './media.ts'
import { createSite } from './site.ts'
import { createRedirects } from './redirects.ts'
import { createViews } from './views.ts'

/** Every repository, bound to one Kysely instance: the pool, or one transaction. */
export const repositories = (db: Kysely<Database>) => ({
  articles: createArticles(db),
  live: createLive(db),
  taxonomy: createTaxonomy(db),
  people: createPeople(db),
  media: createMediaRepository(db),
  site: createSite(db),
  redirects: createRedirects(db),
  views: createViews(db),
})

export type Repositories = ReturnType<typeof repositories>

export interface Store extends Repositories {
  readonly dialect: StoreDialect
  /** Migrations this open applied; empty when the schema was already current. */
  readonly applied: readonly string[]
  /** Runs `fn` in one transaction; never nest calls, and never await the network inside one. */
  transaction<T>(fn: (tx: Repositories) => Promise<T>): Promise<T>
  /** Whether the database answers. */
  ping(): Promise<boolean>
  close(): Promise<void>
}

/** Opens and migrates the database that `config` names. */
export async function openStore(config: DatabaseConfig, opts: { readonly poolSize?: number } = {}): Promise<Store> {
  const [db, dialect] = config.engine === 'sqlite'
    ? [openSqlite(config.file), sqliteDialect] as const
    : [openPostgres(config.url, opts.poolSize), postgresDialect] as const
  let applied: string[]
  try {
    applied = await runMigrations(db, dialect)
  } catch (err) {
    await db.destroy()
    throw err
  }
  return {
    ...repositories(db),
    dialect,
    applied,
    transaction: (fn) => db.transaction().execute((trx) => fn(repositories(trx))),
    async ping() {
      try {
        await db.selectFrom('settings').select('key').limit(1).execute()
        return true
      } catch {
        return false
      }
    },
    close: () => db.destroy(),
  }
}

// Runs the one ordered list of migrations, the same for both engines.

import { sql, type Kysely } from 'kysely'
import { DEFAULT_MIGRATION_TABLE, Migrator, type Migration } from 'kysely/migration'
import type { StoreDialect } from './dialect.ts'
import { content } from './migrations/0001-content.ts'
import { search } from './migrations/0002-search.ts'
import { related } from './migrations/0003-related.ts'
import { contentApi } from './migrations/0004-content-api.ts'
import { webhooks } from './migrations/0005-webhooks.ts'
import { accounts } from './migrations/0006-accounts.ts'
import { revisionsJobs } from './migrations/0007-revisions-jobs.ts'
import { mediaVariants } from './migrations/0008-media-variants.ts'
import { livePathLookup } from './migrations/0009-live-path-lookup.ts'
import { heartbeat } from './migrations/0010-heartbeat.ts'
import { importOrigins } from './migrations/0011-import-origins.ts'
import { mediaUploader } from './migrations/0012-media-uploader.ts'
import { relatedPending } from './migrations/0013-related-pending.ts'
import { analysisVersion } from './migrations/0017-analysis-version.ts'
import { mail } from './migrations/0018-mail.ts'
import { articleTrash } from './migrations/0019-article-trash.ts'
import { importJobs } from './migrations/0020-import-jobs.ts'
import { pageTree } from './migrations/0021-page-tree.ts'
import { bylinesPresence } from './migrations/0023-bylines-presence.ts'
import { languageListings } from './migrations/0025-language-listings.ts'
import { searchWordForms } from './migrations/0026-search-word-forms.ts'
import { relatedDfDeltas } from './migrations/0027-related-df-deltas.ts'
import { cluster } from './migrations/0030-cluster.ts'
import { newsletters } from './migrations/0032-newsletters.ts'
import { quotes } from './migrations/0033-quotes.ts'
import { heroCaption } from './migrations/0034-hero-caption.ts'
import { importStop } from './migrations/0035-import-stop.ts'
import { tagNames } from './migrations/0036-tag-names.ts'
import { sharedVisitors } from './migrations/0038-shared-visitors.ts'
import { importUploads } from './migrations/0040-import-uploads.ts'
import { searchVectors } from './migrations/0043-search-vectors.ts'
import { searchKeys } from './migrations/0044-search-keys.ts'

/** Every migration, in order; a static list so it works under type stripping. */
export const migrations = (d: StoreDialect): Record<string, Migration> => ({
  '0001-content': content(d),
  '0002-search': search(d),
  '0003-related': related(d),
  '0004-content-api': contentApi(d),
  '0005-webhooks': webhooks(d),
  '0006-accounts': accounts(d),
  '0007-revisions-jobs': revisionsJobs(d),
  '0008-media-variants': mediaVariants(d),
  '0009-live-path-lookup': livePathLookup(d),
  '0010-heartbeat': heartbeat(d),
  '0011-import-origins': importOrigins(d),
  '0012-media-uploader': mediaUploader(d),
  '0013-related-pending': relatedPending(d),
  '0017-analysis-version': analysisVersion(d),
  '0018-mail': mail(d),
  '0019-article-trash': articleTrash(d),
  '0020-import-jobs': importJobs(d),
  '0021-page-tree': pageTree(d),
  '0023-bylines-presence': bylinesPresence(d),
  '0025-language-listings': languageListings(d),
  '0026-search-word-forms': searchWordForms(d),
  '0027-related-df-deltas': relatedDfDeltas(d),
  '0030-cluster': cluster(d),
  '0032-newsletters': newsletters(d),
  '0033-quotes': quotes(d),
  '0034-hero-caption': heroCaption(d),
  '0035-import-stop': importStop(d),
  '0036-tag-names': tagNames(d),
  '0038-shared-visitors': sharedVisitors(d),
  '0040-import-uploads': importUploads(),
  '0043-search-vectors': searchVectors(d),
  '0044-search-keys': searchKeys(d),
})

/**
 * The migrations this code knows that `db` has not applied. It reads Kysely's own record of them directly: the
 * Migrator's getMigrations() first introspects every table, too much for a probe that runs every few seconds.
 */
export async function pendingMigrations(db: Kysely<any>, dialect: StoreDialect): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from ${sql.table(DEFAULT_MIGRATION_TABLE)}`.execute(db)
  const applied = new Set(rows.map((r) => r.name))
  return Object.keys(migrations(dialect)).filter((name) => !applied.has(name))
}

/**
 * Brings the schema up to date; returns the names of the migrations it applied. A database that has applied exactly
 * the migrations this code knows, as at nearly every start, is left as it is after one query: the Migrator would
 * introspect every table twice and take its lock first. Anything else (a new database, migrations to apply, or
 * applied ones this code does not know, which the Migrator refuses) goes through the Migrator.
 */
export async function runMigrations(db: Kysely<any>, dialect: StoreDialect): Promise<string[]> {
  if (await upToDate(db, dialect)) return []
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations(dialect) } })
  const { error, results } = await migrator.migrateToLatest()
  if (error) throw error
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

async function upToDate(db: Kysely<any>, dialect: StoreDialect): Promise<boolean> {
  let applied: string[]
  try {
    applied = (await sql<{ name: string }>`select name from ${sql.table(DEFAULT_MIGRATION_TABLE)}`.execute(db)).rows.map((r) => r.name)
  } catch {
    return false // no migration table yet
  }
  const known = Object.keys(migrations(dialect))
  return applied.length === known.length && new Set([...applied, ...known]).size === known.length
}

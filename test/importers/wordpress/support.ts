// Running the WordPress importer in tests, and a comparable picture of what an import left in the store.

import type { Store } from '../../../src/store/store.ts'
import { createImporting, type ImportActor } from '../../../src/editorial/importing.ts'
import { createPageImporting } from '../../../src/editorial/import-pages.ts'
import { importWordPress } from '../../../src/importers/wordpress/import.ts'
import type { ImportReport } from '../../../src/importers/import-report.ts'
import type { MediaSetup } from '../../../src/importers/media-import.ts'

export const SITE = 'https://old.example.org'
export const NOW = Date.UTC(2026, 10, 27, 9)
export const SYSTEM: ImportActor = { kind: 'system', name: 'test' }

/** Imports `file` into `store` as the command line would, in batches of `batchSize` (small, so batches matter). */
export function runImport(store: Store, file: string, opts: { dryRun?: boolean; batchSize?: number; actor?: ImportActor; timeZone?: string; media?: MediaSetup } = {}): Promise<ImportReport> {
  const importing = createImporting({ store, clock: { now: () => NOW }, siteLanguage: async () => 'en' })
  return importWordPress({ importing, pages: createPageImporting({ store, clock: { now: () => NOW }, siteLanguage: async () => 'en', authorize: importing.authorize }) }, {
    file, actor: opts.actor ?? SYSTEM, dryRun: opts.dryRun ?? false, timeZone: opts.timeZone ?? 'UTC', batchSize: opts.batchSize ?? 4, ...(opts.media && { media: opts.media }),
  })
}

/** The id of the article imported from WordPress post `postId`. */
export async function articleOf(store: Store, postId: string): Promise<number | undefined> {
  return (await store.origins.find({ system: 'wordpress', site: SITE, kind: 'article', sourceId: postId }))?.targetId
}

/** Everything an import writes, keyed by source ids and slugs rather than our ids, so two stores can be compared. */
export async function snapshot(store: Store, postIds: readonly string[]): Promise<unknown> {
  const sections = (await store.taxonomy.sections()).map((s) => [s.slug, s.name, s.position])
  const tags = await store.taxonomy.tags()
  const tagSlug = new Map(tags.map((t) => [t.id, t.slug]))
  const authors = await store.people.authors()
  const authorSlug = new Map(authors.map((a) => [a.id, a.slug]))
  const articles: unknown[] = []
  const idToPost = new Map<number, string>()
  for (const postId of postIds) {
    const id = await articleOf(store, postId)
    if (id === undefined) {
      articles.push([postId, null])
      continue
    }
    idToPost.set(id, postId)
    const a = (await store.articles.get(id))!
    const path = await store.articles.livePath(id)
    articles.push([postId, a.status, a.slug, a.title, a.bodyHtml, a.publishedAt, a.updatedAt, a.scheduledAt, a.editorsChoice,
      a.tagIds.map((t) => tagSlug.get(t)), a.authorIds.map((x) => authorSlug.get(x)), path ?? null, await store.related.hasTerms(id)])
  }
  const redirects = (await store.redirects.list({ limit: 1000, offset: 0 })).items
    .map((r) => [r.fromPath, r.status, r.toArticleId === null ? null : idToPost.get(r.toArticleId) ?? 'other', r.kind]).sort()
  return {
    sections, tags: tags.map((t) => [t.slug, t.kind, t.parentId === null ? null : tagSlug.get(t.parentId)]),
    authors: authors.map((a) => [a.slug, a.name]), articles, redirects, live: await store.live.count(),
  }
}

export const POSTS = ['10', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20']

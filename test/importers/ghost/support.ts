// Running the Ghost importer in tests, and a comparable picture of what an import left in the store.

import type { Store } from '../../../src/store/store.ts'
import { createImporting, type ImportActor } from '../../../src/editorial/importing.ts'
import { createPageImporting } from '../../../src/editorial/import-pages.ts'
import { importGhost, type GhostImportOptions } from '../../../src/importers/ghost/import.ts'
import type { ImportReport } from '../../../src/importers/import-report.ts'
import type { TestContext } from 'node:test'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createMediaLibrary } from '../../../src/media/library.ts'
import { createMediaImporting } from '../../../src/editorial/import-media.ts'
import { createImageSource, type ImageSourceOptions } from '../../../src/importers/media-fetch.ts'
import type { MediaSetup } from '../../../src/importers/media-import.ts'

export const NOW = Date.UTC(2026, 10, 27, 9)
export const SYSTEM: ImportActor = { kind: 'system', name: 'test' }

/** Imports `file` into `store` as the command line would, in batches of 2 (small, so batches matter). */
export function runGhostImport(store: Store, file: string, opts: Partial<Omit<GhostImportOptions, 'file'>> & { media?: MediaSetup } = {}): Promise<ImportReport> {
  const clock = { now: () => NOW }
  const siteLanguage = async () => 'en'
  const importing = createImporting({ store, clock, siteLanguage })
  const pages = createPageImporting({ store, clock, siteLanguage, authorize: importing.authorize })
  const { media, ...rest } = opts
  return importGhost({ importing, pages, ...(media && { media }) }, { file, actor: SYSTEM, dryRun: false, siteUrl: null, batchSize: 2, ...rest })
}

/** Images brought into a media library in a temp folder, fetched (or read from `mediaDir`) by the rules of `source`. */
export async function mediaSetup(t: TestContext, store: Store, source: Partial<ImageSourceOptions> = {}, libraryDir?: string): Promise<MediaSetup> {
  const dir = libraryDir ?? await mkdtemp(path.join(os.tmpdir(), 'broadsheet-media-'))
  if (!libraryDir) t.after(() => rm(dir, { recursive: true, force: true }))
  const clock = { now: () => NOW }
  const library = createMediaLibrary({ store, clock, mediaDir: dir })
  const { authorize } = createImporting({ store, clock, siteLanguage: async () => 'en' })
  return {
    media: createMediaImporting({ store, clock, library, authorize }),
    fetch: createImageSource({ mediaDir: null, allowPrivate: true, connectTimeoutMs: 2000, readTimeoutMs: 2000, ...source }),
  }
}

/** The id of the article imported from Ghost post `postId` of `site`. */
export async function articleOf(store: Store, postId: string, site = 'ghost:Steppe Notes'): Promise<number | undefined> {
  return (await store.origins.find({ system: 'ghost', site, kind: 'article', sourceId: postId }))?.targetId
}

/** Everything an import writes, keyed by source ids and slugs rather than our ids, so two stores can be compared. */
export async function snapshot(store: Store, postIds: readonly string[], site?: string): Promise<unknown> {
  const sections = (await store.taxonomy.sections()).map((s) => [s.slug, s.name])
  const tags = await store.taxonomy.tags()
  const tagSlug = new Map(tags.map((t) => [t.id, t.slug]))
  const authors = await store.people.authors()
  const authorSlug = new Map(authors.map((a) => [a.id, a.slug]))
  const articles: unknown[] = []
  const idToPost = new Map<number, string>()
  for (const postId of postIds) {
    const id = await articleOf(store, postId, site)
    if (id === undefined) {
      articles.push([postId, null])
      continue
    }
    idToPost.set(id, postId)
    const a = (await store.articles.get(id))!
    articles.push([postId, a.status, a.slug, a.title, a.standfirst, a.bodyHtml, a.publishedAt, a.updatedAt, a.scheduledAt, a.editorsChoice,
      a.seoTitle, a.seoDescription, a.tagIds.map((t) => tagSlug.get(t)), a.authorIds.map((x) => authorSlug.get(x)), await store.articles.livePath(id) ?? null])
  }
  const redirects = (await store.redirects.list({ limit: 1000, offset: 0 })).items
    .map((r) => [r.fromPath, r.status, r.toArticleId === null ? r.toUrl : idToPost.get(r.toArticleId) ?? 'other']).sort()
  return {
    sections, tags: tags.map((t) => [t.slug, t.name]), authors: authors.map((a) => [a.slug, a.name]), articles, redirects,
    pages: (await store.pages.published()).map((p) => ({ path: p.path, updatedAt: p.updatedAt })), live: await store.live.count(),
  }
}

// `broadsheet import ghost`: a Ghost export read, mapped and written in batches (posts) and one by one (pages), with its report.

import { readFile } from 'node:fs/promises'
import { slugify } from '../../domain/slug.ts'
import type { ImportActor, Importing } from '../../editorial/importing.ts'
import type { ImportSource, ImportTerm } from '../../editorial/import-input.ts'
import type { PageImporting } from '../../editorial/import-pages.ts'
import { importInBatches, prepare, recordOutcome, refuse, type PreparedItem } from '../bulk-import.ts'
import { contentHash } from '../import-item.ts'
import { createMediaImport, LOOKAHEAD, type MediaImport, type MediaSetup } from '../media-import.ts'
import { inOrder } from '../media-fetch.ts'
import { countIn, emptyReport, listIn, type ImportReport } from '../import-report.ts'
import type { OldAddressRule } from '../../domain/import-report.ts'
import { GhostExportError, readGhostExport, type GhostExport } from './ghost-export.ts'
import { customPermalink, mapPost, newAddresses, resolver, type GhostContext, type MappedPost } from './mapping.ts'
import { permalinkTemplate, readRoutesYaml, RoutesError, type GhostCollection } from '../../domain/ghost-permalinks.ts'

/** The old site's collections: routes.yaml when given, else the template given, else the export's own setting. */
function collectionsOf(data: GhostExport, o: Pick<GhostImportOptions, 'routesYaml' | 'permalink'>): { collections: GhostCollection[]; from: OldAddressRule['from'] | null } {
  if (o.routesYaml) return { collections: readRoutesYaml(o.routesYaml), from: 'routes.yaml' }
  const template = o.permalink || data.permalinks
  return template ? { collections: [{ permalink: permalinkTemplate(template), filter: null }], from: o.permalink ? 'permalink' : 'export' } : { collections: [], from: null }
}

/** Changing how posts are mapped changes this, so that a second run updates what the new rules write differently. */
export const MAPPING_VERSION = 'ghost-1'

export interface GhostImportOptions {
  readonly file: string
  readonly actor: ImportActor
  readonly dryRun: boolean
  /** The old site's address (`https://blog.example.org`): names the source on later runs, makes image addresses absolute. */
  readonly siteUrl: string | null
  /** The section of posts whose primary tag names none of this site's sections (default `news`). */
  readonly defaultSection?: string
  readonly batchSize?: number
  /** Called after each batch: articles handled so far, and the share of the export's posts and pages read (0–1). */
  readonly onProgress?: (done: number, fraction: number) => void
  /** Called while related articles are finished after the last batch (bulk-import.ts). */
  readonly onSettleProgress?: (stage: string, done: number) => void
  /** The text of the old site's routes.yaml: its collections' permalinks become old paths that redirect. */
  readonly routesYaml?: string | null
  /** The old site's permalink template (`/{year}/{month}/{slug}/`), for a site without routes.yaml at hand. */
  readonly permalink?: string | null
  /** Asked after each batch: true stops the run there (bulk-import.ts), pages left for the next run. */
  readonly stopRequested?: () => boolean
}

/** Who the import writes for: the use-cases of articles and of pages. */
export interface GhostImportDeps {
  readonly importing: Importing
  readonly pages: PageImporting
  /** Bring images into the media library; without it they stay at the old site's addresses. */
  readonly media?: MediaSetup
}

/** The source's name on later runs: its address when given, else its title (an export does not carry its address). */
const siteOf = (data: GhostExport, siteUrl: string | null): string => siteUrl ?? (data.title ? `ghost:${data.title}` : 'ghost')

const IMG = /<img\b[^>]*?\bsrc\s*=\s*["']?((?:https?:\/\/|\/content\/)[^"'\s>]+)/gi

/** Counts the cards left out, and the images left remote when they are not imported. */
function noteMapped(report: ImportReport, m: Extract<MappedPost, { kind: 'article' | 'page' }>, html: string, hero: boolean, media: MediaImport | null): void {
  for (const card of m.unknownCards) countIn(report.notImported, `mobiledoc cards (${card})`)
  if (!media) report.altered.imagesLeftRemote += [...html.matchAll(IMG)].length + (hero ? 1 : 0)
}

function reportTags(report: ImportReport, data: GhostExport): void {
  for (const t of data.tags.values()) {
    if (!t.internal) continue
    countIn(report.notImported, 'internal tags')
    listIn(report, report.notes, { item: t.name || t.slug, oldUrl: '', reason: 'an internal tag (#) of Ghost: themes only, not imported' })
  }
  for (const [table, n] of Object.entries(data.otherTables)) countIn(report.notImported, table, n)
}

/**
 * Imports a Ghost export through the use-cases as `actor`. Returns the report; a file that is not a Ghost export
 * (a WordPress one, broken JSON) sets `report.error` and writes nothing.
 */
export async function importGhost(deps: GhostImportDeps, o: GhostImportOptions): Promise<ImportReport> {
  const report = emptyReport({ system: 'ghost', site: o.siteUrl ?? '', file: o.file }, o.dryRun)
  deps.importing.authorize(o.actor)
  let data: GhostExport
  try {
    data = readGhostExport(await readFile(o.file, 'utf8'))
  } catch (err) {
    if (!(err instanceof GhostExportError)) throw err
    report.error = { message: err.message, line: null, column: null }
    return report
  }
  const source: ImportSource = { system: 'ghost', site: siteOf(data, o.siteUrl) }
  report.source.site = source.site
  const slug = slugify(o.defaultSection ?? 'news')
  const defaultSection: ImportTerm = { sourceId: `section:${slug}`, slug, name: slug.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()) }
  // The default section counts as one of the site's even before the import creates it: otherwise a primary tag named
  // like it would be a tag on the first run and the section on the next, and every re-run would update those posts.
  const existing = await deps.pages.sections()
  const sections = existing.some((x) => x.slug === slug) ? existing : [...existing, { slug, name: defaultSection.name }]
  let collections: GhostCollection[]
  try {
    const rule = collectionsOf(data, o)
    collections = rule.collections
    if (rule.from) {
      const custom = { data, siteUrl: o.siteUrl, sections, defaultSection, collections }
      const posts = data.posts.filter((p) => customPermalink(p, custom) !== null).length
      report.oldAddresses = { from: rule.from, permalinks: collections.map((c) => c.permalink), posts }
    }
  } catch (err) {
    if (!(err instanceof RoutesError)) throw err
    report.error = { message: err.message, line: null, column: null }
    return report
  }
  const ctx: GhostContext = { data, siteUrl: o.siteUrl, sections, defaultSection, collections }
  const links = resolver(newAddresses(ctx))
  reportTags(report, data)
  const media = deps.media ? createMediaImport({ ...deps.media, actor: o.actor, source: () => source, dryRun: o.dryRun, report }) : null

  const total = data.posts.length
  let seen = 0
  const pages: Extract<MappedPost, { kind: 'page' }>[] = []
  const articles = async function* (): AsyncGenerator<() => Promise<PreparedItem>> {
    for (const post of data.posts) {
      seen++
      const m = mapPost(post, ctx, links)
      if (m.kind === 'other') countIn(report.notImported, m.what)
      else if (m.kind === 'refused') {
        if (post.type !== 'page') refuse(report, m)
        else recordOutcome(report, report.pages, { label: m.item, oldUrl: m.oldUrl, bodyHtml: '' }, { outcome: 'refused', reason: m.reason, notes: [], sanitizedBody: null })
      } else if (m.kind === 'page') pages.push(m)
      else {
        noteMapped(report, m, m.article.bodyHtml, !!m.article.hero, media)
        yield async () => prepare(report, media ? await media.article(m.article) : m.article, MAPPING_VERSION, m)
      }
    }
  }
  await importInBatches(deps.importing, inOrder(articles(), LOOKAHEAD), {
    actor: o.actor, source, dryRun: o.dryRun, report, ...(o.batchSize !== undefined && { batchSize: o.batchSize }),
    onProgress: (done) => o.onProgress?.(done, total ? seen / total : 1),
    ...(o.onSettleProgress && { onSettleProgress: o.onSettleProgress }),
    ...(o.stopRequested && { stopRequested: o.stopRequested }),
  })
  if (report.stopped) return report
  // Pages are few and written last, one transaction each.
  for (const m of pages) {
    noteMapped(report, m, m.page.bodyHtml, false, media)
    const page = media ? { ...m.page, bodyHtml: await media.body(m.page.bodyHtml, m.page.title) } : m.page
    const r = await deps.pages.writePage(o.actor, source, page, contentHash(page, MAPPING_VERSION), { dryRun: o.dryRun })
    recordOutcome(report, report.pages, { label: page.title, oldUrl: page.oldUrl, bodyHtml: page.bodyHtml }, r)
  }
  return report
}

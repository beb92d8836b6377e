// `broadsheet import wordpress`: a WXR file streamed, mapped and written in batches, with its report.

import { stat } from 'node:fs/promises'
import type { ImportActor, Importing, LateHero } from '../../editorial/importing.ts'
import type { PageImporting } from '../../editorial/import-pages.ts'
import { importInBatches, prepare, recordOutcome, refuse, type PreparedItem } from '../bulk-import.ts'
import { contentHash } from '../import-item.ts'
import { createMediaImport, LOOKAHEAD, type MediaImport, type MediaSetup } from '../media-import.ts'
import { inOrder } from '../media-fetch.ts'
import { countIn, emptyReport, listIn, type ImportReport } from '../import-report.ts'
import type { MappedItem } from './mapping.ts'
import type { WxrEvent } from './wxr-events.ts'
import { readWxr, readWxrHere } from './wxr-read.ts'
import { WxrError } from './wxr-records.ts'

/** Changing how items are mapped changes this, so that a second run updates what the new rules write differently. */
export const MAPPING_VERSION = 'wordpress-2'

/** Who the import writes for: the use-cases of articles and of pages. */
export interface WordPressImportDeps {
  readonly importing: Importing
  readonly pages: PageImporting
}

type MappedPage = Extract<MappedItem, { kind: 'page' }>

/** What the stream leaves for after the articles: the pages (few, written top down) and heroes read after their posts. */
interface Deferred {
  readonly pages: MappedPage[]
  readonly lateHeroes: LateHero[]
}

export interface WordPressImportOptions {
  readonly file: string
  readonly actor: ImportActor
  readonly dryRun: boolean
  /** The site's time zone, for local dates that have no GMT twin. */
  readonly timeZone: string
  readonly batchSize?: number
  /** Bring attachments and body images into the media library; without it they stay at the old site's addresses. */
  readonly media?: MediaSetup
  /** Called after each batch: articles handled so far, and how far through the file the parser is (0–1). */
  readonly onProgress?: (done: number, fraction: number) => void
  /** Called while related articles are finished after the last batch (bulk-import.ts). */
  readonly onSettleProgress?: (stage: string, done: number) => void
  /** Asked after each batch: true stops the run there (bulk-import.ts), pages and late heroes left for the next run. */
  readonly stopRequested?: () => boolean
}

/** The file's mapped items turned into prepared articles; everything else is counted in the report on the way. */
async function* preparedItems(events: AsyncIterable<WxrEvent>, report: ImportReport, media: MediaImport | null, deferred: Deferred): AsyncGenerator<() => Promise<PreparedItem | null>> {
  for await (const e of events) {
    if (e.kind === 'site') {
      report.source.site = e.site
      continue
    }
    const { item, mapped, waiting } = e
    if (item.comments) countIn(report.notImported, 'comments', item.comments)
    if (media && item.postType === 'attachment' && item.attachmentUrl) {
      // Fetched alongside the articles (the look-ahead below), not one after another.
      yield async () => {
        const got = await media.image(item.attachmentUrl, { alt: item.alt, caption: item.caption }, item.title || `attachment ${item.postId}`)
        if (waiting && typeof got !== 'string') {
          for (const sourceId of waiting) deferred.lateHeroes.push({ sourceId, mediaId: got.id })
          if (!got.alt.trim()) listIn(report, report.heroesWithoutAlt, { item: `post ${waiting.join(', ')}`, oldUrl: item.attachmentUrl, reason: `the hero image (media ${got.id}) has no alt text; add it in the media library` })
        } else if (waiting) report.altered.imagesLeftRemote += waiting.length
        return null
      }
    } else if (mapped.kind === 'other') {
      countIn(report.notImported, mapped.what)
      if (waiting) report.altered.imagesLeftRemote += waiting.length
    } else if (mapped.kind === 'refused') {
      if (item.postType === 'page') recordOutcome(report, report.pages, { label: mapped.item, oldUrl: mapped.oldUrl, bodyHtml: '' }, { outcome: 'refused', reason: mapped.reason, notes: [], sanitizedBody: null })
      else refuse(report, mapped)
    } else if (mapped.kind === 'page') deferred.pages.push(mapped)
    else {
      for (const [name, n] of mapped.content.converted) countIn(report.altered.shortcodesConverted, name, n)
      for (const [name, n] of mapped.content.kept) countIn(report.altered.shortcodesKept, name, n)
      for (const id of mapped.content.galleryIds) listIn(report, report.altered.galleryIdsUnresolved, id)
      if (!media) report.altered.imagesLeftRemote += mapped.content.remoteImages.length + (mapped.article.hero ? 1 : 0)
      const article = mapped.article
      yield async () => prepare(report, media ? await media.article(article) : article, MAPPING_VERSION, mapped)
    }
  }
}

async function* articlesOnly(items: AsyncIterable<PreparedItem | null>): AsyncGenerator<PreparedItem> {
  for await (const item of items) if (item) yield item
}

/**
 * Imports a WXR file through `importing` as `actor`. Returns the report; a malformed file or one of the wrong kind
 * ends the import with `report.error` set (line and column when known), after the articles before the fault were written.
 */
export async function importWordPress({ importing, pages }: WordPressImportDeps, o: WordPressImportOptions): Promise<ImportReport> {
  const report = emptyReport({ system: 'wordpress', site: '', file: o.file }, o.dryRun)
  const size = (await stat(o.file)).size
  const bytes = { read: 0 }
  const source = { system: 'wordpress', get site() { return report.source.site } }
  const media = o.media ? createMediaImport({ ...o.media, actor: o.actor, source: () => source, dryRun: o.dryRun, report }) : null
  const deferred: Deferred = { pages: [], lateHeroes: [] }
  const events = importing.databaseInProcess ? readWxr(o.file, o.timeZone, bytes) : readWxrHere(o.file, o.timeZone, bytes)
  const items = articlesOnly(inOrder(preparedItems(events, report, media, deferred), LOOKAHEAD))
  try {
    await importInBatches(importing, items, {
      actor: o.actor, source, dryRun: o.dryRun, report,
      ...(o.batchSize !== undefined && { batchSize: o.batchSize }),
      onProgress: (done) => o.onProgress?.(done, size ? bytes.read / size : 1),
      ...(o.onSettleProgress && { onSettleProgress: o.onSettleProgress }),
      ...(o.stopRequested && { stopRequested: o.stopRequested }),
    })
  } catch (err) {
    if (!(err instanceof WxrError)) throw err
    report.error = { message: err.message, line: err.line, column: err.column }
  }
  if (report.stopped) return report
  // After a fault too: what was read before it lands whole.
  await writePages(pages, deferred.pages, { source, actor: o.actor, dryRun: o.dryRun, report, media })
  if (deferred.lateHeroes.length) await importing.attachHeroes(o.actor, source, deferred.lateHeroes, { dryRun: o.dryRun })
  return report
}

/** Parents before their children (a parent may follow its child in the file), siblings by `wp:menu_order`, then by id. */
export function pagesTopDown(pages: readonly MappedPage[]): MappedPage[] {
  const byId = new Map(pages.map((p) => [p.page.sourceId, p]))
  const depth = (p: MappedPage): number => {
    let d = 0
    for (let at = p.page.parentSourceId; at && byId.has(at) && d <= pages.length; at = byId.get(at)!.page.parentSourceId) d++
    return d
  }
  const depths = new Map(pages.map((p) => [p, depth(p)]))
  return [...pages].sort((a, b) => depths.get(a)! - depths.get(b)! || a.menuOrder - b.menuOrder || Number(a.page.sourceId) - Number(b.page.sourceId))
}

/** Writes the pages, one transaction each, into the report; images of their bodies come into the library like articles'. */
async function writePages(pages: PageImporting, mapped: readonly MappedPage[], o: { source: { system: string; site: string }; actor: ImportActor; dryRun: boolean; report: ImportReport; media: MediaImport | null }): Promise<void> {
  for (const m of pagesTopDown(mapped)) {
    const named = (reason: string) => ({ item: m.page.title, oldUrl: m.page.oldUrl, reason })
    if (m.drafted) listIn(o.report, o.report.drafted, named(m.drafted))
    for (const note of m.notes) listIn(o.report, o.report.notes, named(note))
    const page = o.media ? { ...m.page, bodyHtml: await o.media.body(m.page.bodyHtml, m.page.title) } : m.page
    const r = await pages.writePage(o.actor, o.source, page, contentHash(page, MAPPING_VERSION), { dryRun: o.dryRun })
    recordOutcome(o.report, o.report.pages, { label: page.title, oldUrl: page.oldUrl, bodyHtml: page.bodyHtml }, r)
  }
}

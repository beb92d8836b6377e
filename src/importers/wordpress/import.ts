// `broadsheet import wordpress`: a WXR file streamed, mapped and written in batches, with its report.

import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { ImportActor, Importing } from '../../editorial/importing.ts'
import { plainText } from '../../content/excerpt.ts'
import { importInBatches, prepare, refuse, type PreparedItem } from '../bulk-import.ts'
import { createMediaImport, LOOKAHEAD, type MediaImport, type MediaSetup } from '../media-import.ts'
import { inOrder } from '../media-fetch.ts'
import { countIn, emptyReport, listIn, type ImportReport } from '../import-report.ts'
import { mapItem, newContext, type WxrContext } from './mapping.ts'
import { parseWxr } from './wxr-parser.ts'
import { WxrError } from './wxr-records.ts'

/** Changing how items are mapped changes this, so that a second run updates what the new rules write differently. */
export const MAPPING_VERSION = 'wordpress-1'

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
}

/** The file's records turned into prepared articles; everything else is counted in the report on the way. */
async function* preparedItems(file: string, report: ImportReport, timeZone: string, bytes: { read: number }, media: MediaImport | null): AsyncGenerator<() => Promise<PreparedItem | null>> {
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 })
  const chunks = (async function* () {
    for await (const chunk of stream) {
      bytes.read = stream.bytesRead
      yield chunk as string
    }
  })()
  let ctx: WxrContext | null = null
  try {
    for await (const r of parseWxr(chunks)) {
      if (r.kind === 'channel') {
        if (!/^https?:\/\//.test(r.channel.link)) throw new WxrError('the export has no site address in <channel><link>; it is needed to recognise the site on a second run')
        ctx = newContext(r.channel, timeZone)
        report.source.site = r.channel.link.replace(/\/+$/, '')
        continue
      }
      if (!ctx) continue
      if (r.kind === 'author') ctx.authors.set(r.author.login, r.author)
      else if (r.kind === 'category') {
        ctx.categories.set(r.category.nicename, r.category)
        if (r.category.termId) ctx.categoryByTermId.set(r.category.termId, r.category.nicename)
      } else if (r.kind === 'item') {
        if (r.item.comments) countIn(report.notImported, 'comments', r.item.comments)
        const mapped = mapItem(r.item, ctx)
        if (media && r.item.postType === 'attachment' && r.item.attachmentUrl) {
          const { attachmentUrl, meta, excerpt, title, postId } = r.item
          // Fetched alongside the articles (the look-ahead below), not one after another.
          yield async () => {
            await media.image(attachmentUrl, { alt: plainText(meta.get('_wp_attachment_image_alt') ?? ''), caption: excerpt }, plainText(title) || `attachment ${postId}`)
            return null
          }
        } else if (mapped.kind === 'other') countIn(report.notImported, mapped.what)
        else if (mapped.kind === 'refused') refuse(report, mapped)
        else {
          for (const [name, n] of mapped.content.converted) countIn(report.altered.shortcodesConverted, name, n)
          for (const [name, n] of mapped.content.kept) countIn(report.altered.shortcodesKept, name, n)
          for (const id of mapped.content.galleryIds) listIn(report, report.altered.galleryIdsUnresolved, id)
          if (!media) report.altered.imagesLeftRemote += mapped.content.remoteImages.length
          const article = mapped.article
          yield async () => prepare(report, media ? await media.article(article) : article, MAPPING_VERSION, mapped)
        }
      }
    }
  } finally {
    stream.destroy()
  }
}

async function* articlesOnly(items: AsyncIterable<PreparedItem | null>): AsyncGenerator<PreparedItem> {
  for await (const item of items) if (item) yield item
}

/**
 * Imports a WXR file through `importing` as `actor`. Returns the report; a malformed file or one of the wrong kind
 * ends the import with `report.error` set (line and column when known), after the articles before the fault were written.
 */
export async function importWordPress(importing: Importing, o: WordPressImportOptions): Promise<ImportReport> {
  const report = emptyReport({ system: 'wordpress', site: '', file: o.file }, o.dryRun)
  const size = (await stat(o.file)).size
  const bytes = { read: 0 }
  const source = { system: 'wordpress', get site() { return report.source.site } }
  const media = o.media ? createMediaImport({ ...o.media, actor: o.actor, source: () => source, dryRun: o.dryRun, report }) : null
  const items = articlesOnly(inOrder(preparedItems(o.file, report, o.timeZone, bytes, media), LOOKAHEAD))
  try {
    await importInBatches(importing, items, {
      actor: o.actor, source, dryRun: o.dryRun, report,
      ...(o.batchSize !== undefined && { batchSize: o.batchSize }),
      onProgress: (done) => o.onProgress?.(done, size ? bytes.read / size : 1),
      ...(o.onSettleProgress && { onSettleProgress: o.onSettleProgress }),
    })
  } catch (err) {
    if (!(err instanceof WxrError)) throw err
    report.error = { message: err.message, line: err.line, column: err.column }
  }
  return report
}

// `broadsheet export DIR`: the whole site as JSON Lines (one file per kind), media originals and variants as files, and
// a manifest with counts and checksums. Rows are read in keyset pages on one snapshot and written with backpressure,
// so memory stays flat whatever the size of the site.

import { createHash } from 'node:crypto'
import { createWriteStream, type WriteStream } from 'node:fs'
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { once } from 'node:events'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { Clock } from '../../domain/clock.ts'
import { AppError } from '../../errors.ts'
import type { Repositories } from '../../store/store.ts'
import type { Row } from '../../store/transfer.ts'
import { FORMAT_NAME, FORMAT_VERSION, isoTime, KINDS, LEAD_SETTING, SETTINGS_LEFT_OUT, type Kind, type Manifest } from '../../domain/export-format.ts'
import { toLine } from '../../domain/export-records.ts'
import { isMediaKey, type MediaStore } from '../../media/storage/media-store.ts'
import { mediaStoreOf, type MediaPlace } from '../../media/storage/open.ts'

/** Rows per keyset page: big enough to amortise a round trip, small enough that a page of bodies stays a few MB. */
const PAGE = 200

/** The media store the site serves `/media/` from (or its folder), and what the export reads the database with. */
export type ExportDeps = MediaPlace & {
  /** Reads the whole export on one view of the database (Store.snapshot). */
  readonly snapshot: <T>(fn: (tx: Repositories) => Promise<T>) => Promise<T>
  readonly clock: Clock
  readonly engine: string
  readonly schema: string
  readonly siteUrl: string | null
}

export interface ExportSummary {
  readonly dir: string
  readonly counts: Manifest['counts']
  /** Media records whose original file was missing (exported with `sha256: null`). */
  readonly missingMedia: readonly string[]
}

/** A JSON Lines file being written: one object a line, waiting for the disk when its buffer is full, hashed as it goes. */
class LineFile {
  readonly hash = createHash('sha256')
  bytes = 0
  lines = 0
  private readonly stream: WriteStream
  constructor(file: string) {
    this.stream = createWriteStream(file, { flags: 'wx' })
  }
  async write(line: unknown): Promise<void> {
    const text = `${JSON.stringify(line)}\n`
    this.hash.update(text)
    this.bytes += Buffer.byteLength(text)
    this.lines++
    // events.once rejects when the stream emits 'error' first (a full disk).
    if (!this.stream.write(text)) await once(this.stream, 'drain')
  }
  async close(): Promise<{ sha256: string; bytes: number }> {
    this.stream.end()
    await once(this.stream, 'finish')
    return { sha256: this.hash.digest('hex'), bytes: this.bytes }
  }
}

/** `rel` as a path under `root`; throws when it would leave it (a stored path is trusted, but never blindly). */
export function under(root: string, rel: string): string {
  const file = path.resolve(root, ...rel.split('/'))
  if (!rel || rel.startsWith('/') || !file.startsWith(path.resolve(root) + path.sep)) throw new AppError('Invalid', `the media path "${rel}" leaves the media folder`)
  return file
}

/** Copies the object `key` of `media` to `to` (a new file) as a stream and returns its sha256; null when there is no such object. */
async function copyHashed(media: MediaStore, key: string, to: string): Promise<string | null> {
  if (!isMediaKey(key)) throw new AppError('Invalid', `the media path "${key}" leaves the media folder`)
  const hash = createHash('sha256')
  const from = await media.open(key)
  if (!from) return null
  await mkdir(path.dirname(to), { recursive: true })
  try {
    await pipeline(from.body, async function* (source: AsyncIterable<Buffer>) {
      for await (const chunk of source) {
        hash.update(chunk)
        yield chunk
      }
    }, createWriteStream(to, { flags: 'wx' }))
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return null
    throw err
  }
  return hash.digest('hex')
}

/** Pages of rows by id, until a page comes back short. */
async function* byId(read: (after: number) => Promise<Row[]>): AsyncGenerator<Row[]> {
  let after = 0
  for (;;) {
    const rows = await read(after)
    if (rows.length) yield rows
    if (rows.length < PAGE) return
    after = Number(rows.at(-1)!.id)
  }
}

/** Writes the site into `dir`, which must be missing or empty. */
export async function exportSite(deps: ExportDeps, dir: string): Promise<ExportSummary> {
  await mkdir(dir, { recursive: true })
  if ((await readdir(dir)).length) throw new AppError('Conflict', `${dir} is not empty; export into a new folder`)
  const createdAt = isoTime(deps.clock.now())
  const media = mediaStoreOf(deps)
  const counts = {} as Record<Kind, number>
  const files: Record<string, { sha256: string; bytes: number }> = {}
  const missingMedia: string[] = []
  let mediaFiles = 0

  await deps.snapshot(async (tx) => {
    /** Writes one kind's file from `fill`, recording its count and checksum. */
    const kind = async (k: Kind, fill: (out: LineFile) => Promise<void>) => {
      const out = new LineFile(path.join(dir, KINDS[k].file))
      try {
        await fill(out)
      } finally {
        files[KINDS[k].file] = await out.close()
      }
      counts[k] = out.lines
    }
    const plain = (k: Kind, table: Parameters<Repositories['transfer']['rowsAfter']>[0]) => kind(k, async (out) => {
      for await (const rows of byId((after) => tx.transfer.rowsAfter(table, after, PAGE))) for (const r of rows) await out.write(toLine(KINDS[k].fields, r))
    })
    let lead: number | null = null

    await kind('settings', async (out) => {
      let after = ''
      for (;;) {
        const rows = await tx.transfer.settingsAfter(after, PAGE)
        for (const r of rows) {
          if (r.key === LEAD_SETTING) lead = Number(JSON.parse(r.value)) || null
          if (!SETTINGS_LEFT_OUT.has(r.key)) await out.write(toLine(KINDS.settings.fields, r))
        }
        if (rows.length < PAGE) break
        after = rows.at(-1)!.key
      }
    })
    await plain('users', 'users')
    await kind('media', async (out) => {
      for await (const rows of byId((after) => tx.transfer.rowsAfter('media', after, PAGE))) {
        const variants = await tx.transfer.variantsOf(rows.map((r) => Number(r.id)))
        for (const r of rows) {
          const rel = String(r.path)
          const sha256 = await copyHashed(media, rel, under(path.join(dir, 'media'), rel))
          if (sha256 === null) missingMedia.push(rel)
          else mediaFiles++
          const kept: Row[] = []
          for (const v of variants.get(Number(r.id)) ?? []) {
            // A variant whose file is gone is left out; the importer makes the variants again when none are listed.
            if (await copyHashed(media, String(v.path), under(path.join(dir, 'media'), String(v.path))) === null) continue
            mediaFiles++
            kept.push(toLine(KINDS.media.fields.variants.fields, v))
          }
          await out.write(toLine(KINDS.media.fields, r, { sha256, variants: kept }))
        }
      }
    })
    await plain('pages', 'pages')
    await plain('sections', 'sections')
    await kind('tags', async (out) => {
      for await (const rows of byId((after) => tx.transfer.rowsAfter('tags', after, PAGE))) {
        const names = await tx.taxonomy.tagNamesOf(rows.map((r) => Number(r.id)))
        for (const r of rows) {
          const own = Object.entries(names.get(Number(r.id)) ?? {}).map(([language, name]) => ({ language, name }))
          await out.write(toLine(KINDS.tags.fields, r, { names: own }))
        }
      }
    })
    await plain('authors', 'authors')
    await kind('speakers', async (out) => {
      for await (const rows of byId((after) => tx.transfer.rowsAfter('speakers', after, PAGE))) {
        for (const r of rows) await out.write(toLine(KINDS.speakers.fields, r, { links: JSON.parse(String(r.links)) as unknown }))
      }
    })
    await kind('articles', async (out) => {
      for await (const rows of byId((after) => tx.transfer.rowsAfter('articles', after, PAGE))) {
        const links = await tx.transfer.articleLinks(rows.map((r) => Number(r.id)))
        for (const r of rows) {
          const id = Number(r.id)
          const live = links.live.get(id)
          const liveLine = live ? toLine(KINDS.articles.fields.live.fields, live, { tags: links.liveTags.get(id) ?? [], authors: links.liveAuthors.get(id) ?? [] }) : null
          await out.write(toLine(KINDS.articles.fields, r, { tags: links.tags.get(id) ?? [], authors: links.authors.get(id) ?? [], live: liveLine }))
        }
      }
    })
    await plain('quotes', 'quotes')
    await kind('live_quotes', async (out) => {
      let after = 0
      for (;;) {
        const rows = await tx.transfer.liveQuotesAfter(after, PAGE)
        for (const r of rows) await out.write(toLine(KINDS.live_quotes.fields, r))
        if (rows.length < PAGE) break
        after = Number(rows.at(-1)!.quote_id)
      }
    })
    await plain('revisions', 'revisions')
    await kind('editors_choice', async (out) => {
      let leadWritten = false
      for await (const rows of byId((after) => tx.transfer.picksAfter(after, PAGE))) {
        for (const r of rows) {
          const isLead = r.id === lead
          leadWritten ||= isLead
          await out.write(toLine(KINDS.editors_choice.fields, { article_id: r.id, rank: r.editors_choice_rank, until: r.editors_choice_until, lead: isLead ? 1 : 0 }))
        }
      }
      // A pinned lead outside the picks gets a line of its own, if the article is still there.
      if (lead !== null && !leadWritten && (await tx.articles.get(lead))) {
        await out.write(toLine(KINDS.editors_choice.fields, { article_id: lead, rank: null, until: null, lead: 1 }))
      }
    })
    await kind('related_overrides', async (out) => {
      let after: [number, number] | null = null
      for (;;) {
        const rows = await tx.transfer.overridesAfter(after, PAGE)
        for (const r of rows) await out.write(toLine(KINDS.related_overrides.fields, r))
        if (rows.length < PAGE) break
        after = [Number(rows.at(-1)!.article_id), Number(rows.at(-1)!.other_id)]
      }
    })
    await plain('redirects', 'redirects')
    await plain('webhooks', 'webhook_receivers')
    await kind('import_origins', async (out) => {
      let after: [string, string, string, string] | null = null
      for (;;) {
        const rows = await tx.transfer.originsAfter(after, PAGE)
        for (const r of rows) await out.write(toLine(KINDS.import_origins.fields, r))
        if (rows.length < PAGE) break
        const last = rows.at(-1)!
        after = [String(last.system), String(last.site), String(last.kind), String(last.source_id)]
      }
    })
  })

  const manifest: Manifest = {
    format: FORMAT_NAME, version: FORMAT_VERSION, created_at: createdAt,
    source: { engine: deps.engine, schema: deps.schema, site_url: deps.siteUrl },
    counts: { ...counts, media_files: mediaFiles }, files,
  }
  // Written last: a folder without a manifest is an export that did not finish.
  await writeFile(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, { flag: 'wx' })
  return { dir, counts: manifest.counts, missingMedia }
}

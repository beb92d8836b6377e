// `broadsheet import broadsheet DIR`: checks a whole export first (every line, every checksum, every media file), and
// only then writes it into the empty site, kind by kind in batches of one transaction each.

import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { KIND_ORDER, type Kind, type Manifest } from '../../domain/export-format.ts'
import type { ImportActor } from '../../editorial/importing.ts'
import { newRestoreState, type Restoring } from '../../editorial/restoring.ts'
import { ExportFileError, fileSha256, readKind, readManifest, type Line, type SeenIds } from './read.ts'
import { under } from './export.ts'
import { checkMediaKey, contentTypeOf } from '../../media/storage/media-store.ts'
import { mediaStoreOf, type MediaPlace } from '../../media/storage/open.ts'

/** Where the export is and how to read it; the files go to this site's media store (or its folder). */
export type BroadsheetImportOptions = MediaPlace & {
  readonly dir: string
  readonly actor: ImportActor
  /** Lines per transaction (default 200). */
  readonly batchSize?: number
  readonly now: () => number
  /** Called after each batch with the kind and the number of its lines written so far. */
  readonly onProgress?: (kind: Kind, done: number) => void
  /** Called while related articles are finished after the last line (related/settle.ts): the stage and its articles done. */
  readonly onSettleProgress?: (stage: string, done: number) => void
}

/** The files a media line names: its original (when it was exported) and its variants, with the checksum of the original. */
const mediaFiles = (l: Line): { rel: string; sha256: string | null }[] => [
  ...(l.sha256 === null ? [] : [{ rel: l.path as string, sha256: l.sha256 as string }]),
  ...(l.variants as Line[]).map((v) => ({ rel: v.path as string, sha256: null })),
]

/** Throws ExportFileError unless every file of the media line is in the export (the original with its checksum), under media/. */
async function checkMedia(dir: string, l: Line, n: number): Promise<void> {
  for (const f of mediaFiles(l)) {
    let file: string
    try {
      file = under(path.join(dir, 'media'), f.rel)
    } catch (err) {
      throw new ExportFileError('media.jsonl', n, (err as Error).message)
    }
    const sha = await fileSha256(file)
    if (sha === null) throw new ExportFileError('media.jsonl', n, `the file media/${f.rel} is missing from the export`)
    if (f.sha256 !== null && sha !== f.sha256) throw new ExportFileError('media.jsonl', n, `the file media/${f.rel} differs from its checksum`)
  }
}

/**
 * Reads the export in `o.dir` into this empty site. Throws ExportFileError (file and line) before writing anything
 * when any part of the export is wrong, and AppError('Conflict') when the site is not empty.
 */
export async function importBroadsheet(restoring: Restoring, o: BroadsheetImportOptions): Promise<Manifest> {
  restoring.authorize(o.actor)
  await restoring.assertEmpty()
  const manifest = await readManifest(o.dir)
  const media = mediaStoreOf(o)
  // First pass: the whole export is checked, so that a bad line anywhere leaves the site as it was.
  const checked: SeenIds = new Map()
  for (const kind of KIND_ORDER) {
    for await (const { line, n } of readKind(o.dir, kind, manifest, checked)) if (kind === 'media') await checkMedia(o.dir, line, n)
  }
  // Second pass: the same lines, written.
  const size = o.batchSize ?? 200
  const state = newRestoreState(o.now())
  const seen: SeenIds = new Map()
  for (const kind of KIND_ORDER) {
    let batch: Line[] = []
    let done = 0
    const flush = async () => {
      if (batch.length === 0) return
      // Files before the transaction: nothing slow runs inside one.
      if (kind === 'media') {
        for (const l of batch) {
          for (const f of mediaFiles(l)) {
            const from = under(path.join(o.dir, 'media'), f.rel)
            await media.put(checkMediaKey(f.rel), createReadStream(from), { contentType: contentTypeOf(f.rel), size: (await stat(from)).size })
          }
        }
      }
      await restoring.writeBatch(o.actor, kind, batch, state)
      done += batch.length
      batch = []
      o.onProgress?.(kind, done)
    }
    for await (const { line } of readKind(o.dir, kind, manifest, seen)) {
      batch.push(line)
      if (batch.length >= size) await flush()
    }
    await flush()
  }
  await restoring.finish(o.actor, state, manifest.counts, o.onSettleProgress)
  return manifest
}

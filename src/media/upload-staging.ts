// An upload on its way in: written to a temporary file while its bytes are counted and hashed, so that no image sits
// whole in memory; the size check refuses it at the first byte past the limit.

import { createHash, randomBytes, type Hash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, readdir, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { storageFault } from './media-files.ts'
import { checkBytes, MAX_BYTES, tooLarge } from './limits.ts'

/** Enough of the start of a file to tell its type (sniff.ts reads ftyp brands up to 4 KiB in). */
export const HEAD_BYTES = 4096

/** A file of the upload folder: its name starts with this, so that a sweep removes only what an upload left behind. */
const PREFIX = 'upload-'

/** An upload held in a temporary file until it is stored; `discard` removes it and may be called any number of times. */
export interface StagedFile {
  readonly file: string
  readonly bytes: number
  /** SHA-256 of the bytes, hex. */
  readonly sha256: string
  /** The first HEAD_BYTES bytes (fewer for a smaller file). */
  readonly head: Buffer
  discard(): Promise<void>
}

/** A new temporary file name in `dir`; the folder is created when missing. */
export async function temporaryFile(dir: string, ext = ''): Promise<string> {
  try {
    await mkdir(dir, { recursive: true })
  } catch (err) {
    throw storageFault(err)
  }
  return path.join(dir, `${PREFIX}${process.pid}-${randomBytes(8).toString('hex')}${ext}`)
}

/** Counts, hashes and keeps the first bytes of what passes; fails with the 413 refusal at the first byte past `max`. */
function measuring(max: number, seen: { bytes: number; head: Buffer[]; headBytes: number }, hash: Hash): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen.bytes += chunk.length
      if (seen.bytes > max) {
        // The size past the limit is not known: the rest is not read.
        done(tooLarge())
        return
      }
      hash.update(chunk)
      if (seen.headBytes < HEAD_BYTES) {
        const part = chunk.subarray(0, HEAD_BYTES - seen.headBytes)
        seen.head.push(Buffer.from(part))
        seen.headBytes += part.length
      }
      done(null, chunk)
    },
  })
}

/**
 * Writes `source` (a stream, or bytes already in memory) to a new file in `dir`, counting and hashing on the way.
 * Over 20 MiB throws MediaError('too-large') at once, an empty file AppError('Invalid'), a full disk
 * UnavailableError; in every failure the partial file is gone and a stream source is drained, so the request can
 * still be answered. On success the caller owns the file and must `discard` it.
 */
export async function stageUpload(source: Readable | Buffer, dir: string): Promise<StagedFile> {
  const file = await temporaryFile(dir)
  const discard = () => rm(file, { force: true })
  const seen = { bytes: 0, head: [] as Buffer[], headBytes: 0 }
  const hash = createHash('sha256')
  const input = Buffer.isBuffer(source) ? Readable.from([source]) : source
  try {
    await pipeline(input, measuring(MAX_BYTES, seen, hash), createWriteStream(file, { flags: 'wx' }))
    checkBytes(seen.bytes)
  } catch (err) {
    // The rest of a refused upload is read and dropped, so that the request ends with its answer rather than a reset.
    if (!input.destroyed) input.resume()
    await discard()
    throw storageFault(err)
  }
  return { file, bytes: seen.bytes, sha256: hash.digest('hex'), head: Buffer.concat(seen.head), discard }
}

/** SHA-256 of a file, hex, read in chunks. */
export async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256')
  await pipeline(createReadStream(file), hash)
  return hash.digest('hex')
}

/**
 * Removes upload files in `dir` older than `olderThanMs`: a process that was killed mid-upload leaves its file behind.
 * Returns how many were removed.
 */
export async function sweepStaged(dir: string, olderThanMs: number, now: number): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[])
  let removed = 0
  for (const name of names) {
    if (!name.startsWith(PREFIX)) continue
    const file = path.join(dir, name)
    const s = await stat(file).catch(() => null)
    if (s?.isFile() && now - s.mtimeMs > olderThanMs) {
      await rm(file, { force: true })
      removed++
    }
  }
  return removed
}

// Staging an upload: written to a temporary file while counted and hashed, refused at the first byte past 20 MiB,
// and never left behind on a refusal, an aborted stream or a discard.

import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { readdir, readFile, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import { test } from 'node:test'
import { MAX_BYTES } from '../../src/media/limits.ts'
import { isMediaError } from '../../src/media/media-error.ts'
import { HEAD_BYTES, stageUpload, sweepStaged } from '../../src/media/upload-staging.ts'
import { tempDir } from '../support/processes.ts'

const MiB = 1024 * 1024

/** A stream of `chunks` chunks of 1 MiB (then `fail` as an error, when given), counting what was read from it. */
function source(chunks: number, fail?: Error): { stream: Readable; read: () => number } {
  let read = 0
  const stream = Readable.from((async function* () {
    for (let i = 0; i < chunks; i++) {
      read += MiB
      yield Buffer.alloc(MiB, i)
    }
    if (fail) throw fail
  })())
  return { stream, read: () => read }
}

test('a staged upload is a file with the bytes, their count, their SHA-256 and the first bytes; discard removes it', async (t) => {
  const dir = await tempDir(t)
  const { stream } = source(3)
  const staged = await stageUpload(stream, dir)
  const bytes = await readFile(staged.file)
  assert.equal(staged.bytes, 3 * MiB)
  assert.equal(bytes.length, 3 * MiB)
  assert.equal(staged.sha256, createHash('sha256').update(bytes).digest('hex'))
  assert.deepEqual(staged.head, bytes.subarray(0, HEAD_BYTES))
  await staged.discard()
  await staged.discard()
  assert.deepEqual(await readdir(dir), [])
})

test('bytes in memory are staged the same way', async (t) => {
  const dir = await tempDir(t)
  const staged = await stageUpload(Buffer.from('GIF89a tiny'), dir)
  assert.deepEqual([staged.bytes, staged.head.toString()], [11, 'GIF89a tiny'])
  await staged.discard()
})

test('past 20 MiB the upload is refused as too large before the rest is read, and nothing stays on disk', async (t) => {
  const dir = await tempDir(t)
  const { stream, read } = source(40)
  await assert.rejects(stageUpload(stream, dir), (err) => isMediaError(err) && err.refusal === 'too-large' && /20 MiB/.test(err.message))
  assert.ok(read() <= MAX_BYTES + 2 * MiB, `read ${read() / MiB} MiB of 40`)
  assert.deepEqual(await readdir(dir), [])
})

test('exactly 20 MiB is taken', async (t) => {
  const dir = await tempDir(t)
  const staged = await stageUpload(source(20).stream, dir)
  assert.equal(staged.bytes, MAX_BYTES)
  await staged.discard()
})

test('a stream cut short (an aborted request) fails with its error and leaves no file', async (t) => {
  const dir = await tempDir(t)
  await assert.rejects(stageUpload(source(2, new Error('Unexpected end of form')).stream, dir), /Unexpected end of form/)
  assert.deepEqual(await readdir(dir), [])
})

test('the sweep removes upload files older than the cut-off and nothing else', async (t) => {
  const dir = await tempDir(t)
  const staged = await stageUpload(Buffer.from('fresh'), dir)
  const old = await stageUpload(Buffer.from('left by a killed process'), dir)
  const hourAgo = new Date(Date.now() - 2 * 3600_000)
  await utimes(old.file, hourAgo, hourAgo)
  await writeFile(path.join(dir, 'other.txt'), 'not an upload')
  await utimes(path.join(dir, 'other.txt'), hourAgo, hourAgo)
  assert.equal(await sweepStaged(dir, 3600_000, Date.now()), 1)
  assert.deepEqual((await readdir(dir)).sort(), [path.basename(staged.file), 'other.txt'].sort())
})

// Originals lose EXIF, XMP and orientation tags; images without metadata are stored byte for byte; animations keep their frames.

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import assert from 'node:assert/strict'
import sharp from 'sharp'
import { inspect } from '../../src/media/limits.ts'
import { sniffImage } from '../../src/media/sniff.ts'
import { withoutMetadata } from '../../src/media/strip-metadata.ts'
import { animatedGif, pngImage } from '../support/images.ts'

/** The bytes stored for `data`, read by sharp from a file as an upload is. */
async function strip(data: Buffer): Promise<Buffer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'strip-metadata-'))
  try {
    const input = path.join(dir, 'upload'), out = path.join(dir, 'cleaned')
    await writeFile(input, data)
    return await withoutMetadata(input, await inspect(input, sniffImage(data)), out) ? await readFile(out) : data
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
const EXIF = { IFD0: { Copyright: 'Photographer', Make: 'Camera' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '43/1 15/1 0/1' } }
const canvas = (w: number, h: number) => sharp({ create: { width: w, height: h, channels: 3, background: '#345' } })

test('a JPEG with GPS EXIF and a sideways orientation is stored upright, without EXIF, as JPEG', async () => {
  const data = await canvas(80, 40).withExif(EXIF).withMetadata({ orientation: 6 }).jpeg().toBuffer()
  const before = await sharp(data).metadata()
  assert.ok(before.exif)
  assert.equal(before.orientation, 6)
  const out = await strip(data)
  const meta = await sharp(out).metadata()
  assert.equal(meta.format, 'jpeg')
  assert.equal(meta.exif, undefined)
  assert.equal(meta.orientation, undefined)
  assert.deepEqual([meta.width, meta.height], [40, 80], 'turned upright')
  assert.equal(out.includes(Buffer.from('Photographer')), false)
})

test('PNG and WebP with EXIF lose it and keep their format', async () => {
  for (const format of ['png', 'webp'] as const) {
    const data = await canvas(30, 20).withExif(EXIF)[format]().toBuffer()
    assert.ok((await sharp(data).metadata()).exif, format)
    const meta = await sharp(await strip(data)).metadata()
    assert.equal(meta.format, format)
    assert.equal(meta.exif, undefined, format)
  }
})

test('an image without metadata is kept byte for byte; an animated GIF keeps its frames', async () => {
  const png = await pngImage()
  assert.equal(await strip(png), png)
  const gif = await animatedGif(40, 30, 3)
  const out = await strip(gif)
  assert.equal((await sharp(out, { animated: true }).metadata()).pages, 3)
})

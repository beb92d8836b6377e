// Size and pixel limits are checked before any pixel is decoded.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { checkBytes, inspect, MAX_BYTES } from '../../src/media/limits.ts'
import { isMediaError } from '../../src/media/media-error.ts'
import { sniffImage } from '../../src/media/sniff.ts'
import { isAppError } from '../../src/errors.ts'
import { animatedGif, avifImage, jpegImage, pngDeclaring } from '../support/images.ts'

test('a 21 MiB file is refused as too large from its length alone', () => {
  const big = Buffer.alloc(21 * 1024 * 1024)
  assert.throws(() => checkBytes(big.length), (err) => isMediaError(err) && err.refusal === 'too-large' && /20 MiB/.test(err.message))
  assert.doesNotThrow(() => checkBytes(MAX_BYTES))
})

test('a PNG declaring 10000×10000 is refused from its header, without decoding', async () => {
  const bomb = pngDeclaring(10_000, 10_000)
  assert.ok(bomb.length < 200, `the crafted file is ${bomb.length} bytes`)
  const started = performance.now()
  await assert.rejects(inspect(bomb, sniffImage(bomb)), (err) => isMediaError(err) && err.refusal === 'too-many-pixels' && /10000×10000.*50 megapixels/.test(err.message))
  assert.ok(performance.now() - started < 1000)
})

test('an image just under 50 megapixels passes the header check', async () => {
  const facts = await inspect(pngDeclaring(10_000, 5_000), sniffImage(pngDeclaring(10_000, 5_000)))
  assert.deepEqual([facts.width, facts.height], [10_000, 5_000])
})

test('headers give dimensions, and frames for an animated GIF', async () => {
  const jpeg = await jpegImage(64, 48)
  assert.deepEqual(await inspect(jpeg, sniffImage(jpeg)), { type: sniffImage(jpeg), width: 64, height: 48, pages: 1 })
  const gif = await animatedGif(40, 30, 3)
  const facts = await inspect(gif, sniffImage(gif))
  assert.deepEqual([facts.width, facts.height, facts.pages], [40, 30, 3])
  const avif = await avifImage(32, 16)
  assert.equal((await inspect(avif, sniffImage(avif))).type.mime, 'image/avif')
})

test('a file with a JPEG signature but no image behind it is refused as unreadable (400, not 415)', async () => {
  const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 1)])
  await assert.rejects(inspect(fake, sniffImage(fake)), (err) => isAppError(err) && !isMediaError(err) && err.kind === 'Invalid' && err.field === 'file')
})

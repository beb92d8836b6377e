// The upload type comes from the bytes: the five accepted formats, and clear refusals for the rest.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { sniffImage } from '../../src/media/sniff.ts'
import { isMediaError } from '../../src/media/media-error.ts'
import { animatedGif, avifImage, heicHeader, jpegImage, pngImage, webpImage } from '../support/images.ts'

const refusal = (fn: () => unknown, pattern: RegExp) => assert.throws(fn, (err) => isMediaError(err) && err.refusal === 'unsupported-type' && pattern.test(err.message) && err.field === 'file')

test('JPEG, PNG, WebP, GIF and AVIF are recognised by their magic numbers', async () => {
  assert.deepEqual(sniffImage(await jpegImage()), { format: 'jpeg', mime: 'image/jpeg', ext: 'jpg' })
  assert.equal(sniffImage(await pngImage()).format, 'png')
  assert.equal(sniffImage(await webpImage()).format, 'webp')
  assert.equal(sniffImage(await animatedGif()).format, 'gif')
  assert.deepEqual(sniffImage(await avifImage()), { format: 'avif', mime: 'image/avif', ext: 'avif' })
})

test('a HEIC photo is refused as an unsupported type, with advice to export JPEG', () => {
  refusal(() => sniffImage(heicHeader()), /HEIC.*JPEG/)
})

test('a text file named .jpg is refused: the name does not count', () => {
  refusal(() => sniffImage(Buffer.from('just some text, saved as holiday.jpg\n')), /not a JPEG, PNG, WebP, GIF or AVIF/)
})

test('SVG (with or without an XML declaration) and PDF are refused by name', () => {
  refusal(() => sniffImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')), /SVG/)
  refusal(() => sniffImage(Buffer.from('\uFEFF<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>')), /SVG/)
  refusal(() => sniffImage(Buffer.from('%PDF-1.7\n%âãÏÓ\n')), /PDF/)
})

test('empty and truncated inputs are refused, never crash', () => {
  refusal(() => sniffImage(Buffer.alloc(0)), /not a JPEG/)
  refusal(() => sniffImage(Buffer.from([0xff, 0xd8])), /not a JPEG/)
  refusal(() => sniffImage(Buffer.from('RIFF')), /not a JPEG/)
  refusal(() => sniffImage(Buffer.from([0, 0, 0, 8, 0x66, 0x74, 0x79, 0x70])), /not a JPEG/)
})

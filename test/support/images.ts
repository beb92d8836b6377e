// Test images made with sharp itself, and crafted headers (a PNG that declares 10000×10000, a HEIC ftyp box).

import { deflateSync } from 'node:zlib'
import sharp from 'sharp'

const background = { r: 40, g: 120, b: 160, alpha: 1 }
const canvas = (width: number, height: number) => sharp({ create: { width, height, channels: 4, background } })

export const jpegImage = (width = 64, height = 48): Promise<Buffer> => canvas(width, height).jpeg().toBuffer()
export const pngImage = (width = 64, height = 48): Promise<Buffer> => canvas(width, height).png().toBuffer()
export const webpImage = (width = 64, height = 48): Promise<Buffer> => canvas(width, height).webp().toBuffer()
export const avifImage = (width = 64, height = 48): Promise<Buffer> => canvas(width, height).avif({ effort: 0 }).toBuffer()

const frames = (width: number, height: number, count: number) => Promise.all(Array.from({ length: count }, (_, i) =>
  sharp({ create: { width, height, channels: 4, background: { r: 80 * i, g: 100, b: 200 - 50 * i, alpha: 1 } } }).png().toBuffer()))

/** An animated GIF of `count` frames of different colours. */
export async function animatedGif(width = 64, height = 48, count = 3): Promise<Buffer> {
  return sharp(await frames(width, height, count), { join: { animated: true } }).gif({ loop: 0, delay: 100 }).toBuffer()
}

/** An animated WebP of `count` frames. */
export async function animatedWebp(width = 64, height = 48, count = 3): Promise<Buffer> {
  return sharp(await frames(width, height, count), { join: { animated: true } }).webp({ loop: 0, delay: 100 }).toBuffer()
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (buf: Buffer): number => {
  let c = 0xffffffff
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
const chunk = (type: string, data: Buffer): Buffer => {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const out = Buffer.alloc(body.length + 8)
  out.writeUInt32BE(data.length, 0)
  body.copy(out, 4)
  out.writeUInt32BE(crc32(body), body.length + 4)
  return out
}

/** A small PNG whose IHDR (valid CRC) declares `width`×`height`; its one IDAT holds only a few rows, never the whole image. */
export function pngDeclaring(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 0 // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(width + 1))), chunk('IEND', Buffer.alloc(0)),
  ])
}

/** The first bytes of an iPhone photo: an ftyp box with brands heic, mif1, miaf, then junk. */
export function heicHeader(): Buffer {
  const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1')])
  return Buffer.concat([ftyp, Buffer.alloc(200, 7)])
}

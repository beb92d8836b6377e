// Reads an upload's type from its first bytes (magic numbers), never from its name or the declared content type.

import { MediaError } from './media-error.ts'

/** The image formats the library accepts. */
export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'avif'

export interface SniffedType {
  readonly format: ImageFormat
  readonly mime: string
  /** File extension without the dot. */
  readonly ext: string
}

const TYPES: Readonly<Record<ImageFormat, SniffedType>> = {
  jpeg: { format: 'jpeg', mime: 'image/jpeg', ext: 'jpg' },
  png: { format: 'png', mime: 'image/png', ext: 'png' },
  webp: { format: 'webp', mime: 'image/webp', ext: 'webp' },
  gif: { format: 'gif', mime: 'image/gif', ext: 'gif' },
  avif: { format: 'avif', mime: 'image/avif', ext: 'avif' },
}

export const typeOf = (format: ImageFormat): SniffedType => TYPES[format]

const ACCEPTED = 'JPEG, PNG, WebP, GIF or AVIF'
const ascii = (buf: Uint8Array, from: number, to: number): string => Buffer.from(buf.subarray(from, to)).toString('latin1')
const startsWith = (buf: Uint8Array, bytes: readonly number[]): boolean => bytes.every((b, i) => buf[i] === b)

/** The brands of an ISO-BMFF `ftyp` box (major first), or null when the file does not start with one. */
export function ftypBrands(buf: Uint8Array): string[] | null {
  if (buf.length < 16 || ascii(buf, 4, 8) !== 'ftyp') return null
  const size = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).readUInt32BE(0)
  const end = Math.min(buf.length, size >= 16 ? size : 16, 4096)
  const brands = [ascii(buf, 8, 12)]
  for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(buf, at, at + 4))
  return brands
}

const HEVC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs'])

/**
 * The accepted type of `buf`, or a MediaError('unsupported-type') naming what it is when recognisable (HEIC, SVG, PDF).
 * AVIF is told apart from HEIC by its ftyp brands here and again by sharp's compression when the headers are read (limits.ts).
 */
export function sniffImage(buf: Uint8Array): SniffedType {
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return TYPES.jpeg
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return TYPES.png
  const head6 = ascii(buf, 0, 6)
  if (head6 === 'GIF87a' || head6 === 'GIF89a') return TYPES.gif
  if (buf.length >= 12 && ascii(buf, 0, 4) === 'RIFF' && ascii(buf, 8, 12) === 'WEBP') return TYPES.webp
  const brands = ftypBrands(buf)
  if (brands) {
    if (brands.includes('avif') || brands.includes('avis')) return TYPES.avif
    if (brands.some((b) => HEVC_BRANDS.has(b)) || brands.includes('mif1') || brands.includes('msf1')) {
      throw new MediaError('unsupported-type', `HEIC/HEIF images are not accepted; export the photo as JPEG (or upload a ${ACCEPTED} image)`)
    }
  }
  if (head6.startsWith('%PDF-')) throw new MediaError('unsupported-type', `PDF files are not accepted; upload a ${ACCEPTED} image`)
  const text = ascii(buf, 0, Math.min(buf.length, 1024)).replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase()
  if (text.startsWith('<svg') || ((text.startsWith('<?xml') || text.startsWith('<!doctype svg')) && text.includes('<svg'))) {
    throw new MediaError('unsupported-type', `SVG images are not accepted (they can carry scripts); upload a ${ACCEPTED} image`)
  }
  throw new MediaError('unsupported-type', `the file is not a ${ACCEPTED} image (its type is read from its content, not its name)`)
}

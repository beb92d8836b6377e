// Upload limits: bytes before anything is read, pixels from the headers alone, before a single pixel is decoded.

import type { Metadata, SharpOptions } from 'sharp'
import { loadSharp } from './sharp.ts'
import { AppError } from '../errors.ts'
import { MediaError } from './media-error.ts'
import { typeOf, type ImageFormat, type SniffedType } from './sniff.ts'

export const MAX_BYTES = 20 * 1024 * 1024
/** One frame may have at most this many pixels (decompression bombs declare huge sizes in tiny files). */
export const MAX_PIXELS = 50_000_000
/** All frames of an animation together; decoding an animated GIF or WebP holds its frames as one tall image. */
export const MAX_ANIMATION_PIXELS = 100_000_000

/** The refusal of a file over 20 MiB; `bytes` when known (an upload is not read past the limit, so it is not). */
export const tooLarge = (bytes?: number): MediaError =>
  new MediaError('too-large', bytes === undefined ? 'the file is larger than 20 MiB, the limit' : `the file is ${(bytes / 1048576).toFixed(1)} MiB; the limit is 20 MiB`)

/** Refuses more than 20 MiB. */
export function checkBytes(bytes: number): void {
  if (bytes > MAX_BYTES) throw tooLarge(bytes)
  if (bytes === 0) throw new AppError('Invalid', 'the file is empty', 'file')
}

export interface ImageFacts {
  readonly type: SniffedType
  /** As displayed, after EXIF orientation. */
  readonly width: number
  readonly height: number
  /** Frames of an animation; 1 for a still image. */
  readonly pages: number
}

/** sharp options for decoding an image whose headers passed `inspect`: pixel limits stay on while decoding; animations keep their frames. */
export const decodeOptions = (format: ImageFormat, pages = 1): SharpOptions =>
  (format === 'gif' || format === 'webp') && pages > 1 ? { animated: true, limitInputPixels: MAX_ANIMATION_PIXELS } : { limitInputPixels: MAX_PIXELS }

/**
 * Reads the headers of the image (bytes, or a file name: sharp then reads the file itself, outside the JS heap; its
 * metadata decodes no pixels, so the pixel limit is off for this read only) and refuses
 * images over 50 megapixels, animations over 100 megapixels in all, HEIC disguised as HEIF, and unreadable files.
 */
export async function inspect(image: Buffer | string, type: SniffedType): Promise<ImageFacts> {
  let meta: Metadata
  const sharp = await loadSharp()
  try {
    meta = await sharp(image, { limitInputPixels: false }).metadata()
  } catch {
    throw new AppError('Invalid', `the file looks like ${type.format.toUpperCase()} but cannot be read as an image`, 'file')
  }
  const expected: Record<ImageFormat, string> = { jpeg: 'jpeg', png: 'png', webp: 'webp', gif: 'gif', avif: 'heif' }
  if (meta.format !== expected[type.format]) {
    throw new AppError('Invalid', `the file looks like ${type.format.toUpperCase()} but reads as ${meta.format ?? 'something else'}`, 'file')
  }
  // sharp reports AVIF and HEIC both as heif: only the compression tells them apart.
  if (type.format === 'avif' && meta.compression !== 'av1') {
    throw new MediaError('unsupported-type', 'HEIC/HEIF images are not accepted; export the photo as JPEG, or upload AVIF')
  }
  const width = meta.autoOrient?.width ?? meta.width
  const height = meta.autoOrient?.height ?? meta.height
  if (!width || !height) throw new AppError('Invalid', 'the image has no dimensions', 'file')
  // GIF and WebP may be animated: their frames are kept (AVIF sequences are read as their first frame).
  const pages = type.format === 'gif' || type.format === 'webp' ? Math.max(1, meta.pages ?? 1) : 1
  const frameHeight = pages > 1 ? meta.pageHeight ?? height : height
  if (width * frameHeight > MAX_PIXELS) {
    throw new MediaError('too-many-pixels', `the image is ${width}×${frameHeight} (${(width * frameHeight / 1e6).toFixed(1)} megapixels); the limit is 50 megapixels`)
  }
  if (width * frameHeight * pages > MAX_ANIMATION_PIXELS) {
    throw new MediaError('too-many-pixels', `the animation has ${pages} frames of ${width}×${frameHeight}; the limit is 100 megapixels over all frames`)
  }
  return { type: typeOf(type.format), width, height: frameHeight, pages }
}

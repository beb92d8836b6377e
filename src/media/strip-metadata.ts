// Originals are stored without EXIF, XMP or IPTC: a photographer's camera writes GPS positions and serial numbers there.

import type { Metadata } from 'sharp'
import { loadSharp } from './sharp.ts'
import { decodeOptions, type ImageFacts } from './limits.ts'
import { decodeSlot } from './decode-slots.ts'
import { storageFault } from './media-files.ts'

/** Above this many pixels a JPEG is re-encoded with standard Huffman tables, which libjpeg writes as it goes. */
const OPTIMISED_CODING_MAX_PIXELS = 12_000_000

/** Whether sharp's header read found metadata that could say where, when or with what a photo was taken. */
export const carriesMetadata = (meta: Metadata): boolean =>
  !!(meta.exif?.length || meta.xmp?.length || meta.iptc?.length || meta.comments?.length || (meta.orientation !== undefined && meta.orientation !== 1))

/**
 * For an upload that passed `inspect` (bytes, or a file that sharp reads itself): when it carries metadata, writes to
 * the new file `out` the image re-encoded in its own format (turned upright by its EXIF orientation, colour profile
 * kept, animation kept) at a quality high enough that the variants made from it do not suffer, and returns true; when
 * there is nothing to drop, writes nothing and returns false (the upload is stored byte for byte).
 */
export async function withoutMetadata(image: Buffer | string, facts: ImageFacts, out: string): Promise<boolean> {
  const sharp = await loadSharp()
  const meta = await sharp(image, { limitInputPixels: false }).metadata()
  if (!carriesMetadata(meta)) return false
  const format = facts.type.format
  let img = sharp(image, decodeOptions(format, facts.pages)).autoOrient().keepIccProfile()
  if (format === 'jpeg') {
    img = img.jpeg({
      quality: 95, chromaSubsampling: meta.chromaSubsampling === '4:4:4' ? '4:4:4' : '4:2:0',
      // Optimised Huffman tables need every DCT coefficient of the image held at once: re-encoding a 49-megapixel
      // photo peaked 310 MB over the process's size with them and 30 MB without, for a file about 20% larger.
      optimiseCoding: facts.width * facts.height <= OPTIMISED_CODING_MAX_PIXELS,
    })
  }
  else if (format === 'png') img = img.png({ compressionLevel: 9 })
  else if (format === 'webp') img = img.webp({ quality: 95, alphaQuality: 100 })
  else if (format === 'gif') img = img.gif()
  else img = img.avif({ quality: 80, effort: 2 })
  // Written by libvips straight to the file: the re-encoded image never passes through the JS heap.
  try {
    await decodeSlot.run(() => img.toFile(out))
  } catch (err) {
    throw storageFault(err)
  }
  return true
}

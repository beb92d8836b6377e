// Share images: a 1200×630 JPEG of an article's hero for og:image and X cards, cropped around the image's focal point.
//
// Social networks refuse SVG (the demo's illustrations) and shrink or refuse very large files; they also crop to about
// 1.91:1 wherever they like. One raster at their size, cut where the editor set the focal point, avoids all three. It is
// made on the first request for it and kept beside the original in the media store.

import { SHARE_IMAGE, type Media } from '../domain/media.ts'
import { AppError } from '../errors.ts'
import type { Store } from '../store/store.ts'
import { loadSharp } from './sharp.ts'
import { MAX_PIXELS } from './limits.ts'
import { decodeSlot } from './decode-slots.ts'
import type { MediaStore } from './storage/media-store.ts'

const { width: SHARE_WIDTH, height: SHARE_HEIGHT } = SHARE_IMAGE

/** The share image's path below the media root: the original's without its extension, then `-share.jpg`. */
export function shareImagePath(originalPath: string): string {
  const dot = originalPath.lastIndexOf('.')
  return `${dot > originalPath.lastIndexOf('/') ? originalPath.slice(0, dot) : originalPath}-share.jpg`
}

/** Where a crop of `size` starts along one side of `scaled` pixels, centred on `focal` (0..1) as far as the edges allow. */
const cropStart = (scaled: number, size: number, focal: number): number =>
  Math.max(0, Math.min(scaled - size, Math.round(focal * scaled - size / 2)))

/**
 * The 1200×630 JPEG of `original`: scaled to cover the frame (small images are enlarged: a card needs the size), then
 * cut around the focal point. SVG is drawn at the density that size needs, so it is sharp rather than blown up.
 */
export async function renderShareImage(original: Buffer, m: Pick<Media, 'mime' | 'width' | 'height' | 'focalX' | 'focalY'>): Promise<Buffer> {
  const sharp = await loadSharp()
  const scale = Math.max(SHARE_WIDTH / Math.max(1, m.width), SHARE_HEIGHT / Math.max(1, m.height))
  const [width, height] = [Math.max(SHARE_WIDTH, Math.round(m.width * scale)), Math.max(SHARE_HEIGHT, Math.round(m.height * scale))]
  const svg = m.mime === 'image/svg+xml'
  const img = sharp(original, { limitInputPixels: MAX_PIXELS, ...(svg && { density: Math.min(2400, Math.max(72, Math.ceil(72 * scale))) }) })
    .autoOrient()
    .resize({ width, height, fit: 'fill' })
    .extract({ left: cropStart(width, SHARE_WIDTH, m.focalX), top: cropStart(height, SHARE_HEIGHT, m.focalY), width: SHARE_WIDTH, height: SHARE_HEIGHT })
    // Transparent SVG and PNG areas become white, not JPEG's black.
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 82, mozjpeg: true })
  return decodeSlot.run(() => img.toBuffer())
}

export interface ShareImagesDeps {
  readonly store: Pick<Store, 'media'>
  /** Where originals live and share images are kept beside them (a folder or a bucket shared by every instance). */
  readonly mediaStore: MediaStore
}

/** The share images of the media library, made when first asked for. */
export function createShareImages({ store, mediaStore }: ShareImagesDeps) {
  // The site card of the current name: one drawing, replaced when the name (so the SVG) changes.
  let card: { readonly svg: string; readonly jpeg: Promise<Buffer> } | null = null
  return {
    /** `svg` (a 1200×630 drawing: render/publisher-logo.ts siteCardSvg) as JPEG bytes; the latest one is kept in memory. */
    siteCard(svg: string): Promise<Buffer> {
      if (card?.svg !== svg) {
        const jpeg = loadSharp().then((sharp) => decodeSlot.run(() => sharp(Buffer.from(svg)).flatten({ background: '#ffffff' }).jpeg({ quality: 85, mozjpeg: true }).toBuffer()))
        card = { svg, jpeg }
        // A failed drawing is not kept: the next request tries again.
        jpeg.catch(() => { if (card?.jpeg === jpeg) card = null })
      }
      return card.jpeg
    },

    /**
     * The share image of image `id` as JPEG bytes, made and stored on the first call. NotFound for no such image, or
     * when its file is gone or cannot be decoded (the page then simply has a broken card, never a 500).
     */
    async jpeg(id: number): Promise<Buffer> {
      const media = await store.media.get(id)
      if (!media) throw new AppError('NotFound', 'there is no such image')
      const key = shareImagePath(media.path)
      const kept = await mediaStore.read(key).catch(() => null)
      if (kept) return kept
      const original = await mediaStore.read(media.path).catch(() => null)
      if (!original) throw new AppError('NotFound', 'the image file is missing')
      const data = await renderShareImage(original, media).catch(() => null)
      if (!data) throw new AppError('NotFound', 'the image cannot be drawn')
      // Two first requests at once (on any instance) both draw it; the store writes whole, so the last one wins whole.
      await mediaStore.put(key, data, { contentType: 'image/jpeg', size: data.length })
      return data
    },
  }
}

export type ShareImages = ReturnType<typeof createShareImages>

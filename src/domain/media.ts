// Media records: an uploaded file and what readers are told about it.

export interface Media {
  readonly id: number
  /** Path below the media root, served at `/media/<path>`. */
  readonly path: string
  readonly mime: string
  readonly width: number
  readonly height: number
  readonly bytes: number
  readonly alt: string
  readonly caption: string
  readonly credit: string
  /** Focal point as fractions of width and height (0..1), for crops. */
  readonly focalX: number
  readonly focalY: number
  readonly createdAt: number
  /** The desk account that uploaded it; null for the system (imports, the demo seed), older images and deleted accounts. */
  readonly uploadedBy: number | null
  /** Responsive sizes made by the variants job, narrowest first; empty until it has run. */
  readonly variants: readonly MediaVariant[]
}

/** One responsive size of an image. */
export interface MediaVariant {
  readonly width: number
  readonly height: number
  readonly format: 'webp' | 'jpeg' | 'png' | 'gif'
  /** `/media/<path>`. */
  readonly url: string
  readonly bytes: number
}

/** The longest alt text, caption and credit of an image, in the library and as an article's own for its hero. */
export const MEDIA_TEXT_LIMITS = { alt: 1000, caption: 2000, credit: 300 } as const

/** The size of a share image (og:image): what Facebook, LinkedIn and X's large cards show, about 1.91:1. */
export const SHARE_IMAGE = { width: 1200, height: 630 } as const

/** `/share/<id>.jpg`: the share image of image `id` (media/share-image.ts), a raster whatever the original is. */
export const shareImageUrl = (m: Pick<Media, 'id'>): string => `/share/${m.id}.jpg`

export const mediaUrl = (m: Pick<Media, 'path'>): string => `/media/${m.path}`

// Opens the media store that the configuration names; the S3 SDK is loaded on the first use of a bucket, not at start.

import type { MediaStoreConfig } from '../../config.ts'
import { createFsMediaStore } from './fs.ts'
import type { MediaStore } from './media-store.ts'

/** The store for MEDIA_STORE: the folder, or the bucket. */
export function openMediaStore(config: MediaStoreConfig): MediaStore {
  if (config.kind === 'fs') return createFsMediaStore(config.dir)
  // The SDK is some hundred modules: a site on a folder never loads it, and one on a bucket loads it once, when first needed.
  let loaded: MediaStore | null = null
  const store = async (): Promise<MediaStore> => loaded ??= (await import('./s3.ts')).createS3MediaStore(config)
  return {
    description: `s3://${config.bucket}/${config.prefix}`,
    put: async (key, body, opts) => (await store()).put(key, body, opts),
    read: async (key) => (await store()).read(key),
    open: async (key, range) => (await store()).open(key, range),
    head: async (key) => (await store()).head(key),
    remove: async (key) => (await store()).remove(key),
    async *list() {
      yield* (await store()).list()
    },
    probe: async () => (await store()).probe(),
    close: () => loaded?.close(),
  }
}

/** Where a use-case keeps media: a store, or a folder as shorthand for the folder's store (tests, tools, the demo seed). */
export type MediaPlace = { readonly mediaStore: MediaStore } | { readonly mediaDir: string }

/** The store of a MediaPlace. */
export const mediaStoreOf = (place: MediaPlace): MediaStore => 'mediaStore' in place ? place.mediaStore : createFsMediaStore(place.mediaDir)

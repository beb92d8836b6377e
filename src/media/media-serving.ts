// Reading media for /media/: an object's facts and its bytes, whole or a range, streamed from the media store.

import type { MediaStore, OpenedObject, StoredObject } from './storage/media-store.ts'
import { isMediaKey } from './storage/media-store.ts'

/** What /media/ may ask of the store; a key that is not a media key (isMediaKey) is absent, never looked up. */
export interface MediaServing {
  head(key: string): Promise<StoredObject | null>
  open(key: string, range?: { readonly start: number; readonly end: number }): Promise<OpenedObject | null>
}

/** Serves the objects of `store`, by key. */
export function createMediaServing(store: MediaStore): MediaServing {
  return {
    head: async (key) => isMediaKey(key) ? store.head(key) : null,
    open: async (key, range) => isMediaKey(key) ? store.open(key, range) : null,
  }
}

// Imported images: each source address becomes one library image (through the upload use-case, so the same checks
// and variants apply), remembered by address so that a second run of an import reuses it.

import type { Clock } from '../domain/clock.ts'
import type { Media } from '../domain/media.ts'
import type { MediaLibrary } from '../media/library.ts'
import type { Store } from '../store/store.ts'
import type { ImportActor } from './importing.ts'
import type { ImportSource } from './import-input.ts'

export interface MediaImportingDeps {
  readonly store: Store
  readonly clock: Clock
  readonly library: Pick<MediaLibrary, 'upload'>
  /** The import use-case's permission check: importing images needs the same rights as importing articles. */
  readonly authorize: (actor: ImportActor) => void
}

/** What an image came with at its source. */
export interface ImportedImageDetails {
  readonly filename: string
  readonly alt: string
  readonly caption: string
}

/** Alt text and captions longer than the library takes are cut rather than refused: the image matters more. */
const cut = (s: string, max: number) => s.trim().slice(0, max)

export function createMediaImporting({ store, clock, library, authorize }: MediaImportingDeps) {
  const key = (source: ImportSource, url: string) => ({ ...source, kind: 'media' as const, sourceId: url })
  return {
    /** The library image `url` of `source` was imported as, while it still exists. */
    async find(source: ImportSource, url: string): Promise<Media | undefined> {
      const origin = await store.origins.find(key(source, url))
      return origin && store.media.get(origin.targetId)
    },

    /**
     * Stores the bytes fetched from `url` as a library image as `actor`, recording its origin in the same transaction.
     * Throws MediaError (too large, too many pixels, not an image of the types taken) as an upload would.
     */
    async add(actor: ImportActor, source: ImportSource, url: string, data: Buffer, details: ImportedImageDetails): Promise<Media> {
      authorize(actor)
      return library.upload({ data, filename: details.filename, alt: cut(details.alt, 1000), caption: cut(details.caption, 2000) }, undefined,
        (tx, mediaId) => tx.origins.put(key(source, url), { targetId: mediaId, contentHash: '' }, clock.now()))
    },
  }
}

export type MediaImporting = ReturnType<typeof createMediaImporting>

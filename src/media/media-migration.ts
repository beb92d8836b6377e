// Moving the media library from one store to another (`broadsheet media migrate --to s3://…`): resumable and idempotent.

import { contentTypeOf, type MediaStore } from './storage/media-store.ts'

/** What a migration did; every object of the source is in exactly one of copied, alreadyThere and failed. */
export interface MediaMigrationReport {
  readonly from: string
  readonly to: string
  /** Objects written to the target by this run, and their bytes. */
  readonly copied: number
  readonly bytesCopied: number
  /** Objects the target already held with the same size (an earlier run, or a run cut short): left alone. */
  readonly alreadyThere: number
  /** Objects that could not be copied, with the reason; running again retries them. */
  readonly failed: readonly { readonly key: string; readonly reason: string }[]
}

export interface MigrationProgress {
  readonly done: number
  readonly key: string
  readonly outcome: 'copied' | 'already-there' | 'failed'
}

/**
 * Copies every object of `from` that `to` lacks (or holds at another size), streaming each one; nothing is deleted from
 * `from`, so the site keeps serving while it runs, and running it again after a failure or an interruption copies only
 * what is still missing. Keys carry a hash of their bytes, so a key of the same size in the target holds the same bytes.
 */
export async function migrateMedia(from: MediaStore, to: MediaStore, onProgress?: (p: MigrationProgress) => void): Promise<MediaMigrationReport> {
  let copied = 0, bytesCopied = 0, alreadyThere = 0, done = 0
  const failed: { key: string; reason: string }[] = []
  for await (const { key, size } of from.list()) {
    let outcome: MigrationProgress['outcome']
    try {
      const there = await to.head(key)
      if (there && there.size === size) {
        alreadyThere++
        outcome = 'already-there'
      } else {
        const source = await from.open(key)
        if (!source) throw new Error('removed from the source while the migration ran')
        await to.put(key, source.body, { contentType: contentTypeOf(key), size: source.size })
        copied++
        bytesCopied += source.size
        outcome = 'copied'
      }
    } catch (err) {
      failed.push({ key, reason: err instanceof Error ? err.message : String(err) })
      outcome = 'failed'
    }
    onProgress?.({ done: ++done, key, outcome })
  }
  return { from: from.description, to: to.description, copied, bytesCopied, alreadyThere, failed }
}

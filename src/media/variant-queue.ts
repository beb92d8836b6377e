// Works through the variants queue: claims a few uploads, makes their variants outside any transaction, records them.

import type { Clock } from '../domain/clock.ts'
import type { NewVariant } from '../store/media.ts'
import type { Store } from '../store/store.ts'
import { inspect } from './limits.ts'
import { sniffImage } from './sniff.ts'
import { contentTypeOf } from './storage/media-store.ts'
import { planVariants, renderVariant, variantPath } from './variants.ts'
import { mediaStoreOf, type MediaPlace } from './storage/open.ts'

/** The database, the clock, and the media store the originals are read from and the variants written to. */
export type VariantQueueDeps = { readonly store: Store; readonly clock: Clock } & MediaPlace

export interface VariantRunReport {
  readonly made: number
  readonly failed: number
  /** Variant files written, over all images. */
  readonly files: number
}

/** Tries before an image is given up on; each retry waits 1, 4, 16, 64 minutes. */
export const MAX_ATTEMPTS = 5
/** A claimed image is hidden from other runners this long (an image takes seconds; a dead runner's claim expires). */
const LEASE_MS = 10 * 60_000
const retryDelay = (attempts: number): number => 60_000 * 4 ** (attempts - 1)

/** Makes the variants of up to `limit` due images, one after the other; a failure is recorded on its queue row, never thrown. */
export async function makeDueVariants(deps: VariantQueueDeps, limit = 4): Promise<VariantRunReport> {
  const { store, clock } = deps
  const stored = mediaStoreOf(deps)
  const removeAll = (keys: readonly string[]) => Promise.all(keys.map((k) => stored.remove(k).catch(() => {})))
  const now = clock.now()
  const tasks = await store.media.claimVariantTasks(now, limit, now + LEASE_MS, store.dialect.skipLocked)
  let made = 0, failed = 0, files = 0
  for (const task of tasks) {
    const written: string[] = []
    try {
      const media = await store.media.get(task.mediaId)
      if (!media) continue
      const original = await stored.read(media.path)
      if (!original) throw new Error(`the original ${media.path} is missing from the media store`)
      const facts = await inspect(original, sniffImage(original))
      const variants: NewVariant[] = []
      for (const plan of planVariants(facts.type.format, facts.width)) {
        const v = await renderVariant(original, { format: facts.type.format, pages: facts.pages }, plan)
        const relative = variantPath(media.path, plan)
        await stored.put(relative, v.data, { contentType: contentTypeOf(relative), size: v.data.length })
        written.push(relative)
        variants.push({ width: v.width, height: v.height, format: v.format, path: relative, bytes: v.data.length })
      }
      const kept = await store.transaction(async (tx) => {
        if (!(await tx.media.get(task.mediaId))) return false
        await tx.media.replaceVariants(task.mediaId, variants)
        const articleIds = await tx.media.liveHeroArticleIds(task.mediaId)
        // Pages showing the image as a hero gain srcset.
        if (articleIds.length) await tx.invalidations.record({ all: false, articleIds, scopes: [] })
        return true
      })
      if (!kept) {
        // Deleted while its variants were being made.
        await removeAll(written)
        continue
      }
      made++
      files += written.length
    } catch (err) {
      failed++
      await removeAll(written)
      const retryAt = task.attempts >= MAX_ATTEMPTS ? null : clock.now() + retryDelay(task.attempts)
      await store.media.failVariantTask(task.mediaId, (err as Error).message ?? String(err), retryAt)
    }
  }
  return { made, failed, files }
}

// An article's slug is unique per language and section among working copies, trashed ones included: an article in
// the trash keeps its slug reserved so that restoring it can never collide. Checking before the write gives a message
// that says which article holds the slug (and how to free it when it is in the trash); the unique constraint stays the
// backstop for a race, answered by the caller's generic message.

import { AppError } from '../errors.ts'
import type { Repositories } from '../store/store.ts'

/**
 * Throws AppError('Conflict', field 'slug') when another article than `exceptId` holds `slug` in the section and
 * language: for one in the trash the message names it and says that restoring it or deleting it forever frees the slug.
 */
export async function checkSlugFree(tx: Repositories, at: { readonly language: string; readonly sectionId: number; readonly slug: string }, exceptId?: number): Promise<void> {
  const holder = await tx.articles.slugHolder(at.language, at.sectionId, at.slug, exceptId)
  if (!holder) return
  if (holder.deletedAt !== null) {
    throw new AppError('Conflict', `the slug "${at.slug}" is kept by "${holder.title}" (article ${holder.id}), which is in the trash: `
      + 'restore it or delete it forever to free the slug, or choose another one', 'slug')
  }
  throw new AppError('Conflict', `the slug "${at.slug}" is already used in this section by "${holder.title}" (article ${holder.id})`, 'slug')
}

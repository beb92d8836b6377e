// Presence in the editor: who else has an article open, so two people learn of each other before their saves collide.

import type { Clock } from '../domain/clock.ts'
import type { PresentUser } from '../store/presence.ts'
import type { Store } from '../store/store.ts'
import { openFor, type Actor } from './article-access.ts'

/** An open editor calls in at least this often (heartbeat or autosave)… */
export const PRESENCE_HEARTBEAT_MS = 20_000
/** …and counts as gone when not heard from for this long (three missed heartbeats). */
export const PRESENCE_TTL_MS = 60_000

export type { PresentUser } from '../store/presence.ts'

/**
 * Notes that `actor` has article `articleId` open now (or has closed it, `leaving`), and returns the others who have it
 * open. Only someone who may open the article may be noted or see who else has it (NotFound / Forbidden otherwise).
 */
export async function notePresence(deps: { readonly store: Store; readonly clock: Clock }, articleId: number, actor: Actor, leaving = false): Promise<PresentUser[]> {
  const { store, clock } = deps
  if (actor.userId === null) return []
  const userId = actor.userId
  return store.transaction(async (tx) => {
    await openFor(tx, articleId, actor)
    const now = clock.now()
    if (leaving) {
      await tx.presence.leave(articleId, userId)
      return []
    }
    await tx.presence.touch(articleId, userId, now, now - PRESENCE_TTL_MS)
    return tx.presence.others(articleId, userId, now - PRESENCE_TTL_MS)
  })
}

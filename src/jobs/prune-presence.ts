// The prune-presence job: deletes "also open by" rows of editors nobody has heard from in over a minute.
//
// An editor's row is refreshed by its heartbeat and its autosaves, and replaced when someone opens the same article
// again; a tab closed without its leaving call, on an article nobody reopens, would otherwise stay for good.

import { PRESENCE_TTL_MS } from '../editorial/presence.ts'
import type { Job } from './runner.ts'

/**
 * Deletes presence rows last seen over PRESENCE_TTL_MS ago: no reader of presence counts them any more. Idempotent;
 * the table holds a row per open editor, so one statement without a batch limit is enough.
 */
export const prunePresence: Job = {
  name: 'prune-presence',
  everyMs: 10 * 60_000,
  async run({ store, clock, log }) {
    const pruned = await store.presence.prune(clock.now() - PRESENCE_TTL_MS)
    if (pruned) log.info({ job: 'prune-presence', pruned }, 'stale presence rows deleted')
  },
}

// The prune-sessions job: hourly, deletes sessions that expired or were revoked, login counters that have run out, and spent account links.

import { LOGIN_WINDOW_MS } from '../editorial/accounts.ts'
import type { Job } from './runner.ts'

/** Ended sessions are kept this long before they are deleted: a day of "who was logged in" for looking into an incident. */
export const ENDED_KEEP_MS = 86_400_000

/**
 * Deletes sessions that expired or were revoked over a day ago, and failed-login counters whose window is over and that
 * hold no lock. Idempotent: two instances running it at once delete the same rows once.
 */
export const pruneSessions: Job = {
  name: 'prune-sessions',
  everyMs: 3_600_000,
  async run({ store, clock, log }) {
    const now = clock.now()
    const sessions = await store.sessions.prune(now - ENDED_KEEP_MS)
    const counters = await store.sessions.pruneCounters(now - LOGIN_WINDOW_MS, now)
    // Used and expired invitation and password links, a day after they stopped working (their page says why until then).
    const links = await store.accountLinks.prune(now - ENDED_KEEP_MS)
    if (sessions || counters || links) log.info({ job: 'prune-sessions', sessions, counters, links }, 'old sessions, login counters and account links deleted')
  },
}

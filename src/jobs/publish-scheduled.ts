// The publish-scheduled job: every 15 s, scheduled articles whose time has come go live (within a minute, exactly once).

import { DEFAULT_SETTINGS } from '../domain/site.ts'
import { publishDue } from '../editorial/scheduling.ts'
import type { Job } from './runner.ts'

/**
 * Publishes due scheduled articles, at most 100 a run, each in its own transaction (editorial/scheduling.ts). Safe on
 * every instance at once on PostgreSQL (SKIP LOCKED claims), and after a restart (due articles are found in the table).
 */
export const publishScheduled: Job = {
  name: 'publish-scheduled',
  everyMs: 15_000,
  async run({ store, clock, log }) {
    const settings = await store.site.settings()
    const siteLanguage = typeof settings.language === 'string' ? settings.language : DEFAULT_SETTINGS.language
    const report = await publishDue(store, clock.now(), { siteLanguage, limit: 100 })
    if (report.published.length) log.info({ job: 'publish-scheduled', published: report.published }, 'scheduled articles published')
    for (const f of report.failed) log.error({ job: 'publish-scheduled', article: f.id, error: f.error }, 'a scheduled article could not be published; it stays scheduled')
  },
}

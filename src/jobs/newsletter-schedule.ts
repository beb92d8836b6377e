// The newsletter schedule: once a minute, daily and weekly newsletters whose time has come compose their issue.

import type { NewsletterIssuesDesk } from '../editorial/newsletter-issues.ts'
import type { Job } from './runner.ts'

/** The schedule job; `timeZone` is the site's (SITE_TIMEZONE), in which send times are given. */
export function createNewsletterSchedule(opts: { readonly issues: Pick<NewsletterIssuesDesk, 'composeDue'>; readonly timeZone: string; readonly everyMs?: number }): Job {
  return {
    name: 'newsletter-schedule',
    everyMs: opts.everyMs ?? 60_000,
    async run({ log }) {
      const composed = await opts.issues.composeDue(opts.timeZone)
      if (composed.length) log.info({ job: 'newsletter-schedule', issues: composed }, 'scheduled newsletter issues composed')
    },
  }
}

// Scheduled newsletters on both engines: at their local time they compose an issue once, which waits for approval or,
// when the newsletter sends on its own, is queued at once; weekly ones only on their day.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { forEachDatabase } from '../support/databases.ts'
import { fixedClock } from '../support/build-test-app.ts'
import { seedNewsroom } from '../support/web.ts'
import { NEWSLETTER } from '../support/newsletters.ts'
import { createNewsletterIssues } from '../../src/editorial/newsletter-issues.ts'
import { renderIssue } from '../../src/render/mail/newsletter-issue.ts'
import { lastSlot } from '../../src/domain/newsletter.ts'

test('the last scheduled time is the send time in the site time zone, on the weekday of a weekly newsletter', () => {
  // Thursday 3 December 2026, 10:00 in Tbilisi (UTC+4) is 06:00 UTC.
  const now = Date.UTC(2026, 11, 3, 6, 0)
  assert.equal(lastSlot({ cadence: 'daily', sendTime: '08:30', sendWeekday: null }, now, 'Asia/Tbilisi'), Date.UTC(2026, 11, 3, 4, 30))
  assert.equal(lastSlot({ cadence: 'daily', sendTime: '11:00', sendWeekday: null }, now, 'Asia/Tbilisi'), Date.UTC(2026, 11, 2, 7, 0))
  assert.equal(lastSlot({ cadence: 'weekly', sendTime: '08:30', sendWeekday: 1 }, now, 'Asia/Tbilisi'), Date.UTC(2026, 10, 30, 4, 30), 'Monday')
  assert.equal(lastSlot({ cadence: 'manual', sendTime: null, sendWeekday: null }, now, 'UTC'), null)
})

forEachDatabase('a daily newsletter composes one issue at its time, awaiting approval; an auto-send one is queued', async (store) => {
  await seedNewsroom(store)
  const clock = fixedClock(Date.UTC(2026, 11, 3, 7, 59))
  const issues = createNewsletterIssues({ store, clock, render: renderIssue, siteUrl: 'https://news.example', siteName: async () => 'Desk', siteLanguage: async () => 'en', outgoing: null })
  const daily = await store.newsletters.insert({ ...NEWSLETTER, cadence: 'daily', sendTime: '08:00', sections: ['news'] }, Date.UTC(2026, 11, 3, 7, 0))
  const auto = await store.newsletters.insert({ ...NEWSLETTER, slug: 'auto', cadence: 'daily', sendTime: '08:00', autoSend: true }, Date.UTC(2026, 11, 3, 7, 0))
  const reader = await store.newsletters.ensureSubscriber('reader@example.org', 'form', '', 1)
  await store.newsletters.putActive(auto, reader.id, 1)

  assert.deepEqual(await issues.composeDue('UTC'), [], 'not yet: the only past 08:00 is before the newsletters were defined')
  clock.set(Date.UTC(2026, 11, 3, 8, 0))
  const composed = await issues.composeDue('UTC')
  assert.equal(composed.length, 2)
  assert.deepEqual(await issues.composeDue('UTC'), [], 'once per scheduled time')
  const [ofDaily] = await store.newsletterIssues.list(daily)
  assert.equal(ofDaily?.status, 'awaiting_approval')
  assert.ok(ofDaily!.items.length > 0)
  const [ofAuto] = await store.newsletterIssues.list(auto)
  assert.equal(ofAuto?.status, 'sending')
  assert.deepEqual(await store.newsletterIssues.progress(ofAuto!.id), { sent: 0, pending: 1, failed: 0 })
  clock.set(Date.UTC(2026, 11, 4, 8, 0))
  assert.equal((await issues.composeDue('UTC')).length, 2, 'the next day')
  // With mail off the issue waits: sending or testing it is refused as a conflict with the site's set-up (409, no 5xx).
  const editor = { userId: null, role: 'editor' } as const
  await assert.rejects(issues.send(editor, ofDaily!.id), { kind: 'Conflict', message: /mail is off/ })
  await assert.rejects(issues.sendTest(editor, ofDaily!.id, 'editor@news.example'), { kind: 'Conflict' })
  assert.equal((await store.newsletterIssues.list(daily))[0]?.status, 'awaiting_approval')
})

// The day a quote was said as readers see it: a day given stays that calendar day in every zone; a quote without one
// falls on its article's publication day in the site's time zone.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { dayToEpoch, quoteDay } from '../../src/domain/quotes.ts'

test('a quote without its own day takes the local day of its publication, east and west of UTC', () => {
  const at = Date.UTC(2026, 10, 30, 21, 30)
  assert.equal(quoteDay({ saidAt: at, publishedAt: at }, 'Asia/Almaty'), '2026-12-01')
  assert.equal(quoteDay({ saidAt: at, publishedAt: at }, 'UTC'), '2026-11-30')
  const early = Date.UTC(2026, 11, 1, 3)
  assert.equal(quoteDay({ saidAt: early, publishedAt: early }, 'America/New_York'), '2026-11-30')
})

test('a day the newsroom gave is the same day in every zone, even west of UTC where its 00:00 UTC is the evening before', () => {
  const day = dayToEpoch('2026-11-18')!
  const publishedAt = Date.UTC(2026, 10, 20, 9)
  for (const zone of ['UTC', 'Asia/Almaty', 'America/Los_Angeles', 'Pacific/Kiritimati']) assert.equal(quoteDay({ saidAt: day, publishedAt }, zone), '2026-11-18')
})

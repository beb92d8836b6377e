// Subscriptions started and left per week and newsletter, on both engines: each event falls in its own seven-day span,
// older ones and other newsletters stay out, and only the newsletters permission sees them.

import assert from 'node:assert/strict'
import { forEachDatabase } from '../support/databases.ts'
import { fixedClock } from '../support/build-test-app.ts'
import { NEWSLETTER } from '../support/newsletters.ts'
import { createNewsletterSubscribers } from '../../src/editorial/newsletter-subscribers.ts'
import { isAppError } from '../../src/errors.ts'

const DAY = 86_400_000
const NOW = Date.UTC(2026, 11, 3, 12, 0)

forEachDatabase('the subscribers page counts who subscribed and who left, week by week', async (store) => {
  const one = await store.newsletters.insert({ ...NEWSLETTER }, NOW - 200 * DAY)
  const other = await store.newsletters.insert({ ...NEWSLETTER, slug: 'other', name: 'Other' }, NOW - 200 * DAY)
  const subscribe = async (email: string, newsletterId: number, at: number) => {
    const s = await store.newsletters.ensureSubscriber(email, 'form', '', at)
    assert.ok(await store.newsletters.putActive(newsletterId, s.id, at))
    return s.id
  }
  await subscribe('a@example.org', one, NOW - 1 * DAY) // this week
  await subscribe('b@example.org', one, NOW - 3 * DAY) // this week
  const c = await subscribe('c@example.org', one, NOW - 8 * DAY) // last week …
  assert.ok(await store.newsletters.leave(one, c, NOW - 2 * DAY)) // … and left this week
  await subscribe('d@example.org', one, NOW - 7 * DAY - 1) // the first instant of last week's span… almost
  await subscribe('e@example.org', one, NOW - 84 * DAY) // exactly twelve weeks ago: before the first span
  await subscribe('f@example.org', other, NOW - 20 * DAY) // the week before last, of the other newsletter

  const subscribers = createNewsletterSubscribers({ store, clock: fixedClock(NOW) })
  const w = await subscribers.weekly({ userId: null, role: 'editor' })
  assert.equal(w.starts.length, 12)
  assert.equal(w.starts[0], NOW - 84 * DAY)
  assert.equal(w.starts[11], NOW - 7 * DAY)
  const row = (id: number) => w.newsletters.find((n) => n.id === id)!
  const zeros = (n: number) => Array.from({ length: n }, () => 0)
  assert.deepEqual(row(one).subscribed, [...zeros(10), 2, 2])
  assert.deepEqual(row(one).left, [...zeros(11), 1])
  assert.deepEqual(row(other).subscribed, [...zeros(9), 1, 0, 0])
  assert.deepEqual(row(other).left, zeros(12))

  await assert.rejects(subscribers.weekly({ userId: null, role: 'author' }), (err: unknown) => isAppError(err) && err.kind === 'Forbidden')
})

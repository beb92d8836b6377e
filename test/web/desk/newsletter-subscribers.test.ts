// The desk's subscribers on both engines: search, CSV export and import round trip (imported addresses marked with
// their source, left ones kept out, formulas defused), and erasure of an address with everything about it.

import assert from 'node:assert/strict'
import { deskNewsroom, forEachEngine, lastAction } from '../../support/desk-newsroom.ts'
import { NEWSLETTER } from '../../support/newsletters.ts'
import { parseCsv } from '../../../src/domain/csv.ts'

forEachEngine('subscribers export to CSV and import back, marked with their source; erasure deletes everything about one', async (t, engine) => {
  const d = await deskNewsroom(t, engine)
  const store = d.a.store
  const weekly = await store.newsletters.insert(NEWSLETTER, 1)
  const daily = await store.newsletters.insert({ ...NEWSLETTER, slug: 'daily-brief', name: 'Daily brief' }, 1)
  await store.newsletters.importActive(['a@example.org', 'b@example.org', '=cmd@example.org'], weekly, 'form', '', 1)
  const left = await store.newsletters.ensureSubscriber('left@example.org', 'form', '', 1)
  await store.newsletters.putActive(daily, left.id, 1)
  await store.newsletters.leave(daily, left.id, 2)

  assert.equal((await d.get('/desk/newsletters/subscribers', d.author)).statusCode, 403)
  assert.equal((await d.get('/desk/newsletters/subscribers.csv', d.author)).statusCode, 403)
  const search = await d.get('/desk/newsletters/subscribers?q=B%40EXAMPLE', d.editor)
  assert.match(search.body, /b@example\.org/)
  assert.match(search.body, /<h2 id="weekly">Subscribed and left, week by week<\/h2>/)
  assert.match(search.body, new RegExp(`<tr data-newsletter="${daily}"><th scope="row">Daily brief</th>`))
  assert.doesNotMatch(search.body, /a@example\.org/)

  const csv = await d.get('/desk/newsletters/subscribers.csv', d.editor)
  assert.equal(csv.statusCode, 200)
  assert.match(String(csv.headers['content-type']), /^text\/csv/)
  const rows = parseCsv(csv.body)
  assert.deepEqual(rows[0], ['email', 'newsletter', 'status', 'source', 'source_note', 'subscribed_at', 'confirmed_at'])
  assert.deepEqual(rows.slice(1).map((r) => [r[0], r[1], r[2]]).sort(), [
    ["'=cmd@example.org", 'caucasus-concise', 'active'], ['a@example.org', 'caucasus-concise', 'active'], ['b@example.org', 'caucasus-concise', 'active'], ['left@example.org', 'daily-brief', 'left'],
  ])

  // The export imported into the daily brief: the one who left it stays out, a bad line is counted, sources are kept.
  const imported = await d.post('/desk/newsletters/subscribers/import', { newsletter: String(daily), source: 'Weekly list, December', csv: `${csv.body}not-an-address,x\r\n` })
  assert.equal(imported.statusCode, 303, imported.body)
  assert.equal(await lastAction(d), 'newsletter.import')
  const counts = await store.newsletters.counts()
  assert.equal(counts.find((c) => c.newsletterId === daily && c.status === 'active')?.n, 3, 'the left one stays left')
  assert.ok(await store.newsletters.subscriberByEmail('=cmd@example.org'), 'the defused cell comes back as the address it was')
  const newcomer = await d.post('/desk/newsletters/subscribers/import', { newsletter: String(daily), source: 'Conference sign-up sheet', csv: 'email\nnew@example.org\n' })
  assert.equal(newcomer.statusCode, 303)
  const s = await store.newsletters.subscriberByEmail('new@example.org')
  assert.deepEqual([s?.source, s?.sourceNote], ['import', 'Conference sign-up sheet'])
  assert.equal((await store.newsletters.subscriberByEmail('a@example.org'))?.source, 'form', 'an existing address keeps its source')
  assert.equal((await d.post('/desk/newsletters/subscribers/import', { newsletter: String(daily), source: '', csv: 'a@example.org' })).statusCode, 400)
  assert.equal((await d.post('/desk/newsletters/subscribers/import', { newsletter: '99999', source: 'x', csv: 'a@example.org' })).statusCode, 400)

  // Erasure: the address, its subscriptions and its delivery records go.
  const a = (await store.newsletters.subscriberByEmail('a@example.org'))!
  const issue = await store.newsletterIssues.insert({ newsletterId: weekly, status: 'draft', subject: 'x', introHtml: '' as never, items: [], createdBy: null }, 1)
  await store.newsletterIssues.queue(issue, weekly, 1)
  assert.equal((await d.post(`/desk/newsletters/subscribers/${a.id}/erase`, {})).statusCode, 303)
  assert.equal(await store.newsletters.subscriberByEmail('a@example.org'), undefined)
  assert.deepEqual(await store.newsletters.subscriptionsOf(a.id), [])
  assert.equal((await store.newsletterIssues.progress(issue)).pending, 2, 'its delivery is gone with it (b@ and =cmd@ remain)')
  assert.equal((await d.post(`/desk/newsletters/subscribers/${a.id}/erase`, {})).statusCode, 404)
  assert.equal(await lastAction(d), 'newsletter.erase')
})

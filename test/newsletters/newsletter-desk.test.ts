// Newsletter definitions on both engines: the desk's use-case validates every field, keeps slugs unique, needs the
// newsletters permission, audits, and counts subscriptions; migration 0032 goes down and up again.

import assert from 'node:assert/strict'
import { forEachDatabase, forEachEngine } from '../support/databases.ts'
import { scratchMigrator } from '../support/migrations.ts'
import { fixedClock } from '../support/build-test-app.ts'
import { seedTaxonomy } from '../support/seed.ts'
import { createNewsletterDesk } from '../../src/editorial/newsletter-desk.ts'
import { isAppError } from '../../src/errors.ts'
import { sql } from 'kysely'

const EDITOR = { userId: null, role: 'editor' } as const
const AUTHOR = { userId: null, role: 'author' } as const

export const WEEKLY = {
  name: 'Caucasus Concise', slug: 'caucasus-concise', description: 'The week in the South Caucasus.', language: 'en',
  senderName: 'Caucasus Concise', senderAddress: 'Newsletter@News.Example', replyTo: 'desk@news.example',
  cadence: 'weekly', sendTime: '08:30', sendWeekday: '1', autoSend: 'on', sections: 'news, analysis',
}

async function refused(promise: Promise<unknown>, kind: string, field?: string) {
  await assert.rejects(promise, (err: unknown) => isAppError(err) && err.kind === kind && (field === undefined || err.field === field))
}

forEachDatabase('newsletters are defined with a sender, a cadence and sections; fields are checked one by one', async (store) => {
  await seedTaxonomy(store)
  const desk = createNewsletterDesk({ store, clock: fixedClock(), site: { invalidate: () => {} } })
  const id = await desk.create(EDITOR, WEEKLY)
  const n = await desk.get(EDITOR, id)
  assert.deepEqual({ ...n, id: 0, createdAt: 0, updatedAt: 0 }, {
    id: 0, slug: 'caucasus-concise', name: 'Caucasus Concise', description: 'The week in the South Caucasus.', language: 'en',
    senderName: 'Caucasus Concise', senderAddress: 'newsletter@news.example', replyTo: 'desk@news.example', cadence: 'weekly',
    sendTime: '08:30', sendWeekday: 1, autoSend: true, sections: ['news', 'analysis'], createdAt: 0, updatedAt: 0,
  })
  await refused(desk.create(EDITOR, WEEKLY), 'Invalid', 'slug')
  await refused(desk.create(EDITOR, { ...WEEKLY, slug: 'b', senderAddress: 'not an address' }), 'Invalid', 'senderAddress')
  await refused(desk.create(EDITOR, { ...WEEKLY, slug: 'b', sendTime: '25:00' }), 'Invalid', 'sendTime')
  await refused(desk.create(EDITOR, { ...WEEKLY, slug: 'b', sendWeekday: '0' }), 'Invalid', 'sendWeekday')
  await refused(desk.create(EDITOR, { ...WEEKLY, slug: 'b', cadence: 'hourly' }), 'Invalid', 'cadence')
  await refused(desk.create(EDITOR, { ...WEEKLY, slug: 'b', sections: 'sport' }), 'Invalid', 'sections')
  await refused(desk.create(EDITOR, { ...WEEKLY, slug: 'b', senderName: 'Evil\r\nBcc: x@y.z' }), 'Invalid', 'senderName')
  await refused(desk.create(EDITOR, { ...WEEKLY, slug: 'b', language: 'not a tag!' }), 'Invalid', 'language')
  await refused(desk.create(AUTHOR, { ...WEEKLY, slug: 'b' }), 'Forbidden')
  assert.equal((await desk.list(EDITOR)).length, 1)

  // A manual newsletter keeps no time; renaming checks the slug against the others only.
  const daily = await desk.create(EDITOR, { ...WEEKLY, slug: 'daily-brief', name: 'Daily brief', cadence: 'manual', sendTime: '', sections: '' })
  assert.equal((await desk.get(EDITOR, daily)).sendTime, null)
  await desk.update(EDITOR, daily, { ...WEEKLY, slug: 'daily-brief', name: 'The daily brief', cadence: 'daily', sendTime: '07:00' })
  assert.equal((await desk.get(EDITOR, daily)).name, 'The daily brief')
  await refused(desk.update(EDITOR, daily, { ...WEEKLY, slug: 'caucasus-concise' }), 'Invalid', 'slug')
  await refused(desk.get(EDITOR, 9999), 'NotFound')

  const s = await store.newsletters.ensureSubscriber('reader@news.example', 'form', '', 1)
  await store.newsletters.putActive(id, s.id, 1)
  const listed = await desk.list(EDITOR)
  assert.deepEqual(listed.map((l) => [l.slug, l.counts.active]), [['caucasus-concise', 1], ['daily-brief', 0]])
  const audit = await store.audit.list({ limit: 10 })
  assert.deepEqual(audit.map((a) => a.action).sort(), ['newsletter.create', 'newsletter.create', 'newsletter.update'])
})

forEachEngine('migration 0032 goes down and up again', async (t, engine) => {
  const { db, migrator, before } = await scratchMigrator(t, engine)
  // Down to the migration before it (later ones go first).
  const down = await migrator.migrateTo(before('0032-newsletters'))
  assert.equal(down.error, undefined)
  assert.ok(down.results?.some((r) => r.migrationName === '0032-newsletters' && r.direction === 'Down' && r.status === 'Success'))
  await assert.rejects(sql`select count(*) from newsletters`.execute(db))
  assert.equal((await migrator.migrateToLatest()).error, undefined)
  assert.equal((await sql<{ n: number }>`select count(*) as n from newsletter_deliveries`.execute(db)).rows.length, 1)
})

// Speakers and quotes as data on both engines: speakers created, edited, merged and deleted with their permission checks
// and audit; quotes checked against the body, kept beside the working copy, and seen by readers only once published.

import assert from 'node:assert/strict'
import { onBothEngines } from '../support/both-engines.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'
import { isAppError } from '../../src/errors.ts'

import { publish, unpublish } from '../../src/editorial/publishing.ts'
import type { TestApp } from '../support/build-test-app.ts'

const PASSWORD = 'a long enough password'

async function user(a: TestApp, name: string, role: 'contributor' | 'author' | 'editor') {
  const u = await a.services.accounts.createUser({ email: `${name.toLowerCase()}@news.example`, name, role, password: PASSWORD }, null)
  return { userId: u.id, role: u.role }
}

const refused = (kind: string, field?: string, pattern?: RegExp) => (err: unknown) =>
  isAppError(err) && err.kind === kind && (field === undefined || err.field === field) && (pattern === undefined || pattern.test(err.message))

const BODY = '<p>The minister said <q data-quote="q1">the vote was free</q> and added <q data-quote="q2">we will count again</q>.</p>'

onBothEngines('speakers are created by writers, edited and merged by editors (quotes move, the old page redirects), and audited', async (a) => {
  await seedTaxonomy(a.store)
  const carl = await user(a, 'Carl', 'contributor')
  const erin = await user(a, 'Erin', 'editor')
  const desk = a.services.speakerDesk
  const eu = await desk.createSpeaker(carl, { name: 'European Union', kind: 'organisation', country: '', links: 'https://europa.eu' })
  const borrell = await desk.createSpeaker(carl, { name: 'Josep Borrell', kind: 'person', description: 'High Representative.' })
  assert.equal((await a.store.speakers.speaker(eu))?.slug, 'european-union', 'a slug is made from the name')
  assert.deepEqual((await a.store.speakers.speaker(eu))?.links, ['https://europa.eu'])
  await assert.rejects(desk.createSpeaker(carl, { name: 'European Union', kind: 'organisation' }), refused('Invalid', 'slug', /already has the slug/))
  await assert.rejects(desk.createSpeaker(carl, { name: 'X', kind: 'robot' }), refused('Invalid', 'kind'))
  await assert.rejects(desk.createSpeaker(carl, { name: 'Y', kind: 'person', links: 'javascript:alert(1)' }), refused('Invalid', 'links'))
  await assert.rejects(desk.createSpeaker(carl, { name: 'Z', kind: 'person', country: 'energy' }), refused('Invalid', 'country'), 'a topic is not a country')
  await assert.rejects(desk.updateSpeaker(carl, eu, { name: 'EU', kind: 'organisation' }), refused('Forbidden'))

  await desk.updateSpeaker(erin, borrell, { name: 'Josep Borrell Fontelles', slug: 'josep-borrell-fontelles', kind: 'person', country: 'kazakhstan' })
  const edited = await a.store.speakers.speaker(borrell)
  assert.equal(edited?.name, 'Josep Borrell Fontelles')
  assert.equal(edited?.countryTagId, (await a.store.taxonomy.tagBySlug('kazakhstan'))?.id)

  // A duplicate made in a hurry is merged into the real record: its quotes, working and live, move over.
  const dup = await desk.createSpeaker(carl, { name: 'J. Borrell', kind: 'person' })
  const id = await seedArticle(a.store, { bodyHtml: BODY, draft: true })
  await a.services.quoteDesk.saveQuotes(erin, id, [{ anchor: 'q1', speaker: dup, text: 'the vote was free' }, { anchor: 'q2', speaker: eu, text: 'we will count again' }])
  await a.store.transaction((tx) => publish(tx, id, { now: Date.UTC(2026, 10, 27), siteLanguage: 'en' }))
  await assert.rejects(desk.deleteSpeaker(erin, dup), refused('Conflict', undefined, /quoted 1 time/))
  await desk.mergeSpeaker(erin, dup, 'josep-borrell-fontelles')
  assert.equal(await a.store.speakers.speaker(dup), undefined)
  assert.deepEqual((await a.store.quotes.forArticle(id)).map((q) => q.speakerId), [borrell, eu])
  assert.deepEqual((await a.store.quotes.liveQuotes({ speakerId: borrell, limit: 10 })).items.map((q) => q.text), ['the vote was free'])
  assert.equal((await a.app.inject('/people/j-borrell')).headers.location, '/people/josep-borrell-fontelles')
  await assert.rejects(desk.mergeSpeaker(erin, borrell, 'josep-borrell-fontelles'), refused('Invalid', 'into', /itself/))
  await assert.rejects(desk.mergeSpeaker(erin, borrell, 'nobody'), refused('Invalid', 'into'))

  const unused = await desk.createSpeaker(carl, { name: 'Spokesperson', kind: 'person' })
  await desk.deleteSpeaker(erin, unused)
  const actions = (await a.store.audit.list({ limit: 50 })).filter((e) => e.action.startsWith('speaker.')).map((e) => e.action).sort()
  assert.deepEqual(actions, ['speaker.create', 'speaker.create', 'speaker.create', 'speaker.create', 'speaker.delete', 'speaker.merge', 'speaker.update'])

  const page = await desk.speakerPage(erin, { page: 1, perPage: 10 })
  assert.deepEqual(page.items.map((s) => [s.name, s.quotes]), [['European Union', 1], ['Josep Borrell Fontelles', 1]])
  assert.deepEqual((await desk.suggestSpeakers(carl, 'jos')).map((s) => s.slug), ['josep-borrell-fontelles'])
  await assert.rejects(desk.speakerPage(carl, { page: 1, perPage: 10 }), refused('Forbidden'))
})

onBothEngines('quotes are checked against the body; a refused save changes nothing; ids stay across saves', async (a) => {
  await seedTaxonomy(a.store)
  const erin = await user(a, 'Erin', 'editor')
  const other = await user(a, 'Olga', 'contributor')
  const min = await a.services.speakerDesk.createSpeaker(erin, { name: 'Foreign Minister', kind: 'person' })
  const id = await seedArticle(a.store, { bodyHtml: BODY, draft: true })
  const quotes = a.services.quoteDesk
  const good = { anchor: 'q1', speaker: min, text: 'the vote was free', role: 'Foreign Minister', said: '2026-11-20', place: 'kazakhstan', event: 'Press conference', source: 'https://gov.example/statement', language: 'kk' }
  await quotes.saveQuotes(erin, id, [good])
  const [first] = await quotes.articleQuotes(erin, id)
  assert.deepEqual(first, { ...good, speakerName: 'Foreign Minister', organisation: '' }, 'the editor gets back what it sent')
  const firstId = (await a.store.quotes.forArticle(id))[0]!.id
  assert.equal((await a.store.quotes.forArticle(id))[0]?.saidAt, Date.UTC(2026, 10, 20))

  for (const [bad, field] of [
    [{ ...good, anchor: 'q9' }, 'quotes[0].anchor'], [{ ...good, speaker: 999 }, 'quotes[0].speaker'], [{ ...good, said: '2026-02-30' }, 'quotes[0].said'],
    [{ ...good, source: 'javascript:alert(1)' }, 'quotes[0].source'], [{ ...good, place: 'energy' }, 'quotes[0].place'], [{ ...good, text: ' ' }, 'quotes[0].text'],
    [{ ...good, language: 'not a tag' }, 'quotes[0].language'], [{ ...good, anchor: 'statement' }, 'quotes[0].anchor'],
  ] as const) await assert.rejects(quotes.saveQuotes(erin, id, [bad]), refused('Invalid', field))
  await assert.rejects(quotes.saveQuotes(erin, id, [good, good]), refused('Invalid', 'quotes[1].anchor', /share/))
  await assert.rejects(quotes.saveQuotes(erin, id, 'nope'), refused('Invalid', 'quotes'))
  await assert.rejects(quotes.saveQuotes(other, id, [good]), refused('Forbidden'), 'someone else’s article')
  assert.deepEqual((await a.store.quotes.forArticle(id)).map((q) => [q.id, q.text]), [[firstId, 'the vote was free']], 'nothing changed')

  await quotes.saveQuotes(erin, id, [{ ...good, anchor: 'q2', text: 'we will count again' }, { ...good, text: 'the vote was free, they said' }])
  const after = await a.store.quotes.forArticle(id)
  assert.deepEqual(after.map((q) => q.anchor), ['q2', 'q1'], 'in the order given')
  assert.equal(after.find((q) => q.anchor === 'q1')?.id, firstId, 'a kept anchor keeps its id')

  // A statement article names its issuer with the statement anchor, without a mark.
  const statement = await seedArticle(a.store, { genre: 'statement', draft: true, bodyHtml: '<p>The Union notes the election.</p>' })
  await quotes.saveQuotes(erin, statement, [{ anchor: 'statement', speaker: min, text: 'The Union notes the election.' }])
  assert.equal((await a.store.quotes.forArticle(statement)).length, 1)
  assert.equal((await a.store.audit.list({ limit: 20, action: 'quotes.save' })).length, 3)
})

onBothEngines('readers see the quotes of the live copy only: drafts none, edits after the next publication, none once unpublished', async (a) => {
  await seedTaxonomy(a.store)
  const erin = await user(a, 'Erin', 'editor')
  const min = await a.services.speakerDesk.createSpeaker(erin, { name: 'Foreign Minister', kind: 'person' })
  const id = await seedArticle(a.store, { bodyHtml: BODY, draft: true })
  await a.services.quoteDesk.saveQuotes(erin, id, [{ anchor: 'q1', speaker: min, text: 'the vote was free' }, { anchor: 'q2', speaker: min, text: 'we will count again', said: '2026-11-01' }])
  const live = () => a.store.quotes.liveQuotes({ speakerId: min, limit: 10 })
  assert.deepEqual((await live()).items, [], 'a draft’s quotes are nowhere')
  assert.equal(await a.store.speakers.publicSpeaker({ id: min }), undefined, 'nor is a speaker only drafts quote')

  const publishedAt = Date.UTC(2026, 10, 27, 9)
  await a.store.transaction((tx) => publish(tx, id, { now: publishedAt, siteLanguage: 'en', publishedAt }))
  const items = (await live()).items
  assert.deepEqual(items.map((q) => [q.text, q.saidAt]), [['the vote was free', publishedAt], ['we will count again', Date.UTC(2026, 10, 1)]], 'newest said first; no day: the publication time')
  assert.equal(items[0]?.article.sectionSlug, 'news')
  assert.equal((await a.store.speakers.publicSpeaker({ id: min }))?.id, min)

  await a.services.quoteDesk.saveQuotes(erin, id, [{ anchor: 'q1', speaker: min, text: 'the vote was free (edited)' }])
  assert.deepEqual((await live()).items.map((q) => q.text), ['the vote was free', 'we will count again'], 'the working copy is not live')
  await a.store.transaction((tx) => publish(tx, id, { now: publishedAt + 1000, siteLanguage: 'en' }))
  assert.deepEqual((await live()).items.map((q) => q.text), ['the vote was free (edited)'])
  assert.equal((await live()).items[0]?.id, items[0]?.id, 'the public id stays')
  assert.equal((await a.store.quotes.liveQuotes({ text: 'EDITED', limit: 10 })).items.length, 1, 'text filter, any case')
  assert.equal((await a.store.quotes.liveQuotes({ from: { own: publishedAt + 1, local: publishedAt + 1 }, limit: 10 })).items.length, 0)

  await a.store.transaction((tx) => unpublish(tx, id, { now: publishedAt + 2000, siteLanguage: 'en' }))
  assert.deepEqual((await live()).items, [])
  assert.equal(await a.store.quotes.liveQuote(items[0]!.id), undefined)

})

onBothEngines('a save carries the quotes with the body: both saved or neither; a quote whose mark was deleted goes', async (a) => {
  await seedTaxonomy(a.store)
  const erin = await user(a, 'Erin', 'editor')
  const min = await a.services.speakerDesk.createSpeaker(erin, { name: 'Foreign Minister', kind: 'person' })
  const id = await seedArticle(a.store, { bodyHtml: BODY, draft: true })
  const article = (await a.store.articles.get(id))!
  const input = { title: article.title, section: 'news', bodyHtml: BODY, authors: ['aigerim-sadykova'] }
  const q1 = { anchor: 'q1', speaker: min, text: 'the vote was free' }
  const saved = await a.services.editing.save({ articleId: id, version: article.version, actor: erin, kind: 'autosave', input: { ...input, quotes: [q1, { ...q1, anchor: 'q2', text: 'we will count again' }] } })
  assert.equal((await a.store.quotes.forArticle(id)).length, 2)

  const without = '<p>The minister said <q data-quote="q1">the vote was free</q>.</p>'
  await assert.rejects(a.services.editing.save({ articleId: id, version: saved.version, actor: erin, kind: 'save', input: { ...input, bodyHtml: without, quotes: [{ ...q1, speaker: 12345 }] } }),
    refused('Invalid', 'quotes[0].speaker'))
  assert.equal((await a.store.articles.get(id))?.bodyHtml, BODY, 'the body was not saved without its quotes')
  await a.services.editing.save({ articleId: id, version: saved.version, actor: erin, kind: 'save', input: { ...input, bodyHtml: without, quotes: [q1, { ...q1, anchor: 'q2' }] } })
  assert.deepEqual((await a.store.quotes.forArticle(id)).map((q) => q.anchor), ['q1'], 'the quote whose text was deleted went with it')
})

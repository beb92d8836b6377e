// Bylines that belong to accounts, the rule that an article goes out signed unless its section allows unsigned pieces,
// and presence in the editor; on both engines.

import assert from 'node:assert/strict'
import { onBothEngines } from '../support/both-engines.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'
import { HOUR, NOW } from '../support/editing.ts'
import { publishDue } from '../../src/editorial/scheduling.ts'
import { PRESENCE_TTL_MS } from '../../src/editorial/presence.ts'
import { isAppError } from '../../src/errors.ts'
import type { TestApp } from '../support/build-test-app.ts'

const PASSWORD = 'a long enough password'

async function user(a: TestApp, name: string, role: 'author' | 'editor' | 'admin' = 'editor') {
  const u = await a.services.accounts.createUser({ email: `${name.split(' ')[0]!.toLowerCase()}@news.example`, name, role, password: PASSWORD }, null)
  return { userId: u.id, role: u.role }
}

const refusal = (field: string, pattern: RegExp) => (err: unknown) => isAppError(err) && err.kind === 'Invalid' && err.field === field && pattern.test(err.message)

onBothEngines('an account is created with its own byline, named after it; its owner edits it and a new slug leaves a redirect', async (a) => {
  const dana = await user(a, 'Dana Reporter', 'author')
  const again = await user(a, 'Dana Reporter', 'author').catch(() => null)
  assert.equal(again, null, 'the same email twice is refused')
  const other = await a.services.accounts.createUser({ email: 'dana2@news.example', name: 'Dana Reporter', role: 'author', password: PASSWORD }, null)
  const own = await a.services.bylines.ownByline(dana.userId)
  assert.equal(own?.name, 'Dana Reporter')
  assert.equal(own?.slug, 'dana-reporter')
  assert.equal((await a.services.bylines.ownByline(other.id))?.slug, 'dana-reporter-2', 'a namesake gets a free slug')

  const saved = await a.services.bylines.saveOwnByline(dana.userId, { name: 'Dana K. Reporter', slug: 'dana-k-reporter', bio: 'Covers the port.' })
  assert.equal(saved.id, own!.id)
  assert.equal(saved.bio, 'Covers the port.')
  assert.equal((await a.app.inject('/author/dana-reporter')).headers.location, '/author/dana-k-reporter')
  await assert.rejects(a.services.bylines.saveOwnByline(dana.userId, { name: 'Dana', slug: 'dana-reporter-2', bio: '' }), refusal('slug', /already has the slug/))
  await assert.rejects(a.services.bylines.saveOwnByline(dana.userId, { name: '', slug: 'x', bio: '' }), refusal('name', /required/))
  assert.equal((await a.services.bylines.ownByline(dana.userId))?.name, 'Dana K. Reporter', 'a refused change changes nothing')
  const updates = await a.store.audit.list({ limit: 10, action: 'author.update', userId: dana.userId })
  assert.equal(updates.length, 1, 'the owner’s edit is audited; the refused ones are not')
})

onBothEngines('an article without a byline is refused publication, now, scheduled or on schedule, unless its section allows unsigned pieces', async (a) => {
  await seedTaxonomy(a.store)
  const erin = await user(a, 'Erin Editor')
  const id = await seedArticle(a.store, { draft: true, authors: [], title: 'Statement on the election' })
  await assert.rejects(a.services.editing.transition(id, 'published', erin), refusal('authors', /no byline.*“News” publishes only signed articles/))
  await assert.rejects(a.services.editing.transition(id, 'scheduled', erin, NOW + HOUR), refusal('authors', /no byline/))
  assert.equal((await a.store.articles.get(id))?.status, 'draft', 'nothing changed')

  // Scheduled while signed, the byline taken off since: the job leaves it scheduled and reports why.
  const signed = await seedArticle(a.store, { draft: true, title: 'Signed piece' })
  await a.services.editing.transition(signed, 'scheduled', erin, NOW + HOUR)
  const article = (await a.store.articles.get(signed))!
  await a.store.transaction(async (tx) => { await tx.articles.update(signed, article.version, { ...article, authorIds: [] }, NOW) })
  const report = await publishDue(a.store, NOW + 2 * HOUR, { siteLanguage: 'en' })
  assert.deepEqual(report.published, [])
  assert.match(report.failed[0]?.error ?? '', /no byline/)
  assert.equal((await a.store.articles.get(signed))?.status, 'scheduled')

  // The section allows unsigned pieces: the same statement goes out.
  const news = (await a.store.taxonomy.sectionBySlug('news'))!
  assert.equal(news.allowUnsigned, false)
  await a.services.taxonomyDesk.updateSection(erin, news.id, { name: news.name, slug: news.slug, description: news.description, allowUnsigned: '1' })
  assert.equal((await a.store.taxonomy.section(news.id))?.allowUnsigned, true)
  await a.services.editing.transition(id, 'published', erin)
  assert.equal((await a.store.articles.get(id))?.status, 'published')
  await assert.rejects(a.services.taxonomyDesk.updateSection(erin, news.id, { name: news.name, slug: news.slug, allowUnsigned: 'perhaps' }), refusal('allow_unsigned', /true or false/))
})

onBothEngines('presence: who else has an article open, since when, until they leave or a minute passes', async (a) => {
  await seedTaxonomy(a.store)
  const erin = await user(a, 'Erin Editor')
  const sam = await user(a, 'Sam Subeditor')
  const author = await user(a, 'Ann Author', 'author')
  const id = await seedArticle(a.store, { draft: true })
  let now = NOW
  const pass = (ms: number) => { now += ms; a.clock.set(now) }
  a.clock.set(now)
  assert.deepEqual(await a.services.editing.present(id, erin), [])
  pass(5_000)
  const seen = await a.services.editing.present(id, sam)
  assert.deepEqual(seen.map((p) => [p.name, p.since]), [['Erin Editor', NOW]])
  pass(20_000)
  assert.deepEqual((await a.services.editing.present(id, erin)).map((p) => [p.name, p.since]), [['Sam Subeditor', NOW + 5_000]], 'since stays the start of the visit')
  // Someone who may not open the article neither shows up nor learns who is there.
  await assert.rejects(a.services.editing.present(id, author), (err: unknown) => isAppError(err) && err.kind === 'Forbidden')
  // Sam leaves; Erin's heartbeat stops: after the expiry nobody is listed, and a return is a new visit.
  await a.services.editing.present(id, sam, true)
  assert.deepEqual(await a.services.editing.present(id, erin), [])
  pass(PRESENCE_TTL_MS + 1)
  assert.deepEqual(await a.services.editing.present(id, sam), [], 'Erin expired')
  pass(1_000)
  assert.deepEqual((await a.services.editing.present(id, erin)).map((p) => [p.name, p.since]), [['Sam Subeditor', now - 1_000]])
})

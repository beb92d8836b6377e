// The static-pages use-case on both engines: nesting, moves leaving 301s, paths that belong to sections or other pages
// refused, publishing rules, revisions, permissions and the audit trail.

import assert from 'node:assert/strict'
import { forEachDatabase } from '../support/databases.ts'
import { fixedClock } from '../support/build-test-app.ts'
import { seedTaxonomy } from '../support/seed.ts'
import { createSiteContext } from '../../src/reading/site-settings.ts'
import { createPageDesk } from '../../src/editorial/pages.ts'
import { createTaxonomyDesk } from '../../src/editorial/taxonomy.ts'
import { isAppError } from '../../src/errors.ts'
import type { Store } from '../../src/store/store.ts'

const EDITOR = { userId: null, role: 'editor' } as const

function desk(store: Store) {
  const clock = fixedClock()
  const site = createSiteContext({ store, clock, timeZone: 'UTC' })
  return { pages: createPageDesk({ store, clock, site }), taxonomy: createTaxonomyDesk({ store, clock, site }), clock }
}

/** Asserts that `promise` fails with an AppError of `kind` naming `field`. */
async function refused(promise: Promise<unknown>, kind: string, field?: string) {
  await assert.rejects(promise, (err: unknown) => isAppError(err) && err.kind === kind && (field === undefined || err.field === field))
}

forEachDatabase('pages nest to a path of their parents\' slugs, list as a tree, and publish top down', async (store) => {
  const { pages } = desk(store)
  const about = await pages.create(EDITOR, { title: 'About us', slug: 'about', body: '<p>Who we are</p><script>x()</script>' }, { publish: true })
  const team = await pages.create(EDITOR, { title: 'Our team', slug: 'team', parent: about, body: '<p>People</p>' })
  const board = await pages.create(EDITOR, { title: 'The board', slug: 'board', parent: team })
  assert.deepEqual((await pages.list(EDITOR)).map((p) => [p.path, p.status]), [['/about', 'published'], ['/about/team', 'draft'], ['/about/team/board', 'draft']])
  assert.equal((await pages.get(EDITOR, about)).bodyHtml, '<p>Who we are</p>', 'the body goes through the sanitizer')
  await refused(pages.publish(EDITOR, board), 'Conflict')
  await pages.publish(EDITOR, team)
  await pages.publish(EDITOR, board)
  await refused(pages.unpublish(EDITOR, team), 'Conflict')
  await refused(pages.delete(EDITOR, about), 'Conflict')
  const preview = await pages.preview(EDITOR, board)
  assert.deepEqual(preview.breadcrumbs.map((b) => b.path), ['/about', '/about/team'])
  // Five levels at most.
  let parent = board
  for (const slug of ['d', 'e']) parent = await pages.create(EDITOR, { title: slug, slug, parent }).catch((err: unknown) => { throw err })
  await refused(pages.create(EDITOR, { title: 'Too deep', slug: 'f', parent }), 'Invalid', 'parent')
  const actions = (await store.audit.list({ limit: 20 })).map((a) => a.action)
  assert.ok(actions.includes('page.create') && actions.includes('page.publish'))
})

forEachDatabase('moving a page rewrites the paths below it and leaves 301s from every old published path', async (store) => {
  const { pages } = desk(store)
  const about = await pages.create(EDITOR, { title: 'About', slug: 'about' }, { publish: true })
  const team = await pages.create(EDITOR, { title: 'Team', slug: 'team', parent: about }, { publish: true })
  const board = await pages.create(EDITOR, { title: 'Board', slug: 'board', parent: team }, { publish: true })
  const who = await pages.create(EDITOR, { title: 'Who we are', slug: 'who' }, { publish: true })
  await pages.move(EDITOR, team, { parent: who, slug: 'people' })
  assert.equal((await pages.get(EDITOR, board)).path, '/who/people/board')
  assert.equal((await store.redirects.find('/about/team'))?.toUrl, '/who/people')
  assert.equal((await store.redirects.find('/about/team/board'))?.toUrl, '/who/people/board')
  // A page cannot go below itself; moving back frees the old paths of their redirects.
  await refused(pages.move(EDITOR, team, { parent: board }), 'Invalid', 'parent')
  await pages.update(EDITOR, team, { title: 'Team', slug: 'team', parent: about })
  assert.equal(await store.redirects.find('/about/team'), undefined)
  assert.equal((await store.redirects.find('/who/people'))?.toUrl, '/about/team')
  assert.ok((await store.audit.list({ limit: 20 })).some((a) => a.action === 'page.move'))
})

forEachDatabase('a page never takes a section\'s or reserved path, nor another page\'s, and a section never takes a page\'s', async (store) => {
  await seedTaxonomy(store)
  const { pages, taxonomy } = desk(store)
  await refused(pages.create(EDITOR, { title: 'News', slug: 'news' }), 'Invalid', 'slug')
  await refused(pages.create(EDITOR, { title: 'Search', slug: 'search' }), 'Invalid', 'slug')
  await refused(pages.create(EDITOR, { title: 'Russian', slug: 'ru' }), 'Invalid', 'slug')
  const about = await pages.create(EDITOR, { title: 'About', slug: 'about' })
  await refused(pages.create(EDITOR, { title: 'About again', slug: 'about' }), 'Invalid', 'slug')
  const other = await pages.create(EDITOR, { title: 'Other', slug: 'other' })
  await refused(pages.move(EDITOR, other, { slug: 'about' }), 'Invalid', 'slug')
  await refused(taxonomy.createSection({ userId: 1, role: 'admin' }, { name: 'About', slug: 'about' }), 'Invalid', 'slug')
  await refused(pages.create(EDITOR, { title: '', slug: 'x' }), 'Invalid', 'title')
  await refused(pages.create(EDITOR, { title: 'X', slug: 'Bad Slug' }), 'Invalid', 'slug')
  await refused(pages.create(EDITOR, { title: 'X', slug: 'x', parent: 99999 }), 'Invalid', 'parent')
  await refused(pages.create(EDITOR, { title: 'X', slug: 'x', language: 'not a tag' }), 'Invalid', 'language')
  assert.equal((await pages.list(EDITOR)).length, 2, 'nothing refused was written')
  assert.equal((await pages.get(EDITOR, about)).path, '/about')
})

forEachDatabase('authors and contributors may not touch pages; every save keeps a revision that can be restored', async (store) => {
  const { pages } = desk(store)
  await refused(pages.create({ userId: null, role: 'author' }, { title: 'A', slug: 'a' }), 'Forbidden')
  await refused(pages.list({ userId: null, role: 'contributor' }), 'Forbidden')
  const id = await pages.create(EDITOR, { title: 'Contact', slug: 'contact', body: '<p>One</p>' })
  await pages.update(EDITOR, id, { title: 'Contact us', slug: 'contact', body: '<p>Two</p>' })
  const revisions = await pages.revisions(EDITOR, id)
  assert.deepEqual(revisions.map((r) => r.title), ['Contact us', 'Contact'])
  await pages.restoreRevision(EDITOR, id, revisions[1]!.id)
  assert.equal((await pages.get(EDITOR, id)).bodyHtml, '<p>One</p>')
  assert.equal((await pages.revisions(EDITOR, id)).length, 3)
})

// Saving working copies without losing text: versions, revisions, conflicts kept, compare and restore (src/editorial/saving.ts).

import assert from 'node:assert/strict'
import { forEachDatabase } from '../support/databases.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'
import { HOUR, NOW } from '../support/editing.ts'
import { fixedClock } from '../support/build-test-app.ts'
import { createEditing } from '../../src/editorial/editing.ts'
import { SaveConflictError } from '../../src/editorial/saving.ts'
import type { ArticleInput } from '../../src/editorial/article-input.ts'
import { AppError } from '../../src/errors.ts'
import type { Store } from '../../src/store/store.ts'

const isKind = (kind: string, field?: string) => (err: unknown): boolean => {
  assert.ok(err instanceof AppError, String(err))
  assert.equal(err.kind, kind)
  if (field) assert.equal(err.field, field)
  return true
}

const input = (over: Partial<ArticleInput> = {}): ArticleInput => ({
  title: 'Observers report a calm vote', slug: 'calm-vote', section: 'news', standfirst: 'Turnout was high.',
  bodyHtml: '<p>Polling stations opened at eight.</p>', authors: ['aigerim-sadykova'], tags: ['elections'], ...over,
})

async function setup(store: Store, opts: { draft?: boolean } = {}) {
  await seedTaxonomy(store)
  const clock = fixedClock(NOW)
  const editing = createEditing({ store, clock, siteLanguage: async () => 'en' })
  const id = await seedArticle(store, { title: 'Observers report a calm vote', slug: 'calm-vote', tags: ['elections'], draft: opts.draft ?? false })
  const dana = await store.users.insert({ email: 'dana@example.org', name: 'Dana Editor', role: 'editor', passwordHash: 'x', createdAt: NOW })
  const lev = await store.users.insert({ email: 'lev@example.org', name: 'Lev Author', role: 'editor', passwordHash: 'x', createdAt: NOW })
  return { id, editing, clock, dana, lev }
}

forEachDatabase('a save writes the working copy at the next version and keeps a revision, the first state included', async (store) => {
  const { id, editing, clock, dana } = await setup(store)
  clock.set(NOW + HOUR)
  const saved = await editing.save({ articleId: id, version: 1, input: input({ title: 'Observers report a calm, orderly vote' }), actor: { userId: dana, role: 'editor' }, kind: 'save' })
  assert.equal(saved.version, 2)
  const article = await store.articles.get(id)
  assert.equal(article?.title, 'Observers report a calm, orderly vote')
  assert.equal(article?.version, 2)
  const list = await editing.revisions(id)
  assert.deepEqual(list.items.map((r) => [r.kind, r.version, r.savedBy?.name ?? null]), [['save', 2, 'Dana Editor'], ['save', 1, null]])
  assert.equal(list.items[0]?.savedAt, NOW + HOUR)
})

forEachDatabase('an autosave changes the working copy but never the live page; Update publishes it keeping the published time', async (store) => {
  const { id, editing, clock, dana } = await setup(store)
  const before = await store.live.findByPath('en', 'news', 'calm-vote')
  clock.set(NOW + HOUR)
  await editing.save({ articleId: id, version: 1, input: input({ title: 'Autosaved headline', bodyHtml: '<p>Draft text.</p>' }), actor: { userId: dana, role: 'editor' }, kind: 'autosave' })
  const live = await store.live.findByPath('en', 'news', 'calm-vote')
  assert.equal(live?.title, 'Observers report a calm vote')
  assert.equal(live?.bodyHtml, before?.bodyHtml)
  assert.equal((await store.articles.get(id))?.title, 'Autosaved headline')
  clock.set(NOW + 2 * HOUR)
  await editing.transition(id, 'published', { userId: dana, role: 'editor' })
  const updated = await store.live.findByPath('en', 'news', 'calm-vote')
  assert.equal(updated?.title, 'Autosaved headline')
  assert.equal(updated?.publishedAt, before?.publishedAt)
  assert.equal(updated?.updatedAt, NOW + 2 * HOUR)
  assert.equal((await editing.revisions(id)).items[0]?.kind, 'publish')
})

forEachDatabase('consecutive autosaves by one user fold into one revision holding the latest text', async (store) => {
  const { id, editing, clock, dana } = await setup(store, { draft: true })
  let version = 1
  for (const [i, words] of ['One', 'One two', 'One two three'].entries()) {
    clock.set(NOW + i * 5_000)
    version = (await editing.save({ articleId: id, version, input: input({ bodyHtml: `<p>${words}</p>` }), actor: { userId: dana, role: 'editor' }, kind: 'autosave' })).version
  }
  const items = (await editing.revisions(id)).items
  assert.deepEqual(items.map((r) => [r.kind, r.version]), [['autosave', 4], ['save', 1]])
  assert.equal((await editing.revision(id, items[0]!.id)).snapshot.bodyHtml, '<p>One two three</p>')
})

forEachDatabase('a stale save answers Conflict naming who saved and when, and the losing text survives as a conflict revision', async (store) => {
  const { id, editing, clock, dana, lev } = await setup(store, { draft: true })
  clock.set(Date.UTC(2026, 10, 27, 10, 15))
  await editing.save({ articleId: id, version: 1, input: input({ title: 'Dana’s headline' }), actor: { userId: dana, role: 'editor' }, kind: 'save' })
  clock.set(Date.UTC(2026, 10, 27, 10, 20))
  const err = await editing.save({ articleId: id, version: 1, input: input({ title: 'Lev’s headline', bodyHtml: '<p>Lev’s paragraph.</p>' }), actor: { userId: lev, role: 'editor' }, kind: 'save' })
    .then(() => null, (e: unknown) => e)
  assert.ok(err instanceof SaveConflictError, String(err))
  assert.equal(err.kind, 'Conflict')
  assert.match(err.message, /Dana Editor saved this article at 2026-11-27 10:15 UTC \(version 2\)/)
  assert.match(err.message, new RegExp(`revision ${err.conflict.revisionId}`))
  assert.equal((await store.articles.get(id))?.title, 'Dana’s headline')
  // Committed: read back through the store after the call failed.
  const kept = await editing.revision(id, err.conflict.revisionId)
  assert.equal(kept.kind, 'conflict')
  assert.equal(kept.savedBy?.name, 'Lev Author')
  assert.equal(kept.version, 1)
  assert.equal(kept.snapshot.title, 'Lev’s headline')
  assert.equal(kept.snapshot.bodyHtml, '<p>Lev’s paragraph.</p>')
  assert.deepEqual(kept.snapshot.tags, ['elections'])
})

forEachDatabase('bad saves are refused with the field named and keep nothing', async (store) => {
  const { id, editing, dana } = await setup(store, { draft: true })
  await assert.rejects(editing.save({ articleId: id, version: 1, input: input({ tags: ['no-such-tag'] }), actor: { userId: dana, role: 'editor' }, kind: 'save' }), isKind('Invalid', 'tags'))
  await assert.rejects(editing.save({ articleId: id, version: 0, input: input(), actor: { userId: dana, role: 'editor' }, kind: 'save' }), isKind('Invalid', 'version'))
  await assert.rejects(editing.save({ articleId: id, version: 1.5, input: input(), actor: { userId: dana, role: 'editor' }, kind: 'save' }), isKind('Invalid', 'version'))
  await assert.rejects(editing.save({ articleId: id, version: 2, input: input(), actor: { userId: dana, role: 'editor' }, kind: 'save' }), isKind('Invalid', 'version'))
  await assert.rejects(editing.save({ articleId: 999_999, version: 1, input: input(), actor: { userId: dana, role: 'editor' }, kind: 'save' }), isKind('NotFound'))
  await assert.rejects(editing.save({ articleId: id, version: 1, input: input({ title: '  ' }), actor: { userId: dana, role: 'editor' }, kind: 'save' }), isKind('Invalid', 'title'))
  assert.equal((await editing.revisions(id)).items.length, 0)
  assert.equal((await store.articles.get(id))?.version, 1)
})

forEachDatabase('a save onto a slug another article of the section has is a Conflict naming the slug', async (store) => {
  const { id, editing, dana } = await setup(store, { draft: true })
  await seedArticle(store, { title: 'Other', slug: 'taken-slug', draft: true })
  await assert.rejects(editing.save({ articleId: id, version: 1, input: input({ slug: 'taken-slug' }), actor: { userId: dana, role: 'editor' }, kind: 'save' }), isKind('Conflict', 'slug'))
  assert.equal((await store.articles.get(id))?.slug, 'calm-vote')
})

forEachDatabase('revisions compare as a readable diff and restore into a new version of the working copy', async (store) => {
  const { id, editing, clock, dana } = await setup(store, { draft: true })
  clock.set(NOW + HOUR)
  await editing.save({ articleId: id, version: 1, input: input({ title: 'Observers report a tense vote', tags: ['elections', 'kazakhstan'] }), actor: { userId: dana, role: 'editor' }, kind: 'save' })
  const [second, first] = (await editing.revisions(id)).items
  const cmp = await editing.compare(id, first!.id, second!.id)
  assert.deepEqual(cmp.title.filter((s) => s.op !== 'same'), [{ op: 'removed', text: ' calm' }, { op: 'added', text: ' tense' }])
  assert.deepEqual(cmp.fields, [{ field: 'tags', before: 'elections', after: 'elections, kazakhstan' }])
  clock.set(NOW + 2 * HOUR)
  const restored = await editing.restore(id, first!.id, { userId: dana, role: 'editor' })
  assert.equal(restored.version, 3)
  const article = await store.articles.get(id)
  assert.equal(article?.title, 'Observers report a calm vote')
  assert.equal(article?.tagIds.length, 1)
  const latest = (await editing.revisions(id)).items[0]
  assert.deepEqual([latest?.kind, latest?.version, latest?.id], ['restore', 3, restored.revisionId])
  await assert.rejects(editing.compare(id, first!.id, 999_999), isKind('NotFound'))
  const other = await seedArticle(store, { title: 'Another', draft: true })
  await assert.rejects(editing.revision(other, first!.id), isKind('NotFound'), 'a revision of another article is not found')
})

forEachDatabase('the revision list pages newest first, twenty a page', async (store) => {
  const { id, editing, clock, dana } = await setup(store, { draft: true })
  let version = 1
  for (let i = 0; i < 24; i++) {
    clock.set(NOW + i * 60_000)
    version = (await editing.save({ articleId: id, version, input: input({ standfirst: `Take ${i}` }), actor: { userId: dana, role: 'editor' }, kind: 'save' })).version
  }
  const page1 = await editing.revisions(id, 1)
  assert.equal(page1.items.length, 20)
  assert.equal(page1.hasNext, true)
  assert.equal(page1.items[0]?.version, 25)
  const page2 = await editing.revisions(id, 2)
  assert.deepEqual(page2.items.map((r) => r.version), [5, 4, 3, 2, 1])
  assert.equal(page2.hasNext, false)
  await assert.rejects(editing.revisions(id, 0), isKind('Invalid', 'page'))
  await assert.rejects(editing.revisions(id, 3), isKind('NotFound'))
  await assert.rejects(editing.revisions(999_999), isKind('NotFound'))
})

// Working and live copies of articles on both engines: slug uniqueness, versions, live copy apart from edits (src/store/articles.ts).

import assert from 'node:assert/strict'
import { forEachDatabase } from '../support/databases.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'
import { editArticle, NOW, republish, sectionId } from '../support/editing.ts'
import { AppError } from '../../src/errors.ts'
import { sanitizeBody } from '../../src/content/sanitize.ts'

const isConflictOn = (field: string) => (err: unknown): boolean => {
  assert.ok(err instanceof AppError, String(err))
  assert.equal(err.kind, 'Conflict')
  assert.equal(err.field, field)
  return true
}

forEachDatabase('a slug is unique per language and section', async (store) => {
  await seedTaxonomy(store)
  await seedArticle(store, { title: 'Vote count', slug: 'vote-count', section: 'news' })
  await assert.rejects(seedArticle(store, { title: 'Another vote count', slug: 'vote-count', section: 'news' }), isConflictOn('slug'))
  await assert.rejects(seedArticle(store, { title: 'Vote count', section: 'news', draft: true }), isConflictOn('slug'), 'a derived slug collides too')
})

forEachDatabase('the same slug is allowed in another language or another section', async (store) => {
  await seedTaxonomy(store)
  const en = await seedArticle(store, { title: 'Vote count', slug: 'vote-count' })
  const ru = await seedArticle(store, { title: 'Подсчёт', slug: 'vote-count', language: 'ru', translationOf: en })
  const opinion = await seedArticle(store, { title: 'Vote count', slug: 'vote-count', section: 'opinion' })
  assert.equal(new Set([en, ru, opinion]).size, 3)
  assert.equal((await store.live.findByPath('en', 'news', 'vote-count'))?.id, en)
  assert.equal((await store.live.findByPath('ru', 'news', 'vote-count'))?.id, ru)
  assert.equal((await store.live.findByPath('en', 'opinion', 'vote-count'))?.id, opinion)
})

forEachDatabase('a failed insert leaves nothing behind', async (store) => {
  await seedTaxonomy(store)
  const first = await seedArticle(store, { title: 'Only one', slug: 'only-one' })
  await assert.rejects(seedArticle(store, { title: 'Only one again', slug: 'only-one', tags: ['energy'] }))
  assert.equal(await store.live.count(), 1)
  assert.equal(await store.articles.get(first + 1), undefined)
  assert.equal((await store.live.byTag((await store.taxonomy.tagBySlug('energy'))!.id, { page: 1, perPage: 20 })).items.length, 0)
})

forEachDatabase('a draft reads back with its fields, tags and bylines in order', async (store) => {
  await seedTaxonomy(store)
  const id = await seedArticle(store, {
    title: 'Statement on the vote', standfirst: 'The institute said…', bodyHtml: '<p onclick="x">Body</p>', genre: 'statement',
    tags: ['kazakhstan', 'elections', 'kazakhstan'], authors: ['newsroom', 'aigerim-sadykova'], draft: true,
  })
  const a = await store.articles.get(id)
  assert.ok(a)
  assert.equal(a.status, 'draft')
  assert.equal(a.slug, 'statement-on-the-vote')
  assert.equal(a.genre, 'statement')
  assert.equal(a.bodyHtml, '<p>Body</p>', 'bodies are stored sanitized')
  assert.equal(a.version, 1)
  assert.equal(a.publishedAt, null)
  assert.equal(a.tagIds.length, 2, 'a repeated tag is kept once')
  const [kz] = [await store.taxonomy.tagBySlug('kazakhstan')]
  assert.equal(a.tagIds[0], kz?.id)
  assert.deepEqual(a.authorIds, [(await store.people.authorBySlug('newsroom'))!.id, (await store.people.authorBySlug('aigerim-sadykova'))!.id])
  assert.equal(await store.live.findByPath('en', 'news', 'statement-on-the-vote'), undefined, 'a draft is not live')
})

forEachDatabase('an update at a stale version is refused and changes nothing', async (store) => {
  await seedTaxonomy(store)
  const id = await seedArticle(store, { title: 'Versioned', draft: true })
  const a = (await store.articles.get(id))!
  assert.equal(await store.articles.update(id, a.version, { ...a, title: 'First save' }, NOW), true)
  assert.equal(await store.articles.update(id, a.version, { ...a, title: 'Lost save' }, NOW), false)
  const after = (await store.articles.get(id))!
  assert.equal(after.title, 'First save')
  assert.equal(after.version, 2)
})

forEachDatabase('edits of the working copy after publishing do not reach readers until it is published again', async (store) => {
  await seedTaxonomy(store)
  const id = await seedArticle(store, { title: 'Original headline', slug: 'story', tags: ['energy'] })
  await editArticle(store, id, { title: 'Edited headline', bodyHtml: sanitizeBody('<p>New body</p>'), tagIds: [] })
  const live = await store.live.findByPath('en', 'news', 'story')
  assert.equal(live?.title, 'Original headline')
  assert.equal(live?.bodyHtml, '<p>Body text.</p>')
  assert.deepEqual(live?.tags.map((t) => t.slug), ['energy'])
  assert.equal((await store.articles.get(id))?.title, 'Edited headline')
  await republish(store, id, NOW + 1000)
  const after = await store.live.findByPath('en', 'news', 'story')
  assert.equal(after?.title, 'Edited headline')
  assert.equal(after?.bodyHtml, '<p>New body</p>')
  assert.deepEqual(after?.tags, [])
})

forEachDatabase('removeLive takes the live copy, its tags and bylines away and keeps the working copy', async (store) => {
  await seedTaxonomy(store)
  const id = await seedArticle(store, { title: 'Going', slug: 'going', tags: ['energy'] })
  await store.articles.removeLive(id)
  assert.equal(await store.live.findByPath('en', 'news', 'going'), undefined)
  assert.equal(await store.articles.livePath(id), undefined)
  assert.equal((await store.live.byTag((await store.taxonomy.tagBySlug('energy'))!.id, { page: 1, perPage: 20 })).items.length, 0)
  assert.equal((await store.live.bySection(await sectionId(store, 'news'), { page: 1, perPage: 20 })).items.length, 0)
  assert.equal((await store.articles.get(id))?.title, 'Going')
})

forEachDatabase('findByOrigin finds an imported article by its source system and id', async (store) => {
  await seedTaxonomy(store)
  const id = await store.transaction(async (tx) => {
    const section = (await tx.taxonomy.sectionBySlug('news'))!
    return tx.articles.insert({
      translationGroup: null, language: 'en', sectionId: section.id, slug: 'imported', genre: 'news', title: 'Imported', standfirst: '',
      bodyHtml: sanitizeBody('<p>x</p>'), heroMediaId: null, heroCaption: null, heroCredit: null, seoTitle: '', seoDescription: '', editorsChoice: false, editorsChoiceRank: null,
      editorsChoiceUntil: null, originSystem: 'wordpress', originId: '5477', tagIds: [], authorIds: [],
    }, 'draft', NOW)
  })
  assert.equal(await store.articles.findByOrigin('wordpress', '5477'), id)
  assert.equal(await store.articles.findByOrigin('ghost', '5477'), undefined)
})

// Publishing and unpublishing on both engines: times, the live copy, slug redirects (src/editorial/publishing.ts).

import assert from 'node:assert/strict'
import { forEachDatabase } from '../support/databases.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'
import { editArticle, HOUR, NOW, republish, sectionId, takeDown } from '../support/editing.ts'
import { createDraft, publish } from '../../src/editorial/publishing.ts'
import { AppError } from '../../src/errors.ts'

const isKind = (kind: string) => (err: unknown): boolean => {
  assert.ok(err instanceof AppError, String(err))
  assert.equal(err.kind, kind)
  return true
}

forEachDatabase('unpublishing removes the live copy and marks the article unpublished', async (store) => {
  await seedTaxonomy(store)
  const id = await seedArticle(store, { title: 'Withdrawn', slug: 'withdrawn' })
  await takeDown(store, id)
  assert.equal(await store.live.findByPath('en', 'news', 'withdrawn'), undefined)
  assert.equal(await store.live.count(), 0)
  assert.equal((await store.articles.get(id))?.status, 'unpublished')
})

forEachDatabase('an unpublished article can be published again and keeps its first publication time', async (store) => {
  await seedTaxonomy(store)
  const first = NOW - 48 * HOUR
  const id = await seedArticle(store, { title: 'Back again', slug: 'back-again', publishedAt: first })
  await takeDown(store, id)
  await republish(store, id, NOW)
  const live = await store.live.findByPath('en', 'news', 'back-again')
  assert.equal(live?.publishedAt, first)
  assert.equal(live?.updatedAt, NOW)
  assert.equal((await store.articles.get(id))?.status, 'published')
})

forEachDatabase('the first publication sets published and updated times; a republication moves only the updated time', async (store) => {
  await seedTaxonomy(store)
  const id = await seedArticle(store, { title: 'Timed', slug: 'timed', draft: true })
  await republish(store, id, NOW)
  let a = await store.articles.get(id)
  assert.equal(a?.publishedAt, NOW)
  assert.equal(a?.updatedAt, NOW)
  await republish(store, id, NOW + HOUR)
  a = await store.articles.get(id)
  assert.equal(a?.publishedAt, NOW)
  assert.equal(a?.updatedAt, NOW + HOUR)
})

forEachDatabase('a draft cannot be unpublished, and a missing article can be neither published nor unpublished', async (store) => {
  await seedTaxonomy(store)
  const id = await seedArticle(store, { title: 'Still a draft', draft: true })
  await assert.rejects(takeDown(store, id), isKind('Conflict'))
  await assert.rejects(takeDown(store, 424242), isKind('NotFound'))
  await assert.rejects(republish(store, 424242), isKind('NotFound'))
  assert.equal((await store.articles.get(id))?.status, 'draft')
})

forEachDatabase('a changed slug on republication leaves a 301 from the old path to the article', async (store) => {
  await seedTaxonomy(store)
  const id = await seedArticle(store, { title: 'Old title', slug: 'old-title' })
  await editArticle(store, id, { slug: 'new-title' })
  await republish(store, id, NOW + HOUR)
  assert.equal(await store.live.findByPath('en', 'news', 'old-title'), undefined)
  assert.equal((await store.live.findByPath('en', 'news', 'new-title'))?.id, id)
  const redirect = await store.redirects.find('/news/old-title')
  assert.deepEqual(redirect, { fromPath: '/news/old-title', status: 301, toArticleId: id, toUrl: null })
})

forEachDatabase('moving an article to another section or back to its old slug keeps redirects consistent', async (store) => {
  await seedTaxonomy(store)
  const id = await seedArticle(store, { title: 'Wanderer', slug: 'wanderer' })
  await editArticle(store, id, { sectionId: await sectionId(store, 'analysis') })
  await republish(store, id, NOW + HOUR)
  assert.equal((await store.redirects.find('/news/wanderer'))?.toArticleId, id)
  await editArticle(store, id, { sectionId: await sectionId(store, 'news') })
  await republish(store, id, NOW + 2 * HOUR)
  assert.equal(await store.redirects.find('/news/wanderer'), undefined, 'the live path takes its redirect back')
  assert.equal((await store.redirects.find('/analysis/wanderer'))?.toArticleId, id)
})

forEachDatabase('republishing an unchanged path leaves no redirect', async (store) => {
  await seedTaxonomy(store)
  const id = await seedArticle(store, { title: 'Steady', slug: 'steady' })
  await republish(store, id, NOW + HOUR)
  assert.equal(await store.redirects.find('/news/steady'), undefined)
})

forEachDatabase('a translation joins the group of its original, which is named after the original', async (store) => {
  await seedTaxonomy(store)
  const en = await seedArticle(store, { title: 'Original', draft: true })
  const ru = await store.transaction((tx) => createDraft(tx, { title: 'Перевод', section: 'news', language: 'ru', translationOf: en }, { now: NOW, siteLanguage: 'en' }))
  assert.equal((await store.articles.get(en))?.translationGroup, en)
  assert.equal((await store.articles.get(ru))?.translationGroup, en)
  assert.equal((await store.articles.get(ru))?.slug, 'perevod')
})

forEachDatabase('invalid input is refused naming the field, and nothing is written', async (store) => {
  await seedTaxonomy(store)
  const draft = (input: Parameters<typeof createDraft>[1]) => store.transaction((tx) => createDraft(tx, input, { now: NOW, siteLanguage: 'en' }))
  const field = (name: string) => (err: unknown): boolean => {
    assert.ok(err instanceof AppError)
    assert.equal(err.kind, 'Invalid')
    assert.equal(err.field, name)
    return true
  }
  await assert.rejects(draft({ title: '   ', section: 'news' }), field('title'))
  await assert.rejects(draft({ title: 'x', slug: 'Bad Slug', section: 'news' }), field('slug'))
  await assert.rejects(draft({ title: 'x', section: 'sport' }), field('section'))
  await assert.rejects(draft({ title: 'x', section: 'news', genre: 'gossip' }), field('genre'))
  await assert.rejects(draft({ title: 'x', section: 'news', language: 'english' }), field('language'))
  await assert.rejects(draft({ title: 'x', section: 'news', tags: ['nope'] }), field('tags'))
  await assert.rejects(draft({ title: 'x', section: 'news', authors: ['nobody'] }), field('authors'))
  await assert.rejects(draft({ title: 'x', section: 'news', editorsChoiceRank: 0 }), field('editors_choice'))
  await assert.rejects(draft({ title: 'x', section: 'news', translationOf: 999 }), field('translation_of'))
  await assert.rejects(draft({ title: 'x'.repeat(301), section: 'news' }), field('title'))
  assert.equal(await store.articles.get(1), undefined)
})

forEachDatabase('publishing inside a transaction that fails leaves the previous live copy', async (store) => {
  await seedTaxonomy(store)
  const id = await seedArticle(store, { title: 'Stable', slug: 'stable' })
  await editArticle(store, id, { title: 'Half-done' })
  await assert.rejects(store.transaction(async (tx) => {
    await publish(tx, id, { now: NOW + HOUR, siteLanguage: 'en' })
    throw new Error('boom')
  }), /boom/)
  assert.equal((await store.live.findByPath('en', 'news', 'stable'))?.title, 'Stable')
})

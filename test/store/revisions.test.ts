// Revisions and scheduled claims in the store, on both engines (src/store/revisions.ts, src/store/scheduled.ts).

import assert from 'node:assert/strict'
import { forEachDatabase } from '../support/databases.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'
import { NOW } from '../support/editing.ts'

forEachDatabase('a snapshot of the working copy resolves section, tags and authors to slugs, in order, and round-trips through a revision', async (store) => {
  await seedTaxonomy(store)
  const id = await seedArticle(store, { title: 'Gas deal', slug: 'gas-deal', tags: ['energy', 'kazakhstan'], authors: ['newsroom', 'aigerim-sadykova'], bodyHtml: '<p>Text &amp; more.</p>' })
  const current = await store.revisions.snapshotOf(id)
  assert.equal(current?.version, 1)
  assert.deepEqual({ ...current!.snapshot }, {
    title: 'Gas deal', slug: 'gas-deal', standfirst: 'A standfirst.', bodyHtml: '<p>Text &amp; more.</p>', section: 'news', genre: 'news',
    language: 'en', tags: ['energy', 'kazakhstan'], authors: ['newsroom', 'aigerim-sadykova'], heroMediaId: null, heroCaption: null, heroCredit: null, seoTitle: '',
    seoDescription: '', editorsChoiceRank: null,
  })
  const rid = await store.revisions.insert({ articleId: id, version: 1, kind: 'save', savedBy: null, savedAt: NOW, snapshot: current!.snapshot })
  const back = await store.revisions.get(id, rid)
  assert.deepEqual(back?.snapshot, current!.snapshot)
  assert.deepEqual([back?.kind, back?.savedBy, back?.savedAt, back?.title], ['save', null, NOW, 'Gas deal'])
  assert.equal(await store.revisions.snapshotOf(999_999), undefined)
})

forEachDatabase('claiming takes the earliest due scheduled article and skips the ones asked to', async (store) => {
  await seedTaxonomy(store)
  const later = await seedArticle(store, { draft: true })
  const first = await seedArticle(store, { draft: true })
  const future = await seedArticle(store, { draft: true })
  await store.transaction(async (tx) => {
    await tx.articles.setStatus(later, 'scheduled', { scheduledAt: NOW - 1_000 })
    await tx.articles.setStatus(first, 'scheduled', { scheduledAt: NOW - 5_000 })
    await tx.articles.setStatus(future, 'scheduled', { scheduledAt: NOW + 1_000 })
  })
  assert.equal(await store.scheduled.dueCount(NOW), 2)
  assert.deepEqual(await store.transaction((tx) => tx.scheduled.claimNext(NOW)), { id: first, scheduledAt: NOW - 5_000 })
  assert.equal((await store.transaction((tx) => tx.scheduled.claimNext(NOW, [first])))?.id, later)
  assert.equal(await store.transaction((tx) => tx.scheduled.claimNext(NOW, [first, later])), undefined)
})

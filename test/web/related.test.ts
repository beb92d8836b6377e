// The article page shows the stored related list, and falls back to shared tags before one is computed.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { buildTestApp } from '../support/build-test-app.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'
import { pinRelated } from '../../src/editorial/related.ts'
import { relatedRefresh } from '../../src/jobs/related-refresh.ts'
import { createLogger } from '../../src/log.ts'

const relatedBlock = (body: string): string => /<section class="block block-related"[\s\S]*?<\/section>/.exec(body)?.[0] ?? ''

test('after the refresh job the article page shows the computed related articles, pins first, and not unrelated ones', async (t) => {
  const { app, store, clock } = await buildTestApp(t)
  await seedTaxonomy(store)
  const now = clock.now()
  await seedArticle(store, { standfirst: '', slug: 'pipeline-record', title: 'Caspian pipeline carries record crude oil', bodyHtml: '<p>Kazakhstan crude oil exports through the Caspian pipeline.</p>' }, now)
  await seedArticle(store, { standfirst: '', slug: 'pipeline-expands', title: 'Caspian pipeline expands crude oil capacity', bodyHtml: '<p>More Kazakhstan crude oil for the Caspian pipeline.</p>' }, now)
  const football = await seedArticle(store, { standfirst: '', slug: 'league-title', title: 'Astana football club wins the league', bodyHtml: '<p>The striker scored in the final match.</p>' }, now)
  // The first article was published alone; the job gives it the relatives published after it.
  await relatedRefresh.run({ store, clock, log: createLogger({ logLevel: 'silent' }) })
  let res = await app.inject('/news/pipeline-record')
  assert.equal(res.statusCode, 200)
  let block = relatedBlock(res.body)
  assert.match(block, /Caspian pipeline expands crude oil capacity/)
  assert.doesNotMatch(block, /football/)
  assert.doesNotMatch(block, /carries record/)

  const id = (await store.live.latest(10)).find((a) => a.slug === 'pipeline-record')!.id
  await store.transaction((tx) => pinRelated(tx, id, football, { now }))
  res = await app.inject('/news/pipeline-record')
  block = relatedBlock(res.body)
  assert.ok(block.indexOf('Astana football club') !== -1 && block.indexOf('Astana football club') < block.indexOf('Caspian pipeline expands'))
})

test('an article with no computed list yet shows articles sharing its tags', async (t) => {
  const { app, store, clock } = await buildTestApp(t)
  await seedTaxonomy(store)
  const now = clock.now()
  await seedArticle(store, { slug: 'grid', title: 'Grid upgrade', tags: ['energy'], bodyHtml: '<p>Transmission.</p>' }, now)
  await seedArticle(store, { slug: 'tariffs', title: 'Tariffs rise', tags: ['energy'], bodyHtml: '<p>Prices.</p>' }, now)
  const grid = (await store.live.latest(10)).find((a) => a.slug === 'grid')!.id
  await store.transaction((tx) => tx.related.writeList(grid, [], now))
  assert.deepEqual(await store.related.list(grid), [])
  const block = relatedBlock((await app.inject('/news/grid')).body)
  assert.match(block, /Tariffs rise/)
})

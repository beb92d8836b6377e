// The front page and the most-read page over app.inject (src/web/site/front.ts, src/reading/reading.ts).

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { buildSiteApp, jsonLd, seedNewsroom, sectionWithClass } from '../../support/web.ts'
import { seedArticle, seedTaxonomy } from '../../support/seed.ts'
import { NOW, HOUR, takeDown } from '../../support/editing.ts'
import { VIEW_BLOCK_MAX_AGE_MS } from '../../../src/reading/page-dependencies.ts'

const hourOf = (ms: number): number => ms - (ms % HOUR)

test('the front page shows the newest article as the lead story, the editor’s choice and a block per section', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedNewsroom(store)
  const res = await app.inject('/')
  assert.equal(res.statusCode, 200)
  assert.match(res.headers['content-type'] as string, /^text\/html; charset=utf-8/)
  const lead = /<article class="lead-story">[\s\S]*?<\/article>/.exec(res.body)?.[0] ?? ''
  assert.match(lead, /<a href="\/news\/election-results">Election results announced<\/a>/)
  assert.match(lead, /<a href="\/author\/newsroom" rel="author">Newsroom<\/a>/)
  const picks = sectionWithClass(res.body, 'block-picks') ?? ''
  assert.match(picks, /Editor’s choice/)
  assert.match(picks, /href="\/opinion\/energy-deal-matters"/)
  assert.match(res.body, /<h2 class="section-title" id="front-news"><a href="\/news">News<\/a><\/h2>/)
  assert.match(res.body, /<h2 class="section-title" id="front-opinion"><a href="\/opinion">Opinion<\/a><\/h2>/)
  assert.doesNotMatch(res.body, /id="front-analysis"/, 'a section with nothing published has no block')
  assert.deepEqual(jsonLd(res.body).map((d) => d['@type']), ['WebSite'])
  assert.match(res.body, /<link rel="canonical" href="https:\/\/news.example\/">/)
})

test('the lead is the newest article in the site language, whichever section holds it', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedTaxonomy(store)
  await seedArticle(store, { title: 'Older news', slug: 'older-news', section: 'news', publishedAt: NOW - 3 * HOUR })
  await seedArticle(store, { title: 'Newest in English', slug: 'newest-in-english', section: 'opinion', publishedAt: NOW - 2 * HOUR })
  await seedArticle(store, { title: 'Новее всех', slug: 'novee-vseh', section: 'news', language: 'ru', publishedAt: NOW - HOUR })
  const body = (await app.inject('/')).body
  const lead = /<article class="lead-story">[\s\S]*?<\/article>/.exec(body)?.[0] ?? ''
  assert.match(lead, /href="\/opinion\/newest-in-english"/)
  assert.doesNotMatch(body, /novee-vseh/, 'translations are not on the front page')
})

test('the lead story is not repeated in its section block, and section blocks hold at most five stories', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedNewsroom(store)
  const body = (await app.inject('/')).body
  const newsBlock = /<section class="section-block" aria-labelledby="front-news">[\s\S]*?<\/section>/.exec(body)?.[0] ?? ''
  assert.doesNotMatch(newsBlock, /election-results/)
  assert.equal(newsBlock.match(/<article class="card">/g)?.length, 5)
})

test('section blocks on the front page hold only articles in the site language', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedNewsroom(store)
  const body = (await app.inject('/')).body
  const opinionBlock = /<section class="section-block" aria-labelledby="front-opinion">[\s\S]*?<\/section>/.exec(body)?.[0] ?? ''
  assert.match(opinionBlock, /energy-deal-matters/)
  assert.doesNotMatch(opinionBlock, /\/ru\//)
})

test('an empty site answers 200 with a “nothing published yet” front page', async (t) => {
  const { app } = await buildSiteApp(t)
  const res = await app.inject('/')
  assert.equal(res.statusCode, 200)
  assert.match(res.body, /Nothing published yet/)
  assert.doesNotMatch(res.body, /lead-story|block-picks|block-popular/)
})

test('a lead article pinned in the settings leads the front page instead of the newest', async (t) => {
  const { app, store } = await buildSiteApp(t)
  const { opinion } = await seedNewsroom(store)
  await store.site.setSetting('lead_article_id', opinion)
  const lead = /<article class="lead-story">[\s\S]*?<\/article>/.exec((await app.inject('/')).body)?.[0] ?? ''
  assert.match(lead, /energy-deal-matters/)
})

test('a pinned lead that is no longer live falls back to the newest article', async (t) => {
  const { app, store } = await buildSiteApp(t)
  const { opinion } = await seedNewsroom(store)
  await store.site.setSetting('lead_article_id', opinion)
  await takeDown(store, opinion)
  const lead = /<article class="lead-story">[\s\S]*?<\/article>/.exec((await app.inject('/')).body)?.[0] ?? ''
  assert.match(lead, /election-results/)
})

test('the Popular block is absent while nothing has views and appears once views are counted', async (t) => {
  const { app, store, clock } = await buildSiteApp(t)
  const { related, opinion } = await seedNewsroom(store)
  assert.equal(sectionWithClass((await app.inject('/')).body, 'block-popular'), null)
  await store.views.add(hourOf(NOW), new Map([[related, 7], [opinion, 3]]))
  // Pages with a Popular block are re-rendered when it may have changed, not on every view.
  clock.set(NOW + VIEW_BLOCK_MAX_AGE_MS + 1)
  const popular = sectionWithClass((await app.inject('/')).body, 'block-popular')
  assert.ok(popular, 'the Popular block is shown')
  assert.match(popular, /Most read/)
  assert.match(popular, /<ol class="headline-list numbered"><li><a href="\/news\/gas-pipeline-talks">[^<]+<\/a>[\s\S]*<li><a href="\/opinion\/energy-deal-matters">/)
})

test('views older than a day do not make the front page Popular block', async (t) => {
  const { app, store } = await buildSiteApp(t)
  const { related } = await seedNewsroom(store)
  await store.views.add(hourOf(NOW - 30 * HOUR), new Map([[related, 100]]))
  assert.equal(sectionWithClass((await app.inject('/')).body, 'block-popular'), null)
})

test('/popular lists the most read of the last day and week, or says none were counted', async (t) => {
  const { app, store, clock } = await buildSiteApp(t)
  await seedTaxonomy(store)
  const empty = await app.inject('/popular')
  assert.equal(empty.statusCode, 200)
  assert.match(empty.body, /No views have been counted yet/)
  const recent = await seedArticle(store, { title: 'Read today', slug: 'read-today' })
  const older = await seedArticle(store, { title: 'Read this week', slug: 'read-this-week' })
  await store.views.add(hourOf(NOW), new Map([[recent, 5]]))
  await store.views.add(hourOf(NOW - 3 * 24 * HOUR), new Map([[older, 50]]))
  clock.set(NOW + VIEW_BLOCK_MAX_AGE_MS + 1)
  const res = await app.inject('/popular')
  assert.equal(res.statusCode, 200)
  const day = /<section aria-labelledby="popular-day">[\s\S]*?<\/section>/.exec(res.body)?.[0] ?? ''
  const week = /<section aria-labelledby="popular-week">[\s\S]*?<\/section>/.exec(res.body)?.[0] ?? ''
  assert.match(day, /read-today/)
  assert.doesNotMatch(day, /read-this-week/)
  assert.match(week, /read-this-week[\s\S]*read-today/)
})

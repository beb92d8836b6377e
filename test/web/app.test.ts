// The route table's shared behaviour: trailing slashes, unknown and malformed paths, the redirects table (src/web/app.ts).

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { buildSiteApp, seedNewsroom } from '../support/web.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'
import { editArticle, republish, takeDown, NOW } from '../support/editing.ts'
import { createDraft } from '../../src/editorial/publishing.ts'

test('a trailing slash answers 301 to the path without it, keeping the query', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedNewsroom(store)
  for (const [from, to] of [['/news/', '/news'], ['/news/election-results/', '/news/election-results'], ['/archive/?section=news&from=2026-11-01', '/archive?section=news&from=2026-11-01'], ['/tag/energy//', '/tag/energy'], ['/news/?page=2', '/news?page=2']]) {
    const res = await app.inject(from!)
    assert.equal(res.statusCode, 301, from)
    assert.equal(res.headers.location, to, from)
  }
  assert.equal((await app.inject('/')).statusCode, 200, 'the root keeps its slash')
})

test('a trailing-slash redirect never leaves the site', async (t) => {
  const { app } = await buildSiteApp(t)
  for (const from of ['//evil.example/', '///evil.example/', '//evil.example//']) {
    const res = await app.inject(from)
    assert.equal(res.statusCode, 301, from)
    assert.equal(res.headers.location, '/evil.example', from)
  }
})

test('an unknown path answers a 404 HTML page with a way back', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedTaxonomy(store)
  for (const url of ['/no-such-page', '/news/no-such-article', '/a/b/c/d', '/NEWS', '/news/Not_A_Slug', '/ru/news/missing', '/ru']) {
    const res = await app.inject(url)
    assert.equal(res.statusCode, 404, url)
    assert.match(res.headers['content-type'] as string, /^text\/html; charset=utf-8/, url)
    assert.equal(res.headers['cache-control'], 'private, no-store', url)
    assert.match(res.body, /<p class="error-code">404<\/p>/, url)
    assert.match(res.body, /<h1>Page not found<\/h1>/, url)
    assert.match(res.body, /<meta name="robots" content="noindex">/, url)
  }
})

test('a malformed URL answers a 400 HTML page, not Fastify’s JSON', async (t) => {
  const { app } = await buildSiteApp(t)
  for (const url of ['/%E0%A4%A', '/news/%E2%82', '/%']) {
    const res = await app.inject(url)
    assert.equal(res.statusCode, 400, url)
    assert.match(res.headers['content-type'] as string, /^text\/html/, url)
    assert.match(res.body, /<h1>That request could not be understood<\/h1>/, url)
    assert.match(res.body, /The address could not be read/, url)
  }
})

test('a legacy URL in the redirects table answers 301 to the article’s current path', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedTaxonomy(store)
  const id = await seedArticle(store, { title: 'Statement on the vote', slug: 'statement-on-the-vote' })
  await store.redirects.put({ fromPath: '/index.php?m=23&news_id=5477', status: 301, toArticleId: id, toUrl: null, kind: 'legacy', createdAt: NOW })
  const res = await app.inject('/index.php?m=23&news_id=5477')
  assert.equal(res.statusCode, 301)
  assert.equal(res.headers.location, '/news/statement-on-the-vote')
  assert.equal(res.headers['cache-control'], 'public, max-age=3600')
  assert.equal((await app.inject('/index.php?m=23&news_id=5478')).statusCode, 404)
  const head = await app.inject({ method: 'HEAD', url: '/index.php?m=23&news_id=5477' })
  assert.equal(head.statusCode, 301)
})

test('a legacy redirect follows the article when its slug changes', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedTaxonomy(store)
  const id = await seedArticle(store, { title: 'First title', slug: 'first-title' })
  await store.redirects.put({ fromPath: '/index.php?news_id=1', status: 301, toArticleId: id, toUrl: null, kind: 'legacy', createdAt: NOW })
  await editArticle(store, id, { slug: 'second-title' })
  await republish(store, id)
  assert.equal((await app.inject('/index.php?news_id=1')).headers.location, '/news/second-title')
  const old = await app.inject('/news/first-title')
  assert.equal(old.statusCode, 301)
  assert.equal(old.headers.location, '/news/second-title')
  assert.equal((await app.inject('/news/second-title')).statusCode, 200)
})

test('a 410 entry answers 410 Gone, and a redirect to an article taken down is gone too', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedTaxonomy(store)
  await store.redirects.put({ fromPath: '/old/removed-page', status: 410, toArticleId: null, toUrl: null, kind: 'manual', createdAt: NOW })
  const gone = await app.inject('/old/removed-page')
  assert.equal(gone.statusCode, 410)
  assert.match(gone.body, /This page has been removed/)
  const id = await seedArticle(store, { title: 'Retracted', slug: 'retracted' })
  await store.redirects.put({ fromPath: '/index.php?news_id=9', status: 301, toArticleId: id, toUrl: null, kind: 'legacy', createdAt: NOW })
  await takeDown(store, id)
  assert.equal((await app.inject('/index.php?news_id=9')).statusCode, 410)
  assert.equal((await app.inject('/news/retracted')).statusCode, 410, 'its own path is gone too')
})

test('an old path of an article not live yet answers 404 until it is published, then 301; taken down, 410', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedTaxonomy(store)
  const id = await store.transaction((tx) => createDraft(tx, { title: 'Coming soon', slug: 'coming-soon', section: 'news' }, { now: NOW, siteLanguage: 'en' }))
  await store.redirects.put({ fromPath: '/2019/03/coming-soon', status: 301, toArticleId: id, toUrl: null, kind: 'legacy', createdAt: NOW })
  assert.equal((await app.inject('/2019/03/coming-soon')).statusCode, 404)
  await republish(store, id)
  const live = await app.inject('/2019/03/coming-soon')
  assert.equal(live.statusCode, 301)
  assert.equal(live.headers.location, '/news/coming-soon')
  await takeDown(store, id)
  assert.equal((await app.inject('/2019/03/coming-soon')).statusCode, 410)
})

test('old query URLs of the site root (/?p=12) redirect; other queries show the front page', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedTaxonomy(store)
  const id = await seedArticle(store, { title: 'Old post', slug: 'old-post' })
  await store.redirects.put({ fromPath: '/?p=12', status: 301, toArticleId: id, toUrl: null, kind: 'legacy', createdAt: NOW })
  const res = await app.inject('/?p=12')
  assert.equal(res.statusCode, 301)
  assert.equal(res.headers.location, '/news/old-post')
  assert.equal((await app.inject('/?p=13')).statusCode, 200)
  assert.equal((await app.inject('/?utm_source=x')).statusCode, 200)
})

test('a manual redirect to a URL answers with its own status and location', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await store.redirects.put({ fromPath: '/donate', status: 302, toArticleId: null, toUrl: 'https://give.example/broadsheet', kind: 'manual', createdAt: NOW })
  const res = await app.inject('/donate')
  assert.equal(res.statusCode, 302)
  assert.equal(res.headers.location, 'https://give.example/broadsheet')
})

test('methods other than GET and HEAD on pages answer 404, not 5xx', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedNewsroom(store)
  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH'] as const) {
    const res = await app.inject({ method, url: '/news/election-results', payload: { a: 1 } })
    assert.equal(res.statusCode, 404, method)
  }
  const badJson = await app.inject({ method: 'POST', url: '/news', headers: { 'content-type': 'application/json' }, payload: '{bad' })
  assert.ok(badJson.statusCode >= 400 && badJson.statusCode < 500, String(badJson.statusCode))
})

test('a path segment as long as a real slug is looked up; an absurdly long URL answers 4xx', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedTaxonomy(store)
  assert.equal((await app.inject(`/news/${'a'.repeat(120)}`)).statusCode, 404)
  assert.equal((await app.inject(`/news/${'a'.repeat(121)}`)).statusCode, 404)
  for (const url of [`/${'a'.repeat(5000)}`, `/news/${'a'.repeat(5000)}`, `/archive?from=${'1'.repeat(10_000)}`]) {
    const res = await app.inject(url)
    assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${url.slice(0, 20)}… answered ${res.statusCode}`)
  }
})

// Article and section pages over app.inject: content, structured data, translations, pagination (src/web/site/articles.ts).

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { alternates, buildSiteApp, jsonLd, linkHrefs, seedNewsroom, sectionWithClass } from '../../support/web.ts'
import { seedArticle, seedArticles, seedTaxonomy, setSiteLanguages, seedPage } from '../../support/seed.ts'
import { editArticle, NOW, republish } from '../../support/editing.ts'
import { sanitizeBody } from '../../../src/content/sanitize.ts'

test('an article page shows headline, standfirst, byline link, publication time, tags and body', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedNewsroom(store)
  const res = await app.inject('/opinion/energy-deal-matters')
  assert.equal(res.statusCode, 200)
  const b = res.body
  assert.match(b, /<h1 class="article-title">Why the energy deal matters<\/h1>/)
  assert.match(b, /<p class="standfirst">A columnist on the Caspian energy deal.<\/p>/)
  assert.match(b, /<span class="byline">By <a href="\/author\/aigerim-sadykova" rel="author">Aigerim Sadykova<\/a><\/span>/)
  assert.match(b, /<time datetime="2026-11-27T07:00:00.000Z">/)
  assert.match(b, /<a class="tag tag-topic" href="\/tag\/energy">Energy<\/a>/)
  assert.match(b, /<a class="tag tag-place" href="\/tag\/kazakhstan">Kazakhstan<\/a>/)
  assert.match(b, /<div class="article-body"><p>First paragraph.<\/p><blockquote class="pull-quote">A quote<\/blockquote><\/div>/)
  assert.match(b, /<title>Why the energy deal matters · Broadsheet<\/title>/)
  assert.match(b, /1 min read/)
})

test('an article page has a canonical URL on SITE_URL and NewsArticle-family JSON-LD', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedNewsroom(store)
  const opinion = (await app.inject('/opinion/energy-deal-matters')).body
  assert.deepEqual(linkHrefs(opinion, 'canonical'), ['https://news.example/opinion/energy-deal-matters'])
  const [article, breadcrumbs] = jsonLd(opinion)
  assert.equal(article?.['@type'], 'OpinionNewsArticle')
  assert.equal(article?.headline, 'Why the energy deal matters')
  assert.equal(article?.url, 'https://news.example/opinion/energy-deal-matters')
  assert.equal(article?.datePublished, '2026-11-27T07:00:00.000Z')
  assert.equal(article?.inLanguage, 'en')
  assert.deepEqual(article?.keywords, ['Energy', 'Kazakhstan'])
  assert.deepEqual(article?.author, [{ '@type': 'Person', name: 'Aigerim Sadykova', url: 'https://news.example/author/aigerim-sadykova' }])
  assert.equal(breadcrumbs?.['@type'], 'BreadcrumbList')
  const news = jsonLd((await app.inject('/news/election-results')).body)[0]
  assert.equal(news?.['@type'], 'NewsArticle')
})

test('the related block lists an article sharing tags and never the article itself', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedNewsroom(store)
  const related = sectionWithClass((await app.inject('/opinion/energy-deal-matters')).body, 'block-related') ?? ''
  assert.match(related, /Related articles/)
  assert.match(related, /href="\/news\/gas-pipeline-talks"/)
  assert.doesNotMatch(related, /href="\/opinion\/energy-deal-matters"/)
})

test('an article without tags never lists itself as related', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedTaxonomy(store)
  await seedArticles(store, { section: 'analysis', count: 3 })
  const res = await app.inject('/analysis/analysis-story-2')
  assert.equal(res.statusCode, 200)
  assert.doesNotMatch(sectionWithClass(res.body, 'block-related') ?? '', /analysis-story-2/)
})

test('the editor’s choice block on an article page leaves out the article itself', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedNewsroom(store)
  assert.match(sectionWithClass((await app.inject('/news/election-results')).body, 'block-picks') ?? '', /energy-deal-matters/)
  assert.equal(sectionWithClass((await app.inject('/opinion/energy-deal-matters')).body, 'block-picks'), null)
})

test('a Russian translation lives under /ru/ with hreflang links both ways', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedNewsroom(store)
  await setSiteLanguages(store, ['en', 'ru'])
  const ru = await app.inject('/ru/opinion/pochemu-sdelka-vazhna')
  assert.equal(ru.statusCode, 200)
  assert.match(ru.body, /<html lang="ru">/)
  assert.match(ru.body, /<h1 class="article-title">Почему энергетическая сделка важна<\/h1>/)
  assert.deepEqual(linkHrefs(ru.body, 'canonical'), ['https://news.example/ru/opinion/pochemu-sdelka-vazhna'])
  const expected = {
    en: 'https://news.example/opinion/energy-deal-matters', ru: 'https://news.example/ru/opinion/pochemu-sdelka-vazhna',
    'x-default': 'https://news.example/opinion/energy-deal-matters',
  }
  assert.deepEqual(alternates(ru.body), expected)
  assert.match(ru.body, /<a href="\/opinion\/energy-deal-matters" hreflang="en" lang="en">English<\/a>/)
  const en = await app.inject('/opinion/energy-deal-matters')
  assert.deepEqual(alternates(en.body), expected)
  assert.match(en.body, /<a href="\/ru\/opinion\/pochemu-sdelka-vazhna" hreflang="ru" lang="ru">Русский<\/a>/)
})

test('a Russian translation of a news story answers at /ru/news/<slug>; the English one is not at /en/news/<slug>', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedTaxonomy(store)
  const en = await seedArticle(store, { title: 'Parliament approves the budget', slug: 'budget-approved' })
  await seedArticle(store, { title: 'Парламент одобрил бюджет', language: 'ru', translationOf: en })
  const ru = await app.inject('/ru/news/parlament-odobril-byudzhet')
  assert.equal(ru.statusCode, 200)
  const both = {
    en: 'https://news.example/news/budget-approved', ru: 'https://news.example/ru/news/parlament-odobril-byudzhet', 'x-default': 'https://news.example/news/budget-approved',
  }
  assert.deepEqual(alternates(ru.body), both)
  assert.deepEqual(alternates((await app.inject('/news/budget-approved')).body), both)
  assert.equal((await app.inject('/en/news/budget-approved')).statusCode, 404)
  assert.equal((await app.inject('/news/parlament-odobril-byudzhet')).statusCode, 404)
})

test('an article without translations has no hreflang links', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedNewsroom(store)
  assert.deepEqual(alternates((await app.inject('/news/election-results')).body), {})
})

test('a site-language article is not reachable with a language prefix, nor a translation without one', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedNewsroom(store)
  assert.equal((await app.inject('/en/opinion/energy-deal-matters')).statusCode, 404)
  assert.equal((await app.inject('/opinion/pochemu-sdelka-vazhna')).statusCode, 404)
  assert.equal((await app.inject('/kk/opinion/pochemu-sdelka-vazhna')).statusCode, 404)
  assert.equal((await app.inject('/xx/opinion/energy-deal-matters')).statusCode, 404)
})

test('a section page lists 20 articles and links to the next page; page 2 has rel=prev', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedTaxonomy(store)
  await seedArticles(store, { section: 'news', count: 25 })
  const first = await app.inject('/news')
  assert.equal(first.statusCode, 200)
  assert.match(first.body, /<h1>News<\/h1>/)
  assert.equal(first.body.match(/<article class="card">/g)?.length, 20)
  assert.deepEqual(linkHrefs(first.body, 'next'), ['/news?page=2'])
  assert.deepEqual(linkHrefs(first.body, 'prev'), [])
  const second = await app.inject('/news?page=2')
  assert.equal(second.statusCode, 200)
  assert.equal(second.body.match(/<article class="card">/g)?.length, 5)
  assert.deepEqual(linkHrefs(second.body, 'prev'), ['/news'])
  assert.deepEqual(linkHrefs(second.body, 'next'), [])
  assert.match(second.body, /<a rel="prev" href="\/news">/)
  assert.deepEqual(linkHrefs(second.body, 'canonical'), ['https://news.example/news?page=2'])
  assert.match(second.body, /<title>News – page 2 · Broadsheet<\/title>/)
})

test('a section page past the end answers 404, and an empty section’s first page answers 200', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedTaxonomy(store)
  await seedArticles(store, { section: 'news', count: 3 })
  assert.equal((await app.inject('/news?page=2')).statusCode, 404)
  const empty = await app.inject('/analysis')
  assert.equal(empty.statusCode, 200)
  assert.match(empty.body, /No articles published here yet/)
})

test('a bad page number answers a 400 page that names `page`', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedTaxonomy(store)
  for (const page of ['0', '000', 'abc', '1.5', '-1', '', 'Infinity', '-Infinity', '1e400', '1e3', '0x10', ' 2']) {
    const res = await app.inject(`/news?page=${page}`)
    assert.equal(res.statusCode, 400, page)
    assert.match(res.headers['content-type'] as string, /^text\/html/)
    assert.match(res.body, /<p class="error-detail">page must be a whole number from 1 upwards<\/p>/, page)
  }
})

test('a page past the end answers 404 whatever its number, on sections, tags, authors and the archive', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedNewsroom(store)
  for (const path of ['/news', '/tag/energy', '/author/newsroom', '/archive']) {
    for (const page of ['2', '4999', '5000', '5001', '99999', '99999999999', '9'.repeat(400)]) {
      const res = await app.inject(`${path}?page=${page}`)
      assert.equal(res.statusCode, 404, `${path}?page=${page.slice(0, 20)}`)
    }
    assert.equal((await app.inject(`${path}?page=1`)).statusCode, 200, path)
  }
})

test('a static page answers at its slug when no section takes it', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedTaxonomy(store)
  await seedPage(store, { slug: 'about', title: 'About the institute', bodyHtml: sanitizeBody('<p>Founded in 2001.</p>'), updatedAt: 0 })
  const res = await app.inject('/about')
  assert.equal(res.statusCode, 200)
  assert.match(res.body, /<h1>About the institute<\/h1><div class="article-body"><p>Founded in 2001.<\/p><\/div>/)
  assert.equal((await app.inject('/contact')).statusCode, 404)
})

test('an updated article shows both times', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedTaxonomy(store)
  const id = await seedArticle(store, { title: 'Fresh', slug: 'fresh', publishedAt: Date.UTC(2026, 10, 27, 8) })
  await editArticle(store, id, { standfirst: 'Now with more.' })
  await republish(store, id, NOW)
  const body = (await app.inject('/news/fresh')).body
  assert.match(body, /Published <time datetime="2026-11-27T08:00:00.000Z">/)
  assert.match(body, /Updated <time datetime="2026-11-27T09:00:00.000Z">/)
})

test('articles tagged with a script or region (en-GB, kk-Cyrl) answer at the path their primary subtag gives', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedTaxonomy(store)
  await seedArticle(store, { title: 'British English', slug: 'british-english', language: 'en-GB' })
  await seedArticle(store, { title: 'Қазақша жаңалық', slug: 'kazakh-cyrillic', language: 'kk-Cyrl' })
  assert.equal((await app.inject('/news/british-english')).statusCode, 200)
  assert.equal((await app.inject('/kk/news/kazakh-cyrillic')).statusCode, 200)
  assert.equal((await app.inject('/kk/news/british-english')).statusCode, 404)
})

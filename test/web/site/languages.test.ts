// Site languages on the reader site, on both engines: each language's listings, feeds, sitemaps and blocks hold only
// its own articles, the switcher lands on the translated page, and /ru pages show no English interface text.

import assert from 'node:assert/strict'
import { onBothEngines } from '../../support/both-engines.ts'
import { seedNewsroom } from '../../support/web.ts'
import { seedArticle, setSiteLanguages } from '../../support/seed.ts'
import type { TestApp } from '../../support/build-test-app.ts'
import { HOUR_MS } from '../../../src/store/views.ts'
import { ENGLISH } from '../../../src/i18n/catalogues.ts'
import type { Store } from '../../../src/store/store.ts'

const NOW = Date.UTC(2026, 10, 27, 9)

/** The demo-like site: English and Russian, a translated news lead, a translated opinion piece, and a Russian-only story. */
async function bilingual(store: Store) {
  const newsroom = await seedNewsroom(store)
  const leadRu = await seedArticle(store, {
    title: 'Объявлены итоги выборов', slug: 'itogi-vyborov', language: 'ru', translationOf: newsroom.lead, tags: ['elections'],
    authors: ['newsroom'], publishedAt: NOW - 30_000,
  })
  const onlyRu = await seedArticle(store, {
    title: 'Только по-русски', slug: 'tolko-po-russki', language: 'ru', tags: ['energy'], editorsChoiceRank: 2, publishedAt: NOW - 90_000,
  })
  await setSiteLanguages(store, ['en', { tag: 'ru', sections: { news: 'Новости', opinion: 'Мнения', analysis: 'Аналитика' } }])
  return { ...newsroom, leadRu, onlyRu }
}

/** Paths of articles linked from a page's <main> (the switcher and menus are outside it). */
const articleLinks = (body: string): string[] => {
  const main = /<main[\s\S]*<\/main>/.exec(body)?.[0] ?? ''
  return [...new Set([...main.matchAll(/href="(\/(?:ru\/)?(?:news|opinion)\/[a-z0-9-]+)"/g)].map((m) => m[1]!))]
}

const get = async (a: TestApp, path: string) => {
  const res = await a.app.inject(path)
  assert.equal(res.statusCode, 200, path)
  return res.body
}

onBothEngines('each language’s front, section, tag, author and archive pages list only that language’s articles', async (a) => {
  await bilingual(a.store)
  for (const path of ['/', '/news', '/opinion', '/tag/energy', '/tag/elections', '/author/aigerim-sadykova', '/author/newsroom', '/archive', '/popular']) {
    const en = articleLinks(await get(a, path))
    const ru = articleLinks(await get(a, path === '/' ? '/ru' : `/ru${path}`))
    assert.ok(en.every((p) => !p.startsWith('/ru/')), `${path} shows only English articles: ${en}`)
    assert.ok(ru.every((p) => p.startsWith('/ru/')), `/ru${path} shows only Russian articles: ${ru}`)
  }
  assert.deepEqual(articleLinks(await get(a, '/ru/news')), ['/ru/news/itogi-vyborov', '/ru/news/tolko-po-russki'])
  assert.ok(articleLinks(await get(a, '/news')).includes('/news/election-results'))
  // Each translated story once per listing: the Russian version is not beside the English one.
  assert.ok(!articleLinks(await get(a, '/tag/energy')).includes('/ru/opinion/pochemu-sdelka-vazhna'))
  assert.deepEqual(articleLinks(await get(a, '/ru/tag/energy')), ['/ru/news/tolko-po-russki', '/ru/opinion/pochemu-sdelka-vazhna'])
  // The lead of /ru is the newest Russian article, and /ru is in Russian.
  const front = await get(a, '/ru')
  assert.match(front, /<html lang="ru">/)
  assert.match(front, /<article class="lead-story">[\s\S]*?href="\/ru\/news\/itogi-vyborov"/)
})

onBothEngines('Editor’s choice and Most read are per language', async (a) => {
  const s = await bilingual(a.store)
  const hour = NOW - (NOW % HOUR_MS)
  await a.store.views.add(hour, new Map([[s.lead, 9], [s.leadRu, 5], [s.onlyRu, 3], [s.opinion, 2]]))
  const block = (body: string, cls: string) => articleLinks(`<main>${new RegExp(`<section class="block ${cls}"[\\s\\S]*?</section>`).exec(body)?.[0] ?? ''}</main>`)
  const ru = await get(a, '/ru')
  assert.deepEqual(block(ru, 'block-picks'), ['/ru/news/tolko-po-russki'])
  assert.deepEqual(block(ru, 'block-popular'), ['/ru/news/itogi-vyborov', '/ru/news/tolko-po-russki'])
  const en = await get(a, '/')
  assert.deepEqual(block(en, 'block-picks'), ['/opinion/energy-deal-matters'])
  assert.deepEqual(block(en, 'block-popular'), ['/news/election-results', '/opinion/energy-deal-matters'])
  assert.deepEqual(articleLinks(await get(a, '/ru/popular')), ['/ru/news/itogi-vyborov', '/ru/news/tolko-po-russki'])
})

onBothEngines('feeds of each language hold only its articles and say their language', async (a) => {
  await bilingual(a.store)
  const rssLinks = (xml: string) => [...xml.matchAll(/<link>https:\/\/news\.example([^<]*)<\/link>/g)].map((m) => m[1]!).filter((p) => /^\/(ru\/)?[a-z-]+\/[a-z0-9-]+$/.test(p))
  const en = await get(a, '/rss.xml')
  assert.match(en, /<language>en<\/language>/)
  assert.ok(rssLinks(en).length > 0 && rssLinks(en).every((p) => !p.startsWith('/ru/')), 'the site feed is English')
  const ru = await get(a, '/ru/rss.xml')
  assert.match(ru, /<language>ru<\/language>/)
  assert.deepEqual(rssLinks(ru).sort(), ['/ru/news/itogi-vyborov', '/ru/news/tolko-po-russki', '/ru/opinion/pochemu-sdelka-vazhna'])
  assert.match(await get(a, '/ru/atom.xml'), /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom" xml:lang="ru">/)
  assert.match(await get(a, '/atom.xml'), /xml:lang="en"/)
  for (const path of ['/ru/feed.json', '/ru/news/feed.json', '/ru/tag/energy/feed.json', '/ru/author/newsroom/feed.json']) {
    const feed = JSON.parse(await get(a, path))
    assert.equal(feed.language, 'ru', path)
    assert.ok(feed.items.length > 0 && feed.items.every((i: { language: string; url: string }) => i.language === 'ru' && i.url.startsWith('https://news.example/ru/')), path)
  }
  const tagFeed = JSON.parse(await get(a, '/tag/energy/feed.json'))
  assert.ok(tagFeed.items.every((i: { language: string }) => i.language === 'en'))
  assert.equal((await a.app.inject('/de/rss.xml')).statusCode, 404, 'a language the site is not published in has no feeds')
})

onBothEngines('sitemaps list each language’s pages with hreflang alternates and x-default', async (a) => {
  await bilingual(a.store)
  const pages = await get(a, '/sitemaps/pages.xml')
  assert.match(pages, /xmlns:xhtml="http:\/\/www.w3.org\/1999\/xhtml"/)
  assert.match(pages, /<url><loc>https:\/\/news.example\/ru\/news<\/loc><lastmod>[^<]+<\/lastmod><xhtml:link rel="alternate" hreflang="en" href="https:\/\/news.example\/news"\/><xhtml:link rel="alternate" hreflang="ru" href="https:\/\/news.example\/ru\/news"\/><xhtml:link rel="alternate" hreflang="x-default" href="https:\/\/news.example\/news"\/><\/url>/)
  assert.match(pages, /<loc>https:\/\/news.example\/ru<\/loc>/)
  // No Russian article carries this tag: no Russian page of it is listed.
  assert.match(pages, /<loc>https:\/\/news.example\/tag\/kazakhstan<\/loc>/)
  assert.doesNotMatch(pages, /\/ru\/tag\/kazakhstan/)
  const articles = await get(a, '/sitemaps/articles-1.xml')
  assert.match(articles, /<loc>https:\/\/news.example\/news\/election-results<\/loc><lastmod>[^<]+<\/lastmod><xhtml:link rel="alternate" hreflang="en" href="https:\/\/news.example\/news\/election-results"\/><xhtml:link rel="alternate" hreflang="ru" href="https:\/\/news.example\/ru\/news\/itogi-vyborov"\/><xhtml:link rel="alternate" hreflang="x-default" href="https:\/\/news.example\/news\/election-results"\/><\/url>/)
  assert.match(articles, /<loc>https:\/\/news.example\/ru\/news\/tolko-po-russki<\/loc><lastmod>[^<]+<\/lastmod><\/url>/, 'an article with one version has no alternates')
})

onBothEngines('the language switcher leads to the same page in the other language, else to its front page', async (a) => {
  await bilingual(a.store)
  const switcher = (body: string) => Object.fromEntries([...(/<nav class="language-switcher"[\s\S]*?<\/nav>/.exec(body)?.[0] ?? '')
    .matchAll(/<a href="([^"]+)"[^>]*lang="([^"]+)"/g)].map((m) => [m[2]!, m[1]!]))
  const cases: [string, string, string][] = [
    ['/news/election-results', 'ru', '/ru/news/itogi-vyborov'], ['/ru/news/itogi-vyborov', 'en', '/news/election-results'],
    ['/news/gas-pipeline-talks', 'ru', '/ru'], ['/ru/news/tolko-po-russki', 'en', '/'],
    ['/tag/energy', 'ru', '/ru/tag/energy'], ['/ru/news', 'en', '/news'], ['/archive', 'ru', '/ru/archive'], ['/', 'ru', '/ru'],
  ]
  for (const [from, language, to] of cases) {
    assert.equal(switcher(await get(a, from))[language], to, `${from} → ${language}`)
    assert.match(await get(a, to), new RegExp(`<html lang="${language}">`), to)
  }
  // Accept-Language never redirects.
  const res = await a.app.inject({ url: '/', headers: { 'accept-language': 'ru' } })
  assert.equal(res.statusCode, 200)
  assert.match(res.body, /<html lang="en">/)
})

onBothEngines('/ru pages show no English interface text from the catalogue', async (a) => {
  await bilingual(a.store)
  const english = new Set<string>()
  const collect = (v: unknown) => {
    if (typeof v === 'string') english.add(v)
    else if (v && typeof v === 'object') Object.values(v).forEach(collect)
  }
  const { locale: _l, ogLocale: _o, listComma: _c, feedTitle: _f, ...messages } = ENGLISH
  collect(messages)
  // What a reader sees: text between tags, and the labels of controls (aria-label, placeholder).
  const shown = (body: string) => [
    ...body.replace(/<script[\s\S]*?<\/script>/g, '').split(/<[^>]*>/).map((s) => s.trim()).filter(Boolean),
    ...[...body.matchAll(/(?:aria-label|placeholder)="([^"]+)"/g)].map((m) => m[1]!),
  ]
  const pages = ['/ru', '/ru/news', '/ru/news/itogi-vyborov', '/ru/tag/energy', '/ru/author/newsroom', '/ru/archive', '/ru/search?q=%D0%B2%D1%8B%D0%B1%D0%BE%D1%80%D1%8B', '/ru/popular', '/ru/news?page=9']
  for (const path of pages) {
    const res = await a.app.inject(path)
    for (const text of shown(res.body)) {
      for (const message of english) {
        const literal = message.split(/\{\w+\}/).map((p) => p.trim()).filter((p) => p.length >= 3)
        assert.ok(!literal.some((p) => text === p || (message.startsWith(p) && text.startsWith(p) && message !== p && p.length > 3)), `${path} shows English "${text}" (${message})`)
      }
    }
    assert.doesNotMatch(res.body, /\d+ min read/, path)
  }
  assert.match(await get(a, '/ru/news/itogi-vyborov'), /1 минута чтения/)
})

onBothEngines('a language the site is not published in has no listings, and old article paths keep answering', async (a) => {
  const s = await seedNewsroom(a.store)
  // Russian is not a site language here: its listings are 404, its articles still answer at their paths.
  assert.equal((await a.app.inject('/ru/news')).statusCode, 404)
  assert.equal((await a.app.inject('/ru')).statusCode, 404)
  assert.equal((await a.app.inject('/ru/opinion/pochemu-sdelka-vazhna')).statusCode, 200)
  assert.equal((await a.app.inject('/en/news')).statusCode, 404, 'the default language has no prefix')
  assert.equal((await a.app.inject('/_lang/ru/news')).statusCode, 404, 'the internal route prefix is not a path of the site')
  assert.ok(s.translation > 0)
})

onBothEngines('each language’s search page finds only that language’s articles', async (a) => {
  await bilingual(a.store)
  const q = encodeURIComponent('выборов')
  assert.deepEqual(articleLinks(await get(a, `/ru/search?q=${q}`)), ['/ru/news/itogi-vyborov'])
  // Finding nothing, the English page offers its latest articles: English ones only.
  const english = articleLinks(await get(a, `/search?q=${q}`))
  assert.deepEqual(english.filter((l) => l.startsWith('/ru/')), [], 'the English search page does not list the Russian version')
})

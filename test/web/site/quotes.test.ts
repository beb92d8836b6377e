// Reader pages of quotes on both engines: a speaker's page lists every live quote newest first, linking its article
// and source, with ProfilePage and Quotation data; a quote's page has its share image; drafts' quotes are nowhere.

import assert from 'node:assert/strict'
import sharp from 'sharp'
import { onBothEngines } from '../../support/both-engines.ts'
import { forEachEngine } from '../../support/databases.ts'
import { buildSiteApp } from '../../support/web.ts'
import { seedArticle, seedTaxonomy } from '../../support/seed.ts'
import { publish, unpublish } from '../../../src/editorial/publishing.ts'
import { OPERATOR } from '../../../src/editorial/permission.ts'

const jsonLd = (body: string): Record<string, unknown>[] =>
  [...body.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>)

onBothEngines('a speaker page shows their live quotes newest first with article, source and structured data; drafts and unpublished articles show nothing', async (a) => {
  await seedTaxonomy(a.store)
  const desk = a.services.speakerDesk
  const min = await desk.createSpeaker(OPERATOR, { name: 'Roman Vassilenko', kind: 'person', description: 'Deputy Foreign Minister.', country: 'kazakhstan', links: 'https://gov.kz/mfa' })
  const body = '<p>He said <q data-quote="a1">the vote was free</q>, then <q data-quote="a2">we welcome observers</q>.</p>'
  const t0 = Date.UTC(2026, 10, 20, 9)
  const id = await seedArticle(a.store, { title: 'Election day', slug: 'election-day', bodyHtml: body, draft: true })
  await a.services.quoteDesk.saveQuotes(OPERATOR, id, [
    { anchor: 'a1', speaker: min, text: 'the vote was free', role: 'Deputy Foreign Minister', organisation: 'MFA of Kazakhstan', said: '2026-11-19', source: 'https://gov.kz/statement' },
    { anchor: 'a2', speaker: min, text: 'we welcome observers', said: '2026-11-18', place: 'kazakhstan', event: 'Briefing' },
  ])
  assert.equal((await a.app.inject('/people/roman-vassilenko')).statusCode, 404, 'a speaker only drafts quote has no page')
  const draftQuote = (await a.store.quotes.forArticle(id))[0]!.id
  assert.equal((await a.app.inject(`/quotes/${draftQuote}`)).statusCode, 404, 'nor has a draft’s quote')

  await a.store.transaction((tx) => publish(tx, id, { now: t0, siteLanguage: 'en', publishedAt: t0 }))
  const page = await a.app.inject('/people/roman-vassilenko')
  assert.equal(page.statusCode, 200)
  const texts = [...page.body.matchAll(/<blockquote[^>]*><p>([^<]*)<\/p>/g)].map((m) => m[1])
  assert.deepEqual(texts, ['the vote was free', 'we welcome observers'], 'newest said first')
  assert.match(page.body, /<a href="\/news\/election-day">Election day<\/a>/)
  assert.match(page.body, /<a href="https:\/\/gov.kz\/statement" rel="noopener noreferrer">Source<\/a>/)
  assert.match(page.body, /Deputy Foreign Minister\.<\/p>/)
  assert.match(page.body, /href="\/tag\/kazakhstan">Kazakhstan<\/a>/)
  const ld = jsonLd(page.body)
  const profile = ld.find((x) => x['@type'] === 'ProfilePage') as { mainEntity: Record<string, unknown> }
  assert.deepEqual([profile.mainEntity['@type'], profile.mainEntity.name, profile.mainEntity.sameAs], ['Person', 'Roman Vassilenko', ['https://gov.kz/mfa']])
  const quotation = ld.find((x) => x['@type'] === 'Quotation') as Record<string, any>
  assert.equal(quotation.text, 'the vote was free')
  assert.equal(quotation.dateCreated, '2026-11-19')
  assert.equal(quotation.isBasedOn, 'https://gov.kz/statement')
  assert.deepEqual([quotation.creator['@type'], quotation.creator.jobTitle, quotation.creator.affiliation.name], ['Person', 'Deputy Foreign Minister', 'MFA of Kazakhstan'])
  assert.match(quotation.isPartOf.url, /\/news\/election-day$/)

  const quoteId = (await a.store.quotes.forArticle(id))[0]!.id
  const one = await a.app.inject(`/quotes/${quoteId}`)
  assert.equal(one.statusCode, 200)
  assert.match(one.body, new RegExp(`<meta property="og:image" content="[^"]*/quotes/${quoteId}/share.png">`))
  assert.match(one.body, /href="\/people\/roman-vassilenko">Everything Roman Vassilenko said/)
  const png = await a.app.inject(`/quotes/${quoteId}/share.png`)
  assert.equal(png.headers['content-type'], 'image/png')
  const meta = await sharp(png.rawPayload).metadata()
  assert.deepEqual([meta.format, meta.width, meta.height], ['png', 1200, 630])
  assert.equal((await a.app.inject('/quotes/99999')).statusCode, 404)
  assert.equal((await a.app.inject('/quotes/abc')).statusCode, 400)
  assert.equal((await a.app.inject('/people/roman-vassilenko?after=x')).statusCode, 400)

  // The article names who said what under its body, in body order, and describes each as a Quotation.
  const article = await a.app.inject('/news/election-day')
  assert.match(article.body, /<q data-quote="a1">the vote was free<\/q>/, 'the body reads as written')
  const underBody = /<footer class="article-quotes">([\s\S]*?)<\/footer>/.exec(article.body)?.[1] ?? ''
  assert.deepEqual([...underBody.matchAll(/<blockquote[^>]*><p>([^<]*)<\/p>/g)].map((m) => m[1]), ['the vote was free', 'we welcome observers'])
  assert.match(underBody, /href="\/people\/roman-vassilenko">Roman Vassilenko<\/a>, Deputy Foreign Minister, MFA of Kazakhstan/)
  assert.deepEqual(jsonLd(article.body).filter((x) => x['@type'] === 'Quotation').map((x) => x.text), ['the vote was free', 'we welcome observers'])

  // Search finds quotes by their words or their speaker's name, and shows one speaker's on request.
  const found = await a.app.inject('/search?q=observers')
  assert.match(found.body, /id="search-quotes-heading"[^>]*>Quotes<\/h2>/)
  assert.deepEqual([...found.body.matchAll(/<blockquote[^>]*><p>([^<]*)<\/p>/g)].map((m) => m[1]), ['we welcome observers'])
  const theirs = await a.app.inject('/search?speaker=roman-vassilenko')
  assert.equal([...theirs.body.matchAll(/class="quote-card/g)].length, 2)
  assert.match(theirs.body, /Everything Roman Vassilenko said/)
  assert.equal((await a.app.inject('/search?q=vassilenko')).body.match(/class="quote-card/g)?.length, 2, 'by the speaker’s name')
  assert.equal((await a.app.inject('/search?q=nothing-like-it')).body.includes('search-quotes'), false)
  assert.equal((await a.app.inject('/search?speaker=nobody')).statusCode, 404)
  assert.equal((await a.app.inject('/search?speaker=Bad%20Slug')).statusCode, 400)

  // The speaker's feeds list the articles that quote them, each summed up by what they said there.
  assert.match(page.body, /<link rel="alternate" type="application\/rss\+xml"[^>]*href="[^"]*\/people\/roman-vassilenko\/rss.xml"/)
  const rss = await a.app.inject('/people/roman-vassilenko/rss.xml')
  assert.equal(rss.statusCode, 200)
  assert.match(rss.body, /<title><!\[CDATA\[Election day\]\]><\/title>/)
  assert.match(rss.body, /the vote was free/)
  const feed = (await a.app.inject('/people/roman-vassilenko/feed.json')).json() as { items: { title: string; summary: string }[] }
  assert.deepEqual(feed.items.map((i) => [i.title, i.summary]), [['Election day', '“the vote was free” … “we welcome observers”']])
  assert.equal((await a.app.inject('/people/roman-vassilenko/atom.xml')).statusCode, 200)
  assert.equal((await a.app.inject('/people/nobody/atom.xml')).statusCode, 404)

  // Unpublished, the article takes its quotes along: the cached pages go too.
  await a.store.transaction((tx) => unpublish(tx, id, { now: t0 + 1000, siteLanguage: 'en' }))
  assert.equal((await a.app.inject('/people/roman-vassilenko')).statusCode, 404)
  assert.equal((await a.app.inject(`/quotes/${quoteId}`)).statusCode, 404)
  assert.equal((await a.app.inject(`/quotes/${quoteId}/share.png`)).statusCode, 404)
  assert.equal((await a.app.inject('/people/roman-vassilenko/feed.json')).statusCode, 404)
  assert.equal((await a.app.inject('/search?q=observers')).body.includes('we welcome observers'), false, 'search no longer finds them')
})

forEachEngine('quote dates are days of the site\'s time zone east of UTC: one without its own day falls on the publication\'s local day', async (t, engine) => {
  const a = await buildSiteApp(t, { engine, env: { SITE_TIMEZONE: 'Asia/Almaty' } })
  await seedTaxonomy(a.store)
  const who = await a.services.speakerDesk.createSpeaker(OPERATOR, { name: 'Aigerim Sadykova', kind: 'person' })
  const id = await seedArticle(a.store, { title: 'Late night', slug: 'late-night', bodyHtml: '<p><q data-quote="a1">tonight</q> and <q data-quote="a2">yesterday</q></p>', draft: true })
  await a.services.quoteDesk.saveQuotes(OPERATOR, id, [
    { anchor: 'a1', speaker: who, text: 'tonight' },
    { anchor: 'a2', speaker: who, text: 'yesterday', said: '2026-11-30' },
  ])
  // 21:30 UTC on 30 November is 02:30 on 1 December in Almaty (UTC+5).
  const at = Date.UTC(2026, 10, 30, 21, 30)
  await a.store.transaction((tx) => publish(tx, id, { now: at, siteLanguage: 'en', publishedAt: at }))
  const page = await a.app.inject('/people/aigerim-sadykova')
  assert.equal(page.statusCode, 200)
  const days = [...page.body.matchAll(/<blockquote[^>]*><p>([^<]*)<\/p>[\s\S]*?<time datetime="([^"]*)">([^<]*)<\/time>/g)].map((m) => [m[1], m[2], m[3]])
  assert.deepEqual(days, [['tonight', '2026-12-01', '1 December 2026'], ['yesterday', '2026-11-30', '30 November 2026']])
  assert.deepEqual(jsonLd(page.body).filter((x) => x['@type'] === 'Quotation').map((x) => x.dateCreated), ['2026-12-01', '2026-11-30'])
  const listed = (await a.app.inject('/api/v1/quotes?speaker=aigerim-sadykova')).json<{ items: { text: string; said_on: string }[] }>()
  assert.deepEqual(listed.items.map((q) => [q.text, q.said_on]), [['tonight', '2026-12-01'], ['yesterday', '2026-11-30']])
  // The API's days are the same days: each quote is found on the day it shows, not on its UTC day.
  const on = async (day: string) => (await a.app.inject(`/api/v1/quotes?speaker=aigerim-sadykova&from=${day}&to=${day}`)).json<{ items: { text: string }[] }>().items.map((q) => q.text)
  assert.deepEqual(await on('2026-12-01'), ['tonight'])
  assert.deepEqual(await on('2026-11-30'), ['yesterday'])
  assert.deepEqual(await on('2026-11-29'), [])
})

onBothEngines('a speaker still quoted by a live copy cannot be deleted, even once the working copy dropped the quote', async (a) => {
  await seedTaxonomy(a.store)
  const desk = a.services.speakerDesk
  const speaker = await desk.createSpeaker(OPERATOR, { name: 'Press Office', kind: 'organisation' })
  const id = await seedArticle(a.store, { title: 'Statement', slug: 'statement', bodyHtml: '<p>It said <q data-quote="s1">no comment</q>.</p>', draft: true })
  await a.services.quoteDesk.saveQuotes(OPERATOR, id, [{ anchor: 's1', speaker, text: 'no comment' }])
  await a.store.transaction((tx) => publish(tx, id, { now: Date.UTC(2026, 10, 20), siteLanguage: 'en' }))
  await a.services.quoteDesk.saveQuotes(OPERATOR, id, [])
  await assert.rejects(desk.deleteSpeaker(OPERATOR, speaker), (err: Error) => /quoted 1 time/.test(err.message))
  assert.equal((await a.app.inject('/people/press-office')).statusCode, 200, 'readers still see the live quote')
  assert.equal((await desk.speakerPage(OPERATOR, { page: 1, perPage: 10 })).items.find((s) => s.id === speaker)?.quotes, 1)
})

// /search and /api/v1/search: results with snippets, filters, bad input as 400s, and escaping of everything shown.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { buildTestApp, type TestApp } from '../support/build-test-app.ts'
import { DAY, seedArticle, seedTaxonomy } from '../support/seed.ts'

const NOW = Date.UTC(2026, 10, 27, 9)

async function newsroom(t: Parameters<typeof buildTestApp>[0]): Promise<TestApp & { ids: Record<string, number> }> {
  const app = await buildTestApp(t)
  await seedTaxonomy(app.store)
  const ids = {
    zurich: await seedArticle(app.store, { title: 'Talks in Zürich end without a deal', standfirst: 'Delegates left early.', bodyHtml: '<p>The talks on the gas pipeline in Zürich ended on Friday.</p>', section: 'news', tags: ['energy'], publishedAt: NOW - 3 * DAY }),
    opinion: await seedArticle(app.store, { title: 'Why the pipeline matters', section: 'opinion', bodyHtml: '<p>Energy security is about more than gas.</p>', publishedAt: NOW - DAY }),
    xss: await seedArticle(app.store, { title: 'Markup <b>in</b> a "title" & more', bodyHtml: '<p>The pipeline &lt;script&gt;alert(1)&lt;/script&gt; story.</p>', section: 'analysis', publishedAt: NOW - 10 * DAY }),
  }
  return { ...app, ids }
}

test('an empty query shows the search form with no results', async (t) => {
  const { app } = await newsroom(t)
  for (const url of ['/search', '/search?q=', '/search?q=%20%20']) {
    const res = await app.inject(url)
    assert.equal(res.statusCode, 200, url)
    assert.match(res.body, /<form class="search-page-form/)
    assert.doesNotMatch(res.body, /class="search-results"/)
    assert.match(res.body, /<meta name="robots" content="noindex">/)
  }
})

test('the search page lists matches with the query kept and the matched words marked', async (t) => {
  const { app } = await newsroom(t)
  const res = await app.inject('/search?q=zurich')
  assert.equal(res.statusCode, 200)
  assert.match(res.body, /value="zurich"/)
  assert.match(res.body, /Talks in Zürich end without a deal/)
  assert.match(res.body, /<mark>Zürich<\/mark>/)
  assert.match(res.body, /Results 1–1 for “zurich”\./)
  assert.match(res.body, /<meta name="robots" content="noindex">/)
  assert.doesNotMatch(res.body, /Why the pipeline matters/)
})

test('the title ranks first, and nothing matching shows a sentence saying so', async (t) => {
  const { app } = await newsroom(t)
  const res = await app.inject('/search?q=pipeline')
  const order = ['Why the pipeline matters', 'Talks in Zürich'].map((s) => res.body.indexOf(s))
  assert.ok(order[0]! > 0 && order[0]! < order[1]!, 'title match first')
  const none = await app.inject('/search?q=volcano')
  assert.equal(none.statusCode, 200)
  assert.match(none.body, /Nothing found for “volcano”/)
})

test('a query and article text that hold markup are escaped, with <mark> still present', async (t) => {
  const { app } = await newsroom(t)
  const q = encodeURIComponent('pipeline "><script>alert(1)</script>')
  const res = await app.inject(`/search?q=${q}`)
  assert.equal(res.statusCode, 200)
  assert.doesNotMatch(res.body, /<script>alert/)
  assert.match(res.body, /value="pipeline &quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;"/)
  const all = await app.inject('/search?q=pipeline')
  assert.match(all.body, /Markup &lt;b&gt;in&lt;\/b&gt; a &quot;title&quot; &amp; more/)
  assert.match(all.body, /The <mark>pipeline<\/mark> &lt;script&gt;alert\(1\)&lt;\/script&gt; story\./)
  assert.doesNotMatch(all.body, /<b>in<\/b>/)
  const json = (await app.inject(`/api/v1/search?q=${q}`)).json()
  const xss = json.items.find((i: { title: string }) => i.title.startsWith('Markup'))
  // The query's own words (script, alert, 1) are marked too, inside the escaped text.
  assert.equal(xss.snippet, 'The <mark>pipeline</mark> &lt;<mark>script</mark>&gt;<mark>alert</mark>(<mark>1</mark>)&lt;/<mark>script</mark>&gt; story.')
})

test('the JSON API answers items with title, path, section, time and snippet', async (t) => {
  const { app } = await newsroom(t)
  const res = await app.inject('/api/v1/search?q=Z%C3%BCrich')
  assert.equal(res.statusCode, 200)
  assert.match(res.headers['content-type'] as string, /application\/json/)
  assert.deepEqual(res.json(), {
    items: [{
      title: 'Talks in Zürich end without a deal', path: '/news/talks-in-zurich-end-without-a-deal', section: 'news',
      published_at: new Date(NOW - 3 * DAY).toISOString(), snippet: 'The talks on the gas pipeline in <mark>Zürich</mark> ended on Friday.',
    }],
    page: 1, has_next: false, trimmed: false, did_you_mean: null,
  })
  assert.deepEqual((await app.inject('/api/v1/search')).json(), { items: [], page: 1, has_next: false, trimmed: false, did_you_mean: null })
})

test('filters by section, tag and dates work on the page and in the API', async (t) => {
  const { app, ids } = await newsroom(t)
  const titles = async (query: string) => (await app.inject(`/api/v1/search?q=pipeline&${query}`)).json().items.map((i: { title: string }) => i.title)
  assert.deepEqual(await titles('section=opinion'), ['Why the pipeline matters'])
  assert.equal((await titles('section=opinion&section=news')).length, 2)
  assert.deepEqual(await titles('tag=energy'), ['Talks in Zürich end without a deal'])
  assert.deepEqual(await titles('from=2026-11-25'), ['Why the pipeline matters'])
  assert.deepEqual(await titles('to=2026-11-24&from=2026-11-24'), ['Talks in Zürich end without a deal'])
  assert.equal((await titles('from=&to=&tag=')).length, 3)
  const page = await app.inject('/search?q=pipeline&section=opinion&tag=energy')
  assert.equal(page.statusCode, 200)
  assert.match(page.body, /value="opinion" checked/)
  assert.match(page.body, /<input type="hidden" name="tag" value="energy">/)
  assert.ok(ids.zurich)
})

test('results come 20 a page with a link to the next', async (t) => {
  const { app, store } = await newsroom(t)
  for (let i = 0; i < 22; i++) await seedArticle(store, { title: `Harvest report ${i}`, publishedAt: NOW - i * 3_600_000 })
  const first = await app.inject('/search?q=harvest')
  assert.equal((first.body.match(/class="search-result"/g) ?? []).length, 20)
  assert.match(first.body, /rel="next" href="\/search\?q=harvest&amp;page=2"/)
  const api = (await app.inject('/api/v1/search?q=harvest&page=2')).json()
  assert.equal(api.items.length, 2)
  assert.equal(api.has_next, false)
  assert.equal((await app.inject('/api/v1/search?q=harvest')).json().has_next, true)
})

test('the API filters by language, and a malformed language is a 400 naming it', async (t) => {
  const { app, store } = await newsroom(t)
  await seedArticle(store, { title: 'Трубопровод: pipeline через Каспий', language: 'ru' }, NOW)
  const titles = async (query: string) => (await app.inject(`/api/v1/search?q=pipeline&${query}`)).json().items.map((i: { title: string }) => i.title)
  assert.deepEqual(await titles('language=ru'), ['Трубопровод: pipeline через Каспий'])
  assert.equal((await titles('language=en')).length, 3)
  assert.equal((await titles('')).length, 4)
  for (const bad of ['english', 'RU', '%3Cscript%3E']) {
    const res = await app.inject(`/api/v1/search?q=pipeline&language=${bad}`)
    assert.equal(res.statusCode, 400, bad)
    assert.equal(res.json().error.field, 'language')
  }
})

test('bad parameters answer 400 naming the field, as a page and as JSON', async (t) => {
  const { app } = await newsroom(t)
  const cases: [string, string][] = [
    ['page=0', 'page'], ['page=abc', 'page'], ['page=51', 'page'], [`q=${'x'.repeat(8193)}`, 'q'], ['section=nope', 'section'], ['author=nobody', 'author'],
    ['section=Not%20A%20Slug', 'section'], ['tag=nope', 'tag'], ['tag=%3Cscript%3E', 'tag'], ['from=2022-13-45', 'from'],
    ['to=yesterday', 'to'], ['from=2026-02-01&to=2026-01-01', 'from'],
  ]
  for (const [query, field] of cases) {
    const html = await app.inject(`/search?q=gas&${query}`)
    assert.equal(html.statusCode, 400, query)
    assert.match(html.headers['content-type'] as string, /text\/html/)
    const json = await app.inject(`/api/v1/search?q=gas&${query}`)
    assert.equal(json.statusCode, 400, query)
    const body = json.json()
    assert.equal(body.error.code, 400)
    assert.equal(body.error.field, field, query)
    assert.equal(typeof body.error.message, 'string')
  }
})

test('odd queries get a normal page and a normal JSON answer, never a 500', async (t) => {
  const { app } = await newsroom(t)
  for (const q of ['"', '*', 'OR', 'NEAR(', 'a OR b', "'; drop table articles; --", '-pipeline', '"""', '\\', 'x'.repeat(200), '%00', 'pipeline -gas "', 'title:pipeline']) {
    const html = await app.inject(`/search?q=${encodeURIComponent(q)}`)
    assert.equal(html.statusCode, 200, q)
    const json = await app.inject(`/api/v1/search?q=${encodeURIComponent(q)}`)
    assert.equal(json.statusCode, 200, q)
    assert.ok(Array.isArray(json.json().items))
  }
  const twice = await app.inject('/search?q=a&q=b')
  assert.equal(twice.statusCode, 400)
})

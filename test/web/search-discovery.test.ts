// The search page and API as readers meet them, on both engines: word forms, corrections, suggestions, long queries.

import assert from 'node:assert/strict'
import { onBothEngines } from '../support/both-engines.ts'
import { DAY, seedArticle, seedTaxonomy, setSiteLanguages } from '../support/seed.ts'

const NOW = Date.UTC(2026, 10, 27, 9)

async function newsroom(store: Parameters<typeof seedTaxonomy>[0]) {
  await seedTaxonomy(store)
  const ids: number[] = []
  for (let i = 0; i < 3; i++) {
    ids.push(await seedArticle(store, {
      title: `Kazakhstan election day ${i + 1}`, bodyHtml: '<p>Foreign agents watched the election in Kazakhstan.</p>',
      tags: ['kazakhstan', 'elections'], publishedAt: NOW - (i + 1) * DAY,
    }))
  }
  ids.push(await seedArticle(store, { title: 'Energy prices climb', bodyHtml: '<p>Gas costs more.</p>', tags: ['energy'], section: 'analysis', authors: ['newsroom'], publishedAt: NOW - 5 * DAY }))
  return ids
}

onBothEngines('a word finds its other forms, marked in the snippet, with filters counted by section, tag and author', async ({ app, store }) => {
  await newsroom(store)
  const res = await app.inject('/search?q=agent')
  assert.equal(res.statusCode, 200)
  assert.equal((res.body.match(/class="search-result"/g) ?? []).length, 3)
  assert.match(res.body, /Foreign <mark>agents<\/mark> watched/)
  assert.match(res.body, /<a href="\/search\?q=agent&amp;tag=kazakhstan"><span>Kazakhstan<\/span> <span class="facet-count">3<\/span>/)
  assert.match(res.body, /<a href="\/search\?q=agent&amp;author=aigerim-sadykova"><span>Aigerim Sadykova<\/span> <span class="facet-count">3<\/span>/)
  const byAuthor = (await app.inject('/api/v1/search?q=gas&author=newsroom')).json()
  assert.deepEqual(byAuthor.items.map((i: { title: string }) => i.title), ['Energy prices climb'])
  assert.equal((await app.inject('/api/v1/search?q=agent&author=newsroom')).json().items.length, 0)
})

onBothEngines('a typo finds nothing but offers the corrected query, and the newest articles', async ({ app, store }) => {
  await newsroom(store)
  const res = await app.inject('/search?q=Kazakstan')
  assert.equal(res.statusCode, 200)
  assert.match(res.body, /Did you mean <a href="\/search\?q=kazakhstan"><strong>kazakhstan<\/strong><\/a>\?/)
  assert.match(res.body, /class="search-latest"/)
  assert.match(res.body, /Kazakhstan election day 1/)
  assert.equal((await app.inject('/api/v1/search?q=elecshun')).json().did_you_mean, 'election')
  assert.equal((await app.inject('/api/v1/search?q=election')).json().did_you_mean, null)
})

onBothEngines('a query over 200 characters is cut with a notice, not refused', async ({ app, store }) => {
  await newsroom(store)
  const long = `energy ${'x'.repeat(300)}`
  const res = await app.inject(`/search?q=${long}`)
  assert.equal(res.statusCode, 200)
  assert.match(res.body, /only its first 200 were searched/)
  assert.match(res.body, new RegExp(`value="energy ${'x'.repeat(193)}"`))
  const json = (await app.inject(`/api/v1/search?q=${long}`)).json()
  assert.equal(json.trimmed, true)
  assert.equal((await app.inject('/api/v1/search?q=energy')).json().trimmed, false)
})

onBothEngines('GET /api/v1/search/suggest answers titles, tags and authors by the start of their words', async ({ app, store }) => {
  await newsroom(store)
  const res = await app.inject('/api/v1/search/suggest?q=Kaz')
  assert.equal(res.statusCode, 200)
  const body = res.json()
  assert.deepEqual(body.titles.map((t: { title: string }) => t.title), ['Kazakhstan election day 1', 'Kazakhstan election day 2', 'Kazakhstan election day 3'])
  assert.match(body.titles[0].path, /^\/news\/kazakhstan-election-day-1/)
  assert.deepEqual(body.tags, [{ name: 'Kazakhstan', path: '/tag/kazakhstan' }])
  assert.deepEqual((await app.inject('/api/v1/search/suggest?q=aig')).json().authors, [{ name: 'Aigerim Sadykova', path: '/author/aigerim-sadykova' }])
  assert.deepEqual((await app.inject('/api/v1/search/suggest?q=k')).json(), { titles: [], tags: [], authors: [] })
  assert.deepEqual((await app.inject('/api/v1/search/suggest?q=kaz&language=ru')).json().titles, [])
  for (const [url, field] of [['/api/v1/search/suggest', 'q'], ['/api/v1/search/suggest?q=kaz&language=english', 'language'], [`/api/v1/search/suggest?q=${'a'.repeat(1001)}`, 'q']]) {
    const bad = await app.inject(url!)
    assert.equal(bad.statusCode, 400, url)
    assert.equal(bad.json().error.field, field, url)
  }
})

onBothEngines('suggestions fold every script alike, and in another site language tags go by their names there and link its pages', async ({ app, store }) => {
  await newsroom(store)
  await setSiteLanguages(store, ['en', 'ru'])
  await store.transaction((tx) => tx.people.insertAuthor({ slug: 'elena-ivanova', name: 'Елена Иванова', bio: '', kind: 'staff', photoMediaId: null }))
  await seedArticle(store, { title: 'Выборы в Казахстане', language: 'ru', tags: ['kazakhstan'], authors: ['elena-ivanova'], publishedAt: NOW - DAY })
  await store.taxonomy.setTagNames((await store.taxonomy.tagBySlug('kazakhstan'))!.id, { ru: 'Казахстан' })
  const suggest = async (q: string, language = '') =>
    (await app.inject(`/api/v1/search/suggest?q=${encodeURIComponent(q)}${language && `&language=${language}`}`)).json()
  // Capitals outside ASCII fold as search folds them, on SQLite too.
  assert.deepEqual((await suggest('ива')).authors, [{ name: 'Елена Иванова', path: '/author/elena-ivanova' }])
  assert.deepEqual((await suggest('ИВА')).authors, [{ name: 'Елена Иванова', path: '/author/elena-ivanova' }])
  // In Russian the tag answers to both its names, shows its Russian one and leads to the Russian pages.
  const russian = [{ name: 'Казахстан', path: '/ru/tag/kazakhstan' }]
  assert.deepEqual((await suggest('каз', 'ru')).tags, russian)
  assert.deepEqual((await suggest('kaz', 'ru')).tags, russian)
  assert.deepEqual((await suggest('ива', 'ru')).authors, [{ name: 'Елена Иванова', path: '/ru/author/elena-ivanova' }])
  assert.deepEqual((await suggest('выб', 'ru')).titles.map((t: { title: string }) => t.title), ['Выборы в Казахстане'])
  // In English the English name, and the Russian one finds nothing.
  assert.deepEqual((await suggest('kaz')).tags, [{ name: 'Kazakhstan', path: '/tag/kazakhstan' }])
  assert.deepEqual((await suggest('каз')).tags, [])
})

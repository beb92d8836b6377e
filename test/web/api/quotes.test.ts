// The Content API's /api/v1/quotes and /api/v1/speakers on both engines: filters, keyset cursors, limits, errors that
// name the parameter, answers that match the OpenAPI document, and nothing of unpublished articles.

import assert from 'node:assert/strict'
import { onBothEngines } from '../../support/both-engines.ts'
import { seedArticle, seedTaxonomy } from '../../support/seed.ts'
import { documentValidator } from '../../support/openapi.ts'
import { OPENAPI } from '../../../src/web/api/openapi.ts'
import { OPERATOR } from '../../../src/editorial/permission.ts'
import { api, apiNewsroom, forEachEngine as forEachApiEngine } from '../../support/admin-api.ts'

const check = documentValidator(OPENAPI)

onBothEngines('quotes and speakers are listed with filters and keyset pages, as documented; drafts’ quotes are not', async (a) => {
  await seedTaxonomy(a.store)
  const desk = a.services.speakerDesk
  const eu = await desk.createSpeaker(OPERATOR, { name: 'European Union', kind: 'organisation', links: 'https://europa.eu' })
  const min = await desk.createSpeaker(OPERATOR, { name: 'Foreign Minister', kind: 'person' })
  const hidden = await desk.createSpeaker(OPERATOR, { name: 'Draft Only', kind: 'person' })
  for (let i = 0; i < 5; i++) {
    const id = await seedArticle(a.store, { draft: true, title: `Statement ${i}`, slug: `statement-${i}`, bodyHtml: `<p><q data-quote="x${i}">Words number ${i}</q></p>` })
    await a.services.quoteDesk.saveQuotes(OPERATOR, id, [{ anchor: `x${i}`, speaker: i % 2 ? min : eu, text: `Words number ${i}`, said: `2026-11-1${i}`, source: 'https://europa.eu/s' }])
    await a.services.editing.transition(id, 'published', OPERATOR)
  }
  const draft = await seedArticle(a.store, { draft: true, bodyHtml: '<p><q data-quote="d">secret words</q></p>' })
  await a.services.quoteDesk.saveQuotes(OPERATOR, draft, [{ anchor: 'd', speaker: hidden, text: 'secret words' }])

  const get = async (url: string) => {
    const res = await a.app.inject(url)
    check(url.split('?')[0]!, 'get', res)
    return res
  }
  const first = await get('/api/v1/quotes?limit=2')
  const page1 = first.json() as { items: { text: string; said_on: string; speaker: { slug: string }; article: { path: string } }[]; next_cursor: string }
  assert.deepEqual(page1.items.map((q) => q.said_on), ['2026-11-14', '2026-11-13'], 'newest said first')
  assert.equal(page1.items[0]?.article.path, '/news/statement-4')
  const page2 = (await get(`/api/v1/quotes?limit=2&cursor=${page1.next_cursor}`)).json() as typeof page1
  const page3 = (await get(`/api/v1/quotes?limit=2&cursor=${page2.next_cursor}`)).json() as { items: unknown[]; next_cursor: string | null }
  assert.deepEqual([page2.items.length, page3.items.length, page3.next_cursor], [2, 1, null])
  assert.equal(JSON.stringify([page1, page2, page3]).includes('secret'), false, 'a draft’s quote is nowhere')

  const theirs = (await get('/api/v1/quotes?speaker=european-union')).json() as typeof page1
  assert.deepEqual(theirs.items.map((q) => q.text), ['Words number 4', 'Words number 2', 'Words number 0'])
  const between = (await get('/api/v1/quotes?from=2026-11-11&to=2026-11-13')).json() as typeof page1
  assert.deepEqual(between.items.map((q) => q.said_on), ['2026-11-13', '2026-11-12', '2026-11-11'], '`to` is inclusive')
  assert.deepEqual(((await get('/api/v1/quotes?q=NUMBER%203')).json() as typeof page1).items.map((q) => q.text), ['Words number 3'])

  for (const [url, field] of [['/api/v1/quotes?speaker=draft-only', 'speaker'], ['/api/v1/quotes?from=2026-02-30', 'from'], ['/api/v1/quotes?limit=0', 'limit'],
    ['/api/v1/quotes?cursor=bm90LWEtY3Vyc29y', 'cursor'], ['/api/v1/quotes?from=2026-11-14&to=2026-11-10', 'from']] as const) {
    const res = await get(url)
    assert.equal(res.statusCode, 400, url)
    assert.equal((res.json() as { error: { field: string } }).error.field, field, url)
  }

  const speakers = (await get('/api/v1/speakers?limit=1')).json() as { items: { slug: string; links: string[] }[]; next_cursor: string }
  assert.deepEqual(speakers.items.map((s) => [s.slug, s.links]), [['european-union', ['https://europa.eu']]])
  const more = (await get(`/api/v1/speakers?limit=1&cursor=${speakers.next_cursor}`)).json() as { items: { slug: string }[]; next_cursor: string | null }
  assert.deepEqual([more.items.map((s) => s.slug), more.next_cursor], [['foreign-minister'], null], 'a speaker only drafts quote is not listed')
  assert.equal((await get('/api/v1/speakers?cursor=x')).statusCode, 400)
})

forEachApiEngine('the Admin API carries an article’s quotes both ways, checked like the editor’s, as documented', async (a) => {
  const { users } = await apiNewsroom(a)
  const minister = await a.services.speakerDesk.createSpeaker(OPERATOR, { name: 'Foreign Minister', kind: 'person' })
  const body_html = '<p>She said <q data-quote="m1">we are ready</q>.</p>'
  const quotes = [{ anchor: 'm1', speaker: minister, text: 'we are ready', role: 'Minister', said: '2026-11-02', place: 'kazakhstan' }]
  const created = await api(a, users.editor, { method: 'POST', url: '/api/v1/admin/articles', payload: { title: 'Ready', section: 'news', body_html, quotes } })
  assert.equal(created.statusCode, 201)
  check('/api/v1/admin/articles', 'post', created)
  const json = created.json() as { id: number; version: number; quotes: Record<string, unknown>[] }
  assert.deepEqual(json.quotes, [{ ...quotes[0], speaker_name: 'Foreign Minister', organisation: '', event: '', source: '', language: '' }])

  // Sent back as received (speaker_name and all), a quote changes; a bad one is refused naming it, and nothing changes.
  const url = `/api/v1/admin/articles/${json.id}`
  const bad = await api(a, users.editor, { method: 'PATCH', url, payload: { version: json.version, quotes: [{ ...json.quotes[0], source: 'ftp://x' }] } })
  assert.equal(bad.statusCode, 400)
  assert.equal((bad.json() as { error: { field: string } }).error.field, 'quotes[0].source')
  const patched = await api(a, users.editor, { method: 'PATCH', url, payload: { version: json.version, quotes: [{ ...json.quotes[0], event: 'Briefing' }] } })
  assert.equal(patched.statusCode, 200)
  ;(check as (path: string, method: string, res: typeof patched) => void)('/api/v1/admin/articles/{id}', 'patch', patched)
  assert.equal((patched.json() as typeof json).quotes[0]?.event, 'Briefing')
  const notList = await api(a, users.editor, { method: 'PATCH', url, payload: { version: (patched.json() as typeof json).version, quotes: 'none' } })
  assert.equal(notList.statusCode, 400)
})
